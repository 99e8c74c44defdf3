#include "sync/SyncWorker.h"

#include "store/LocalStore.h"
#include "sync/SyncEngine.h"
#include "sync/SyncRunner.h"

#include <QCoreApplication>
#include <QTimer>

namespace emis::client {
namespace {

constexpr int kFirstRetryMs = 5000;

int stateOf(const Error &e)
{
    if (e.code == QLatin1String("server_busy"))
        return static_cast<int>(SyncEngine::State::Busy);
    if (e.code == QLatin1String("device_revoked"))
        return static_cast<int>(SyncEngine::State::Revoked);
    switch (e.kind) {
    case ErrorKind::Offline: return static_cast<int>(SyncEngine::State::Offline);
    case ErrorKind::Refused: return static_cast<int>(SyncEngine::State::Refused);
    default: return static_cast<int>(SyncEngine::State::Failed);
    }
}

} // namespace

SyncWorker::SyncWorker(QString dataDir, QString clientName)
    : m_dataDir(std::move(dataDir)), m_clientName(std::move(clientName))
{
}

SyncWorker::~SyncWorker() = default;

void SyncWorker::stop()
{
    if (m_timer)
        m_timer->stop();
    m_store.reset();  // the connection belongs to this thread: close it here
}

void SyncWorker::setInterval(int ms)
{
    m_intervalMs = ms;
    schedule(ms);
}

void SyncWorker::schedule(int delayMs)
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &SyncWorker::runOnce);
    }
    m_timer->stop();
    if (delayMs > 0)
        m_timer->start(delayMs);
}

void SyncWorker::runOnce()
{
    const DeviceFiles files{m_dataDir};
    if (!m_store) {
        auto opened = LocalStore::open(files.store());
        if (!opened) {
            Q_EMIT stateChanged(static_cast<int>(SyncEngine::State::Failed), opened.error().message);
            Q_EMIT finished(false, 0, 0, opened.error().message);
            return;
        }
        m_store = std::move(*opened);
    }
    Q_EMIT stateChanged(static_cast<int>(SyncEngine::State::Syncing), QString());
    SyncRunner runner(*m_store, files, m_clientName);
    runner.setProgress([this](const QString &phase, int done, int total) { Q_EMIT progress(phase, done, total); });
    auto result = runner.run();
    if (const auto &repair = runner.clockRepair())
        Q_EMIT clockCorrected(clockRepairNotice(*repair));
    if (result) {
        m_backoffMs = 0;
        Q_EMIT stateChanged(static_cast<int>(SyncEngine::State::Idle), QString());
        Q_EMIT finished(true, result->pushed, result->pulled, QString());
        schedule(m_intervalMs);
        return;
    }
    const Error &e = result.error();
    Q_EMIT stateChanged(stateOf(e), e.message);
    Q_EMIT finished(false, 0, 0, e.message);
    if (e.kind == ErrorKind::Offline && m_intervalMs > 0) {
        // Unreachable: try again soon, then less and less often, never beyond the interval.
        m_backoffMs = m_backoffMs == 0 ? kFirstRetryMs : std::min(m_backoffMs * 2, m_intervalMs);
        schedule(std::min(m_backoffMs, m_intervalMs));
    } else {
        schedule(m_intervalMs);
    }
}

} // namespace emis::client
