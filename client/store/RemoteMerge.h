#pragma once

#include "store/Result.h"

#include <QHash>
#include <QString>

#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace emis::wire {
class PullPage;
class RowState;
}

namespace emis::schema {
struct MoveKind;
struct Table;
}

namespace emis::client {

class LocalStore;

struct MergeStats {
    int rows = 0;       // rows applied (new or changed)
    int conflicts = 0;  // local conflicts recorded
    int skipped = 0;    // rows of tables this program does not know (a newer schema), parked
};

// Applies pulled rows with the same field-level rule as the server (emis::sync::mergeField).
// Concurrent = the field has a local change not yet acknowledged and the incoming version is
// another device's. A page is applied in chunks, each one transaction with the pull cursor at
// its last row: a chunk ends after kChunkMs when a save of this program waits for the write
// lock, else after kMaxChunkMs (another program's save waits at most that long).
class RemoteMerge {
public:
    static constexpr int kChunkMs = 20;
    static constexpr int kMaxChunkMs = 250;
    static constexpr int kYieldMs = 2;  // after a chunk a save waited for: it takes the lock now

    explicit RemoteMerge(LocalStore &store) : m_store(store) {}

    Result<MergeStats> applyPage(const wire::PullPage &page);
    // Rows parked by an older version of this program (of a table or with a field it did not
    // know) applied now, each once, in the order they came; the number of rows written.
    Result<int> replayParked();

private:
    Status applyRow(const wire::RowState &row, MergeStats &stats);
    // Keeps a pulled row this program cannot hold whole, for an upgraded program to apply.
    Status park(const wire::RowState &row);
    // A transfer out of this school completed: the local copy of the pupil and its history
    // become the receiving school's (a read-only trace), without a change being sent.
    Status keepTrace(const schema::MoveKind &move, const wire::RowState &request);
    // A decided row that hands a row of this school to another (TableRules::handover): the row
    // and the decided row's earlier fellows are the other school's from now on, read-only here.
    Status keepHandover(const wire::RowState &decided);

    const QHash<QString, QString> &pendingOf(const QString &table, const QString &rowId);

    LocalStore &m_store;
    std::optional<QHash<QString, QHash<QString, QString>>> m_pending;  // "table/row_id" → fields
    QHash<const schema::Table *, QString> m_peekText;    // whether a row is held, its stamp, whole
    QHash<const schema::Table *, QString> m_selectText;  // a row's current state with its versions
    // Table and field set (bit i: the table's field i came) → the row's and the versions' INSERT.
    std::map<std::pair<const schema::Table *, std::vector<bool>>, std::pair<QString, QString>> m_insertText;
};

} // namespace emis::client
