// XlsxReader: the fixtures written by openpyxl and LibreOffice, and the package shapes other
// writers produce (relative targets, booleans, 1904 dates, phonetic runs), built part by part.
#include "TestWorkbook.h"
#include "RequireXlsxWriter.h"
#include "XlsxReader.h"
#include "XlsxStyles.h"
#include "XlsxWriterApi.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>


using namespace emis::io;
using testsupport::minimalWorkbook;
using testsupport::writeZip;

namespace {

const Cell &cellAt(const Sheet &s, int row, int col)
{
    static const Cell empty;
    return col < s.rows[row].cells.size() ? s.rows[row].cells[col] : empty;
}

Result<Sheet> readParts(const QTemporaryDir &dir, const QList<testsupport::Part> &parts)
{
    const QString path = dir.filePath(QStringLiteral("t.xlsx"));
    QFile::remove(path);
    if (!writeZip(path, parts))
        return Result<Sheet>::failure(QStringLiteral("test zip not written"));
    XlsxReader reader;
    if (Status s = reader.open(path); !s)
        return Result<Sheet>::failure(s.error());
    return reader.read(0);
}

} // namespace

class TestXlsxReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void openpyxlFixture_inlineStringsAndDateCells();
    void libreofficeFixture_sharedStringsAndNumbersAsStored();
    void staffFixture_readsSheetByName();
    void sheetChoice_byIndexAndName_withClearErrors();
    void cellTypes_boolFormulaStringInlineAndError();
    void dateStyles_builtinAndCustomFormats();
    void date1904System_shiftsSerials();
    void phoneticRuns_areNotPartOfTheText();
    void cellsWithoutReferences_followEachOther();
    void libxlsxwriterWorkbook_sharedStringsAndChineseDateFormat();
    void dateFormatDetection_data();
    void dateFormatDetection();
    void encryptedWorkbook_saysPasswordNotCrash();
    void truncatedOrGarbage_givesMessageNotCrash_data();
    void truncatedOrGarbage_givesMessageNotCrash();
    void missingSharedString_isReportedAsDamage();
    void damagedDeflateStream_endsWithAMessageNotAHang();
    void readsFromDevice();

private:
    QTemporaryDir m_dir;
};

void TestXlsxReader::openpyxlFixture_inlineStringsAndDateCells()
{
    XlsxReader reader;
    Status opened = reader.open(QStringLiteral(EMIS_FIXTURES_DIR "/students_openpyxl.xlsx"));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    QCOMPARE(reader.sheetNames(), QStringList{QStringLiteral("学生名册")});
    auto sheet = reader.read(0);
    QVERIFY2(sheet.ok(), qPrintable(sheet.error()));
    QCOMPARE(sheet->rows.size(), 91);
    QCOMPARE(sheet->rows[0].line, 1);
    QCOMPARE(sheet->rows[90].line, 91);
    QCOMPARE(cellAt(sheet.value(), 0, 4).text, QStringLiteral("身份证件号"));
    QCOMPARE(cellAt(sheet.value(), 1, 0).kind, CellKind::Empty);  // 学籍号 left blank
    QCOMPARE(cellAt(sheet.value(), 1, 1).text, QStringLiteral("孟杰洋"));
    QCOMPARE(cellAt(sheet.value(), 1, 3).kind, CellKind::Date);   // serial 40277, style yyyy-mm-dd
    QCOMPARE(cellAt(sheet.value(), 1, 3).text, QStringLiteral("2010-04-09"));
    QCOMPARE(cellAt(sheet.value(), 1, 4).kind, CellKind::Text);
    QCOMPARE(cellAt(sheet.value(), 1, 4).text, QStringLiteral("36042920100409898X"));
}

