#include "LoopbackProxy.h"

#include <QMetaObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

LoopbackProxy::LoopbackProxy(quint16 targetPort) : m_targetPort(targetPort)
{
    moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(this, &LoopbackProxy::listen, Qt::BlockingQueuedConnection);
}

LoopbackProxy::~LoopbackProxy()
{
    QMetaObject::invokeMethod(
        this, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void LoopbackProxy::listen()
{
    m_server = new QTcpServer;
    m_server->listen(QHostAddress::LocalHost, 0);
    m_port = m_server->serverPort();
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackProxy::accept);
}

void LoopbackProxy::accept()
{
    while (QTcpSocket *down = m_server->nextPendingConnection()) {
        auto *up = new QTcpSocket(down);
        const qint64 limit = m_cutAfter.exchange(-1);
        auto passed = std::make_shared<qint64>(0);
        const auto close = [down, up] {
            up->abort();
            down->abort();
            down->deleteLater();
        };
        // Forwards what `from` has to `to`, cutting both when the limit is reached.
        const auto pump = [this, passed, limit, close](QTcpSocket *from, QTcpSocket *to) {
            QByteArray bytes = from->readAll();
            if (limit >= 0 && *passed + bytes.size() >= limit) {
                to->write(bytes.left(limit - *passed));
                to->flush();
                ++m_cuts;
                close();
                return;
            }
            *passed += bytes.size();
            to->write(bytes);
        };
        connect(up, &QTcpSocket::connected, down, [down, up, pump] {
            if (down->bytesAvailable())
                pump(down, up);
        });
        connect(down, &QTcpSocket::readyRead, up, [down, up, pump] {
            if (up->state() == QAbstractSocket::ConnectedState)
                pump(down, up);
        });
        connect(up, &QTcpSocket::readyRead, down, [down, up, pump] { pump(up, down); });
        connect(down, &QTcpSocket::disconnected, up, [up] { up->disconnectFromHost(); });
        connect(up, &QTcpSocket::disconnected, down, [down] { down->disconnectFromHost(); });
        connect(up, &QTcpSocket::errorOccurred, down, [down](QAbstractSocket::SocketError) { down->abort(); });
        connect(down, &QTcpSocket::disconnected, down, &QObject::deleteLater);
        up->connectToHost(QHostAddress::LocalHost, m_targetPort);
    }
}
