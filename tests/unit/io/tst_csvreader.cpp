// CsvReader: the fixtures clerks bring (GBK with CRLF, UTF-8 with BOM) and the CSV edge cases.
#include "CsvReader.h"
#include "TextEncoding.h"

#include <QStringDecoder>
#include <QTest>

using namespace emis::io;

namespace {

QString cellAt(const Sheet &s, int row, int col)
{
    return col < s.rows[row].cells.size() ? s.rows[row].cells[col].text : QString();
}

QByteArray gb18030(const QString &text) { return encodeText(text, TextEncoding::Gb18030); }

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void gbkFixture_readsChineseHeadersAndNinetyRows();
    void utf8BomFixture_dropsBomAndReadsNinetyRows();
    void dirtyFixture_linesArePhysicalLines();
    void quotedCells_keepCommasLineBreaksAndQuotes();
    void quotedLineBreak_nextRowKeepsItsPhysicalLine();
    void crlfAndLf_giveTheSameCells();
    void trailingEmptyLinesAndBlankRows_areSkipped();
    void gb18030FourByteSequences_decode();
    void encodingDetection_data();
    void encodingDetection();
    void damagedByte_decodesToReplacementCharacter_data();
    void damagedByte_decodesToReplacementCharacter();
    void delimiter_data();
    void delimiter();
    void excelSepLine_setsDelimiter();
    void excelUnicodeText_utf16TabSeparated();
    void unclosedQuote_isAnErrorNamingTheLine();
    void missingFile_isAnError();
};

void TestCsvReader::gbkFixture_readsChineseHeadersAndNinetyRows()
{
    const QString path = QStringLiteral(EMIS_FIXTURES_DIR "/students_gbk.csv");
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(detectEncoding(f.readAll()), TextEncoding::Gb18030);
    auto sheet = CsvReader::readFile(path);
    QVERIFY2(sheet.ok(), qPrintable(sheet.error()));
    QCOMPARE(sheet->rows.size(), 91);
    QCOMPARE(cellAt(sheet.value(), 0, 1), QStringLiteral("姓名"));
    QCOMPARE(cellAt(sheet.value(), 0, 4), QStringLiteral("身份证件号"));
    QCOMPARE(cellAt(sheet.value(), 1, 1), QStringLiteral("孟杰洋"));
    QCOMPARE(cellAt(sheet.value(), 1, 4), QStringLiteral("36042920100409898X"));
    QCOMPARE(sheet->rows[1].cells[4].kind, CellKind::Text);
    QCOMPARE(sheet->rows.last().line, 91);
    // CRLF leaves no carriage return in the last cell.
    QVERIFY(!cellAt(sheet.value(), 1, 11).contains(u'\r'));
    QCOMPARE(sheet->name, QStringLiteral("students_gbk"));
}

void TestCsvReader::utf8BomFixture_dropsBomAndReadsNinetyRows()
{
    auto sheet = CsvReader::readFile(QStringLiteral(EMIS_FIXTURES_DIR "/students_utf8bom.csv"));
    QVERIFY2(sheet.ok(), qPrintable(sheet.error()));
    QCOMPARE(sheet->rows.size(), 91);
    QCOMPARE(cellAt(sheet.value(), 0, 0), QStringLiteral("学籍号"));  // no U+FEFF in front
    QCOMPARE(cellAt(sheet.value(), 1, 2), QStringLiteral("2"));
    QCOMPARE(cellAt(sheet.value(), 1, 3), QStringLiteral("20100409"));
}

void TestCsvReader::dirtyFixture_linesArePhysicalLines()
{
    auto sheet = CsvReader::readFile(QStringLiteral(EMIS_FIXTURES_DIR "/students_dirty.csv"));
    QVERIFY(sheet.ok());
    QCOMPARE(sheet->rows.size(), 16);
    for (int i = 0; i < sheet->rows.size(); ++i)
        QCOMPARE(sheet->rows[i].line, i + 1);
    // Line 12 has an empty name: the cell is there, empty.
    QCOMPARE(sheet->rows[11].cells[1].kind, CellKind::Empty);
}

void TestCsvReader::quotedCells_keepCommasLineBreaksAndQuotes()
{
    const QByteArray csv = "a,b,c\n"
                           "\"x, y\",\"he said \"\"hi\"\"\",\"two\nlines\"\n"
                           "\"\",plain,\"\"\"\"\n";
    auto sheet = CsvReader::parse(csv);
    QVERIFY(sheet.ok());
    QCOMPARE(sheet->rows.size(), 3);
    QCOMPARE(cellAt(sheet.value(), 1, 0), QStringLiteral("x, y"));
    QCOMPARE(cellAt(sheet.value(), 1, 1), QStringLiteral("he said \"hi\""));
    QCOMPARE(cellAt(sheet.value(), 1, 2), QStringLiteral("two\nlines"));
    QCOMPARE(cellAt(sheet.value(), 2, 0), QString());
    QCOMPARE(cellAt(sheet.value(), 2, 1), QStringLiteral("plain"));
    QCOMPARE(cellAt(sheet.value(), 2, 2), QStringLiteral("\""));
}

