#include "store/RemoteMerge.h"

#include "emis.pb.h"
#include "schema/Moves.h"
#include "schema/SqlGen.h"
#include "store/ChangeLog.h"
#include "store/IssueStore.h"
#include "store/LocalStore.h"
#include "store/Sql.h"
#include "store/SqlValue.h"
#include "store/Transaction.h"
#include "store/Versions.h"
#include "sync/Merge.h"
#include "sync/WireConvert.h"
#include "validate/TableRules.h"

#include <QElapsedTimer>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <thread>

namespace emis::client {
namespace {

sync::Hlc hlcOf(const QVariant &text)
{
    auto h = sync::Hlc::fromText(ss(text.toString()));
    return h ? *h : sync::Hlc{};
}

} // namespace

Result<MergeStats> RemoteMerge::applyPage(const wire::PullPage &page)
{
    MergeStats stats;
    const QSqlDatabase db = m_store.db();
    const int n = page.rows_size();
    int at = 0;
    do {
        // A chunk of the page per transaction (RemoteMerge.h): a clerk's save waits for the
        // write lock about kChunkMs at most. Each chunk takes the cursor to its last row, so a
        // cut or a crash between chunks pulls again from there (the merge is idempotent).
        Transaction tx(db);
        if (!tx.isOpen())
            return makeError(ErrorKind::Other, QStringLiteral("a pulled page could not start its transaction"));
        m_pending.reset();
        QElapsedTimer chunk;
        chunk.start();
        const int from = at;
        const quint64 waitsBefore = busyWaits();
        const auto chunkOver = [&] {
            const qint64 ms = chunk.elapsed();
            return ms >= kMaxChunkMs || (ms >= kChunkMs && busyWaits() != waitsBefore);
        };
        for (; at < n && (at == from || !chunkOver()); ++at)
            if (auto st = applyRow(page.rows(at), stats); !st)
                return st.error();
        const bool someoneWaited = busyWaits() != waitsBefore;
        for (int i = from; i < at; ++i) {
            if (const schema::MoveKind *move = schema::moveByRequest(page.rows(i).table()))
                if (auto st = keepTrace(*move, page.rows(i)); !st)
                    return st.error();
            if (auto st = keepHandover(page.rows(i)); !st)
                return st.error();
        }
        const quint64 cursor = at == n ? page.next_cursor() : page.rows(at - 1).server_seq();
        if (cursor > m_store.syncState().pullCursor)
            if (auto st = m_store.setPullCursor(cursor); !st)
                return st.error();
        if (auto st = m_store.saveClock(); !st)
            return st.error();
        if (!tx.commit())
            return makeError(ErrorKind::Other, QStringLiteral("commit of a pulled page failed"));
        if (at < n && someoneWaited)
            std::this_thread::sleep_for(std::chrono::milliseconds(kYieldMs));
    } while (at < n);
    m_pending.reset();
    return stats;
}

Status RemoteMerge::park(const wire::RowState &row)
{
    const std::string bytes = row.SerializeAsString();
    return Sql(m_store.db(), QStringLiteral("INSERT INTO parked_rows (tbl, row_id, schema_version, row) VALUES (?, ?, ?, ?)"))
        .bind(qs(row.table()))
        .bind(qs(row.row_id()))
        .bind(static_cast<qint64>(schema::schemaVersion()))
        .bind(QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())))
        .exec();
}

