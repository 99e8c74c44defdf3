#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QTimer;

namespace emis::client {

class LocalStore;

// Lives on the sync thread: owns that thread's store connection and the timer, runs one sync
// at a time, and backs off while the server is unreachable. Only SyncEngine talks to it.
class SyncWorker : public QObject {
    Q_OBJECT
public:
    SyncWorker(QString dataDir, QString clientName);
    ~SyncWorker() override;

public Q_SLOTS:
    void runOnce();
    void setInterval(int ms);
    void stop();

Q_SIGNALS:
    void stateChanged(int state, const QString &message);
    void progress(const QString &phase, int done, int total);
    void finished(bool ok, int pushed, int pulled, const QString &message);
    void clockCorrected(const QString &notice);

private:
    void schedule(int delayMs);

    QString m_dataDir;
    QString m_clientName;
    std::unique_ptr<LocalStore> m_store;
    QTimer *m_timer = nullptr;
    int m_intervalMs = 0;
    int m_backoffMs = 0;
};

} // namespace emis::client
