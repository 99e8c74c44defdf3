// The bounds on what an .xlsx may unpack to (XlsxLimits): a real 5,000-pupil roster in 30 columns
// is far inside them in every layout writers use; zip bombs, over-long cells, endless runs of
// whitespace and tags with thousands of attributes are refused in words, without inflating them.
#include "TestWorkbook.h"
#include "XlsxLimits.h"
#include "XlsxReader.h"
#include "ZipBomb.h"
#include "ZipPartDevice.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <quazip.h>
#include <quazipfileinfo.h>

using namespace emis::io;
using testsupport::BombPart;
using testsupport::minimalWorkbook;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
const QString kSheetPart = QStringLiteral("xl/worksheets/sheet1.xml");

// Thirty columns of a real roster: the 17 of the template and 13 a school adds (notes, bus line,
// ...), with values of realistic length and variety.
QStringList rosterRow(int n, QRandomGenerator &rng)
{
    static const QStringList surnames = {QStringLiteral("王"), QStringLiteral("李"), QStringLiteral("张"),
                                         QStringLiteral("刘"), QStringLiteral("陈"), QStringLiteral("杨"),
                                         QStringLiteral("黄"), QStringLiteral("周"), QStringLiteral("吴")};
    static const QString given = QStringLiteral("子涵梓轩欣怡浩然雨桐宇航思远佳琪俊杰诗雨明辉秀英志强丽娟");
    const auto name = [&] {
        QString s = surnames[rng.bounded(int(surnames.size()))];
        for (int i = 0, len = 1 + rng.bounded(2); i < len; ++i)
            s += given[rng.bounded(int(given.size()))];
        return s;
    };
    const QString digits = QString::number(360429200000000000LL + n * 7919LL + rng.bounded(1000));
    QStringList row = {QStringLiteral("G%1").arg(36042920100000LL + n), name(), rng.bounded(2) ? QStringLiteral("男") : QStringLiteral("女"),
                       QStringLiteral("2010-%1-%2").arg(1 + rng.bounded(12)).arg(1 + rng.bounded(28)), digits,
                       QStringLiteral("汉族"), QStringLiteral("%1年级").arg(1 + n % 9), QStringLiteral("%1班").arg(1 + n % 8),
                       QStringLiteral("2016-09"), QStringLiteral("江西省九江市湖口县"),
                       QStringLiteral("湖口县双钟镇%1村%2组%3号").arg(rng.bounded(40)).arg(rng.bounded(12)).arg(rng.bounded(200)),
                       name(), QStringLiteral("1%1").arg(3000000000LL + rng.bounded(999999999))};
    for (int i = 0; i < 4; ++i)
        row << (rng.bounded(4) ? QStringLiteral("否") : QStringLiteral("是"));
    for (int i = 0; i < 13; ++i)
        row << (i % 3 ? QStringLiteral("备注%1").arg(rng.bounded(10000)) : QString::number(rng.bounded(100)));
    return row;
}

QByteArray ref(int column, int line)
{
    QByteArray letters;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        letters.prepend(char('A' + (c - 1) % 26));
    return letters + QByteArray::number(line);
}

enum class Layout { InlineStrings, SharedStrings, FormattedEmptyRows };

// The sheet data (and shared strings) of a 5,000-pupil roster in the writer's layout.
QList<testsupport::Part> roster(Layout layout)
{
    QRandomGenerator rng(20240901);
    QByteArray data;
    QByteArray shared;
    int sharedCount = 0;
    for (int line = 1; line <= 5001; ++line) {
        const QStringList values = line == 1 ? QStringList(rosterRow(0, rng).size(), QStringLiteral("列")) : rosterRow(line, rng);
        data += "<row r=\"" + QByteArray::number(line) + "\" spans=\"1:30\">";
        for (int c = 0; c < values.size(); ++c) {
            const QByteArray text = values[c].toUtf8();
            if (layout == Layout::InlineStrings) {
                data += "<c r=\"" + ref(c, line) + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
            } else {
                shared += "<si><t>" + text + "</t></si>";
                data += "<c r=\"" + ref(c, line) + "\" s=\"1\" t=\"s\"><v>" + QByteArray::number(sharedCount++) + "</v></c>";
            }
        }
        data += "</row>";
    }
    if (layout == Layout::FormattedEmptyRows)  // a template formatted far below the table, as Excel keeps it
        for (int line = 5002; line <= 20000; ++line) {
            data += "<row r=\"" + QByteArray::number(line) + "\" spans=\"1:30\" ht=\"14.25\" customHeight=\"1\">";
            for (int c = 0; c < 30; ++c)
                data += "<c r=\"" + ref(c, line) + "\" s=\"1\"/>";
            data += "</row>";
        }
    return minimalWorkbook(data, layout == Layout::InlineStrings ? QByteArray() : shared, {},
                           "<xf numFmtId=\"0\"/><xf numFmtId=\"49\"/>");
}