void TestXlsxReader::libreofficeFixture_sharedStringsAndNumbersAsStored()
{
    XlsxReader reader;
    QVERIFY(reader.open(QStringLiteral(EMIS_FIXTURES_DIR "/students_libreoffice.xlsx")).ok());
    QCOMPARE(reader.sheetNames(), QStringList{QStringLiteral("students_libreoffice")});
    auto sheet = reader.read(0);
    QVERIFY2(sheet.ok(), qPrintable(sheet.error()));
    QCOMPARE(sheet->rows.size(), 91);
    // Row 2 has no A cell at all: B2 must still land in column B.
    QCOMPARE(cellAt(sheet.value(), 1, 0).kind, CellKind::Empty);
    QCOMPARE(cellAt(sheet.value(), 1, 1).text, QStringLiteral("孟杰洋"));
    QCOMPARE(cellAt(sheet.value(), 1, 3).text, QStringLiteral("2010/04/09"));  // a date as text
    QCOMPARE(cellAt(sheet.value(), 1, 4).text, QStringLiteral("36042920100409898X"));
    QCOMPARE(cellAt(sheet.value(), 1, 7).text, QStringLiteral("1班"));  // two rich-text runs joined
    QCOMPARE(cellAt(sheet.value(), 1, 10).kind, CellKind::Number);     // phone typed as a number
    QCOMPARE(cellAt(sheet.value(), 1, 10).text, QStringLiteral("17446491023"));
    // The ID number Calc turned into a number keeps the digits it stored, so it stays recognisable.
    QCOMPARE(cellAt(sheet.value(), 2, 4).kind, CellKind::Number);
    QCOMPARE(cellAt(sheet.value(), 2, 4).text, QStringLiteral("3.60429200911281E+017"));
}

void TestXlsxReader::staffFixture_readsSheetByName()
{
    XlsxReader reader;
    QVERIFY(reader.open(QStringLiteral(EMIS_FIXTURES_DIR "/staff_openpyxl.xlsx")).ok());
    auto sheet = reader.read(QStringLiteral("教职工名册"));
    QVERIFY2(sheet.ok(), qPrintable(sheet.error()));
    QCOMPARE(sheet->name, QStringLiteral("教职工名册"));
    QCOMPARE(sheet->rows.size(), 21);
    QCOMPARE(cellAt(sheet.value(), 0, 0).text, QStringLiteral("工号"));
    QCOMPARE(cellAt(sheet.value(), 1, 0).text, QStringLiteral("T37685"));
    QCOMPARE(cellAt(sheet.value(), 1, 6).text, QStringLiteral("专任教师"));
}

void TestXlsxReader::sheetChoice_byIndexAndName_withClearErrors()
{
    EMIS_REQUIRE_XLSXWRITER();
    const QString path = m_dir.filePath(QStringLiteral("two.xlsx"));
    const XlsxWriterApi *lxw = XlsxWriterApi::get();
    QVERIFY(lxw);
    lxw_workbook *wb = lxw->workbook_new(QFile::encodeName(path).constData());
    lxw->worksheet_write_string(lxw->workbook_add_worksheet(wb, "说明"), 0, 0, "本表为学生名册", nullptr);
    lxw->worksheet_write_string(lxw->workbook_add_worksheet(wb, "名单"), 0, 0, "姓名", nullptr);
    QCOMPARE(lxw->workbook_close(wb), LXW_NO_ERROR);
    XlsxReader reader;
    QVERIFY(reader.open(path).ok());
    QCOMPARE(reader.sheetNames(), QStringList({QStringLiteral("说明"), QStringLiteral("名单")}));
    QCOMPARE(cellAt(reader.read(1).value(), 0, 0).text, QStringLiteral("姓名"));
    QCOMPARE(cellAt(reader.read(QStringLiteral("说明")).value(), 0, 0).text, QStringLiteral("本表为学生名册"));
    auto missing = reader.read(QStringLiteral("成绩"));
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().contains(QStringLiteral("成绩")));
    QVERIFY(!reader.read(2).ok());
    QVERIFY(!reader.read(-1).ok());
}

