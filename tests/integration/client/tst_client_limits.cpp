// The school clients against a county server under a connection flood or really full: emis-cli
// still syncs past a flood of bare connects from elsewhere, and says "busy" (exit 3, server_busy)
// when the server has no room; the desktop program's SyncEngine says Busy. A revoked device is
// told so in words, by emis-cli and by SyncEngine.
#include "CliRunner.h"
#include "ServerFixture.h"
#include "TestClient.h"

#include "sync/SyncEngine.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace emis::client;

class TestClientLimits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bareConnectFlood_cliStillSyncs();
    void serverFull_cliAndEngineSayBusy();
    void revokedWhileServing_cliAndEngineSayRevoked();

private:
    QTemporaryDir m_dirs;
};

void TestClientLimits::bareConnectFlood_cliStillSyncs()
{
    ServerFixture server;
    QVERIFY(server.init());
    QVERIFY(server.start());
    CliRunner d = enrolledDevice(server, m_dirs.filePath(QStringLiteral("flooded")), ServerFixture::kSchoolA);
    std::vector<std::unique_ptr<QTcpSocket>> bare;
    QVERIFY(bareConnections(server.port(), 515, QStringLiteral("127.0.0.2"), bare));
    const auto r = d.run({QStringLiteral("sync")});
    QVERIFY2(r.exitCode == 0, qPrintable(QString::number(r.exitCode) + QLatin1Char(' ') + r.err));
}

void TestClientLimits::serverFull_cliAndEngineSayBusy()
{
    ServerFixture server;
    QVERIFY(server.init());
    QVERIFY(server.start());
    const QString dir = m_dirs.filePath(QStringLiteral("full"));
    CliRunner d = enrolledDevice(server, dir, ServerFixture::kSchoolA);
    const auto other = server.enroll(server.enrollCode(QLatin1String(ServerFixture::kSchoolB)));
    QVERIFY(other);
    server.stop();
    QVERIFY(server.setConfig(QStringLiteral("max_connections"), QStringLiteral("1")));
    QVERIFY(server.start());
    // The one slot. The fixture's own probe connection (start() waits until the port accepts) may
    // still hold it for a moment, so the holder tries until the server has let the probe go.
    TestClient holder;
    bool holding = false;
    for (int attempt = 0; attempt < 50 && !holding; ++attempt) {
        if (attempt > 0)
            QTest::qWait(100);
        holder.abort();
        if (holder.connectTo(server.port(), server.caPem(), other->certPem, other->keyPem)) {
            const auto ack = holder.hello();
            holding = ack && ack->has_hello_ack();
        }
    }
    QVERIFY(holding);

    auto r = d.run({QStringLiteral("sync"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 3);
    const QJsonObject e = QJsonDocument::fromJson(r.err.toUtf8()).object();
    QCOMPARE(e.value(QStringLiteral("code")).toString(), QStringLiteral("server_busy"));
    r = d.run({QStringLiteral("sync")});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(QStringLiteral("The county server is busy")), qPrintable(r.err));

    SyncEngine engine(dir, QStringLiteral("emis-school"));
    QSignalSpy states(&engine, &SyncEngine::stateChanged);
    QSignalSpy finished(&engine, &SyncEngine::finished);
    engine.syncNow();
    QVERIFY(finished.wait(30000));
    QCOMPARE(states.last().at(0).value<SyncEngine::State>(), SyncEngine::State::Busy);
}

void TestClientLimits::revokedWhileServing_cliAndEngineSayRevoked()
{
    ServerFixture server;
    QVERIFY(server.init());
    QVERIFY(server.start());
    const QString dir = m_dirs.filePath(QStringLiteral("revoked"));
    CliRunner d = enrolledDevice(server, dir, ServerFixture::kSchoolA);
    QCOMPARE(d.run({QStringLiteral("sync")}).exitCode, 0);
    const QString deviceId =
        d.run({QStringLiteral("status"), QStringLiteral("--json")}).json().object().value(QStringLiteral("device_id")).toString();
    QCOMPARE(server.ctl({QStringLiteral("device"), QStringLiteral("revoke"), QStringLiteral("--dir"), server.dir(), deviceId})
                 .exitCode,
             0);
    auto r = d.run({QStringLiteral("sync"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 4);
    QCOMPARE(QJsonDocument::fromJson(r.err.toUtf8()).object().value(QStringLiteral("code")).toString(),
             QStringLiteral("device_revoked"));
    r = d.run({QStringLiteral("sync")});
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains(QStringLiteral("it has been revoked")) && r.err.contains(QStringLiteral("enroll it again")),
             qPrintable(r.err));
    QVERIFY2(!r.err.contains(QStringLiteral("internal error")), qPrintable(r.err));

    SyncEngine engine(dir, QStringLiteral("emis-school"));
    QSignalSpy states(&engine, &SyncEngine::stateChanged);
    QSignalSpy finished(&engine, &SyncEngine::finished);
    engine.syncNow();
    QVERIFY(finished.wait(30000));
    QCOMPARE(states.last().at(0).value<SyncEngine::State>(), SyncEngine::State::Revoked);
}

QTEST_GUILESS_MAIN(TestClientLimits)
#include "tst_client_limits.moc"
