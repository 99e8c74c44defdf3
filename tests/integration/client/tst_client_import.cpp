// Hostile rosters through the real emis-cli `import`: zip bombs (a sheet of gigabytes of
// whitespace, one giant cell, sizes in the headers that lie) are refused in words with exit 5,
// quickly and in little memory; a roster with a damaged byte (GBK or UTF-8) or an .xlsx cell
// holding U+FFFD loses only the row it damages, reported with its line and column, and nothing
// stored holds U+FFFD. Each test imports on a device freshly enrolled with the real server.
#include "CliRunner.h"
#include "ServerFixture.h"
#include "TestWorkbook.h"
#include "ZipBomb.h"

#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

namespace {

constexpr qint64 kMiB = 1024 * 1024;
// What a refused bomb may cost emis-cli at most, measured as the peak resident set of the child.
constexpr long kPeakRssLimitKiB = 300 * 1024;
// A child that forgets its bounds hits this ceiling and dies instead of taking the machine's memory.
constexpr rlim_t kAddressSpaceCeiling = rlim_t(3) * 1024 * 1024 * 1024;
constexpr QChar kReplacement(0xFFFD);

struct Measured {
    CliResult result;
    qint64 ms = 0;
    long peakChildrenKiB = 0;  // the largest peak RSS of any child reaped so far
};

long childrenPeakKiB()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_maxrss;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// A roster's header row and pupil rows as inline-string cells, for small hand-made workbooks.
QByteArray inlineRow(int line, const QStringList &values)
{
    QByteArray row = "<row r=\"" + QByteArray::number(line) + "\">";
    for (int c = 0; c < values.size(); ++c)
        row += "<c r=\"" + QByteArray(1, char('A' + c)) + QByteArray::number(line) +
               "\" t=\"inlineStr\"><is><t>" + values[c].toUtf8() + "</t></is></c>";
    return row + "</row>";
}

QStringList pupilCells(int n, const QString &name)
{
    const bool male = n % 2 == 0;
    return {name, male ? QStringLiteral("男") : QStringLiteral("女"),
            QDate(2010, 1, 1).addDays(n % 3600).toString(Qt::ISODate), testIdNumber(n, male),
            QStringLiteral("三年级"), QStringLiteral("1班")};
}

const QStringList kHeader = {QStringLiteral("姓名"),  QStringLiteral("性别"), QStringLiteral("出生日期"),
                             QStringLiteral("身份证件号"), QStringLiteral("年级"), QStringLiteral("班级")};

} // namespace

class TestClientImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void whitespaceBomb_refusedInWordsQuicklyInLittleMemory();
    void giantCellBomb_refusedInWordsInLittleMemory();
    void bombWithLyingSizes_refusedInLittleMemory();
    void bombRefusal_inChinese();
    void damagedGbkByteInName_rowRejectedWithLineAndColumn_othersStored();
    void damagedGbkByteBesideName_rejectionNamesThePupil();
    void invalidUtf8Byte_rowRejected_othersStored_data();
    void invalidUtf8Byte_rowRejected_othersStored();
    void xlsxCellHoldingReplacementCharacter_rowRejected();

private:
    Measured importMeasured(const QString &file, const QStringList &extra = {});
    CliResult import(const QString &file) { return importMeasured(file).result; }
    QString bomb(const testsupport::BombPart &part);
    QJsonArray stored();
    void checkNothingStoredHoldsReplacement();

    ServerFixture m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CliRunner> m_cli;
};

void TestClientImport::initTestCase()
{
    QVERIFY(m_server.init());
    QVERIFY(m_server.start());
}

void TestClientImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cli = std::make_unique<CliRunner>(
        enrolledDevice(m_server, m_dir->filePath(QStringLiteral("school")), ServerFixture::kSchoolA));
    QCOMPARE(m_cli->run({QStringLiteral("status")}).exitCode, 0);
}

Measured TestClientImport::importMeasured(const QString &file, const QStringList &extra)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("EMIS_LANG"), QStringLiteral("en"));
    p.setProcessEnvironment(env);
    p.setChildProcessModifier([] {
        const rlimit ceiling{kAddressSpaceCeiling, kAddressSpaceCeiling};
        setrlimit(RLIMIT_AS, &ceiling);
    });
    QElapsedTimer clock;
    clock.start();
    p.start(CliRunner::binary(), QStringList{QStringLiteral("--data-dir"), m_cli->dataDir()} + extra +
                                     QStringList{QStringLiteral("import"), QStringLiteral("students"), file});
    p.waitForStarted(10000);
    Measured m;
    m.result = CliRunner::finish(p, 120000);
    m.ms = clock.elapsed();
    m.peakChildrenKiB = childrenPeakKiB();
    qInfo("import %s: exit %d in %lld ms, children's peak RSS %ld KiB", qPrintable(QFileInfo(file).fileName()),
          m.result.exitCode, m.ms, m.peakChildrenKiB);
    return m;
}