QByteArray randomWhitespace(qint64 size)
{
    QRandomGenerator rng(7);
    QByteArray b(size, ' ');
    for (char &c : b)
        c = " \t\r\n"[rng.bounded(4)];
    return b;
}

} // namespace

class TestXlsxLimits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void realisticRoster_5000x30_isWithinTheLimits_data();
    void realisticRoster_5000x30_isWithinTheLimits();
    void bomb_isRefusedInWordsWithoutInflating_data();
    void bomb_isRefusedInWordsWithoutInflating();
    void cellOfExcelsLimit_isRead_oneMoreIsRefusedNamingTheCell();
    void sharedStringPastExcelsLimit_isRefused();
    void richTextRunsAddingUpPastTheLimit_areRefused();
    void longRunOfWhitespace_isRefusedWhileStreaming();
    void tagWithTooManyAttributes_isRefused_equalsInQuotesAreNotAttributes();
    void lyingHeader_partReadsNoMoreThanDeclared();
    void workbookTotal_countsWhatEveryPartInflated();

private:
    QString write(const QList<testsupport::Part> &parts);
    QString writeBomb(const BombPart &bomb);
    QTemporaryDir m_dir;
};

QString TestXlsxLimits::write(const QList<testsupport::Part> &parts)
{
    const QString path = m_dir.filePath(QStringLiteral("t.xlsx"));
    QFile::remove(path);
    if (!testsupport::writeZip(path, parts))
        qFatal("test zip not written");
    return path;
}

QString TestXlsxLimits::writeBomb(const BombPart &bomb)
{
    const QString path = m_dir.filePath(QStringLiteral("bomb.xlsx"));
    auto parts = minimalWorkbook({});
    parts.removeIf([&](const testsupport::Part &p) { return p.first == bomb.name; });
    if (!testsupport::writeBombZip(path, parts, bomb))
        qFatal("bomb not written");
    return path;
}

void TestXlsxLimits::realisticRoster_5000x30_isWithinTheLimits_data()
{
    QTest::addColumn<int>("layout");
    QTest::addRow("inline strings (openpyxl)") << int(Layout::InlineStrings);
    QTest::addRow("shared strings (Excel, libxlsxwriter)") << int(Layout::SharedStrings);
    QTest::addRow("15,000 formatted empty rows below") << int(Layout::FormattedEmptyRows);
}

void TestXlsxLimits::realisticRoster_5000x30_isWithinTheLimits()
{
    QFETCH(int, layout);
    const QString path = write(roster(Layout(layout)));
    // Every part comfortably inside: at most a third of the size bounds, a fifth of the ratio.
    QuaZip zip(path);
    QVERIFY(zip.open(QuaZip::mdUnzip));
    qint64 total = 0;
    for (bool more = zip.goToFirstFile(); more; more = zip.goToNextFile()) {
        QuaZipFileInfo64 info;
        QVERIFY(zip.getCurrentFileInfo(&info));
        const qint64 size = qint64(info.uncompressedSize);
        const double ratio = double(size) / double(std::max<quint64>(info.compressedSize, 1));
        total += size;
        if (size > 100000)
            qInfo("%s: %.1f MB, deflated %.1f to 1", qPrintable(info.name), double(size) / kMiB, ratio);
        QVERIFY2(size < XlsxLimits::kMaxPartBytes / 3, qPrintable(info.name));
        QVERIFY2(size < XlsxLimits::kRatioFloor || ratio < XlsxLimits::kMaxRatio / 5.0, qPrintable(info.name));
    }
    QVERIFY(total < XlsxLimits::kMaxWorkbookBytes / 3);
    XlsxReader reader;
    QVERIFY(reader.open(path).ok());
    auto sheet = reader.read(0);
    QVERIFY2(sheet.ok(), qPrintable(sheet.error()));
    QCOMPARE(sheet->rows.size(), 5001);
    QCOMPARE(sheet->columnCount(), 30);
}

