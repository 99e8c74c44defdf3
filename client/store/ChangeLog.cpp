#include "store/ChangeLog.h"

#include "emis.pb.h"
#include "store/Sql.h"
#include "store/SqlValue.h"
#include "sync/Hlc.h"
#include "sync/WireConvert.h"

#include <QStringList>

namespace emis::client {
namespace {

Result<wire::Change> parseChange(const QVariant &blob)
{
    wire::Change c;
    const QByteArray b = blob.toByteArray();
    if (!c.ParseFromArray(b.constData(), static_cast<int>(b.size())))
        return makeError(ErrorKind::Other, QStringLiteral("a change in the local change log is unreadable"));
    return c;
}

// The changes not yet acknowledged are those after it (Migrations.cpp, addLogMarks).
const QString kSentThrough = QStringLiteral("(SELECT sent_through FROM sync_state)");

// base_hlcs: "field=HLC field=HLC" (HLC empty for none), the fields in the change's order.
QStringList basePairs(const QString &text) { return text.split(QLatin1Char(' '), Qt::SkipEmptyParts); }

// Adds one change's "field=HLC ..." to a row's pending fields; the oldest change's base counts.
void addPending(QHash<QString, QString> &out, const QString &baseHlcs)
{
    for (const auto &pair : basePairs(baseHlcs)) {
        const int eq = pair.indexOf(QLatin1Char('='));
        const QString field = eq < 0 ? pair : pair.left(eq);
        if (!out.contains(field))
            out.insert(field, eq < 0 ? QString() : pair.mid(eq + 1));
    }
}


} // namespace

quint64 ChangeLog::lastSeq() const
{
    Sql q(m_db, QStringLiteral("SELECT coalesce(max(device_seq), 0) FROM change_log"));
    return q.exec() && q.next() ? q.value(0).toULongLong() : 0;
}

Result<quint64> ChangeLog::append(wire::Change &change, const QHash<QString, QString> &bases)
{
    // Rows of change_log are never deleted, so max + 1 never reuses a number the server has seen.
    return append(change, bases, lastSeq() + 1);
}

Result<quint64> ChangeLog::append(wire::Change &change, const QHash<QString, QString> &bases, quint64 seq)
{
    change.set_device_seq(seq);
    QStringList fields;
    for (const auto &f : change.fields())
        fields << qs(f.field());
    if (change.deleted())
        fields << QStringLiteral("deleted");
    QStringList baseList;
    for (const auto &f : fields)
        baseList << f + QLatin1Char('=') + bases.value(f);
    std::string blob;
    change.SerializeToString(&blob);
    // `fields` is left empty: base_hlcs names the same fields, and nothing read the column (it
    // stays for the stores that have it, NOT NULL).
    Sql q(m_db, QStringLiteral("INSERT INTO change_log (device_seq, tbl, row_id, fields, change, state, created_ms, "
                               "base_hlcs) VALUES (?, ?, ?, '', ?, 'pending', ?, ?)"));
    q.bind(QVariant::fromValue<qulonglong>(seq))
        .bind(qs(change.table()))
        .bind(qs(change.row_id()))
        .bind(QByteArray(blob.data(), static_cast<qsizetype>(blob.size())))
        .bind(static_cast<qlonglong>(sync::systemNowMs()))
        .bind(baseList.join(QLatin1Char(' ')));
    if (auto st = q.exec(); !st)
        return st.error();
    return seq;
}

Result<std::vector<wire::Change>> ChangeLog::after(quint64 afterSeq, int limit) const
{
    Sql q(m_db, QStringLiteral("SELECT change FROM change_log WHERE device_seq > ? "
                               "ORDER BY device_seq LIMIT ?"));
    q.bind(QVariant::fromValue<qulonglong>(afterSeq)).bind(limit);
    if (auto st = q.exec(); !st)
        return st.error();
    std::vector<wire::Change> out;
    qsizetype bytes = 0;
    while (q.next()) {
        // A batch stays well under the frame cap: evidence images are up to 2 MB each.
        const QByteArray blob = q.value(0).toByteArray();
        if (!out.empty() && bytes + blob.size() > kMaxBatchBytes)
            break;
        bytes += blob.size();
        auto c = parseChange(blob);
        if (!c)
            return c.error();
        out.push_back(std::move(*c));
    }
    return out;
}

Status ChangeLog::markSentUpTo(quint64 watermark)
{
    Sql q(m_db, QStringLiteral("UPDATE sync_state SET sent_through = max(sent_through, ?)"));
    return q.bind(QVariant::fromValue<qulonglong>(watermark)).exec();
}

Status ChangeLog::markAttemptedThrough(quint64 seq)
{
    Sql q(m_db, QStringLiteral("UPDATE sync_state SET attempted_through = max(attempted_through, ?)"));
    return q.bind(QVariant::fromValue<qulonglong>(seq)).exec();
}

int ChangeLog::unattemptedUpTo(quint64 seq) const
{
    Sql q(m_db, QStringLiteral("SELECT count(*) FROM change_log WHERE device_seq <= ? AND "
                               "device_seq > (SELECT attempted_through FROM sync_state)"));
    q.bind(QVariant::fromValue<qulonglong>(seq));
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

quint64 ChangeLog::firstPendingUpTo(quint64 seq) const
{
    Sql q(m_db, QStringLiteral("SELECT coalesce(min(device_seq), 0) FROM change_log WHERE device_seq > %1 AND device_seq <= ?")
                    .arg(kSentThrough));
    q.bind(QVariant::fromValue<qulonglong>(seq));
    return q.exec() && q.next() ? q.value(0).toULongLong() : 0;
}

int ChangeLog::pendingCount() const
{
    Sql q(m_db, QStringLiteral("SELECT count(*) FROM change_log WHERE device_seq > %1").arg(kSentThrough));
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

QHash<QString, QString> ChangeLog::pendingFields(const QString &table, const QString &rowId) const
{
    QHash<QString, QString> out;
    Sql q(m_db, QStringLiteral("SELECT base_hlcs FROM change_log WHERE tbl = ? AND row_id = ? AND device_seq > %1 "
                               "ORDER BY device_seq")
                    .arg(kSentThrough));
    q.bind(table).bind(rowId);
    if (q.exec())
        while (q.next())
            addPending(out, q.value(0).toString());
    return out;
}

QHash<QString, QHash<QString, QString>> ChangeLog::pendingFieldsByRow() const
{
    QHash<QString, QHash<QString, QString>> out;
    Sql q(m_db, QStringLiteral("SELECT tbl, row_id, base_hlcs FROM change_log WHERE device_seq > %1 ORDER BY device_seq")
                    .arg(kSentThrough));
    if (q.exec())
        while (q.next())
            addPending(out[q.value(0).toString() + QLatin1Char('/') + q.value(1).toString()], q.value(2).toString());
    return out;
}

Result<wire::Change> ChangeLog::bySeq(quint64 seq) const
{
    Sql q(m_db, QStringLiteral("SELECT change FROM change_log WHERE device_seq = ?"));
    q.bind(QVariant::fromValue<qulonglong>(seq));
    if (auto st = q.exec(); !st)
        return st.error();
    if (!q.next())
        return makeError(ErrorKind::Other, QStringLiteral("no change %1 in the change log").arg(seq));
    return parseChange(q.value(0));
}

Result<int> ChangeLog::restampAfter(quint64 afterSeq, const Restamp &restamp,
                                    const std::function<QString(const QString &)> &mapBase)
{
    Sql q(m_db, QStringLiteral("SELECT device_seq, change, base_hlcs FROM change_log WHERE device_seq > ? "
                               "ORDER BY device_seq"));
    q.bind(QVariant::fromValue<qulonglong>(afterSeq));
    if (auto st = q.exec(); !st)
        return st.error();
    struct Rewrite {
        quint64 seq;
        QByteArray blob;
        QString bases;
        bool restamped;
    };
    std::vector<Rewrite> rewrites;
    while (q.next()) {
        auto change = parseChange(q.value(1));
        if (!change)
            return change.error();
        const auto stamp = restamp(sync::fromWire(change->hlc()));
        if (stamp)
            sync::toWire(*stamp, *change->mutable_hlc());
        bool changed = stamp.has_value();
        QStringList bases;
        for (const auto &pair : basePairs(q.value(2).toString())) {
            const int eq = pair.indexOf(QLatin1Char('='));
            const QString base = eq < 0 ? QString() : pair.mid(eq + 1);
            const QString mapped = mapBase(base);
            changed = changed || mapped != base;
            bases << (eq < 0 ? pair : pair.left(eq)) + QLatin1Char('=') + mapped;
        }
        if (!changed)
            continue;
        std::string blob;
        change->SerializeToString(&blob);
        rewrites.push_back({q.value(0).toULongLong(), QByteArray(blob.data(), static_cast<qsizetype>(blob.size())),
                            bases.join(QLatin1Char(' ')), stamp.has_value()});
    }
    int restamped = 0;
    for (const auto &r : rewrites) {
        Sql u(m_db, QStringLiteral("UPDATE change_log SET change = ?, base_hlcs = ? WHERE device_seq = ?"));
        if (auto st = u.bind(r.blob).bind(r.bases).bind(QVariant::fromValue<qulonglong>(r.seq)).exec(); !st)
            return st.error();
        restamped += r.restamped ? 1 : 0;
    }
    return restamped;
}

} // namespace emis::client