Result<int> RemoteMerge::replayParked()
{
    Sql q(m_store.db(), QStringLiteral("SELECT id, row FROM parked_rows WHERE schema_version < ? ORDER BY id"));
    if (auto st = q.bind(static_cast<qint64>(schema::schemaVersion())).exec(); !st)
        return st.error();
    std::vector<std::pair<qint64, wire::RowState>> rows;
    while (q.next()) {
        wire::RowState row;
        const QByteArray bytes = q.value(1).toByteArray();
        if (row.ParseFromArray(bytes.constData(), static_cast<int>(bytes.size())))
            rows.emplace_back(q.value(0).toLongLong(), std::move(row));
    }
    if (rows.empty())
        return 0;
    Transaction tx(m_store.db());
    MergeStats stats;
    m_pending.reset();
    // Each row again, whole: what this program holds already merges to itself (same stamps), what
    // it now knows is written; a row it still cannot hold whole is parked again under this version.
    for (const auto &[id, row] : rows) {
        if (auto st = Sql(m_store.db(), QStringLiteral("DELETE FROM parked_rows WHERE id = ?")).bind(id).exec(); !st)
            return st.error();
        if (auto st = applyRow(row, stats); !st)
            return st.error();
    }
    if (auto st = m_store.saveClock(); !st)
        return st.error();
    if (!tx.commit())
        return makeError(ErrorKind::Other, QStringLiteral("commit of parked rows failed"));
    m_pending.reset();
    return stats.rows;
}

const QHash<QString, QString> &RemoteMerge::pendingOf(const QString &table, const QString &rowId)
{
    // Every unacknowledged change's fields, read once per chunk rather than once per row.
    if (!m_pending)
        m_pending = ChangeLog(m_store.db()).pendingFieldsByRow();
    static const QHash<QString, QString> none;
    const auto it = m_pending->constFind(table + QLatin1Char('/') + rowId);
    return it == m_pending->cend() ? none : *it;
}

