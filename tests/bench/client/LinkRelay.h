#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QThread>

#include <deque>
#include <memory>
#include <vector>

class QTcpServer;
class QTcpSocket;
class QTimer;

// A slow link on loopback, in user space (no netem here): every byte is held `delayMs` each
// way and each direction carries at most `bytesPerSecond`; with `cutEveryMs` a connection is cut
// (both sides aborted) once it has been open that long. Counts the bytes each way and the
// client's bursts (a burst begins when the client sends after the server did: one round trip).
class LinkRelay : public QObject {
    Q_OBJECT
public:
    struct Counts {
        qint64 up = 0;    // client to server
        qint64 down = 0;  // server to client
        int roundTrips = 0;
        int connections = 0;
        int cuts = 0;
    };

    LinkRelay(quint16 targetPort, int delayMs, qint64 bytesPerSecond, int cutEveryMs = 0);
    ~LinkRelay() override;

    quint16 port() const { return m_port; }
    Counts counts() const;
    void reset();
    void setCutEvery(int ms) { m_cutEveryMs.store(ms); }

private:
    struct Chunk {
        qint64 dueMs;
        QByteArray data;
    };
    struct Direction {
        std::deque<Chunk> queue;
        qint64 busyUntilMs = 0;
    };
    struct Pipe {
        QTcpSocket *client = nullptr;
        QTcpSocket *server = nullptr;
        Direction up, down;
        QElapsedTimer age;
        bool lastWasDown = true;  // the client's first bytes begin a burst
        bool clientGone = false, serverGone = false;
    };

    void listen();
    void accept();
    void carry(Pipe &pipe, bool upward);
    void tick();
    void closeFinished();

    QThread m_thread;
    QTcpServer *m_server = nullptr;
    QTimer *m_timer = nullptr;
    quint16 m_targetPort;
    quint16 m_port = 0;
    int m_delayMs;
    qint64 m_bytesPerSecond;
    std::atomic<int> m_cutEveryMs;
    QElapsedTimer m_clock;
    std::vector<std::unique_ptr<Pipe>> m_pipes;
    mutable QMutex m_mutex;
    Counts m_counts;
};
