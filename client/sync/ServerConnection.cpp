#include "sync/ServerConnection.h"

#include "codec/FrameCodec.h"
#include "emis.pb.h"
#include "sync/ServerError.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QSslConfiguration>
#include <QSslSocket>

namespace emis::client {
namespace {

QString tr(const char *text) { return QCoreApplication::translate("emis::client::ServerConnection", text); }

int remaining(const QDeadlineTimer &d) { return static_cast<int>(std::max<qint64>(1, d.remainingTime())); }

} // namespace

Result<Endpoint> parseEndpoint(const QString &hostPort)
{
    const int colon = hostPort.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint port = colon > 0 ? hostPort.mid(colon + 1).toUInt(&ok) : 0;
    if (!ok || port == 0 || port > 65535)
        // The context lupdate gives a free function's tr(): the namespace's.
        return makeError(ErrorKind::Usage, QCoreApplication::translate("emis::client", "The server must be given as HOST:PORT, not %1.")
                                               .arg(hostPort));
    return Endpoint{hostPort.left(colon), static_cast<quint16>(port)};
}

QString caFingerprint(const QSslCertificate &ca)
{
    return QString::fromLatin1(QCryptographicHash::hash(ca.toDer(), QCryptographicHash::Sha256).left(16).toHex());
}

ServerConnection::ServerConnection(int timeoutMs) : m_timeoutMs(timeoutMs), m_buffer(std::make_unique<codec::FrameBuffer>())
{
}

ServerConnection::~ServerConnection() { close(); }

void ServerConnection::close()
{
    if (m_socket) {
        // A TLS close_notify and a FIN, briefly waited for, so the server ends the session
        // cleanly; then whatever is left is dropped.
        if (m_socket->state() == QAbstractSocket::ConnectedState) {
            m_socket->disconnectFromHost();
            if (m_socket->state() != QAbstractSocket::UnconnectedState)
                m_socket->waitForDisconnected(1000);
        }
        m_socket->abort();
        m_socket.reset();
    }
    m_awaited.clear();
    m_early.clear();
}

Error ServerConnection::socketError(const QString &during, bool handshaking) const
{
    if (m_revoked)
        return deviceRevokedError();
    const auto err = m_socket ? m_socket->error() : QAbstractSocket::UnknownSocketError;
    const QString detail = m_socket ? m_socket->errorString() : QString();
    // A county server closes a connection in the middle of the handshake, without a word, only
    // when it is over its connection limits and cannot even say so (it says "busy" when it can).
    if (handshaking && m_fatalAlert.isEmpty() && err == QAbstractSocket::RemoteHostClosedError)
        return serverBusyError(tr("%1 closed the connection during the secure handshake").arg(m_endpoint.text()));
    // Anything about TLS after the TCP connection stood is the server (or its CA) saying no:
    // a revoked or unknown device, or a server that is not the county's. The rest is the network.
    // With TLS 1.3 a refused certificate (revoked, unknown) arrives as an alert after our side
    // of the handshake completed, followed by the close: the alert tells it from a dead network.
    const bool refused = !m_fatalAlert.isEmpty() || err == QAbstractSocket::SslHandshakeFailedError ||
                         err == QAbstractSocket::SslInternalError || err == QAbstractSocket::SslInvalidUserDataError;
    return makeError(refused ? ErrorKind::Refused : ErrorKind::Offline,
                     tr("%1 with %2 failed: %3").arg(during, m_endpoint.text(),
                                                     m_fatalAlert.isEmpty() ? detail : m_fatalAlert),
                     refused ? QStringLiteral("tls_refused") : QStringLiteral("offline"));
}

Result<QList<QSslCertificate>> ServerConnection::presentedChain(const Endpoint &endpoint, int timeoutMs)
{
    QSslSocket socket;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    // Nothing is trusted or sent on this connection; it only shows the chain, which is then
    // checked against the fingerprint in the enrollment code.
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    socket.setSslConfiguration(config);
    socket.connectToHostEncrypted(endpoint.host, endpoint.port);
    if (!socket.waitForEncrypted(timeoutMs))
        return makeError(ErrorKind::Offline,
                         tr("Cannot reach the county server %1: %2").arg(endpoint.text(), socket.errorString()),
                         QStringLiteral("offline"));
    QList<QSslCertificate> chain = socket.peerCertificateChain();
    socket.abort();
    return chain;
}

Status ServerConnection::open(const Endpoint &endpoint, const QSslCertificate &ca, const QSslCertificate &certificate,
                              const QSslKey &key)
{
    close();
    m_endpoint = endpoint;
    m_buffer = std::make_unique<codec::FrameBuffer>();
    m_compression = codec::Compression::Off;  // until the next session's HelloAck says otherwise
    m_socket = std::make_unique<QSslSocket>();
    m_fatalAlert.clear();
    m_revoked = false;
    QObject::connect(m_socket.get(), &QSslSocket::alertReceived, m_socket.get(),
                     [this](QSsl::AlertLevel level, QSsl::AlertType type, const QString &description) {
                         if (level != QSsl::AlertLevel::Fatal)
                             return;
                         m_fatalAlert = tr("the server refused this device (%1)").arg(description);
                         m_revoked = type == QSsl::AlertType::CertificateRevoked;
                     });
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates({ca});  // replaces the system store: only the county CA is trusted
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    if (!certificate.isNull()) {
        config.setLocalCertificate(certificate);
        config.setPrivateKey(key);
    }
    m_socket->setSslConfiguration(config);
    m_socket->setPeerVerifyName(endpoint.host);
    const QDeadlineTimer deadline(m_timeoutMs);
    m_socket->connectToHost(endpoint.host, endpoint.port);
    if (!m_socket->waitForConnected(remaining(deadline)))
        return socketError(tr("Connecting"));
    // A request goes out whole at once, not its last segment after the server's delayed
    // acknowledgement of the one before (Nagle).
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->startClientEncryption();
    if (!m_socket->waitForEncrypted(remaining(deadline))) {
        if (!m_socket->sslHandshakeErrors().isEmpty())
            return makeError(ErrorKind::Refused,
                             tr("The server %1 is not the county server this device trusts: %2")
                                 .arg(endpoint.text(), m_socket->sslHandshakeErrors().constFirst().errorString()),
                             QStringLiteral("untrusted_server"));
        return socketError(tr("The secure handshake"), true);
    }
    return Ok{};
}

Result<wire::Envelope> ServerConnection::request(wire::Envelope &message)
{
    auto id = send(message);
    if (!id)
        return id.error();
    return receive(*id);
}

Result<quint64> ServerConnection::send(wire::Envelope &message)
{
    if (!m_socket)
        return makeError(ErrorKind::Offline, tr("Not connected."), QStringLiteral("offline"));
    const quint64 id = m_nextRequestId++;
    message.set_request_id(id);
    const auto frame = codec::encodeFrame(message, {}, m_compression);
    if (!frame)
        return makeError(ErrorKind::Other, tr("A message is too large to send."));
    const QDeadlineTimer deadline(m_timeoutMs);
    m_socket->write(frame->data(), static_cast<qint64>(frame->size()));
    // Waiting for the bytes to leave also takes in what arrives meanwhile (into m_socket's
    // buffer), so a server answering an earlier request is never blocked by this one.
    while (m_socket->bytesToWrite() > 0)
        if (!m_socket->waitForBytesWritten(remaining(deadline)))
            return socketError(tr("Sending"));
    m_awaited.insert(id);
    return id;
}

Result<wire::Envelope> ServerConnection::receive(quint64 id)
{
    if (auto early = m_early.find(id); early != m_early.end()) {
        wire::Envelope reply = std::move(early->second);
        m_early.erase(early);
        return reply;
    }
    if (!m_socket)
        return makeError(ErrorKind::Offline, tr("Not connected."), QStringLiteral("offline"));
    const QDeadlineTimer deadline(m_timeoutMs);
    for (;;) {
        auto parsed = m_buffer->next();
        if (parsed.status == codec::ParseResult::Status::Error)
            return makeError(ErrorKind::Offline,
                             tr("The server sent a broken frame: %1")
                                 .arg(QString::fromUtf8(codec::frameErrorText(parsed.error).data(),
                                                        static_cast<qsizetype>(codec::frameErrorText(parsed.error).size()))),
                             QStringLiteral("bad_frame"));
        if (parsed.status == codec::ParseResult::Status::Complete) {
            // The server speaks V2 (it said so): this side's frames may go compressed too.
            if (parsed.message.has_hello_ack() && parsed.message.hello_ack().protocol_version() >= wire::PROTOCOL_V2)
                m_compression = codec::Compression::Allowed;
            const quint64 got = parsed.message.request_id();
            // A fatal error may come unsolicited (request_id 0); an answer to another request
            // still awaited waits for its turn; other strays are stale replies.
            if (got == id || (got == 0 && parsed.message.has_error())) {
                m_awaited.erase(id);
                return std::move(parsed.message);
            }
            if (m_awaited.erase(got) > 0)
                m_early.emplace(got, std::move(parsed.message));
            continue;
        }
        if (deadline.hasExpired())
            return makeError(ErrorKind::Offline, tr("The server %1 did not answer in time.").arg(m_endpoint.text()),
                             QStringLiteral("timeout"));
        if (m_socket->bytesAvailable() == 0 && !m_socket->waitForReadyRead(remaining(deadline))) {
            if (m_socket->error() == QAbstractSocket::SocketTimeoutError)
                continue;  // loops back to the deadline check
            return socketError(tr("Receiving"));
        }
        const QByteArray bytes = m_socket->readAll();
        m_buffer->append(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    }
}

} // namespace emis::client
