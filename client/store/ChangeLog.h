#pragma once

#include "store/Result.h"
#include "sync/Hlc.h"

#include <QHash>
#include <QSqlDatabase>

#include <functional>
#include <optional>
#include <vector>

namespace emis::wire {
class Change;
}

namespace emis::client {

// The device's outgoing changes, in device_seq order. Appended in the same transaction as the
// row it describes; sent only when the server's PushAck covers it (sync_state.sent_through: the
// acknowledged changes are always the log's first ones).
class ChangeLog {
public:
    static constexpr qsizetype kMaxBatchBytes = 4 * 1024 * 1024;

    explicit ChangeLog(QSqlDatabase db) : m_db(std::move(db)) {}

    // Gives the change the next device_seq and stores it (inside the caller's transaction).
    // `bases` holds, per changed field, the version (HLC text, empty for none) it overwrote.
    Result<quint64> append(wire::Change &change, const QHash<QString, QString> &bases);
    // The same with the seq given: lastSeq() + 1, read once by a caller saving many changes.
    Result<quint64> append(wire::Change &change, const QHash<QString, QString> &bases, quint64 seq);
    // Changes after `afterSeq`, oldest first, whatever their local state: the server's
    // watermark is the truth about what it holds (a restored server may need a resend). At most
    // `limit` changes and about kMaxBatchBytes (at least one change).
    Result<std::vector<wire::Change>> after(quint64 afterSeq, int limit) const;
    Status markSentUpTo(quint64 watermark);
    // Before a batch goes on the wire (committed first, so a crash cannot forget it): every
    // change up to `seq` may have been sent. Batches go out in seq order, so this is a prefix.
    Status markAttemptedThrough(quint64 seq);
    // Changes up to `seq` never put on the wire: if the server says it holds them, it holds
    // other changes under those numbers.
    int unattemptedUpTo(quint64 seq) const;
    int pendingCount() const;
    // The lowest change up to `seq` not yet marked sent (0: none).
    quint64 firstPendingUpTo(quint64 seq) const;
    quint64 lastSeq() const;
    // Fields of the row with a change not yet acknowledged (a tombstone counts as "deleted"),
    // each with the version the oldest such change overwrote.
    QHash<QString, QString> pendingFields(const QString &table, const QString &rowId) const;
    // The same for every row with such a change, keyed "table/row_id".
    QHash<QString, QHash<QString, QString>> pendingFieldsByRow() const;
    Result<wire::Change> bySeq(quint64 seq) const;

    // A clock correction (ClockRepair): every change after `afterSeq`, oldest first, takes the
    // stamp `restamp` gives it (nullopt: it keeps its own), and the versions the changes
    // overwrote are mapped through `mapBase` (HLC text to HLC text, empty for none). Seqs and
    // fields stay. Returns how many changes took a new stamp.
    using Restamp = std::function<std::optional<sync::Hlc>(const sync::Hlc &)>;
    Result<int> restampAfter(quint64 afterSeq, const Restamp &restamp, const std::function<QString(const QString &)> &mapBase);

private:
    QSqlDatabase m_db;
};

} // namespace emis::client