void TestXlsxReader::cellTypes_boolFormulaStringInlineAndError()
{
    auto sheet = readParts(m_dir, minimalWorkbook(
        "<row r=\"1\"><c r=\"A1\" t=\"b\"><v>1</v></c><c r=\"B1\" t=\"b\"><v>0</v></c>"
        "<c r=\"C1\" t=\"str\"><f>A1&amp;\"x\"</f><v>TRUEx</v></c>"
        "<c r=\"D1\" t=\"inlineStr\"><is><r><t>江西</t></r><r><t xml:space=\"preserve\"> 湖口</t></r></is></c>"
        "<c r=\"E1\" t=\"e\"><v>#N/A</v></c><c r=\"F1\"><v>12.5</v></c><c r=\"G1\" t=\"s\"><v>0</v></c></row>",
        "<si><t>共享</t></si>"));
    QVERIFY2(sheet.ok(), qPrintable(sheet.error()));
    const Sheet &s = sheet.value();
    QCOMPARE(cellAt(s, 0, 0).kind, CellKind::Bool);
    QCOMPARE(cellAt(s, 0, 0).text, QStringLiteral("TRUE"));
    QCOMPARE(cellAt(s, 0, 1).text, QStringLiteral("FALSE"));
    QCOMPARE(cellAt(s, 0, 2).text, QStringLiteral("TRUEx"));  // the formula's cached result
    QCOMPARE(cellAt(s, 0, 3).text, QStringLiteral("江西 湖口"));
    QCOMPARE(cellAt(s, 0, 4).text, QStringLiteral("#N/A"));
    QCOMPARE(cellAt(s, 0, 5).kind, CellKind::Number);
    QCOMPARE(cellAt(s, 0, 5).text, QStringLiteral("12.5"));
    QCOMPARE(cellAt(s, 0, 6).text, QStringLiteral("共享"));
}

void TestXlsxReader::dateStyles_builtinAndCustomFormats()
{
    auto sheet = readParts(m_dir, minimalWorkbook(
        "<row r=\"3\"><c r=\"A3\" s=\"1\"><v>40277</v></c><c r=\"B3\" s=\"2\"><v>42614</v></c>"
        "<c r=\"C3\" s=\"3\"><v>40277</v></c><c r=\"D3\" s=\"4\"><v>0.5</v></c><c r=\"E3\"><v>40277</v></c></row>",
        {}, "<numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
            "<numFmt numFmtId=\"165\" formatCode=\"0.00\"/><numFmt numFmtId=\"166\" formatCode=\"[h]:mm:ss\"/>",
        "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"166\"/>"));
    QVERIFY2(sheet.ok(), qPrintable(sheet.error()));
    const Sheet &s = sheet.value();
    QCOMPARE(s.rows[0].line, 3);
    QCOMPARE(cellAt(s, 0, 0).text, QStringLiteral("2010-04-09"));  // built-in 14 (m/d/yyyy)
    QCOMPARE(cellAt(s, 0, 0).kind, CellKind::Date);
    QCOMPARE(cellAt(s, 0, 1).text, QStringLiteral("2016-09-01"));  // yyyy"年"m"月"d"日"
    QCOMPARE(cellAt(s, 0, 2).kind, CellKind::Number);              // 0.00 is no date
    QCOMPARE(cellAt(s, 0, 2).text, QStringLiteral("40277"));
    QCOMPARE(cellAt(s, 0, 3).kind, CellKind::Number);              // a duration stays a number
    QCOMPARE(cellAt(s, 0, 4).kind, CellKind::Number);              // General
}

void TestXlsxReader::date1904System_shiftsSerials()
{
    // 2010-04-09 is 38815 in the 1904 system (Excel for Mac before 2011).
    auto sheet = readParts(m_dir, minimalWorkbook("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>38815</v></c></row>", {}, {},
                                                  "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>",
                                                  "<workbookPr date1904=\"1\"/>"));
    QVERIFY2(sheet.ok(), qPrintable(sheet.error()));
    QCOMPARE(cellAt(sheet.value(), 0, 0).text, QStringLiteral("2010-04-09"));
}