void TestXlsxLimits::bomb_isRefusedInWordsWithoutInflating_data()
{
    QTest::addColumn<QString>("part");
    QTest::addColumn<qint64>("repeat");
    QTest::addColumn<QString>("says");
    // Sizes as the central directory declares them: refused before a byte is inflated.
    QTest::addRow("3 GiB sheet") << kSheetPart << qint64(3072) << QStringLiteral("unpacks to more than 64 MB");
    QTest::addRow("20 MiB sheet at 1000 to 1") << kSheetPart << qint64(20)
                                               << QStringLiteral("times tighter than a spreadsheet");
    QTest::addRow("1 GiB styles") << QStringLiteral("xl/styles.xml") << qint64(1024)
                                  << QStringLiteral("xl/styles.xml unpacks to more than 64 MB");
}

void TestXlsxLimits::bomb_isRefusedInWordsWithoutInflating()
{
    QFETCH(QString, part);
    QFETCH(qint64, repeat);
    QFETCH(QString, says);
    const QString path = writeBomb({part, part == kSheetPart ? testsupport::worksheetHead() : QByteArray("<styleSheet>"),
                                    QByteArray(kMiB, ' '), repeat,
                                    part == kSheetPart ? testsupport::worksheetTail() : QByteArray("</styleSheet>"), {}});
    QElapsedTimer clock;
    clock.start();
    XlsxReader reader;
    Status opened = reader.open(path);
    const QString error = opened ? reader.read(0).error() : opened.error();
    QVERIFY2(error.startsWith(QStringLiteral("bomb.xlsx is not imported: its part ") + part), qPrintable(error));
    QVERIFY2(error.contains(says), qPrintable(error));
    QVERIFY(!reader.read(0).ok());
    QVERIFY(clock.elapsed() < 10000);  // generous: it inflates nothing
}

void TestXlsxLimits::cellOfExcelsLimit_isRead_oneMoreIsRefusedNamingTheCell()
{
    const auto sheetWith = [](qsizetype chars) {
        return minimalWorkbook("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>" +
                               QByteArray(chars, 'x') + "</t></is></c></row>");
    };
    XlsxReader reader;
    QVERIFY(reader.open(write(sheetWith(XlsxLimits::kMaxCellChars))).ok());
    auto sheet = reader.read(0);
    QVERIFY2(sheet.ok(), qPrintable(sheet.error()));
    QCOMPARE(sheet->rows[0].cells[1].text.size(), XlsxLimits::kMaxCellChars);

    QVERIFY(reader.open(write(sheetWith(XlsxLimits::kMaxCellChars + 1))).ok());
    sheet = reader.read(0);
    QVERIFY(!sheet.ok());
    QVERIFY2(sheet.error().contains(QStringLiteral("cell B2 of sheet \"Sheet1\" holds more than 32767 characters")),
             qPrintable(sheet.error()));
}

void TestXlsxLimits::sharedStringPastExcelsLimit_isRefused()
{
    XlsxReader reader;
    Status s = reader.open(write(minimalWorkbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row>",
                                                 "<si><t>a</t></si><si><t>" + QByteArray(40000, 'x') + "</t></si>")));
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(QStringLiteral("text number 2 of the workbook's shared strings")), qPrintable(s.error()));
}

void TestXlsxLimits::richTextRunsAddingUpPastTheLimit_areRefused()
{
    // Each run is short; together they pass Excel's limit, and the reader must count them whole.
    QByteArray runs;
    for (int i = 0; i < 40; ++i)
        runs += "<r><t>" + QByteArray(1000, char('a' + i % 26)) + "</t></r>";
    XlsxReader reader;
    QVERIFY(reader.open(write(minimalWorkbook("<row r=\"3\"><c r=\"C3\" t=\"inlineStr\"><is>" + runs + "</is></c></row>"))).ok());
    auto sheet = reader.read(0);
    QVERIFY(!sheet.ok());
    QVERIFY2(sheet.error().contains(QStringLiteral("cell C3")), qPrintable(sheet.error()));
}

