#pragma once

#include <QObject>
#include <QString>
#include <QThread>

namespace emis::client {

class SyncWorker;

// The service the desktop program uses to sync: the work runs on its own thread (the window
// never waits on the network), results come back as signals. On demand (syncNow) and on a
// timer; while the server is unreachable, retries back off from 5 s up to the interval.
class SyncEngine : public QObject {
    Q_OBJECT
public:
    // Busy: the server turned us away for load (tried again like Offline). Revoked: county IT
    // revoked this device; it needs a new enrollment.
    enum class State { Idle, Syncing, Offline, Busy, Refused, Revoked, Failed };
    Q_ENUM(State)

    SyncEngine(const QString &dataDir, const QString &clientName, QObject *parent = nullptr);
    ~SyncEngine() override;

    // 0 switches the timer off.
    void setInterval(int ms);

public Q_SLOTS:
    void syncNow();

Q_SIGNALS:
    void stateChanged(emis::client::SyncEngine::State state, const QString &message);
    void progress(const QString &phase, int done, int total);
    void finished(bool ok, int pushed, int pulled, const QString &message);
    // The device's clock had run far ahead and its stamps were corrected (ClockRepair): the
    // notice says so in the clerk's words. Comes before the sync's finished().
    void clockCorrected(const QString &notice);

private:
    QThread m_thread;
    SyncWorker *m_worker = nullptr;
};

} // namespace emis::client
