// emis-school against the real emis-server on a loopback port: the enrollment wizard enrolls with
// a fresh code and says so when the same code comes again; the sync panel's "Sync now" sends the
// pupil saved offline, and the panel shows the server reached and nothing left to send; after a
// clock that once ran years ahead, the panel says the device clock was corrected.
#include "EnrollWizard.h"
#include "MainWindow.h"
#include "RecordPage.h"
#include "RecordTableModel.h"
#include "SchoolFixture.h"
#include "ServerFixture.h"
#include "SyncPanel.h"
#include "UiLanguage.h"
#include "sync/SyncEngine.h"

#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;

namespace {

// A pupil of 3年级 2班 saved through the school's own repository, as the form would.
client::Result<client::SaveOutcome> addPupil(school::SchoolSession &session, const QString &name, const QString &sex,
                                             const QString &birth, int serial)
{
    const client::RawFields raw{{QStringLiteral("name"), name},
                                {QStringLiteral("sex"), sex},
                                {QStringLiteral("birth_date"), birth.left(4) + QLatin1Char('-') + birth.mid(4, 2) +
                                                                   QLatin1Char('-') + birth.mid(6, 2)},
                                {QStringLiteral("id_number"), testing::idNumber(birth, serial)},
                                {QStringLiteral("grade"), QStringLiteral("3")},
                                {QStringLiteral("class_name"), QStringLiteral("2班")}};
    return session.repository(*schema::findTable("students")).add(raw);
}

} // namespace

class TestSchoolSync : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void enrollWizard_enrollsWithAFreshCode();
    void enrollWizard_saysWhenTheCodeWasUsed();
    void syncNow_sendsWhatWasSavedOffline();
    void clockYearsAhead_panelSaysItWasCorrected();

private:
    bool runWizard(school::EnrollWizard &wizard, const QString &code);

    ServerFixture m_server;
    QTemporaryDir m_dirs;
    QString m_code;
};

void TestSchoolSync::initTestCase()
{
    school::setUiLanguage(QStringLiteral("en"));
    QVERIFY(m_server.init());
    QVERIFY(m_server.start());
    m_code = m_server.enrollCode(QLatin1String(ServerFixture::kSchoolA));
    QVERIFY(!m_code.isEmpty());
}

bool TestSchoolSync::runWizard(school::EnrollWizard &wizard, const QString &code)
{
    wizard.show();
    testing::typeText(wizard.findChild<QLineEdit *>(QStringLiteral("server")), QStringLiteral("127.0.0.1:%1").arg(m_server.port()));
    testing::typeText(wizard.findChild<QLineEdit *>(QStringLiteral("code")), code);
    wizard.next();
    return QTest::qWaitFor([&] { return !wizard.busy(); }, 30000);
}

void TestSchoolSync::enrollWizard_enrollsWithAFreshCode()
{
    school::EnrollWizard wizard(m_dirs.filePath(QStringLiteral("a")));
    QVERIFY(runWizard(wizard, m_code));
    QVERIFY2(wizard.errorShown().isEmpty(), qPrintable(wizard.errorShown()));
    QVERIFY(wizard.currentId() != wizard.startId());
    QCOMPARE(wizard.identity().schoolCode, QLatin1String(ServerFixture::kSchoolA));
}

void TestSchoolSync::enrollWizard_saysWhenTheCodeWasUsed()
{
    school::EnrollWizard wizard(m_dirs.filePath(QStringLiteral("b")));
    QVERIFY(runWizard(wizard, m_code));
    QVERIFY2(wizard.errorShown().contains(QStringLiteral("already been used")), qPrintable(wizard.errorShown()));
    QCOMPARE(wizard.currentId(), wizard.startId());
}

void TestSchoolSync::syncNow_sendsWhatWasSavedOffline()
{
    const QString dir = m_dirs.filePath(QStringLiteral("a"));
    auto opened = school::SchoolSession::open(dir);
    QVERIFY(opened.ok());
    auto &session = **opened;
    QVERIFY(session.identity().enrolled());
    auto saved = addPupil(session, QStringLiteral("郑五"), QStringLiteral("1"), QStringLiteral("20150315"), 11);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));

    client::SyncEngine engine(dir, QStringLiteral("emis-school"));
    school::MainWindow window(session, &engine);
    window.show();
    QVERIFY(window.syncPanel()->pendingText().contains(QLatin1Char('1')));
    QSignalSpy finished(&engine, &client::SyncEngine::finished);
    QTest::mouseClick(window.syncPanel()->findChild<QPushButton *>(QStringLiteral("syncNow")), Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(3).toString()));
    QTRY_COMPARE(window.syncPanel()->stateText(), QStringLiteral("Online"));
    QTRY_VERIFY(window.syncPanel()->pendingText().endsWith(QStringLiteral(": 0")));
    QCOMPARE(m_server.query(QStringLiteral("SELECT name FROM students WHERE id = ?"), {saved->id}).toString(),
             QStringLiteral("郑五"));
    QCOMPARE(window.studentsPage()->model()->rowCount(), 1);
}

void TestSchoolSync::clockYearsAhead_panelSaysItWasCorrected()
{
    const QString dir = m_dirs.filePath(QStringLiteral("a"));
    auto opened = school::SchoolSession::open(dir);
    QVERIFY(opened.ok());
    auto &session = **opened;
    // A BIOS date years ahead, once: the device's clock state in its store says so.
    const sync::Hlc ahead{static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch()) + 4ULL * 365 * 24 * 3600 * 1000, 0,
                          session.identity().deviceId.toStdString()};
    QSqlQuery doctor(session.store().db());
    doctor.prepare(QStringLiteral("UPDATE sync_state SET last_hlc = ?"));
    doctor.addBindValue(QString::fromStdString(ahead.toText()));
    QVERIFY(doctor.exec());
    auto saved = addPupil(session, QStringLiteral("冯六"), QStringLiteral("2"), QStringLiteral("20150416"), 12);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));

    client::SyncEngine engine(dir, QStringLiteral("emis-school"));
    school::MainWindow window(session, &engine);
    window.show();
    QVERIFY(window.syncPanel()->noticeText().isEmpty());
    QSignalSpy finished(&engine, &client::SyncEngine::finished);
    QTest::mouseClick(window.syncPanel()->findChild<QPushButton *>(QStringLiteral("syncNow")), Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(3).toString()));
    QTRY_VERIFY2(window.syncPanel()->noticeText().contains(QLatin1String("clock had run ahead")),
                 qPrintable(window.syncPanel()->noticeText()));
    QVERIFY(window.syncPanel()->findChild<QLabel *>(QStringLiteral("syncNotice"))->isVisible());
    QTRY_VERIFY(window.syncPanel()->pendingText().endsWith(QStringLiteral(": 0")));
    QCOMPARE(m_server.query(QStringLiteral("SELECT name FROM students WHERE id = ?"), {saved->id}).toString(),
             QStringLiteral("冯六"));
}

QTEST_MAIN(TestSchoolSync)
#include "tst_school_sync.moc"
