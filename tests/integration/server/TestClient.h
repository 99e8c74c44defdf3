#pragma once

#include "codec/FrameCodec.h"

#include <QByteArray>
#include <QSslSocket>

#include <memory>
#include <optional>

// One TLS connection to the server under test, speaking frames synchronously.
class TestClient {
public:
    // Pins the county CA; with a certificate and key, presents them (mutual TLS). `from` is the
    // loopback source address (127.0.0.2, ...), to play a client on another machine.
    bool connectTo(quint16 port, const QByteArray &caPem, const QByteArray &certPem = {},
                   const QByteArray &keyPem = {}, const QString &from = {});
    // Sends one envelope and waits for one back; nullopt when the server closed or sent junk.
    std::optional<emis::wire::Envelope> request(const emis::wire::Envelope &envelope, int timeoutMs = 15000);
    // Offers `maxProtocol` too when given; once the server agrees on V2, requests go compressed.
    std::optional<emis::wire::Envelope> hello(unsigned schemaVersion = 0, std::uint32_t maxProtocol = 0);
    // The last envelope received came in a compressed frame.
    bool lastCompressed() const { return m_lastCompressed; }
    bool sendRaw(const std::string &bytes);
    // The next envelope from the server (after sendRaw); nullopt when it closed or sent junk.
    std::optional<emis::wire::Envelope> receive(int timeoutMs = 15000);
    // True when the server closes the connection within the time.
    bool waitClosed(int timeoutMs = 10000);
    void abort() { m_socket.abort(); }
    QSslSocket &socket() { return m_socket; }

    // A bureau officer's session: connected to the server on `port` (pinning `caPem`), hello,
    // logged in; null when any step fails.
    static std::unique_ptr<TestClient> officer(quint16 port, const QByteArray &caPem, const char *user,
                                               const char *password);

private:
    QSslSocket m_socket;
    emis::codec::FrameBuffer m_frames;
    std::uint64_t m_nextId = 1;
    emis::codec::Compression m_compression = emis::codec::Compression::Off;
    bool m_lastCompressed = false;
};
