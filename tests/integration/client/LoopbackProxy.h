#pragma once

#include <QObject>
#include <QThread>

#include <atomic>

class QTcpServer;

// A TCP proxy on 127.0.0.1 between the clients and the server, on its own thread, that can cut
// the next connection after a given number of bytes (both directions counted): the network
// failing mid-frame, mid-handshake or mid-acknowledgement.
class LoopbackProxy : public QObject {
    Q_OBJECT
public:
    explicit LoopbackProxy(quint16 targetPort);
    ~LoopbackProxy() override;

    quint16 port() const { return m_port; }
    // The next connection is cut (both sides aborted) once this many bytes have passed.
    void cutNextAfter(qint64 bytes) { m_cutAfter.store(bytes); }
    void disarm() { m_cutAfter.store(-1); }
    int cuts() const { return m_cuts.load(); }

private:
    void listen();
    void accept();

    QThread m_thread;
    QTcpServer *m_server = nullptr;
    quint16 m_targetPort;
    quint16 m_port = 0;
    std::atomic<qint64> m_cutAfter{-1};
    std::atomic<int> m_cuts{0};
};
