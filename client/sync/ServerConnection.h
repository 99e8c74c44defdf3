#pragma once

#include "codec/FrameCodec.h"
#include "emis.pb.h"
#include "store/Result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

#include <map>
#include <memory>
#include <set>

class QSslSocket;

namespace emis::client {

struct Endpoint {
    QString host;
    quint16 port = 0;
    QString text() const { return host + QLatin1Char(':') + QString::number(port); }
};
Result<Endpoint> parseEndpoint(const QString &hostPort);

// One TLS session with the county server, used blocking from a worker thread (or the CLI):
// every wait has a deadline. Frames are common/codec's; requests and responses are matched by
// request_id. The county CA is the only trust anchor (the system store is replaced).
class ServerConnection {
public:
    explicit ServerConnection(int timeoutMs = 20000);
    ~ServerConnection();

    // Connects and completes the TLS handshake, verifying the server against `ca` and the host
    // name. With a certificate and key, the session is mutual TLS.
    Status open(const Endpoint &endpoint, const QSslCertificate &ca, const QSslCertificate &certificate = QSslCertificate(),
                const QSslKey &key = QSslKey());
    // Enrollment only: the chain the server presents, before anything is trusted or sent.
    static Result<QList<QSslCertificate>> presentedChain(const Endpoint &endpoint, int timeoutMs);

    // Sends one request and waits for its response. A server Error comes back as an Error value
    // whose code is the server's reason code (see errorFromServer).
    Result<wire::Envelope> request(wire::Envelope &message);
    // The same in two halves, so several requests can be on the wire at once (the server answers
    // a session's requests in order): send() returns the request's id, receive() waits for the
    // response to it, keeping any response to another request still awaited for its own turn.
    Result<quint64> send(wire::Envelope &message);
    Result<wire::Envelope> receive(quint64 id);
    void close();

private:
    Error socketError(const QString &during, bool handshaking = false) const;

    int m_timeoutMs;
    QString m_fatalAlert;  // a TLS alert the server sent about our certificate, if any
    bool m_revoked = false;  // that alert was "certificate revoked"
    std::unique_ptr<QSslSocket> m_socket;
    std::unique_ptr<codec::FrameBuffer> m_buffer;
    codec::Compression m_compression = codec::Compression::Off;
    quint64 m_nextRequestId = 1;
    std::set<quint64> m_awaited;                // sent, not yet received
    std::map<quint64, wire::Envelope> m_early;  // received before their turn
    Endpoint m_endpoint;
};

// The lowercase hex of the first 16 bytes of SHA-256 over the certificate's DER: the part of an
// enrollment code after the dot.
QString caFingerprint(const QSslCertificate &ca);

} // namespace emis::client
