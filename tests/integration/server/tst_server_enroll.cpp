// emis-server's front door: enrollment with one-time codes, and who may talk at all (no
// certificate, a revoked certificate, plain TCP, a broken frame, a newer schema).
#include "ServerFixture.h"
#include "SyncDevice.h"
#include "TestClient.h"

#include "codec/FrameCodec.h"
#include "schema/Schema.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

using namespace emis;

namespace {

QString subjectField(const QByteArray &pem, int nid)
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size()));
    X509 *cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!cert)
        return {};
    char buf[256] = {};
    X509_NAME_get_text_by_NID(X509_get_subject_name(cert), nid, buf, sizeof buf);
    X509_free(cert);
    return QString::fromUtf8(buf);
}

// A TLS handshake with exactly one protocol version, the client willing to go as low as the
// library allows, so that a refusal can only come from the server.
bool handshakeWith(quint16 port, int version)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_security_level(ctx, 0);
    SSL_CTX_set_min_proto_version(ctx, version);
    SSL_CTX_set_max_proto_version(ctx, version);
    SSL_CTX_set_cipher_list(ctx, "ALL:@SECLEVEL=0");
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
    BIO *bio = BIO_new_ssl_connect(ctx);
    const std::string target = "127.0.0.1:" + std::to_string(port);
    BIO_set_conn_hostname(bio, target.c_str());
    const bool ok = BIO_do_connect(bio) > 0 && BIO_do_handshake(bio) > 0;
    BIO_free_all(bio);
    SSL_CTX_free(ctx);
    return ok;
}

wire::Envelope pullRequest()
{
    wire::Envelope e;
    e.mutable_pull_request()->set_cursor(0);
    return e;
}

} // namespace

class TestServerEnroll : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void enrollGoodCode_issuesCertificateNamingDeviceAndSchool();
    void enrollCode_printedShapeCarriesCaFingerprint();
    void enrollCode_acceptedLowercaseWithoutDashes();
    void enrollReusedCode_refused();
    void enrollExpiredCode_refused();
    void enrollUnknownCode_refused();
    void noCertificate_pushPullAndReportRefused();
    void enrolledDevice_helloCarriesSchoolFromCertificate();
    void revokedDevice_refusedAtHandshake();
    void revokedDevice_nextRequestRefused_editNotSeen();
    void revokedDevice_openSessionEndsAtOnce();
    void plainTcp_refused();
    void tlsOlderThan12_refused();
    void badFrame_closesOnlyItsSession();
    void newerSchemaVersion_refused();
    void enrollmentAndSessionsAudited();

private:
    ServerFixture m_server;
};

void TestServerEnroll::initTestCase()
{
    QVERIFY(m_server.init());
    QVERIFY(m_server.start());
}

void TestServerEnroll::cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

void TestServerEnroll::enrollGoodCode_issuesCertificateNamingDeviceAndSchool()
{
    std::string error;
    const auto device = m_server.enroll(m_server.enrollCode(QLatin1String(ServerFixture::kSchoolA)), &error);
    QVERIFY2(device, error.c_str());
    QCOMPARE(device->schoolId, m_server.schoolId(QLatin1String(ServerFixture::kSchoolA)));
    QCOMPARE(subjectField(device->certPem, NID_commonName), QString::fromStdString(device->deviceId));
    QCOMPARE(subjectField(device->certPem, NID_organizationalUnitName), QString::fromStdString(device->schoolId));
    QCOMPARE(subjectField(device->certPem, NID_organizationName), QLatin1String(ServerFixture::kSchoolA));
    const auto list = m_server.ctl({QStringLiteral("device"), QStringLiteral("list"), QStringLiteral("--dir"),
                                    m_server.dir(), QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.contains(QString::fromStdString(device->deviceId)));
}

void TestServerEnroll::enrollCode_printedShapeCarriesCaFingerprint()
{
    const QString code = m_server.enrollCode(QLatin1String(ServerFixture::kSchoolA));
    const QRegularExpression shape(QStringLiteral("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}\\.[0-9a-f]{32}$"));
    QVERIFY2(shape.match(code).hasMatch(), qPrintable(code));
    const QSslCertificate ca(m_server.caPem());
    const QByteArray digest = QCryptographicHash::hash(ca.toDer(), QCryptographicHash::Sha256).left(16).toHex();
    QCOMPARE(code.section(QLatin1Char('.'), 1), QString::fromLatin1(digest));
    // The store keeps only a hash of the code (upper case, no dashes).
    const QByteArray plain = code.section(QLatin1Char('.'), 0, 0).remove(QLatin1Char('-')).toLatin1();
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(plain, QCryptographicHash::Sha256).toHex());
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM enroll_codes WHERE code_hash = ?"), {QVariant(hash)})
                 .toInt(),
             1);
}

