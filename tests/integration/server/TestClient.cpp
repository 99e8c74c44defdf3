#include "TestClient.h"

#include "schema/Schema.h"

#include <QElapsedTimer>
#include <QSslConfiguration>
#include <QSslKey>

bool TestClient::connectTo(quint16 port, const QByteArray &caPem, const QByteArray &certPem, const QByteArray &keyPem,
                           const QString &from)
{
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setCaCertificates(QSslCertificate::fromData(caPem));
    conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
    conf.setProtocol(QSsl::TlsV1_2OrLater);
    if (!certPem.isEmpty()) {
        conf.setLocalCertificate(QSslCertificate(certPem));
        conf.setPrivateKey(QSslKey(keyPem, QSsl::Ec));
    }
    m_socket.setSslConfiguration(conf);
    if (!from.isEmpty() && !m_socket.bind(QHostAddress(from)))
        return false;
    m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    return m_socket.waitForEncrypted(10000);
}

bool TestClient::sendRaw(const std::string &bytes)
{
    m_socket.write(bytes.data(), static_cast<qint64>(bytes.size()));
    return m_socket.waitForBytesWritten(10000) || m_socket.bytesToWrite() == 0;
}

std::optional<emis::wire::Envelope> TestClient::receive(int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        auto parsed = m_frames.next();
        if (parsed.status == emis::codec::ParseResult::Status::Complete) {
            m_lastCompressed = parsed.compressed;
            return std::move(parsed.message);
        }
        if (parsed.status == emis::codec::ParseResult::Status::Error)
            return std::nullopt;
        if (m_socket.bytesAvailable() == 0) {
            if (m_socket.state() != QAbstractSocket::ConnectedState || clock.elapsed() > timeoutMs)
                return std::nullopt;
            if (!m_socket.waitForReadyRead(static_cast<int>(std::max<qint64>(1, timeoutMs - clock.elapsed()))))
                if (m_socket.bytesAvailable() == 0)
                    return std::nullopt;
        }
        const QByteArray data = m_socket.readAll();
        m_frames.append(std::string_view(data.constData(), static_cast<std::size_t>(data.size())));
    }
}

std::optional<emis::wire::Envelope> TestClient::request(const emis::wire::Envelope &envelope, int timeoutMs)
{
    emis::wire::Envelope e = envelope;
    if (e.request_id() == 0)
        e.set_request_id(m_nextId++);
    const auto frame = emis::codec::encodeFrame(e, {}, m_compression);
    if (!frame || !sendRaw(*frame))
        return std::nullopt;
    return receive(timeoutMs);
}

std::optional<emis::wire::Envelope> TestClient::hello(unsigned schemaVersion, std::uint32_t maxProtocol)
{
    emis::wire::Envelope e;
    auto *h = e.mutable_hello();
    h->set_protocol_version(emis::wire::PROTOCOL_V1);
    h->set_max_protocol_version(maxProtocol);
    h->set_schema_version(schemaVersion ? schemaVersion : emis::schema::schemaVersion());
    h->set_client_name("tst_server");
    h->set_client_version("0");
    auto ack = request(e);
    if (ack && ack->has_hello_ack() && ack->hello_ack().protocol_version() >= emis::wire::PROTOCOL_V2)
        m_compression = emis::codec::Compression::Allowed;
    return ack;
}

bool TestClient::waitClosed(int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (m_socket.state() != QAbstractSocket::UnconnectedState && clock.elapsed() < timeoutMs) {
        m_socket.waitForReadyRead(200);
        m_socket.readAll();
    }
    return m_socket.state() == QAbstractSocket::UnconnectedState;
}

std::unique_ptr<TestClient> TestClient::officer(quint16 port, const QByteArray &caPem, const char *user,
                                                const char *password)
{
    auto c = std::make_unique<TestClient>();
    if (!c->connectTo(port, caPem) || !c->hello())
        return nullptr;
    emis::wire::Envelope e;
    e.mutable_login_request()->set_user(user);
    e.mutable_login_request()->set_password(password);
    const auto r = c->request(e);
    return r && r->has_login_response() ? std::move(c) : nullptr;
}