void TestCsvReader::quotedLineBreak_nextRowKeepsItsPhysicalLine()
{
    // The second row spans lines 2-4; the row after it starts on line 5, as an editor shows it.
    const QByteArray csv = "name,address\r\n张三,\"江西省\r\n湖口县\r\n双钟镇\"\r\n李四,九江\r\n";
    auto sheet = CsvReader::parse(csv);
    QVERIFY(sheet.ok());
    QCOMPARE(sheet->rows.size(), 3);
    QCOMPARE(sheet->rows[1].line, 2);
    QCOMPARE(cellAt(sheet.value(), 1, 1), QStringLiteral("江西省\n湖口县\n双钟镇"));
    QCOMPARE(sheet->rows[2].line, 5);
    QCOMPARE(cellAt(sheet.value(), 2, 0), QStringLiteral("李四"));
}

void TestCsvReader::crlfAndLf_giveTheSameCells()
{
    auto lf = CsvReader::parse("a,b\n1,2\n3,4\n");
    auto crlf = CsvReader::parse("a,b\r\n1,2\r\n3,4\r\n");
    auto cr = CsvReader::parse("a,b\r1,2\r3,4\r");  // old Mac line ends
    QVERIFY(lf.ok() && crlf.ok() && cr.ok());
    for (const auto *s : {&crlf.value(), &cr.value()}) {
        QCOMPARE(s->rows.size(), lf->rows.size());
        for (int r = 0; r < s->rows.size(); ++r) {
            QCOMPARE(s->rows[r].line, lf->rows[r].line);
            for (int c = 0; c < 2; ++c)
                QCOMPARE(cellAt(*s, r, c), cellAt(lf.value(), r, c));
        }
    }
}

void TestCsvReader::trailingEmptyLinesAndBlankRows_areSkipped()
{
    auto sheet = CsvReader::parse("a,b\r\n1,2\r\n,\r\n\r\n3,4\r\n\r\n,,,\r\n\r\n");
    QVERIFY(sheet.ok());
    QCOMPARE(sheet->rows.size(), 3);
    QCOMPARE(sheet->rows[2].line, 5);  // the blank lines 3 and 4 are skipped, not renumbered
    QCOMPARE(cellAt(sheet.value(), 2, 0), QStringLiteral("3"));
    // Trailing empty cells are not stored.
    auto ragged = CsvReader::parse("a,b,,\n1,,,\n");
    QCOMPARE(ragged->rows[0].cells.size(), 2);
    QCOMPARE(ragged->rows[1].cells.size(), 1);
}

void TestCsvReader::gb18030FourByteSequences_decode()
{
    // 㐀 (U+3400, CJK Extension A) and 𠀀 (U+20000, Extension B) are 4-byte sequences in
    // GB18030, as rare characters in given names are; Qt's "GBK" codec garbles them.
    const QString name = QStringLiteral("刘㐀,𠀀");
    const QByteArray bytes = gb18030(QStringLiteral("姓名,备注\r\n") + name + QStringLiteral("\r\n"));
    QVERIFY(bytes.contains("\x81\x39\xEE\x39"));  // U+3400 in GB18030
    QVERIFY(bytes.contains("\x95\x32\x82\x36"));  // U+20000 in GB18030
    QCOMPARE(detectEncoding(bytes), TextEncoding::Gb18030);
    auto sheet = CsvReader::parse(bytes);
    QVERIFY(sheet.ok());
    QCOMPARE(cellAt(sheet.value(), 1, 0), QStringLiteral("刘㐀"));
    QCOMPARE(cellAt(sheet.value(), 1, 1), QStringLiteral("𠀀"));
}

void TestCsvReader::encodingDetection_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("encoding");
    QTest::addRow("ascii") << QByteArray("a,b\n1,2\n") << int(TextEncoding::Utf8);
    QTest::addRow("utf-8") << QStringLiteral("姓名,性别\n").toUtf8() << int(TextEncoding::Utf8);
    QTest::addRow("utf-8 bom") << QByteArray("\xEF\xBB\xBF") + QStringLiteral("姓名").toUtf8() << int(TextEncoding::Utf8Bom);
    QTest::addRow("gbk") << gb18030(QStringLiteral("姓名,性别\n")) << int(TextEncoding::Gb18030);
    // UTF-8 cut in the middle of a character is not UTF-8.
    QTest::addRow("broken utf-8") << QStringLiteral("姓名").toUtf8().left(4) << int(TextEncoding::Gb18030);
    // A roster in UTF-8 with one damaged byte is still UTF-8, not GBK mojibake.
    QByteArray damaged = QStringLiteral("姓名,性别\n周勇,男\n唐曦晨,女\n谢语艳,女\n").toUtf8();
    damaged[damaged.indexOf(QStringLiteral("勇").toUtf8()) + 2] = char(0xFF);
    QTest::addRow("utf-8, one byte damaged") << damaged << int(TextEncoding::Utf8);
}