void TestServerEnroll::enrollCode_acceptedLowercaseWithoutDashes()
{
    const QString code = m_server.enrollCode(QLatin1String(ServerFixture::kSchoolB));
    const QString typed = code.section(QLatin1Char('.'), 0, 0).remove(QLatin1Char('-')).toLower();
    std::string error;
    const auto device = m_server.enroll(typed, &error);
    QVERIFY2(device, error.c_str());
    QCOMPARE(device->schoolId, m_server.schoolId(QLatin1String(ServerFixture::kSchoolB)));
}

void TestServerEnroll::enrollReusedCode_refused()
{
    const QString code = m_server.enrollCode(QLatin1String(ServerFixture::kSchoolA));
    QVERIFY(m_server.enroll(code));
    std::string error;
    QVERIFY(!m_server.enroll(code, &error));
    QCOMPARE(error, std::string("enroll_code_used"));
}

void TestServerEnroll::enrollExpiredCode_refused()
{
    const QString code = m_server.enrollCode(QLatin1String(ServerFixture::kSchoolA));
    // Age every unused code past its expiry, as 72 hours would.
    m_server.query(QStringLiteral("UPDATE enroll_codes SET expires_ms = 1 WHERE used_ms IS NULL"));
    std::string error;
    QVERIFY(!m_server.enroll(code, &error));
    QCOMPARE(error, std::string("enroll_code_expired"));
}

void TestServerEnroll::enrollUnknownCode_refused()
{
    std::string error;
    QVERIFY(!m_server.enroll(QStringLiteral("ABCD-EFGH-JKLM"), &error));
    QCOMPARE(error, std::string("enroll_code_unknown"));
    QVERIFY(!m_server.enroll(QStringLiteral("not a code"), &error));
    QCOMPARE(error, std::string("enroll_code_unknown"));
}

void TestServerEnroll::noCertificate_pushPullAndReportRefused()
{
    for (int kind : {0, 1, 2}) {  // push, pull, report
        TestClient c;
        QVERIFY(c.connectTo(m_server.port(), m_server.caPem()));
        QVERIFY(c.hello());
        wire::Envelope e = pullRequest();
        if (kind == 2)
            e.mutable_report_request()->set_name("enrolment");
        if (kind == 0) {
            auto *change = e.mutable_push_batch()->add_changes();
            change->set_device_seq(1);
            change->set_table("classes");
        }
        const auto reply = c.request(e);
        QVERIFY(reply && reply->has_error());
        QCOMPARE(reply->error().code(), std::string("not_authenticated"));
        if (kind == 2) {
            // A report asks for a bureau login, which may still follow on this session.
            QVERIFY(!reply->error().fatal());
            continue;
        }
        QVERIFY(reply->error().fatal());
        QVERIFY(c.waitClosed());
    }
}

void TestServerEnroll::enrolledDevice_helloCarriesSchoolFromCertificate()
{
    const auto device = m_server.enroll(m_server.enrollCode(QLatin1String(ServerFixture::kSchoolB)));
    QVERIFY(device);
    TestClient c;
    QVERIFY(c.connectTo(m_server.port(), m_server.caPem(), device->certPem, device->keyPem));
    const auto ack = c.hello();
    QVERIFY(ack && ack->has_hello_ack());
    QCOMPARE(ack->hello_ack().device_id(), device->deviceId);
    QCOMPARE(ack->hello_ack().school_id(), device->schoolId);
    QCOMPARE(ack->hello_ack().school_code(), std::string(ServerFixture::kSchoolB));
    QCOMPARE(QString::fromStdString(ack->hello_ack().school_name()), QStringLiteral("流泗镇中心小学"));
    QCOMPARE(ack->hello_ack().watermark(), 0u);
    const auto page = c.request(pullRequest());
    QVERIFY(page && page->has_pull_page());
}

