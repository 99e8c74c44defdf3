// SyncEngine, the service the desktop program uses: sync on a worker thread, results as signals.
#include "CliRunner.h"
#include "ServerFixture.h"

#include "store/ChangeLog.h"
#include "store/LocalStore.h"
#include "store/StudentRepository.h"
#include "sync/DeviceFiles.h"
#include "sync/SyncEngine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace emis::client;

class TestClientEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void syncNow_runsOffTheCallingThreadAndReports();
    void serverDown_reportsOffline_thenRecoversOnTimer();

private:
    ServerFixture m_server;
    QTemporaryDir m_dirs;
    QString m_device;
};

void TestClientEngine::initTestCase()
{
    QVERIFY(m_server.init());
    QVERIFY(m_server.start());
    m_device = m_dirs.filePath(QStringLiteral("device"));
    const auto r = CliRunner(m_device).run({QStringLiteral("enroll"), QStringLiteral("--server"),
                                            QStringLiteral("127.0.0.1:%1").arg(m_server.port()), QStringLiteral("--code"),
                                            m_server.enrollCode(QLatin1String(ServerFixture::kSchoolA))});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

void TestClientEngine::syncNow_runsOffTheCallingThreadAndReports()
{
    auto store = LocalStore::open(DeviceFiles{m_device}.store());
    QVERIFY(store.ok());
    RawFields raw;
    const QStringList sets = pupilSets(1, QStringLiteral("郑五"));
    for (int i = 1; i < sets.size(); i += 2)
        raw.insert(sets[i].section(QLatin1Char('='), 0, 0), sets[i].section(QLatin1Char('='), 1));
    auto saved = StudentRepository(**store).add(raw);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));

    SyncEngine engine(m_device, QStringLiteral("emis-school"));
    QSignalSpy finished(&engine, &SyncEngine::finished);
    QSignalSpy states(&engine, &SyncEngine::stateChanged);
    engine.syncNow();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().at(0).toBool(), true);
    QCOMPARE(finished.first().at(1).toInt(), 1);  // pushed
    QCOMPARE(states.first().at(0).value<SyncEngine::State>(), SyncEngine::State::Syncing);
    QCOMPARE(states.last().at(0).value<SyncEngine::State>(), SyncEngine::State::Idle);
    QCOMPARE(ChangeLog((*store)->db()).pendingCount(), 0);  // seen from this thread's own connection
    QCOMPARE(m_server.query(QStringLiteral("SELECT name FROM students WHERE id = ?"), {saved->id}).toString(),
             QStringLiteral("郑五"));
}

void TestClientEngine::serverDown_reportsOffline_thenRecoversOnTimer()
{
    m_server.stop();
    SyncEngine engine(m_device, QStringLiteral("emis-school"));
    QSignalSpy finished(&engine, &SyncEngine::finished);
    QSignalSpy states(&engine, &SyncEngine::stateChanged);
    engine.setInterval(60000);  // the first retry after a failure comes after 5 s, not the interval
    engine.syncNow();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(states.last().at(0).value<SyncEngine::State>(), SyncEngine::State::Offline);
    QVERIFY(m_server.start());
    QVERIFY(finished.wait(15000));  // the backoff retry, nobody asked
    QCOMPARE(finished.last().at(0).toBool(), true);
    QCOMPARE(states.last().at(0).value<SyncEngine::State>(), SyncEngine::State::Idle);
}

QTEST_GUILESS_MAIN(TestClientEngine)
#include "tst_client_engine.moc"