QString TestClientImport::bomb(const testsupport::BombPart &part)
{
    const QString path = m_dir->filePath(QStringLiteral("名册.xlsx"));
    auto parts = testsupport::minimalWorkbook({});
    parts.removeIf([&](const testsupport::Part &p) { return p.first == part.name; });
    if (!testsupport::writeBombZip(path, parts, part))
        qFatal("bomb not written");
    return path;
}

QJsonArray TestClientImport::stored()
{
    const auto r = m_cli->run({QStringLiteral("--json"), QStringLiteral("students"), QStringLiteral("list")});
    if (r.exitCode != 0)
        qWarning("students list: %s", qPrintable(r.err));
    return r.json().array();
}

void TestClientImport::checkNothingStoredHoldsReplacement()
{
    const auto r = m_cli->run({QStringLiteral("--json"), QStringLiteral("students"), QStringLiteral("list")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(!r.out.contains(kReplacement), qPrintable(r.out.left(2000)));
}

void TestClientImport::whitespaceBomb_refusedInWordsQuicklyInLittleMemory()
{
    // 3 GiB of whitespace inside sheetData, in a file of about 3 MB.
    testsupport::BombPart part{QStringLiteral("xl/worksheets/sheet1.xml"), testsupport::worksheetHead(),
                               QByteArray(kMiB, ' '), 3072, testsupport::worksheetTail(), {}};
    const QString file = bomb(part);
    QVERIFY(QFileInfo(file).size() < 4 * kMiB);
    const Measured m = importMeasured(file);
    QCOMPARE(m.result.exitCode, 5);
    QVERIFY2(m.result.err.contains(QStringLiteral("名册.xlsx is not imported")), qPrintable(m.result.err));
    QVERIFY2(m.peakChildrenKiB < kPeakRssLimitKiB, qPrintable(QString::number(m.peakChildrenKiB)));
    QCOMPARE(stored().size(), 0);
}

void TestClientImport::giantCellBomb_refusedInWordsInLittleMemory()
{
    // A header row, then one cell of 600 MiB of letters.
    testsupport::BombPart part{QStringLiteral("xl/worksheets/sheet1.xml"),
                               testsupport::worksheetHead() + inlineRow(1, kHeader) +
                                   "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>",
                               QByteArray(kMiB, 'a'), 600, "</t></is></c></row>" + testsupport::worksheetTail(), {}};
    const QString file = bomb(part);
    QVERIFY(QFileInfo(file).size() < kMiB);
    const Measured m = importMeasured(file);
    QCOMPARE(m.result.exitCode, 5);
    QVERIFY2(m.result.err.contains(QStringLiteral("名册.xlsx is not imported")), qPrintable(m.result.err));
    QVERIFY2(m.peakChildrenKiB < kPeakRssLimitKiB, qPrintable(QString::number(m.peakChildrenKiB)));
}

void TestClientImport::bombWithLyingSizes_refusedInLittleMemory()
{
    // The headers say 40 MiB, which no limit refuses on sight; the stream inflates to 2 GiB of
    // whitespace between the rows of a real roster's header.
    testsupport::BombPart part{QStringLiteral("xl/worksheets/sheet1.xml"),
                               testsupport::worksheetHead() + inlineRow(1, kHeader), QByteArray(kMiB, ' '), 2048,
                               testsupport::worksheetTail(), quint32(40 * kMiB)};
    const Measured m = importMeasured(bomb(part));
    QCOMPARE(m.result.exitCode, 5);
    QVERIFY2(m.result.err.contains(QStringLiteral("名册.xlsx")), qPrintable(m.result.err));
    QVERIFY2(m.peakChildrenKiB < kPeakRssLimitKiB, qPrintable(QString::number(m.peakChildrenKiB)));
}

void TestClientImport::bombRefusal_inChinese()
{
    testsupport::BombPart part{QStringLiteral("xl/worksheets/sheet1.xml"), testsupport::worksheetHead(),
                               QByteArray(kMiB, ' '), 512, testsupport::worksheetTail(), {}};
    const Measured m = importMeasured(bomb(part), {QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    QCOMPARE(m.result.exitCode, 5);
    QVERIFY2(m.result.err.contains(QStringLiteral("名册.xlsx 未导入")), qPrintable(m.result.err));
}

void TestClientImport::damagedGbkByteInName_rowRejectedWithLineAndColumn_othersStored()
{
    // 周勇 on line 4: the trail byte of 勇 (D3 C2) becomes FF, which no GB18030 sequence holds.
    const QByteArray fixture = readAll(QStringLiteral(EMIS_FIXTURES_DIR "/students_gbk.csv"));
    QVERIFY(!fixture.isEmpty());
    QByteArray damaged = fixture;
    const qsizetype at = damaged.indexOf(QByteArray("\xD6\xDC\xD3\xC2,", 5));
    QVERIFY(at > 0);
    damaged[at + 3] = char(0xFF);
    const QString file = m_dir->filePath(QStringLiteral("gbk.csv"));
    QVERIFY(writeAll(file, damaged));

    const auto r = m_cli->run({QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("students"), file});
    QCOMPARE(r.exitCode, 5);
    const QJsonObject out = r.json().object();
    QCOMPARE(out.value(QStringLiteral("added")).toInt(), 89);
    const QJsonArray rejected = out.value(QStringLiteral("rejected")).toArray();
    QCOMPARE(rejected.size(), 1);
    const QJsonObject row = rejected.first().toObject();
    QCOMPARE(row.value(QStringLiteral("line")).toInt(), 4);
    const QJsonObject reason = row.value(QStringLiteral("reasons")).toArray().first().toObject();
    QCOMPARE(reason.value(QStringLiteral("field")).toString(), QStringLiteral("name"));
    QCOMPARE(reason.value(QStringLiteral("code")).toString(), QStringLiteral("unreadable_characters"));

    // The other 89 pupils, with their names as the undamaged file spells them.
    QStringList names;
    QStringDecoder gb("GB18030");
    const QStringList lines = QString(gb.decode(fixture)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i)
        names << lines[i].section(u',', 1, 1);
    QCOMPARE(names.size(), 90);
    const QJsonArray pupils = stored();
    QCOMPARE(pupils.size(), 89);
    for (const auto &v : pupils) {
        const QString name = v.toObject().value(QStringLiteral("name")).toString();
        QVERIFY2(names.contains(name) && name != QStringLiteral("周勇"), qPrintable(name));
    }
    checkNothingStoredHoldsReplacement();
}

void TestClientImport::damagedGbkByteBesideName_rejectionNamesThePupil()
{
    // 唐丽, 周勇's guardian on line 4 (E4 C6 C0 F6): the lead byte of 丽 becomes FF.
    QByteArray damaged = readAll(QStringLiteral(EMIS_FIXTURES_DIR "/students_gbk.csv"));
    const qsizetype at = damaged.indexOf(QByteArray("\xCC\xC6\xC0\xF6,", 5));
    QVERIFY(at > 0);
    damaged[at + 2] = char(0xFF);
    const QString file = m_dir->filePath(QStringLiteral("gbk.csv"));
    QVERIFY(writeAll(file, damaged));

    const auto r = m_cli->run({QStringLiteral("import"), QStringLiteral("students"), file});
    QCOMPARE(r.exitCode, 5);
    // Line, pupil and column in the clerk's report.
    QVERIFY2(r.out.contains(QStringLiteral("line 4 (周勇): ")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("监护人姓名")), qPrintable(r.out));
    QCOMPARE(stored().size(), 89);
    checkNothingStoredHoldsReplacement();
}

void TestClientImport::invalidUtf8Byte_rowRejected_othersStored_data()
{
    QTest::addColumn<bool>("bom");
    QTest::addRow("with BOM") << true;
    QTest::addRow("without BOM") << false;
}

void TestClientImport::invalidUtf8Byte_rowRejected_othersStored()
{
    QFETCH(bool, bom);
    QByteArray bytes = readAll(QStringLiteral(EMIS_FIXTURES_DIR "/students_utf8bom.csv"));
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    if (!bom)
        bytes.remove(0, 3);
    // 勇 is E5 8B 87: its last byte becomes FF, which UTF-8 never holds.
    const qsizetype at = bytes.indexOf(QStringLiteral("周勇,").toUtf8());
    QVERIFY(at > 0);
    bytes[at + 5] = char(0xFF);
    const QString file = m_dir->filePath(QStringLiteral("utf8.csv"));
    QVERIFY(writeAll(file, bytes));

    const auto r = m_cli->run({QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("students"), file});
    QCOMPARE(r.exitCode, 5);
    const QJsonArray rejected = r.json().object().value(QStringLiteral("rejected")).toArray();
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.first().toObject().value(QStringLiteral("line")).toInt(), 4);
    QCOMPARE(stored().size(), 89);
    checkNothingStoredHoldsReplacement();
}

void TestClientImport::xlsxCellHoldingReplacementCharacter_rowRejected()
{
    // A workbook that some earlier conversion already damaged: the character is U+FFFD itself.
    const QByteArray sheet = inlineRow(1, kHeader) + inlineRow(2, pupilCells(11, QStringLiteral("李明"))) +
                             inlineRow(3, pupilCells(12, QStringLiteral("王") + kReplacement + QStringLiteral("芳")));
    const QString file = m_dir->filePath(QStringLiteral("damaged.xlsx"));
    QVERIFY(testsupport::writeZip(file, testsupport::minimalWorkbook(sheet)));

    const auto r = m_cli->run({QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("students"), file});
    QCOMPARE(r.exitCode, 5);
    const QJsonArray rejected = r.json().object().value(QStringLiteral("rejected")).toArray();
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.first().toObject().value(QStringLiteral("line")).toInt(), 3);
    const QJsonArray pupils = stored();
    QCOMPARE(pupils.size(), 1);
    QCOMPARE(pupils.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("李明"));
    checkNothingStoredHoldsReplacement();
}

QTEST_GUILESS_MAIN(TestClientImport)
#include "tst_client_import.moc"