void TestServerEnroll::revokedDevice_refusedAtHandshake()
{
    const auto device = m_server.enroll(m_server.enrollCode(QLatin1String(ServerFixture::kSchoolA)));
    QVERIFY(device);
    TestClient before;
    QVERIFY(before.connectTo(m_server.port(), m_server.caPem(), device->certPem, device->keyPem));
    QVERIFY(before.hello());
    const auto r = m_server.ctl({QStringLiteral("device"), QStringLiteral("revoke"), QStringLiteral("--dir"),
                                 m_server.dir(), QString::fromStdString(device->deviceId)});
    QCOMPARE(r.exitCode, 0);
    // A session opened before the revocation may not push any more either.
    wire::Envelope push;
    push.mutable_push_batch();
    const auto refused = before.request(push);
    QVERIFY(refused && refused->has_error());
    QCOMPARE(refused->error().code(), std::string("device_revoked"));
    QVERIFY(before.waitClosed());
    TestClient after;
    // With TLS 1.3 the client's side of the handshake may complete; the refusal shows on the first read.
    if (after.connectTo(m_server.port(), m_server.caPem(), device->certPem, device->keyPem))
        QVERIFY(!after.hello());
    QVERIFY(m_server.serverLog().contains(QStringLiteral("is revoked")));
    QTRY_VERIFY(m_server.query(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'session_refused' AND actor = ?"),
                               {QString::fromStdString(device->deviceId)}).toInt() >= 1);
}

void TestServerEnroll::revokedDevice_nextRequestRefused_editNotSeen()
{
    SyncDevice reader = SyncDevice::enroll(m_server, ServerFixture::kSchoolB);
    SyncDevice writer = SyncDevice::enroll(m_server, ServerFixture::kSchoolB);
    QVERIFY(reader.client && writer.client);
    const std::string pupil = writer.newPupil("陈思远", "20150307", residentId("20150307", "131"));
    QVERIFY(!pupil.empty());
    QVERIFY(reader.pullByTable()["students"].count(pupil));
    QCOMPARE(m_server.ctl({QStringLiteral("device"), QStringLiteral("revoke"), QStringLiteral("--dir"), m_server.dir(),
                           QString::fromStdString(reader.id.deviceId)})
                 .exitCode,
             0);
    // An edit made after the revocation must not reach the revoked device.
    wire::Change edit = writer.change("students", pupil);
    setText(edit, "guardian_phone", "13907920001");
    const auto ack = writer.push({edit});
    QVERIFY(ack && ack->has_push_ack());
    const auto refused = reader.client->request(pullRequest());
    QVERIFY(refused);
    QVERIFY2(refused->has_error(), refused->DebugString().c_str());
    QCOMPARE(refused->error().code(), std::string("device_revoked"));
    QVERIFY(refused->error().fatal());
    QVERIFY(QString::fromStdString(refused->error().message_en()).contains(QStringLiteral("enroll it again")));
    QVERIFY(reader.client->waitClosed());
}

void TestServerEnroll::revokedDevice_openSessionEndsAtOnce()
{
    SyncDevice device = SyncDevice::enroll(m_server, ServerFixture::kSchoolB);
    QVERIFY(device.client);
    const auto page = device.client->request(pullRequest());
    QVERIFY(page && page->has_pull_page());
    // The session idles (the idle timeout is 120 s) while county IT revokes the device.
    const auto r = m_server.ctl({QStringLiteral("device"), QStringLiteral("revoke"), QStringLiteral("--dir"),
                                 m_server.dir(), QString::fromStdString(device.id.deviceId)});
    QCOMPARE(r.exitCode, 0);
    QElapsedTimer clock;
    clock.start();
    // The server says why before it closes, unasked.
    const auto said = device.client->receive(10000);
    QVERIFY2(said && said->has_error(), "no word from the server within 10 s of the revocation");
    QCOMPARE(said->error().code(), std::string("device_revoked"));
    const qint64 toldMs = clock.elapsed();
    QVERIFY(device.client->waitClosed(10000));
    qInfo("revocation to the device told: %lld ms, to the connection closed: %lld ms", static_cast<long long>(toldMs),
          static_cast<long long>(clock.elapsed()));
    QVERIFY(m_server.serverLog().contains(QStringLiteral("session closed: the device is revoked")));
}

