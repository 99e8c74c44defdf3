#include "LinkRelay.h"

#include <QMetaObject>
#include <QMutexLocker>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

LinkRelay::LinkRelay(quint16 targetPort, int delayMs, qint64 bytesPerSecond, int cutEveryMs)
    : m_targetPort(targetPort), m_delayMs(delayMs), m_bytesPerSecond(bytesPerSecond), m_cutEveryMs(cutEveryMs)
{
    m_clock.start();
    moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(this, &LinkRelay::listen, Qt::BlockingQueuedConnection);
}

LinkRelay::~LinkRelay()
{
    QMetaObject::invokeMethod(
        this,
        [this] {
            for (auto &p : m_pipes) {
                p->client->abort();
                p->server->abort();
                delete p->client;
                delete p->server;
            }
            m_pipes.clear();
            delete m_timer;
            delete m_server;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

LinkRelay::Counts LinkRelay::counts() const
{
    QMutexLocker lock(&m_mutex);
    return m_counts;
}

void LinkRelay::reset()
{
    QMutexLocker lock(&m_mutex);
    m_counts = {};
}

void LinkRelay::listen()
{
    m_server = new QTcpServer;
    m_server->listen(QHostAddress::LocalHost, 0);
    m_port = m_server->serverPort();
    connect(m_server, &QTcpServer::newConnection, this, &LinkRelay::accept);
    m_timer = new QTimer;
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(1);
    connect(m_timer, &QTimer::timeout, this, &LinkRelay::tick);
    m_timer->start();
}

void LinkRelay::accept()
{
    while (QTcpSocket *client = m_server->nextPendingConnection()) {
        auto pipe = std::make_unique<Pipe>();
        Pipe *p = pipe.get();
        p->client = client;
        p->server = new QTcpSocket;
        p->age.start();
        connect(client, &QTcpSocket::readyRead, this, [this, p] { carry(*p, true); });
        connect(p->server, &QTcpSocket::readyRead, this, [this, p] { carry(*p, false); });
        connect(client, &QTcpSocket::disconnected, this, [p] { p->clientGone = true; });
        connect(p->server, &QTcpSocket::disconnected, this, [p] { p->serverGone = true; });
        connect(client, &QTcpSocket::errorOccurred, this, [p](QAbstractSocket::SocketError) { p->clientGone = true; });
        connect(p->server, &QTcpSocket::errorOccurred, this, [p](QAbstractSocket::SocketError) { p->serverGone = true; });
        // A link forwards what it gets at once: no Nagle here (both ends set TCP_NODELAY too).
        client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(p->server, &QTcpSocket::connected, this,
                [p] { p->server->setSocketOption(QAbstractSocket::LowDelayOption, 1); });
        p->server->connectToHost(QHostAddress::LocalHost, m_targetPort);
        m_pipes.push_back(std::move(pipe));
        QMutexLocker lock(&m_mutex);
        ++m_counts.connections;
    }
}

void LinkRelay::carry(Pipe &pipe, bool upward)
{
    QTcpSocket *from = upward ? pipe.client : pipe.server;
    const QByteArray bytes = from->readAll();
    if (bytes.isEmpty())
        return;
    Direction &d = upward ? pipe.up : pipe.down;
    const qint64 now = m_clock.elapsed();
    // The line carries one direction's bytes one after another at its rate, then the delay.
    const qint64 start = std::max(now, d.busyUntilMs);
    d.busyUntilMs = start + bytes.size() * 1000 / m_bytesPerSecond;
    d.queue.push_back({d.busyUntilMs + m_delayMs, bytes});
    QMutexLocker lock(&m_mutex);
    if (upward) {
        m_counts.up += bytes.size();
        if (pipe.lastWasDown)
            ++m_counts.roundTrips;
        pipe.lastWasDown = false;
    } else {
        m_counts.down += bytes.size();
        pipe.lastWasDown = true;
    }
}

void LinkRelay::tick()
{
    const qint64 now = m_clock.elapsed();
    const int cutEvery = m_cutEveryMs.load();
    for (auto &p : m_pipes) {
        if (cutEvery > 0 && !p->clientGone && p->age.elapsed() >= cutEvery) {
            p->client->abort();
            p->server->abort();
            p->clientGone = p->serverGone = true;
            p->up.queue.clear();
            p->down.queue.clear();
            QMutexLocker lock(&m_mutex);
            ++m_counts.cuts;
            continue;
        }
        const auto deliver = [now](Direction &d, QTcpSocket *to) {
            while (!d.queue.empty() && d.queue.front().dueMs <= now && to->state() == QAbstractSocket::ConnectedState) {
                to->write(d.queue.front().data);
                d.queue.pop_front();
            }
        };
        deliver(p->up, p->server);
        deliver(p->down, p->client);
        // A side that closed is closed on the other once what it sent has arrived.
        if (p->clientGone && p->up.queue.empty() && p->server->state() == QAbstractSocket::ConnectedState)
            p->server->disconnectFromHost();
        if (p->serverGone && p->down.queue.empty() && p->client->state() == QAbstractSocket::ConnectedState)
            p->client->disconnectFromHost();
    }
    closeFinished();
}

void LinkRelay::closeFinished()
{
    const auto done = [](const std::unique_ptr<Pipe> &p) {
        return p->client->state() == QAbstractSocket::UnconnectedState &&
               p->server->state() == QAbstractSocket::UnconnectedState && (p->clientGone || p->serverGone);
    };
    for (auto &p : m_pipes)
        if (done(p)) {
            p->client->disconnect();
            p->server->disconnect();
            p->client->deleteLater();
            p->server->deleteLater();
        }
    m_pipes.erase(std::remove_if(m_pipes.begin(), m_pipes.end(), done), m_pipes.end());
}