void TestXlsxReader::phoneticRuns_areNotPartOfTheText()
{
    auto sheet = readParts(m_dir, minimalWorkbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
                                                  "<si><t>曾</t><rPh sb=\"0\" eb=\"1\"><t>zēng</t></rPh></si>"));
    QVERIFY2(sheet.ok(), qPrintable(sheet.error()));
    QCOMPARE(cellAt(sheet.value(), 0, 0).text, QStringLiteral("曾"));
}

void TestXlsxReader::cellsWithoutReferences_followEachOther()
{
    auto sheet = readParts(m_dir, minimalWorkbook("<row><c t=\"inlineStr\"><is><t>a</t></is></c>"
                                                  "<c t=\"inlineStr\"><is><t>b</t></is></c></row>"
                                                  "<row><c r=\"C2\"><v>3</v></c></row>"));
    QVERIFY2(sheet.ok(), qPrintable(sheet.error()));
    QCOMPARE(sheet->rows[0].line, 1);
    QCOMPARE(cellAt(sheet.value(), 0, 1).text, QStringLiteral("b"));
    QCOMPARE(sheet->rows[1].line, 2);
    QCOMPARE(cellAt(sheet.value(), 1, 2).text, QStringLiteral("3"));
}

void TestXlsxReader::libxlsxwriterWorkbook_sharedStringsAndChineseDateFormat()
{
    EMIS_REQUIRE_XLSXWRITER();
    const QString path = m_dir.filePath(QStringLiteral("lxw.xlsx"));
    const XlsxWriterApi *lxw = XlsxWriterApi::get();
    QVERIFY(lxw);
    lxw_workbook *wb = lxw->workbook_new(QFile::encodeName(path).constData());
    lxw_worksheet *ws = lxw->workbook_add_worksheet(wb, nullptr);
    lxw_format *date = lxw->workbook_add_format(wb);
    lxw->format_set_num_format(date, "yyyy年m月d日");
    lxw->worksheet_write_string(ws, 0, 0, "出生日期", nullptr);
    lxw_datetime dt = {2010, 4, 9, 0, 0, 0};
    lxw->worksheet_write_datetime(ws, 1, 0, &dt, date);
    QCOMPARE(lxw->workbook_close(wb), LXW_NO_ERROR);
    XlsxReader reader;
    QVERIFY(reader.open(path).ok());
    auto sheet = reader.read(0);
    QVERIFY2(sheet.ok(), qPrintable(sheet.error()));
    QCOMPARE(cellAt(sheet.value(), 0, 0).text, QStringLiteral("出生日期"));
    QCOMPARE(cellAt(sheet.value(), 1, 0).kind, CellKind::Date);
    QCOMPARE(cellAt(sheet.value(), 1, 0).text, QStringLiteral("2010-04-09"));
}

void TestXlsxReader::dateFormatDetection_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("isDate");
    QTest::addRow("builtin 14") << 14 << QString() << true;
    QTest::addRow("builtin 22") << 22 << QString() << true;
    QTest::addRow("builtin 31 (yyyy年m月d日)") << 31 << QString() << true;
    QTest::addRow("builtin 57") << 57 << QString() << true;
    QTest::addRow("builtin 0") << 0 << QString() << false;
    QTest::addRow("builtin 49 (@)") << 49 << QString() << false;
    QTest::addRow("builtin 23") << 23 << QString() << false;
    QTest::addRow("General") << 164 << QStringLiteral("General") << false;
    QTest::addRow("scientific") << 164 << QStringLiteral("0.00E+00") << false;
    QTest::addRow("yyyy-mm-dd") << 164 << QStringLiteral("yyyy-mm-dd") << true;
    QTest::addRow("YYYY/MM/DD") << 164 << QStringLiteral("YYYY/MM/DD") << true;
    QTest::addRow("locale prefix") << 164 << QStringLiteral("[$-804]yyyy\"年\"m\"月\"") << true;
    QTest::addRow("colour and text only") << 164 << QStringLiteral("[Red]\"day\"0") << false;
    QTest::addRow("escaped d") << 164 << QStringLiteral("0\\d") << false;
    QTest::addRow("minutes:seconds") << 164 << QStringLiteral("mm:ss") << false;
    QTest::addRow("date and time") << 164 << QStringLiteral("yyyy-mm-dd hh:mm") << true;
}

