// Enrolling a school device with emis-cli against the real emis-server: the client pins the
// county CA and keeps its key private; a used, unknown or foreign code is refused (exit 4), an
// unreachable server is offline (exit 3), and a revoked device is refused at its next sync.
#include "CliRunner.h"
#include "ServerFixture.h"

#include <QFile>
#include <QJsonObject>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

class TestClientEnroll : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void enroll_pinsCaAndKeepsKeyPrivate();
    void enroll_refusals_exitFour();
    void enroll_serverDown_exitThree();
    void revokedDevice_refused_exitFour();

private:
    CliRunner newDevice()
    {
        return enrolledDevice(m_server, m_dirs.filePath(QStringLiteral("device%1").arg(++m_devices)),
                              ServerFixture::kSchoolA);
    }
    static QJsonObject status(const CliRunner &d)
    {
        return d.run({QStringLiteral("status"), QStringLiteral("--json")}).json().object();
    }

    ServerFixture m_server;
    QTemporaryDir m_dirs;
    int m_devices = 0;
};

void TestClientEnroll::initTestCase()
{
    QVERIFY(QFile::exists(CliRunner::binary()));
    QVERIFY(m_server.init());
    QVERIFY2(m_server.start(), qPrintable(m_server.serverLog()));
}

void TestClientEnroll::enroll_pinsCaAndKeepsKeyPrivate()
{
    CliRunner d = newDevice();
    const QJsonObject s = status(d);
    QVERIFY(s.value(QStringLiteral("enrolled")).toBool());
    QCOMPARE(s.value(QStringLiteral("school_code")).toString(), QLatin1String(ServerFixture::kSchoolA));
    QFile ca(d.dataDir() + QStringLiteral("/ca.pem"));
    QVERIFY(ca.open(QIODevice::ReadOnly));
    QCOMPARE(QSslCertificate(ca.readAll()).toDer(), QSslCertificate(m_server.caPem()).toDer());
    const auto perms = QFile::permissions(d.dataDir() + QStringLiteral("/device.key"));
    QCOMPARE(perms & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QVERIFY(perms & QFileDevice::ReadOwner);
    // The device is known to the server under the id the client keeps.
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM devices WHERE id = ?"),
                            {s.value(QStringLiteral("device_id")).toString()})
                 .toInt(),
             1);
}

void TestClientEnroll::enroll_refusals_exitFour()
{
    const QString server = QStringLiteral("127.0.0.1:%1").arg(m_server.port());
    const QString code = m_server.enrollCode(QLatin1String(ServerFixture::kSchoolA));
    CliRunner first(m_dirs.filePath(QStringLiteral("refusal-first")));
    QCOMPARE(first.run({QStringLiteral("enroll"), QStringLiteral("--server"), server, QStringLiteral("--code"), code}).exitCode, 0);
    // The same code again: used.
    CliRunner again(m_dirs.filePath(QStringLiteral("refusal-again")));
    auto r = again.run({QStringLiteral("enroll"), QStringLiteral("--server"), server, QStringLiteral("--code"), code,
                        QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains(QLatin1String("enroll_code_used")), qPrintable(r.err));
    // A code nobody issued.
    const QString fingerprint = code.section(QLatin1Char('.'), 1);
    r = again.run({QStringLiteral("enroll"), QStringLiteral("--server"), server, QStringLiteral("--code"),
                   QStringLiteral("AAAA-BBBB-CCCC.") + fingerprint});
    QCOMPARE(r.exitCode, 4);
    // A fingerprint of another CA: the client never sends the code.
    r = again.run({QStringLiteral("enroll"), QStringLiteral("--server"), server, QStringLiteral("--code"),
                   code.section(QLatin1Char('.'), 0, 0) + QStringLiteral(".00112233445566778899aabbccddeeff")});
    QCOMPARE(r.exitCode, 4);
    QVERIFY(!QFile::exists(again.dataDir() + QStringLiteral("/device.key")));
    // Not a code at all: usage.
    QCOMPARE(again.run({QStringLiteral("enroll"), QStringLiteral("--server"), server, QStringLiteral("--code"),
                        QStringLiteral("nonsense")})
                 .exitCode,
             2);
}

void TestClientEnroll::enroll_serverDown_exitThree()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 deadPort = probe.serverPort();
    probe.close();
    CliRunner d(m_dirs.filePath(QStringLiteral("down")));
    const auto r = d.run({QStringLiteral("enroll"), QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(deadPort),
                          QStringLiteral("--code"), QStringLiteral("AAAA-BBBB-CCCC.00112233445566778899aabbccddeeff")});
    QCOMPARE(r.exitCode, 3);
}

void TestClientEnroll::revokedDevice_refused_exitFour()
{
    CliRunner d = newDevice();
    const QString deviceId = status(d).value(QStringLiteral("device_id")).toString();
    const auto revoke = m_server.ctl({QStringLiteral("device"), QStringLiteral("revoke"), QStringLiteral("--dir"),
                                      m_server.dir(), deviceId});
    if (revoke.exitCode != 0)
        QSKIP(qPrintable(QStringLiteral("emisctl cannot revoke here: ") + revoke.err));
    m_server.stop();  // holds whether the server checks revocation per handshake or at start
    QVERIFY(m_server.start());
    const auto r = d.run({QStringLiteral("sync")});
    QVERIFY2(r.exitCode == 4, qPrintable(QString::number(r.exitCode) + r.err));
    QVERIFY2(r.err.contains(QStringLiteral("it has been revoked")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestClientEnroll)
#include "tst_client_enroll.moc"