void TestServerEnroll::plainTcp_refused()
{
    QTcpSocket plain;
    plain.connectToHost(QHostAddress::LocalHost, m_server.port());
    QVERIFY(plain.waitForConnected(5000));
    wire::Envelope e;
    e.set_request_id(1);
    e.mutable_hello()->set_protocol_version(wire::PROTOCOL_V1);
    const std::string frame = *codec::encodeFrame(e);
    plain.write(frame.data(), static_cast<qint64>(frame.size()));
    QByteArray got;
    for (int i = 0; i < 50 && plain.state() == QAbstractSocket::ConnectedState; ++i) {
        plain.waitForReadyRead(100);
        got += plain.readAll();
    }
    got += plain.readAll();
    QCOMPARE(plain.state(), QAbstractSocket::UnconnectedState);
    // Whatever came back (a TLS alert at most) is no frame of the protocol.
    QVERIFY(codec::parseFrame(std::string_view(got.constData(), static_cast<std::size_t>(got.size()))).status !=
            codec::ParseResult::Status::Complete);
}

void TestServerEnroll::tlsOlderThan12_refused()
{
    QVERIFY(handshakeWith(m_server.port(), TLS1_2_VERSION));  // the same client gets in with 1.2
    QVERIFY(handshakeWith(m_server.port(), TLS1_3_VERSION));
    QVERIFY(!handshakeWith(m_server.port(), TLS1_1_VERSION));
    QVERIFY(!handshakeWith(m_server.port(), TLS1_VERSION));
    QVERIFY(m_server.serverLog().contains(QStringLiteral("unsupported protocol")));
}

void TestServerEnroll::badFrame_closesOnlyItsSession()
{
    const auto device = m_server.enroll(m_server.enrollCode(QLatin1String(ServerFixture::kSchoolA)));
    QVERIFY(device);
    TestClient good;
    QVERIFY(good.connectTo(m_server.port(), m_server.caPem(), device->certPem, device->keyPem));
    QVERIFY(good.hello());
    TestClient bad;
    QVERIFY(bad.connectTo(m_server.port(), m_server.caPem(), device->certPem, device->keyPem));
    QVERIFY(bad.hello());
    QVERIFY(bad.sendRaw(codec::wrapPayload("\xff\xff\xff not a message")));
    QVERIFY(bad.waitClosed());
    // A frame announcing more than the cap is refused before anything is allocated.
    TestClient huge;
    QVERIFY(huge.connectTo(m_server.port(), m_server.caPem(), device->certPem, device->keyPem));
    QVERIFY(huge.sendRaw(std::string("\x7f\xff\xff\xff", 4)));
    QVERIFY(huge.waitClosed());
    const auto page = good.request(pullRequest());
    QVERIFY(page && page->has_pull_page());
    QVERIFY(m_server.serverLog().contains(QStringLiteral("bad frame")));
}

void TestServerEnroll::newerSchemaVersion_refused()
{
    TestClient c;
    QVERIFY(c.connectTo(m_server.port(), m_server.caPem()));
    const auto reply = c.hello(schema::schemaVersion() + 1);
    QVERIFY(reply && reply->has_error());
    QCOMPARE(reply->error().code(), std::string("schema_version"));
    QVERIFY(reply->error().fatal());
    QVERIFY(c.waitClosed());
}

void TestServerEnroll::enrollmentAndSessionsAudited()
{
    const auto count = [&](const char *action) {
        return m_server.query(QStringLiteral("SELECT count(*) FROM audit WHERE action = ?"), {QLatin1String(action)})
            .toInt();
    };
    QVERIFY(count("enroll") >= 4);
    QVERIFY(count("enroll_refused") >= 3);
    QVERIFY(count("session") >= 2);
    QCOMPARE(count("revoke"), 3);
    QCOMPARE(count("init"), 1);
}

QTEST_GUILESS_MAIN(TestServerEnroll)
#include "tst_server_enroll.moc"