void TestXlsxReader::dateFormatDetection()
{
    QFETCH(int, id);
    QFETCH(QString, code);
    QFETCH(bool, isDate);
    QCOMPARE(XlsxStyles::isDateFormat(id, code), isDate);
}

void TestXlsxReader::encryptedWorkbook_saysPasswordNotCrash()
{
    // Excel saves a password-protected workbook as an OLE2 compound file, not a zip.
    const QString path = m_dir.filePath(QStringLiteral("secret.xlsx"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(4096, '\0'));
    f.close();
    XlsxReader reader;
    Status s = reader.open(path);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(QStringLiteral("password")), qPrintable(s.error()));
    QVERIFY(!reader.read(0).ok());
}

void TestXlsxReader::truncatedOrGarbage_givesMessageNotCrash_data()
{
    QFile fixture(QStringLiteral(EMIS_FIXTURES_DIR "/students_libreoffice.xlsx"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    const QByteArray whole = fixture.readAll();
    QTest::addColumn<QByteArray>("bytes");
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("text file") << QByteArray("姓名,性别\n张三,男\n");
    QTest::addRow("zip header only") << QByteArray("PK\x03\x04", 4);
    for (int cut : {100, 1000, 5000, 9000, 12000})
        QTest::addRow("cut at %d", cut) << whole.left(cut);
    QByteArray flipped = whole;
    for (qsizetype i = 200; i < flipped.size(); i += 97)
        flipped[i] = char(flipped[i] ^ 0x5A);
    QTest::addRow("bytes flipped") << flipped;
}

void TestXlsxReader::truncatedOrGarbage_givesMessageNotCrash()
{
    QFETCH(QByteArray, bytes);
    const QString path = m_dir.filePath(QStringLiteral("broken.xlsx"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
    f.close();
    XlsxReader reader;
    Status s = reader.open(path);
    if (s.ok()) {
        auto sheet = reader.read(0);
        if (!sheet.ok())
            QVERIFY(!sheet.error().isEmpty());
    } else {
        QVERIFY2(s.error().contains(QStringLiteral("broken.xlsx")), qPrintable(s.error()));
    }
    QVERIFY(!s.ok() || reader.sheetNames().size() == 1);
}

void TestXlsxReader::missingSharedString_isReportedAsDamage()
{
    auto sheet = readParts(m_dir, minimalWorkbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>", "<si><t>a</t></si>"));
    QVERIFY(!sheet.ok());
    QVERIFY2(sheet.error().contains(QStringLiteral("shared string")), qPrintable(sheet.error()));
}

void TestXlsxReader::damagedDeflateStream_endsWithAMessageNotAHang()
{
    // Found by fuzz_xlsx: one changed byte inside the sheet's compressed stream. QuaZip then
    // fails every read, and QXmlStreamReader on a device reports a premature end that it would
    // wait on forever; the reader must stop at the first XML error.
    QFile f(QStringLiteral(EMIS_IO_TESTDATA "/damaged_deflate_stream.xlsx"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray bytes = f.readAll();
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QElapsedTimer clock;
    clock.start();
    XlsxReader reader;
    if (reader.open(&buffer).ok()) {
        for (int i = 0; i < reader.sheetNames().size(); ++i) {
            auto sheet = reader.read(i);
            QVERIFY(sheet.ok() || !sheet.error().isEmpty());
        }
    }
    QVERIFY(clock.elapsed() < 5000);
}

void TestXlsxReader::readsFromDevice()
{
    QFile fixture(QStringLiteral(EMIS_FIXTURES_DIR "/students_openpyxl.xlsx"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    QByteArray bytes = fixture.readAll();
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    XlsxReader reader;
    QVERIFY(reader.open(&buffer).ok());
    auto sheet = reader.read(0);
    QVERIFY(sheet.ok());
    QCOMPARE(sheet->rows.size(), 91);
}

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