void TestXlsxLimits::longRunOfWhitespace_isRefusedWhileStreaming()
{
    // 8 MiB of whitespace that deflates only 4 to 1: no declared size gives it away, yet the
    // XML parser would hold all of it as one text at once.
    XlsxReader reader;
    QVERIFY(reader.open(write(minimalWorkbook("<row r=\"1\">" + randomWhitespace(8 * kMiB) + "</row>"))).ok());
    auto sheet = reader.read(0);
    QVERIFY(!sheet.ok());
    QVERIFY2(sheet.error().contains(QStringLiteral("holds more than 1 MB of text or markup without a break")),
             qPrintable(sheet.error()));
}

void TestXlsxLimits::tagWithTooManyAttributes_isRefused_equalsInQuotesAreNotAttributes()
{
    QByteArray tag = "<row r=\"1\"";
    for (int i = 0; i < 200; ++i)
        tag += " a" + QByteArray::number(i) + "=\"1\"";
    XlsxReader reader;
    QVERIFY(reader.open(write(minimalWorkbook(tag + "/>"))).ok());
    auto sheet = reader.read(0);
    QVERIFY(!sheet.ok());
    QVERIFY2(sheet.error().contains(QStringLiteral("more than 64 attributes")), qPrintable(sheet.error()));

    // '=' and '>' inside a quoted value are text, not markup.
    QVERIFY(reader.open(write(minimalWorkbook("<row r=\"1\" x=\"" + QByteArray(200, '=') + ">\"><c r=\"A1\" t=\"inlineStr\">"
                                              "<is><t>a=b</t></is></c></row>")))
                .ok());
    sheet = reader.read(0);
    QVERIFY2(sheet.ok(), qPrintable(sheet.error()));
    QCOMPARE(sheet->rows[0].cells[0].text, QStringLiteral("a=b"));
}

void TestXlsxLimits::lyingHeader_partReadsNoMoreThanDeclared()
{
    // The stream inflates to 64 MiB; the headers say 1,000 bytes. What the part gives, and what
    // it counts, stops at the declared size (QuaZip stops there), so a lie only truncates.
    const QString path = writeBomb({kSheetPart, testsupport::worksheetHead(), QByteArray(kMiB, ' '), 64,
                                    testsupport::worksheetTail(), quint32(1000)});
    QuaZip zip(path);
    QVERIFY(zip.open(QuaZip::mdUnzip));
    qint64 workbook = 0;
    ZipPartDevice part(zip, workbook, QFileInfo(path).size());
    QVERIFY(part.openPart(kSheetPart));
    QCOMPARE(part.refusal(), ZipPartDevice::Refusal::None);
    qint64 read = 0;
    char buffer[4096];
    for (qint64 n; (n = part.read(buffer, sizeof buffer)) > 0;)
        read += n;
    QVERIFY(read <= 1000);
    QCOMPARE(workbook, read);
}

void TestXlsxLimits::workbookTotal_countsWhatEveryPartInflated()
{
    const QString path = write(minimalWorkbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + QByteArray(5000, 'x') +
                                               "</t></is></c></row>"));
    QuaZip zip(path);
    QVERIFY(zip.open(QuaZip::mdUnzip));
    qint64 workbook = 0;
    {
        ZipPartDevice part(zip, workbook, QFileInfo(path).size());
        QVERIFY(part.openPart(kSheetPart));
        const qint64 size = part.readAll().size();
        QVERIFY(size > 5000);
        QCOMPARE(workbook, size);
    }
    // A part that would take the total past the bound is refused before it is inflated.
    workbook = XlsxLimits::kMaxWorkbookBytes - 1000;
    ZipPartDevice part(zip, workbook, QFileInfo(path).size());
    QVERIFY(part.openPart(kSheetPart));
    QCOMPARE(part.refusal(), ZipPartDevice::Refusal::WorkbookTooLarge);
    QCOMPARE(part.readAll().size(), 0);
    QCOMPARE(workbook, XlsxLimits::kMaxWorkbookBytes - 1000);
    QVERIFY(!part.openPart(QStringLiteral("xl/no-such-part.xml")));
}

QTEST_GUILESS_MAIN(TestXlsxLimits)
#include "tst_xlsxlimits.moc"
