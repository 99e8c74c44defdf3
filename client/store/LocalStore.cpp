#include "store/LocalStore.h"

#include "store/Migrations.h"
#include "store/RemoteMerge.h"
#include "store/Sql.h"
#include "store/SqlValue.h"

#include <QCoreApplication>
#include <QSqlError>

#include <atomic>

namespace emis::client {
namespace {

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("emis-store-%1").arg(counter.fetch_add(1));
}

} // namespace

LocalStore::LocalStore(QString path, QString connection) : m_path(std::move(path)), m_connection(std::move(connection))
{
}

LocalStore::~LocalStore()
{
    {
        QSqlDatabase d = db();
        Sql::forgetConnection(m_connection);
        if (d.isOpen())
            d.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Result<std::unique_ptr<LocalStore>> LocalStore::open(const QString &path)
{
    std::unique_ptr<LocalStore> store(new LocalStore(path, nextConnectionName()));
    if (auto st = store->init(); !st)
        return st.error();
    return store;
}

Status LocalStore::init()
{
    QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    d.setDatabaseName(m_path);
    // Another connection (the sync worker, a second program) may hold the write lock briefly.
    d.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!d.open())
        return makeError(ErrorKind::Other,
                         QCoreApplication::translate("emis::client::LocalStore", "Cannot open the local database %1: %2")
                             .arg(m_path, d.lastError().text()));
    setBusyWait(d, 10000);
    // A 16 MiB page cache: an import or a pulled page's transaction stays in memory until its
    // commit instead of spilling pages to the WAL part-way.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                               "PRAGMA cache_size=-16384"})
        if (auto st = execSql(d, QString::fromLatin1(pragma)); !st)
            return st;
    if (auto st = migrate(d); !st)
        return st;
    const SyncState state = syncState();
    resetClock(state.identity.deviceId);
    catchUpClock();
    // After an upgrade: the rows an older version of the program pulled but could not hold.
    if (auto replayed = RemoteMerge(*this).replayParked(); !replayed)
        return replayed.error();
    return Ok{};
}

std::optional<sync::Hlc> LocalStore::storedClock() const
{
    Sql q(db(), QStringLiteral("SELECT last_hlc FROM sync_state WHERE id = 1"));
    if (q.exec() && q.next())
        return sync::Hlc::fromText(ss(q.value(0).toString()));
    return std::nullopt;
}

void LocalStore::catchUpClock()
{
    // Every stamp a connection issues or takes in is persisted with what it stamped, so the
    // stored clock is never behind this connection's for anything that was committed. Behind it
    // is only a correction, or a tick whose save rolled back (nothing carries that stamp): take
    // it as it is, back in time too.
    if (auto last = storedClock())
        m_clock->reset(*last);
}

Status LocalStore::setClockBack(const sync::Hlc &last)
{
    Sql q(db(), QStringLiteral("UPDATE sync_state SET last_hlc = ? WHERE id = 1"));
    if (auto st = q.bind(qs(last.toText())).exec(); !st)
        return st;
    m_clock->reset(last);
    return Ok{};
}

void LocalStore::resetClock(const QString &deviceId)
{
    const sync::Hlc previous = m_clock ? m_clock->last() : sync::Hlc{};
    m_clock = std::make_unique<sync::HlcClock>(ss(deviceId));
    if (!previous.isZero())
        m_clock->restore(previous);
}

SyncState LocalStore::syncState() const
{
    SyncState s;
    Sql q(db(), QStringLiteral("SELECT device_id, school_id, school_code, school_name, server, pull_cursor, "
                               "watermark, last_sync_ms, last_error, feed_epoch FROM sync_state WHERE id = 1"));
    if (!q.exec() || !q.next())
        return s;
    s.identity = {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                  q.value(4).toString()};
    s.pullCursor = q.value(5).toULongLong();
    s.watermark = q.value(6).toULongLong();
    s.lastSyncMs = q.value(7).toLongLong();
    s.lastError = q.value(8).toString();
    s.feedEpoch = q.value(9).toString();
    return s;
}

Status LocalStore::setIdentity(const DeviceIdentity &id)
{
    Sql q(db(), QStringLiteral("UPDATE sync_state SET device_id = ?, school_id = ?, school_code = ?, "
                               "school_name = ?, server = ? WHERE id = 1"));
    // A null QString binds as SQL NULL; these columns hold text, empty when unknown.
    for (const QString &v : {id.deviceId, id.schoolId, id.schoolCode, id.schoolName, id.server})
        q.bind(v.isNull() ? QStringLiteral("") : v);
    if (auto st = q.exec(); !st)
        return st;
    resetClock(id.deviceId);
    return Ok{};
}

Status LocalStore::setPullCursor(quint64 cursor)
{
    Sql q(db(), QStringLiteral("UPDATE sync_state SET pull_cursor = ? WHERE id = 1"));
    return q.bind(QVariant::fromValue<qulonglong>(cursor)).exec();
}

Status LocalStore::setWatermark(quint64 watermark)
{
    // The watermark only rises: an older acknowledgement arriving late must not lower it.
    Sql q(db(), QStringLiteral("UPDATE sync_state SET watermark = max(watermark, ?) WHERE id = 1"));
    return q.bind(QVariant::fromValue<qulonglong>(watermark)).exec();
}

Status LocalStore::setFeedEpoch(const QString &epoch)
{
    return Sql(db(), QStringLiteral("UPDATE sync_state SET feed_epoch = ? WHERE id = 1")).bind(epoch).exec();
}

Status LocalStore::recordSyncOutcome(qint64 whenMs, const QString &error)
{
    // A failed sync keeps the time of the last good one.
    if (!error.isEmpty())
        return Sql(db(), QStringLiteral("UPDATE sync_state SET last_error = ? WHERE id = 1")).bind(error).exec();
    Sql q(db(), QStringLiteral("UPDATE sync_state SET last_sync_ms = ?, last_error = '' WHERE id = 1"));
    return q.bind(whenMs).exec();
}

Status LocalStore::saveClock()
{
    // Never lowers it: another connection may have persisted a later stamp meanwhile. Compared
    // as stamps: text sorts like the stamp only while every part fits its width.
    const sync::Hlc last = m_clock->last();
    if (const auto stored = storedClock(); stored && !(*stored < last))
        return Ok{};
    Sql q(db(), QStringLiteral("UPDATE sync_state SET last_hlc = ? WHERE id = 1"));
    return q.bind(qs(last.toText())).exec();
}

} // namespace emis::client
