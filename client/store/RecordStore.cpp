#include "store/RecordStore.h"

#include "emis.pb.h"
#include "schema/SqlGen.h"
#include "store/ChangeLog.h"
#include "store/LocalStore.h"
#include "store/Sql.h"
#include "store/SqlValue.h"
#include "store/Transaction.h"
#include "store/Versions.h"
#include "sync/Uuid.h"
#include "sync/WireConvert.h"
#include "validate/References.h"
#include "validate/TableRules.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <utility>

namespace emis::client {
namespace {

QString tr(const char *text) { return QCoreApplication::translate("emis::client::RecordStore", text); }

// The fields read: every field of the table, or the ones named (a report over thousands of rows
// that needs a few). Names come from the schema, never from the caller's data.
std::vector<const schema::Field *> fieldsRead(const schema::Table &t, const std::vector<std::string> &only)
{
    std::vector<const schema::Field *> out;
    for (const auto &f : t.fields)
        if (only.empty() || std::find(only.begin(), only.end(), f.name) != only.end())
            out.push_back(&f);
    return out;
}

QString selectColumns(const std::vector<const schema::Field *> &fields)
{
    QStringList cols{QStringLiteral("id"), QStringLiteral("school_id"), QStringLiteral("hlc"), QStringLiteral("deleted")};
    for (const auto *f : fields)
        cols << qs(f->name);
    return cols.join(QStringLiteral(", "));
}

QString selectColumns(const schema::Table &t) { return selectColumns(fieldsRead(t, {})); }

StoredRow readRow(const std::vector<const schema::Field *> &fields, Sql &q)
{
    StoredRow r{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt() != 0, {}};
    for (std::size_t i = 0; i < fields.size(); ++i)
        r.values.emplace(fields[i]->name, fromVariant(*fields[i], q.value(static_cast<int>(i) + 4)));
    return r;
}

StoredRow readRow(const schema::Table &t, Sql &q) { return readRow(fieldsRead(t, {}), q); }

Error notEnrolled()
{
    // lupdate files a free function's tr() under the namespace, so this one is looked up there.
    return makeError(ErrorKind::Other,
                     QCoreApplication::translate("emis::client",
                                                 "This device is not enrolled with the county server yet; enroll it first."));
}

} // namespace

Error invalidRecord(const std::vector<Issue> &issues)
{
    QStringList lines;
    for (const auto &i : issues)
        lines << qs(i.text());
    return makeError(ErrorKind::Invalid, lines.join(QLatin1Char('\n')),
                     issues.empty() ? QString() : qs(issues.front().code()));
}

Result<std::optional<StoredRow>> RecordStore::load(const schema::Table &t, const QString &id) const
{
    Sql q(m_store.db(), QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(selectColumns(t), qs(t.name)));
    q.bind(id);
    if (auto st = q.exec(); !st)
        return st.error();
    if (!q.next())
        return std::optional<StoredRow>{};
    return std::optional<StoredRow>{readRow(t, q)};
}

Result<std::vector<StoredRow>> RecordStore::select(const schema::Table &t, const QStringList &where,
                                                   const QVariantList &args) const
{
    Sql q(m_store.db(), QStringLiteral("SELECT %1 FROM %2 %3 ORDER BY id")
                            .arg(selectColumns(t), qs(t.name),
                                 where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND "))));
    for (const auto &a : args)
        q.bind(a);
    if (auto st = q.exec(); !st)
        return st.error();
    std::vector<StoredRow> out;
    while (q.next())
        out.push_back(readRow(t, q));
    return out;
}

Result<std::vector<StoredRow>> RecordStore::list(const schema::Table &t, bool includeDeleted) const
{
    QStringList where;
    QVariantList args;
    if (!includeDeleted)
        where << QStringLiteral("deleted = 0");
    // A shared row is the owner's and the other party's; other school rows are the school's own,
    // and the county's own rows of the table (a county joint exam) are every school's.
    if (t.scope == schema::Scope::Shared) {
        where << QStringLiteral("(school_id = ? OR %1 = ?)").arg(qs(t.partyField));
        args << m_store.identity().schoolId << m_store.identity().schoolId;
    } else if (t.scope == schema::Scope::School) {
        where << QStringLiteral("school_id IN (?, ?)");
        args << m_store.identity().schoolId << QStringLiteral("");  // not a null QString: that binds NULL
    }
    return select(t, where, args);
}

Result<std::vector<StoredRow>> RecordStore::traces(const schema::Table &t) const
{
    return select(t, {QStringLiteral("deleted = 0"), QStringLiteral("school_id <> ?")}, {m_store.identity().schoolId});
}

Result<std::vector<StoredRow>> RecordStore::listWhere(const schema::Table &t, const std::string &field,
                                                     const QString &value, const std::vector<std::string> &only) const
{
    if (!t.field(field))
        return makeError(ErrorKind::Other, QStringLiteral("no field %1 in %2").arg(qs(field), qs(t.name)));
    const auto fields = fieldsRead(t, only);
    // The field name comes from the schema, never from the caller's data.
    Sql q(m_store.db(), QStringLiteral("SELECT %1 FROM %2 WHERE deleted = 0 AND %3 = ? ORDER BY id")
                            .arg(selectColumns(fields), qs(t.name), qs(field)));
    q.bind(value);
    if (auto st = q.exec(); !st)
        return st.error();
    std::vector<StoredRow> out;
    while (q.next())
        out.push_back(readRow(fields, q));
    return out;
}

Status RecordStore::checkTableRules(const schema::Table &t, const validate::Record *stored,
                                    const validate::Record &written, const validate::Record &whole,
                                    const QString &schoolId) const
{
    // The table's own rules and its references, as the server checks them on push.
    if (auto issue = validate::checkChange(t, written, stored, false))
        return invalidRecord({*issue});
    std::optional<Error> failed;
    // Only a bound (score <= full marks) reads the named row's fields, and only of the table its
    // reference names (the exam's subject, not the pupil); otherwise its owner and tombstone are
    // all a reference needs (a promotion's status changes name 3,000 pupils, an exam's sheet
    // 27,000 scores).
    std::vector<std::string> boundTargets;
    for (const auto &f : t.fields)
        if (!f.atMost.refField.empty())
            if (const schema::Field *ref = t.field(f.atMost.refField))
                boundTargets.push_back(ref->refTable);
    const auto find = [&](const schema::Table &target, const std::string &id) -> std::optional<validate::RowPlace> {
        if (std::find(boundTargets.begin(), boundTargets.end(), target.name) == boundTargets.end()) {
            Sql q(m_store.db(), QStringLiteral("SELECT school_id, deleted FROM %1 WHERE id = ?").arg(qs(target.name)));
            if (auto st = q.bind(qs(id)).exec(); !st) {
                failed = st.error();
                return std::nullopt;
            }
            if (!q.next())
                return std::nullopt;
            return validate::RowPlace{ss(q.value(0).toString()), q.value(1).toInt() != 0, {}};
        }
        auto row = load(target, qs(id));
        if (!row) {
            failed = row.error();
            return std::nullopt;
        }
        if (!row->has_value())
            return std::nullopt;
        return validate::RowPlace{ss((*row)->schoolId), (*row)->deleted, (*row)->values};
    };
    const auto issue = validate::checkReferences(t, written, whole, ss(schoolId), find);
    if (failed)
        return *failed;
    if (issue)
        return invalidRecord({*issue});
    return Ok{};
}

Status RecordStore::checkNaturalKeys(const schema::Table &t, const QString &id, const QString &schoolId,
                                     const validate::Record &row) const
{
    for (const auto &key : t.naturalKeys) {
        QStringList where;
        QVariantList values;
        bool complete = true;
        for (const auto &column : key) {
            where << qs(column) + QStringLiteral(" = ?");
            if (column == schema::kOwnerColumn) {
                values << schoolId;
                continue;
            }
            auto it = row.find(column);
            if (it == row.end() || isNull(it->second) ||
                (std::holds_alternative<std::string>(it->second) && std::get<std::string>(it->second).empty())) {
                complete = false;
                break;
            }
            values << toVariant(it->second);
        }
        if (!complete)
            continue;
        // Against the school's own rows: a transferred-out pupil's trace is no duplicate. The unary
        // + keeps SQLite off the school_id index: without statistics it chose that index over the
        // key's own, and every save read the whole school (3,000 pupils promoted took 10 s).
        Sql q(m_store.db(), QStringLiteral("SELECT id FROM %1 WHERE deleted = 0 AND id <> ? AND +school_id = ? AND %2 LIMIT 1")
                                .arg(qs(t.name), where.join(QStringLiteral(" AND "))));
        q.bind(id).bind(schoolId);
        for (const auto &v : values)
            q.bind(v);
        if (auto st = q.exec(); !st)
            return st;
        if (q.next()) {
            const schema::Field *f = t.field(key.back());
            return invalidRecord({makeIssue(Reason::DuplicateInStore, f)});
        }
    }
    return Ok{};
}

Status RecordStore::writeRow(const schema::Table &t, const QString &id, const QString &schoolId, bool isNew,
                             const validate::Record &row, const std::vector<std::string> &changed, const QString &hlc)
{
    const QSqlDatabase db = m_store.db();
    if (isNew) {
        QStringList cols{QStringLiteral("id"), QStringLiteral("school_id"), QStringLiteral("hlc"), QStringLiteral("deleted")};
        for (const auto &f : t.fields)
            cols << qs(f.name);
        Sql q(db, QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(qs(t.name), cols.join(QStringLiteral(", ")),
                                                                        QStringList(cols.size(), QStringLiteral("?")).join(QStringLiteral(", "))));
        q.bind(id).bind(schoolId).bind(hlc).bind(0);
        for (const auto &f : t.fields) {
            auto it = row.find(f.name);
            static const Value none;
            q.bindValue(it == row.end() ? none : it->second);
        }
        // No versions row: a new row reads as written whole by this save (store/Versions.h).
        return q.exec();
    }
    // The row's stamp is about to change: an implicit versions row is written out first, with
    // this save's stamps on the fields it changes.
    const auto wroteVersions = materializeVersionsFor(db, t, id, changed, hlc);
    if (!wroteVersions)
        return wroteVersions.error();
    QStringList sets{QStringLiteral("hlc = ?")};
    for (const auto &name : changed)
        sets << qs(name) + QStringLiteral(" = ?");
    Sql q(db, QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(qs(t.name), sets.join(QStringLiteral(", "))));
    q.bind(hlc);
    for (const auto &name : changed)
        q.bindValue(row.at(name));
    if (auto st = q.bind(id).exec(); !st)
        return st;
    if (*wroteVersions)
        return Ok{};
    QStringList vsets;
    for (const auto &name : changed) {
        const schema::Field *f = t.field(name);
        vsets << qs(schema::versionHlcColumn(*f)) + QStringLiteral(" = ?") << qs(schema::versionSeqColumn(*f)) +
                                                                                  QStringLiteral(" = NULL");
    }
    Sql v(db, QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(qs(schema::versionsTable(t)), vsets.join(QStringLiteral(", "))));
    for (std::size_t i = 0; i < changed.size(); ++i)
        v.bind(hlc);
    return v.bind(id).exec();
}

struct RecordStore::Batch {
    explicit Batch(const QSqlDatabase &db) : tx(db) {}
    Transaction tx;
    WriteContext ctx;
    bool broken = false;  // a write failed part-way: the batch cannot commit
};

Status RecordStore::beginBatch()
{
    if (m_batch)
        return makeError(ErrorKind::Other, QStringLiteral("a batch of saves is open already"));
    auto batch = std::make_shared<Batch>(m_store.db());
    if (!batch->tx.isOpen())
        return makeError(ErrorKind::Other, tr("The local database could not start the save."));
    batch->ctx = {m_store.syncState(), ChangeLog(m_store.db()).lastSeq()};
    m_store.catchUpClock();
    m_batch = std::move(batch);
    return Ok{};
}

Status RecordStore::commitBatch()
{
    const std::shared_ptr<Batch> batch = std::exchange(m_batch, nullptr);
    if (!batch || batch->broken)
        return makeError(ErrorKind::Other, tr("The local database could not commit the save."));
    if (auto st = m_store.saveClock(); !st)
        return st;
    if (!batch->tx.commit())
        return makeError(ErrorKind::Other, tr("The local database could not commit the save."));
    return Ok{};
}

template <typename Body>
Result<SaveOutcome> RecordStore::inBatch(Body body)
{
    // No savepoint per save: a save checks everything that can refuse it before its first write,
    // so a refused save has written nothing. A save that fails after writing (the disk, not the
    // record) breaks the batch, and nothing of it commits. A savepoint per row copied every page
    // each save touched into a temporary sub-journal: 22 page writes a pupil on an import.
    const QSqlDatabase db = m_store.db();
    const qint64 writtenBefore = totalChanges(db);
    const quint64 seqBefore = m_batch->ctx.lastSeq;
    Result<SaveOutcome> out = body(m_batch->ctx);
    if (!out) {
        m_batch->ctx.lastSeq = seqBefore;
        if (totalChanges(db) != writtenBefore)
            m_batch->broken = true;
    }
    return out;
}

template <typename Body>
Result<SaveOutcome> RecordStore::alone(Body body)
{
    Transaction tx(m_store.db());
    if (!tx.isOpen())
        return makeError(ErrorKind::Other, tr("The local database could not start the save."));
    WriteContext ctx{m_store.syncState(), ChangeLog(m_store.db()).lastSeq()};
    m_store.catchUpClock();
    Result<SaveOutcome> out = body(ctx);
    if (!out || out->deviceSeq == 0)
        return out;  // nothing written: `tx` rolls back
    if (auto st = m_store.saveClock(); !st)
        return st.error();
    if (!tx.commit())
        return makeError(ErrorKind::Other, tr("The local database could not commit the save."));
    return out;
}

Result<SaveOutcome> RecordStore::save(const schema::Table &t, const QString &requestedId, const validate::Record &values,
                                      const std::vector<std::string> &alsoSend)
{
    const auto body = [&](WriteContext &ctx) { return saveIn(ctx, t, requestedId, values, alsoSend); };
    return m_batch ? inBatch(body) : alone(body);
}

Result<SaveOutcome> RecordStore::remove(const schema::Table &t, const QString &id, bool again)
{
    const auto body = [&](WriteContext &ctx) { return removeIn(ctx, t, id, again); };
    return m_batch ? inBatch(body) : alone(body);
}

Result<SaveOutcome> RecordStore::saveIn(WriteContext &ctx, const schema::Table &t, const QString &requestedId,
                                        const validate::Record &values, const std::vector<std::string> &alsoSend)
{
    const SyncState &state = ctx.state;
    if (!state.identity.enrolled())
        return notEnrolled();
    if (t.scope != schema::Scope::School && t.scope != schema::Scope::Shared)
        return makeError(ErrorKind::Invalid, tr("%1 are kept by the county bureau and cannot be changed here.")
                                                 .arg(qs(t.labelZh)));
    const bool isNew = requestedId.isEmpty();
    const QString id = isNew ? qs(sync::newUuidV7()) : requestedId;
    validate::Record row;
    validate::Record stored;
    QString schoolId = state.identity.schoolId;
    if (!isNew) {
        auto existing = load(t, id);
        if (!existing)
            return existing.error();
        if (!existing->has_value() || (*existing)->deleted)
            return makeError(ErrorKind::Invalid, tr("No %1 record with id %2.").arg(qs(t.labelZh), id));
        row = std::move((*existing)->values);
        if (t.rules && t.rules->change)
            stored = row;  // what the table's change rule compares against
        schoolId = (*existing)->schoolId;
        // What is left of a pupil who transferred out is read-only; a shared row is also the
        // other party's.
        const bool party = t.scope == schema::Scope::Shared &&
                           validate::fieldText(row, t.partyField) == ss(state.identity.schoolId);
        if (schema::countyRow(t, ss(schoolId)))
            return makeError(ErrorKind::Invalid, tr("This %1 record is the county bureau's and cannot be changed here.")
                                                     .arg(qs(t.labelZh)),
                             QStringLiteral("read_only"));
        if (schoolId != state.identity.schoolId && !party)
            return makeError(ErrorKind::Invalid, tr("This record now belongs to another school (the pupil transferred "
                                                    "out); it is kept here read-only."),
                             QStringLiteral("not_owner"));
    }
    std::vector<std::string> changed;
    for (const auto &[name, value] : values) {
        auto it = row.find(name);
        const bool differs = isNew ? !isNull(value) : (it == row.end() || !(it->second == value));
        if (differs)
            changed.push_back(name);
        row[name] = value;
    }
    for (const auto &name : alsoSend)
        if (t.field(name) && row.count(name) && std::find(changed.begin(), changed.end(), name) == changed.end())
            changed.push_back(name);
    // What the rules fill in is written, and checked, as if the caller had given it.
    validate::Record completed;
    if (isNew && t.rules && t.rules->complete)
        completed = t.rules->complete(row);
    for (const auto &[name, value] : completed) {
        if (std::find(changed.begin(), changed.end(), name) == changed.end())
            changed.push_back(name);
        row[name] = value;
    }
    if (!completed.empty())
        completed.insert(values.begin(), values.end());
    const validate::Record &incoming = completed.empty() ? values : completed;
    if (auto issues = validate::validateRecord(t, row, validate::Completeness::Whole); !issues.empty())
        return invalidRecord(issues);
    if (changed.empty())
        return SaveOutcome{id, 0};
    if (auto st = checkTableRules(t, isNew ? nullptr : &stored, incoming, row, state.identity.schoolId); !st)
        return st.error();
    // A key can only come to clash when the row is new or one of the key's columns changed.
    bool keyTouched = isNew;
    for (const auto &key : t.naturalKeys)
        for (const auto &column : key)
            keyTouched = keyTouched || std::find(changed.begin(), changed.end(), column) != changed.end();
    if (keyTouched)
        if (auto st = checkNaturalKeys(t, id, schoolId, row); !st)
            return st.error();

    QHash<QString, QString> bases;
    if (!isNew) {
        QStringList cols;
        for (const auto &name : changed)
            cols << versionHlcExpr(t, qs(name));
        Sql v(m_store.db(), QStringLiteral("SELECT %1 %2 WHERE r.id = ?").arg(cols.join(QStringLiteral(", ")), versionsJoin(t)));
        if (auto st = v.bind(id).exec(); !st)
            return st.error();
        if (v.next())
            for (int i = 0; i < static_cast<int>(changed.size()); ++i)
                bases.insert(qs(changed[static_cast<std::size_t>(i)]), v.value(i).toString());
    }
    const sync::Hlc stamp = m_store.clock().tick();
    const QString hlc = qs(stamp.toText());
    if (auto st = writeRow(t, id, schoolId, isNew, row, changed, hlc); !st)
        return st.error();

    wire::Change change;
    change.set_table(t.name);
    change.set_row_id(ss(id));
    for (const auto &name : changed)
        sync::toWire(name, row.at(name), *change.add_fields());
    sync::toWire(stamp, *change.mutable_hlc());
    change.set_base_cursor(state.pullCursor);
    auto seq = ChangeLog(m_store.db()).append(change, bases, ctx.lastSeq + 1);
    if (!seq)
        return seq.error();
    ctx.lastSeq = *seq;
    // A new row's effect on another (a 退休 on the teacher), in the same transaction.
    if (isNew && t.rules && t.rules->effect)
        if (const auto effect = t.rules->effect(row))
            if (auto st = saveIn(ctx, *schema::findTable(effect->table), qs(effect->id), effect->values, {}); !st)
                return st.error();
    return SaveOutcome{id, *seq};
}

Result<SaveOutcome> RecordStore::removeIn(WriteContext &ctx, const schema::Table &t, const QString &id, bool again)
{
    const SyncState &state = ctx.state;
    if (!state.identity.enrolled())
        return notEnrolled();
    auto existing = load(t, id);
    if (!existing)
        return existing.error();
    if (!existing->has_value())
        return makeError(ErrorKind::Invalid, tr("No %1 record with id %2.").arg(qs(t.labelZh), id));
    if ((*existing)->deleted && !again)
        return SaveOutcome{id, 0};
    // Only the school's own rows, as on save; the server would refuse the rest.
    const QString owner = (*existing)->schoolId;
    if (schema::countyRow(t, ss(owner)))
        return makeError(ErrorKind::Invalid, tr("This %1 record is the county bureau's and cannot be changed here.")
                                                 .arg(qs(t.labelZh)),
                         QStringLiteral("read_only"));
    const bool party = t.scope == schema::Scope::Shared &&
                       validate::fieldText((*existing)->values, t.partyField) == ss(state.identity.schoolId);
    if (owner != state.identity.schoolId && !party)
        return makeError(ErrorKind::Invalid, tr("This record now belongs to another school (the pupil transferred "
                                                "out); it is kept here read-only."),
                         QStringLiteral("not_owner"));
    QHash<QString, QString> bases;
    {
        Sql v(m_store.db(), QStringLiteral("SELECT deleted_hlc FROM %1 WHERE id = ?").arg(qs(schema::versionsTable(t))));
        if (auto st = v.bind(id).exec(); !st)
            return st.error();
        bases.insert(QStringLiteral("deleted"), v.next() ? v.value(0).toString() : QString());
    }
    const sync::Hlc stamp = m_store.clock().tick();
    const QString hlc = qs(stamp.toText());
    const QSqlDatabase db = m_store.db();
    if (auto st = materializeVersions(db, t, id); !st)
        return st.error();
    if (auto st = Sql(db, QStringLiteral("UPDATE %1 SET deleted = 1, hlc = ? WHERE id = ?").arg(qs(t.name)))
                      .bind(hlc)
                      .bind(id)
                      .exec();
        !st)
        return st.error();
    if (auto st = Sql(db, QStringLiteral("UPDATE %1 SET deleted_hlc = ?, deleted_seq = NULL WHERE id = ?")
                              .arg(qs(schema::versionsTable(t))))
                      .bind(hlc)
                      .bind(id)
                      .exec();
        !st)
        return st.error();
    wire::Change change;
    change.set_table(t.name);
    change.set_row_id(ss(id));
    change.set_deleted(true);
    sync::toWire(stamp, *change.mutable_hlc());
    change.set_base_cursor(state.pullCursor);
    auto seq = ChangeLog(db).append(change, bases, ctx.lastSeq + 1);
    if (!seq)
        return seq.error();
    ctx.lastSeq = *seq;
    return SaveOutcome{id, *seq};
}

} // namespace emis::client
