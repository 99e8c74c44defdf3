// The import wizard on the shared fixtures: the dirty file's rejected rows are listed with their
// line and reason before anything is written, the good rows are saved, and importing the same
// file again changes nothing.
#include "ImportWizard.h"
#include "SchoolFixture.h"
#include "UiLanguage.h"

#include <QFile>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;

namespace {
const QString kFixtures = QStringLiteral(EMIS_FIXTURES_DIR);
}

class TestSchoolImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { school::setUiLanguage(QStringLiteral("zh_CN")); }
    void dirtyFile_listsRejectedRows_andImportsTheGoodOnes();
    void sameFileTwice_changesNothing();
    void otherFiles_importAllNinetyPupils_data();
    void otherFiles_importAllNinetyPupils();

private:
    // Drives the wizard to the preview page; false when a step failed.
    bool toPreview(school::ImportWizard &wizard, const QString &file);
    bool confirm(school::ImportWizard &wizard);
};

bool TestSchoolImport::toPreview(school::ImportWizard &wizard, const QString &file)
{
    wizard.show();
    wizard.setFile(file);
    wizard.next();
    if (wizard.currentId() != school::ImportWizard::MappingPage)
        return false;
    if (!QTest::qWaitFor([&] { return !wizard.busy(); }, 20000))
        return false;
    wizard.next();
    if (wizard.currentId() != school::ImportWizard::PreviewPage)
        return false;
    return QTest::qWaitFor([&] { return !wizard.busy(); }, 20000);
}

bool TestSchoolImport::confirm(school::ImportWizard &wizard)
{
    wizard.next();  // the commit button: the saver runs, then the wizard moves on by itself
    return QTest::qWaitFor([&] { return wizard.currentId() == school::ImportWizard::DonePage; }, 30000);
}

void TestSchoolImport::dirtyFile_listsRejectedRows_andImportsTheGoodOnes()
{
    QTemporaryDir dir;
    auto session = testing::enrolledSession(dir.path());
    school::ImportWizard wizard(*schema::findTable("students"), session->storePath());
    QVERIFY(toPreview(wizard, kFixtures + QStringLiteral("/students_dirty.csv")));
    QVERIFY2(wizard.errorShown().isEmpty(), qPrintable(wizard.errorShown()));

    // Each expected line with the start of its Chinese reason.
    QFile expected(kFixtures + QStringLiteral("/students_dirty.expected.csv"));
    QVERIFY(expected.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(expected.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(1);
    QTableWidget *rejected = wizard.rejectedTable();
    QCOMPARE(rejected->rowCount(), int(lines.size()));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].section(QLatin1Char(','), 0, 0);
        const QString reasonZh = lines[i].section(QLatin1Char(','), 1).section(QStringLiteral(" / "), 0, 0).trimmed();
        QCOMPARE(rejected->item(i, 0)->text(), line);
        // The pupil's name beside the line, where the name itself is readable (line 12 has none).
        QCOMPARE(rejected->item(i, 1)->text().isEmpty(), line == QStringLiteral("12"));
        QVERIFY2(rejected->item(i, 2)->text().contains(reasonZh),
                 qPrintable(rejected->item(i, 2)->text() + QStringLiteral(" <> ") + reasonZh));
    }
    QCOMPARE(session->repository(*schema::findTable("students")).list()->size(), std::size_t(0));  // nothing yet

    QVERIFY(confirm(wizard));
    QCOMPARE(wizard.outcome().added, 8);
    QVERIFY(wizard.outcome().failures.isEmpty());
    QCOMPARE(session->repository(*schema::findTable("students")).list()->size(), std::size_t(8));
}

void TestSchoolImport::sameFileTwice_changesNothing()
{
    QTemporaryDir dir;
    auto session = testing::enrolledSession(dir.path());
    const QString file = kFixtures + QStringLiteral("/students_utf8bom.csv");
    {
        school::ImportWizard wizard(*schema::findTable("students"), session->storePath());
        QVERIFY(toPreview(wizard, file));
        QVERIFY(confirm(wizard));
        QCOMPARE(wizard.outcome().added, 90);
    }
    const int pending = session->pendingChanges();
    school::ImportWizard again(*schema::findTable("students"), session->storePath());
    QVERIFY(toPreview(again, file));
    QVERIFY(confirm(again));
    QCOMPARE(again.outcome().added, 0);
    QCOMPARE(again.outcome().updated, 0);
    QCOMPARE(again.outcome().unchanged, 90);
    QCOMPARE(session->pendingChanges(), pending);
}

void TestSchoolImport::otherFiles_importAllNinetyPupils_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("accepted");
    QTest::addRow("openpyxl xlsx") << QStringLiteral("students_openpyxl.xlsx") << 90;
    QTest::addRow("gbk csv") << QStringLiteral("students_gbk.csv") << 90;
}

void TestSchoolImport::otherFiles_importAllNinetyPupils()
{
    QFETCH(QString, file);
    QFETCH(int, accepted);
    QTemporaryDir dir;
    auto session = testing::enrolledSession(dir.path());
    school::ImportWizard wizard(*schema::findTable("students"), session->storePath());
    QVERIFY(toPreview(wizard, kFixtures + QLatin1Char('/') + file));
    QCOMPARE(int(wizard.plan().accepted.size()), accepted);
    QVERIFY(confirm(wizard));
    QCOMPARE(wizard.outcome().added, accepted);
}

QTEST_MAIN(TestSchoolImport)
#include "tst_school_import.moc"
