#include "store/IssueStore.h"

#include "emis.pb.h"
#include "store/Sql.h"
#include "store/SqlValue.h"
#include "sync/WireConvert.h"

#include <QCoreApplication>

namespace emis::client {
namespace {

QByteArray blobOf(const google::protobuf::MessageLite &m)
{
    std::string s;
    m.SerializeToString(&s);
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

QString displayBlob(const QVariant &blob)
{
    wire::FieldValue v;
    const QByteArray b = blob.toByteArray();
    if (!v.ParseFromArray(b.constData(), static_cast<int>(b.size())))
        return QStringLiteral("?");
    return displayFieldValue(v);
}

Status closeEntry(const QSqlDatabase &db, const QString &table, qint64 id, const QString &state, const QString &note)
{
    if (state != QLatin1String("resolved") && state != QLatin1String("discarded"))
        return makeError(ErrorKind::Usage, QStringLiteral("state must be resolved or discarded"));
    // Table names here are our own two constants, never input.
    Sql q(db, QStringLiteral("UPDATE %1 SET state = ?, note = ?, closed_ms = ? WHERE id = ? AND state = 'open'").arg(table));
    q.bind(state).bind(note).bind(static_cast<qlonglong>(sync::systemNowMs())).bind(id);
    if (auto st = q.exec(); !st)
        return st;
    if (q.rowsAffected() != 1)
        return makeError(ErrorKind::Invalid, QCoreApplication::translate("emis::client::IssueStore",
                                                                         "No open entry with number %1.")
                                                 .arg(id));
    return Ok{};
}

} // namespace

QString displayFieldValue(const wire::FieldValue &v)
{
    const Value value = sync::fromWire(v);
    if (isNull(value))
        return QCoreApplication::translate("emis::client::IssueStore", "(empty)");
    return qs(displayText(value));
}

Result<bool> IssueStore::addRejection(const wire::Rejection &r)
{
    Sql q(m_db, QStringLiteral("INSERT OR IGNORE INTO rejections (device_seq, tbl, row_id, field, code, message_zh, "
                               "message_en, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(QVariant::fromValue<qulonglong>(r.device_seq()))
        .bind(qs(r.table()))
        .bind(qs(r.row_id()))
        .bind(qs(r.field()))
        .bind(qs(r.code()))
        .bind(qs(r.message_zh()))
        .bind(qs(r.message_en()))
        .bind(static_cast<qlonglong>(sync::systemNowMs()));
    if (auto st = q.exec(); !st)
        return st.error();
    return q.rowsAffected() > 0;
}

Result<bool> IssueStore::addConflict(const QString &origin, const wire::Conflict &c)
{
    Sql q(m_db, QStringLiteral("INSERT OR IGNORE INTO conflicts (origin, tbl, row_id, field, winner, winner_hlc, "
                               "loser, loser_hlc, device_seq, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(origin)
        .bind(qs(c.table()))
        .bind(qs(c.row_id()))
        .bind(qs(c.field()))
        .bind(blobOf(c.winner()))
        .bind(qs(sync::fromWire(c.winner_hlc()).toText()))
        .bind(blobOf(c.loser()))
        .bind(qs(sync::fromWire(c.loser_hlc()).toText()))
        .bind(QVariant::fromValue<qulonglong>(c.device_seq()))
        .bind(static_cast<qlonglong>(sync::systemNowMs()));
    if (auto st = q.exec(); !st)
        return st.error();
    return q.rowsAffected() > 0;
}

Result<std::vector<RejectionEntry>> IssueStore::rejections(bool openOnly) const
{
    Sql q(m_db, QStringLiteral("SELECT id, device_seq, tbl, row_id, field, code, message_zh, message_en, state, note, "
                               "created_ms FROM rejections %1 ORDER BY id")
                    .arg(openOnly ? QStringLiteral("WHERE state = 'open'") : QString()));
    if (auto st = q.exec(); !st)
        return st.error();
    std::vector<RejectionEntry> out;
    while (q.next())
        out.push_back({q.value(0).toLongLong(), q.value(1).toULongLong(), q.value(2).toString(), q.value(3).toString(),
                       q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString(),
                       q.value(8).toString(), q.value(9).toString(), q.value(10).toLongLong()});
    return out;
}

Result<RejectionEntry> IssueStore::rejection(qint64 id) const
{
    auto all = rejections(false);
    if (!all)
        return all.error();
    for (auto &r : *all)
        if (r.id == id)
            return r;
    return makeError(ErrorKind::Invalid,
                     QCoreApplication::translate("emis::client::IssueStore", "No rejection with number %1.").arg(id));
}

Result<std::vector<ConflictEntry>> IssueStore::conflicts(bool openOnly) const
{
    Sql q(m_db, QStringLiteral("SELECT id, origin, tbl, row_id, field, winner, winner_hlc, loser, loser_hlc, device_seq, "
                               "state, note, created_ms FROM conflicts %1 ORDER BY id")
                    .arg(openOnly ? QStringLiteral("WHERE state = 'open'") : QString()));
    if (auto st = q.exec(); !st)
        return st.error();
    std::vector<ConflictEntry> out;
    while (q.next())
        out.push_back({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                       q.value(4).toString(), displayBlob(q.value(5)), q.value(6).toString(), displayBlob(q.value(7)),
                       q.value(8).toString(), q.value(9).toULongLong(), q.value(10).toString(), q.value(11).toString(),
                       q.value(12).toLongLong()});
    return out;
}

int IssueStore::openRejectionCount() const
{
    Sql q(m_db, QStringLiteral("SELECT count(*) FROM rejections WHERE state = 'open'"));
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

int IssueStore::openConflictCount() const
{
    Sql q(m_db, QStringLiteral("SELECT count(*) FROM conflicts WHERE state = 'open'"));
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

Status IssueStore::closeRejection(qint64 id, const QString &state, const QString &note)
{
    return closeEntry(m_db, QStringLiteral("rejections"), id, state, note);
}

Status IssueStore::closeConflict(qint64 id, const QString &state, const QString &note)
{
    return closeEntry(m_db, QStringLiteral("conflicts"), id, state, note);
}

} // namespace emis::client