Status RemoteMerge::applyRow(const wire::RowState &row, MergeStats &stats)
{
    const schema::Table *t = schema::findTable(row.table());
    if (!t) {
        // A table of a newer schema: kept until this device runs a program that knows it.
        ++stats.skipped;
        return park(row);
    }
    const QSqlDatabase db = m_store.db();
    const QString table = qs(t->name), rowId = qs(row.row_id()), versions = qs(schema::versionsTable(*t));
    const sync::Hlc rowHlc = sync::fromWire(row.hlc());
    m_store.clock().receive(rowHlc);  // a stamp the server accepted; too far ahead is its problem

    // Incoming fields by name, converted to the field's type.
    struct Incoming {
        const schema::Field *field;
        Value value;
        sync::Hlc hlc;
    };
    std::vector<Incoming> incoming;
    bool unknownField = false;
    for (int i = 0; i < row.fields_size(); ++i) {
        // A server sends the fields in the table's order: found without a search then.
        const std::string &name = row.fields(i).field();
        const auto at = static_cast<std::size_t>(i);
        const schema::Field *f = at < t->fields.size() && t->fields[at].name == name ? &t->fields[at] : t->field(name);
        if (!f) {
            unknownField = true;  // a field of a newer schema
            continue;
        }
        auto v = sync::coerceToField(*f, sync::fromWire(row.fields(i)));
        if (!v)
            continue;
        incoming.push_back({f, *v, i < row.field_hlcs_size() ? sync::fromWire(row.field_hlcs(i)) : rowHlc});
    }

    if (unknownField)
        if (auto st = park(row); !st)
            return st;
    // A row written whole under one stamp: each value stamped with the row's, each NULL never
    // written (as a server sends a row no later write touched).
    const bool whole = !row.deleted() && std::all_of(incoming.begin(), incoming.end(), [&](const Incoming &in) {
        return isNull(in.value) ? in.hlc == sync::Hlc{} : in.hlc == rowHlc;
    });

    // Whether the device holds the row, under which stamp, whole (no versions row), and its values.
    QString &peekText = m_peekText[t];
    if (peekText.isEmpty()) {
        QStringList cols{QStringLiteral("r.hlc"), QStringLiteral("r.deleted"), QStringLiteral("v.id IS NULL")};
        for (const auto &f : t->fields)
            cols << QStringLiteral("r.") + qs(f.name);
        peekText = QStringLiteral("SELECT %1 %2 WHERE r.id = ?").arg(cols.join(QStringLiteral(", ")), versionsJoin(*t));
    }
    Sql peek(db, peekText);
    if (auto st = peek.bind(rowId).exec(); !st)
        return st;
    const bool exists = peek.next();
    // The very write the device holds (pulled again after a restore, say): the same stamp on both
    // sides, both whole, the same values (a server may have filled fields of its own in).
    if (exists && whole && !unknownField && peek.value(2).toBool() && !peek.value(1).toBool() &&
        hlcOf(peek.value(0)) == rowHlc && std::all_of(incoming.begin(), incoming.end(), [&](const Incoming &in) {
            return fromVariant(*in.field, peek.value(3 + static_cast<int>(in.field - t->fields.data()))) == in.value;
        }))
        return Ok{};

    const QVariant seq = QVariant::fromValue<qulonglong>(row.server_seq());
    if (!exists) {
        // The statements' texts depend only on which fields came: made once per field set, in the
        // table's order (a server sends them so).
        std::sort(incoming.begin(), incoming.end(), [](const Incoming &a, const Incoming &b) { return a.field < b.field; });
        std::pair<const schema::Table *, std::vector<bool>> key{t, std::vector<bool>(t->fields.size())};
        for (const auto &in : incoming)
            key.second[static_cast<std::size_t>(in.field - t->fields.data())] = true;
        auto texts = m_insertText.find(key);
        if (texts == m_insertText.end()) {
            QStringList names{QStringLiteral("id"), QStringLiteral("school_id"), QStringLiteral("hlc"), QStringLiteral("deleted")};
            QStringList vnames{QStringLiteral("id"), QStringLiteral("deleted_hlc"), QStringLiteral("deleted_seq")};
            for (const auto &in : incoming) {
                names << qs(in.field->name);
                vnames << qs(schema::versionHlcColumn(*in.field)) << qs(schema::versionSeqColumn(*in.field));
            }
            const auto text = [](const QString &into, const QStringList &n) {
                return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                    .arg(into, n.join(QStringLiteral(", ")), QStringList(n.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
            };
            texts = m_insertText.emplace(std::move(key), std::make_pair(text(table, names), text(versions, vnames))).first;
        }
        // Most fields carry the row's stamp: its text is made once.
        const QString rowHlcText = qs(rowHlc.toText());
        const auto hlcText = [&](const sync::Hlc &h) { return h == rowHlc ? rowHlcText : qs(h.toText()); };
        Sql q(db, texts->second.first);
        q.bind(rowId).bind(qs(row.school_id())).bind(rowHlcText).bind(row.deleted() ? 1 : 0);
        for (const auto &in : incoming)
            q.bindValue(in.value);
        if (auto st = q.exec(); !st)
            return st;
        ++stats.rows;
        // A row written whole reads so without a versions row (store/Versions.h); server seqs are
        // not read on a device.
        if (whole)
            return Ok{};
        Sql v(db, texts->second.second);
        v.bind(rowId).bind(row.deleted() ? QVariant(rowHlcText) : QVariant()).bind(seq);
        for (const auto &in : incoming)
            v.bind(hlcText(in.hlc)).bind(seq);
        return v.exec();
    }

    QString &select = m_selectText[t];
    if (select.isEmpty()) {
        QStringList cols{QStringLiteral("r.hlc"), QStringLiteral("r.deleted"), QStringLiteral("v.deleted_hlc")};
        for (const auto &f : t->fields)
            cols << QStringLiteral("r.") + qs(f.name) << versionHlcExpr(*t, qs(f.name));
        select = QStringLiteral("SELECT %1 %2 WHERE r.id = ?").arg(cols.join(QStringLiteral(", ")), versionsJoin(*t));
    }
    Sql cur(db, select);
    if (auto st = cur.bind(rowId).exec(); !st)
        return st;
    if (!cur.next())
        return makeError(ErrorKind::Other, QStringLiteral("row %1 of %2 went while it was merged").arg(rowId, table));

    const std::string myDevice = m_store.clock().device();
    const QHash<QString, QString> &pending = pendingOf(table, rowId);
    // Concurrent: the field has an unacknowledged local change, and the incoming version is
    // another device's that this device had not seen when it made that change (newer than the
    // version the change overwrote).
    const auto concurrentWith = [&](const QString &field, const sync::Hlc &incomingHlc) {
        const auto it = pending.constFind(field);
        return it != pending.cend() && incomingHlc.device != myDevice && incomingHlc > hlcOf(*it);
    };
    IssueStore issues(db);
    QStringList sets, vsets;
    QVariantList setValues, vsetValues;
    for (const auto &in : incoming) {
        const int idx = t->fieldIndex(in.field->name);
        const Value current = fromVariant(*in.field, cur.value(3 + 2 * idx));
        const sync::Hlc currentHlc = hlcOf(cur.value(4 + 2 * idx));
        const bool concurrent = concurrentWith(qs(in.field->name), in.hlc);
        const bool differ = !(current == in.value);
        const auto m = sync::mergeField(currentHlc, in.hlc, concurrent, differ);
        if (m.conflict) {
            wire::Conflict c;
            c.set_table(t->name);
            c.set_row_id(row.row_id());
            c.set_field(in.field->name);
            sync::toWire(in.field->name, m.takeIncoming ? in.value : current, *c.mutable_winner());
            sync::toWire(m.takeIncoming ? in.hlc : currentHlc, *c.mutable_winner_hlc());
            sync::toWire(in.field->name, m.takeIncoming ? current : in.value, *c.mutable_loser());
            sync::toWire(m.takeIncoming ? currentHlc : in.hlc, *c.mutable_loser_hlc());
            auto added = issues.addConflict(QStringLiteral("local"), c);
            if (!added)
                return added.error();
            stats.conflicts += *added ? 1 : 0;
        }
        if (m.takeIncoming && (differ || in.hlc != currentHlc)) {
            sets << qs(in.field->name) + QStringLiteral(" = ?");
            setValues << toVariant(in.value);
            vsets << qs(schema::versionHlcColumn(*in.field)) + QStringLiteral(" = ?")
                  << qs(schema::versionSeqColumn(*in.field)) + QStringLiteral(" = ?");
            vsetValues << qs(in.hlc.toText()) << seq;
        }
    }
    // The tombstone merges like a field whose stamp is the row's.
    const bool localDeleted = cur.value(1).toInt() != 0;
    if (row.deleted() != localDeleted) {
        const sync::Hlc localDeletedHlc = hlcOf(cur.value(2));
        const bool keepLocal = pending.contains(QStringLiteral("deleted")) && !(rowHlc > localDeletedHlc);
        if (!keepLocal) {
            sets << QStringLiteral("deleted = ?");
            setValues << (row.deleted() ? 1 : 0);
            vsets << QStringLiteral("deleted_hlc = ?") << QStringLiteral("deleted_seq = ?");
            vsetValues << qs(rowHlc.toText()) << seq;
        }
    }
    if (sets.isEmpty())
        return Ok{};
    // Before the row's stamp changes: a row saved here as new has no versions row yet.
    if (auto st = materializeVersions(db, *t, rowId); !st)
        return st;
    if (rowHlc > hlcOf(cur.value(0))) {
        sets << QStringLiteral("hlc = ?");
        setValues << qs(rowHlc.toText());
    }
    const auto update = [&](const QString &tableName, const QStringList &s, const QVariantList &v) {
        Sql q(db, QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(tableName, s.join(QStringLiteral(", "))));
        for (const auto &x : v)
            q.bind(x);
        return q.bind(rowId).exec();
    };
    if (auto st = update(table, sets, setValues); !st)
        return st;
    ++stats.rows;
    if (vsets.isEmpty())
        return Ok{};
    return update(versions, vsets, vsetValues);
}

} // namespace emis::client
