#include "sync/SyncEngine.h"

#include "sync/SyncWorker.h"

#include <QMetaObject>

namespace emis::client {

SyncEngine::SyncEngine(const QString &dataDir, const QString &clientName, QObject *parent) : QObject(parent)
{
    m_worker = new SyncWorker(dataDir, clientName);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::stateChanged, this,
            [this](int state, const QString &message) { Q_EMIT stateChanged(static_cast<State>(state), message); });
    connect(m_worker, &SyncWorker::progress, this, &SyncEngine::progress);
    connect(m_worker, &SyncWorker::finished, this, &SyncEngine::finished);
    connect(m_worker, &SyncWorker::clockCorrected, this, &SyncEngine::clockCorrected);
    m_thread.setObjectName(QStringLiteral("emis-sync"));
    m_thread.start();
}

SyncEngine::~SyncEngine()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::stop, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void SyncEngine::setInterval(int ms)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, ms] { w->setInterval(ms); }, Qt::QueuedConnection);
}

void SyncEngine::syncNow() { QMetaObject::invokeMethod(m_worker, &SyncWorker::runOnce, Qt::QueuedConnection); }

} // namespace emis::client