void TestCsvReader::encodingDetection()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, encoding);
    QCOMPARE(int(detectEncoding(bytes)), encoding);
}

void TestCsvReader::damagedByte_decodesToReplacementCharacter_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QString text = QStringLiteral("姓名,性别\r\n周勇,男\r\n唐曦晨,女\r\n");
    QByteArray gbk = gb18030(text);
    gbk[gbk.indexOf(gb18030(QStringLiteral("勇"))) + 1] = char(0xFF);
    QTest::addRow("gbk") << gbk;
    QByteArray utf8 = text.toUtf8();
    utf8[utf8.indexOf(QStringLiteral("勇").toUtf8()) + 2] = char(0xFF);
    QTest::addRow("utf-8") << utf8;
    QTest::addRow("utf-8 with BOM") << QByteArray("\xEF\xBB\xBF") + utf8;
}

void TestCsvReader::damagedByte_decodesToReplacementCharacter()
{
    // The damage shows where it is, and only there: the import then rejects that row alone.
    QFETCH(QByteArray, bytes);
    auto sheet = CsvReader::parse(bytes);
    QVERIFY(sheet.ok());
    QCOMPARE(sheet->rows.size(), 3);
    QCOMPARE(cellAt(sheet.value(), 0, 0), QStringLiteral("姓名"));
    QVERIFY2(cellAt(sheet.value(), 1, 0).startsWith(QStringLiteral("周")) &&
                 cellAt(sheet.value(), 1, 0).contains(QChar::ReplacementCharacter),
             qPrintable(cellAt(sheet.value(), 1, 0)));
    QCOMPARE(cellAt(sheet.value(), 1, 1), QStringLiteral("男"));
    QCOMPARE(cellAt(sheet.value(), 2, 0), QStringLiteral("唐曦晨"));
}

void TestCsvReader::delimiter_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("secondCell");
    QTest::addRow("comma") << QByteArray("姓名,性别\n张三,男\n") << QStringLiteral("性别");
    QTest::addRow("tab") << QByteArray("姓名\t性别\n张三\t男\n") << QStringLiteral("性别");
    QTest::addRow("semicolon") << QByteArray("姓名;性别\n张三;男\n") << QStringLiteral("性别");
    // A comma inside a quoted tab-separated cell does not make it comma-separated.
    QTest::addRow("tab with quoted commas") << QByteArray("\"a,b,c\"\t性别\nx\ty\n") << QStringLiteral("性别");
}

void TestCsvReader::delimiter()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, secondCell);
    auto sheet = CsvReader::parse(csv);
    QVERIFY(sheet.ok());
    QCOMPARE(cellAt(sheet.value(), 0, 1), secondCell);
}

void TestCsvReader::excelSepLine_setsDelimiter()
{
    auto sheet = CsvReader::parse("sep=;\r\n姓名;性别\r\n张三;男\r\n");
    QVERIFY(sheet.ok());
    QCOMPARE(sheet->rows.size(), 2);
    QCOMPARE(sheet->rows[0].line, 2);
    QCOMPARE(cellAt(sheet.value(), 1, 1), QStringLiteral("男"));
}

void TestCsvReader::excelUnicodeText_utf16TabSeparated()
{
    // Excel's "Unicode text (*.txt)": UTF-16LE with a BOM, tab-separated.
    const QByteArray bytes = encodeText(QStringLiteral("姓名\t性别\r\n刘㐀\t男\r\n"), TextEncoding::Utf16Le);
    QVERIFY(bytes.startsWith("\xFF\xFE"));
    QCOMPARE(detectEncoding(bytes), TextEncoding::Utf16Le);
    auto sheet = CsvReader::parse(bytes);
    QVERIFY(sheet.ok());
    QCOMPARE(sheet->rows.size(), 2);
    QCOMPARE(cellAt(sheet.value(), 1, 0), QStringLiteral("刘㐀"));
    QCOMPARE(cellAt(sheet.value(), 1, 1), QStringLiteral("男"));
    auto be = CsvReader::parse(encodeText(QStringLiteral("姓名,性别\n张三,女\n"), TextEncoding::Utf16Be));
    QCOMPARE(cellAt(be.value(), 1, 1), QStringLiteral("女"));
}

void TestCsvReader::unclosedQuote_isAnErrorNamingTheLine()
{
    auto sheet = CsvReader::parse("a,b\n1,2\n3,\"never closed\n4,5\n");
    QVERIFY(!sheet.ok());
    QVERIFY2(sheet.error().contains(QStringLiteral("3")), qPrintable(sheet.error()));
}

void TestCsvReader::missingFile_isAnError()
{
    auto sheet = CsvReader::readFile(QStringLiteral("/nonexistent/roster.csv"));
    QVERIFY(!sheet.ok());
    QVERIFY(sheet.error().contains(QStringLiteral("roster.csv")));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
