#pragma once

#include "store/Result.h"
#include "sync/Hlc.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace emis::client {

// Who this device is, as enrollment told it.
struct DeviceIdentity {
    QString deviceId;
    QString schoolId;
    QString schoolCode;
    QString schoolName;
    QString server;  // host:port
    bool enrolled() const { return !deviceId.isEmpty() && !schoolId.isEmpty(); }
};

struct SyncState {
    DeviceIdentity identity;
    quint64 pullCursor = 0;
    quint64 watermark = 0;   // highest device_seq the server acknowledged
    QString feedEpoch;       // the server feed the pull cursor counts in (HelloAck.feed_epoch)
    qint64 lastSyncMs = 0;
    QString lastError;
};

// One school device's SQLite store: WAL, synchronous=FULL ("saved" means saved), numbered
// migrations, the device's identity and its hybrid logical clock (restored at open). One
// LocalStore per thread: QtSql connections may not cross threads.
class LocalStore {
public:
    static Result<std::unique_ptr<LocalStore>> open(const QString &path);
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    QSqlDatabase db() const { return QSqlDatabase::database(m_connection, false); }
    QString path() const { return m_path; }

    SyncState syncState() const;
    DeviceIdentity identity() const { return syncState().identity; }
    Status setIdentity(const DeviceIdentity &identity);
    // These write inside the caller's transaction.
    Status setPullCursor(quint64 cursor);
    Status setWatermark(quint64 watermark);
    Status setFeedEpoch(const QString &epoch);
    Status recordSyncOutcome(qint64 whenMs, const QString &error);

    // The device's clock; its device is the enrolled device id. Stamps are persisted with
    // saveClock() in the same transaction as whatever they stamped.
    sync::HlcClock &clock() { return *m_clock; }
    Status saveClock();
    // Takes the device's clock as persisted: catches up with stamps another connection (the sync
    // thread, another program) persisted, so this connection's next tick is after them, and takes
    // over a correction (setClockBack). Call inside the transaction that ticks.
    void catchUpClock();
    // Sets the device's clock back to `last`, persisted in the caller's transaction: only for a
    // clock that ran far ahead, once its stamps were corrected (ClockRepair).
    Status setClockBack(const sync::Hlc &last);

private:
    LocalStore(QString path, QString connection);
    Status init();
    void resetClock(const QString &deviceId);
    std::optional<sync::Hlc> storedClock() const;

    QString m_path;
    QString m_connection;
    std::unique_ptr<sync::HlcClock> m_clock;
};

} // namespace emis::client
