#include "sync/PushHandler.h"

#include "store/StoreSession.h"
#include "sync/CountyWriter.h"
#include "sync/Hlc.h"
#include "sync/ProblemFinder.h"
#include "sync/TransferRules.h"
#include "sync/Merge.h"
#include "sync/StatusChangePush.h"
#include "sync/Uuid.h"
#include "sync/WireConvert.h"
#include "validate/RecordValidator.h"

#include <set>

namespace emis::server {
namespace {

bool isStandardColumn(std::string_view name)
{
    return name == schema::kIdColumn || name == schema::kOwnerColumn || name == schema::kHlcColumn ||
           name == schema::kDeletedColumn;
}

Reason typeMismatch(const schema::Field &f)
{
    switch (f.type) {
    case schema::FieldType::Integer: return f.codeTable.empty() ? Reason::NotInteger : Reason::NotRecognised;
    case schema::FieldType::Bool: return Reason::NotYesNo;
    case schema::FieldType::Real: return Reason::NotNumber;
    default: return Reason::NotRecognised;
    }
}

void fillWire(const ConflictRecord &c, wire::Conflict &out)
{
    out.set_table(c.table);
    out.set_row_id(c.rowId);
    out.set_field(c.field);
    sync::toWire(c.field, c.winner, *out.mutable_winner());
    sync::toWire(c.field, c.loser, *out.mutable_loser());
    if (auto h = sync::Hlc::fromText(c.winnerHlc))
        sync::toWire(*h, *out.mutable_winner_hlc());
    if (auto h = sync::Hlc::fromText(c.loserHlc))
        sync::toWire(*h, *out.mutable_loser_hlc());
    out.set_device_seq(c.deviceSeq);
}

void fillWire(const RejectionRecord &r, wire::Rejection &out)
{
    out.set_device_seq(r.deviceSeq);
    out.set_table(r.table);
    out.set_row_id(r.rowId);
    out.set_field(r.field);
    out.set_code(r.code);
    out.set_message_zh(r.messageZh);
    out.set_message_en(r.messageEn);
}

} // namespace

PushHandler::PushHandler(StoreSession &store, DeviceIdentity device, std::int64_t nowMs)
    : m_store(store), m_device(std::move(device)), m_now(nowMs)
{
}

std::optional<wire::Error> PushHandler::apply(const wire::PushBatch &batch, wire::PushAck &ack)
{
    // Revoked while its session was open: nothing more from this device.
    const auto record = m_store.device(m_device.deviceId);
    if (!record || record->revokedMs) {
        const Issue issue = makeIssue(Reason::DeviceRevoked);
        wire::Error e;
        e.set_code(issue.code());
        e.set_message_zh(issue.zh);
        e.set_message_en(issue.en);
        e.set_fatal(true);
        return e;
    }
    const std::uint64_t watermark = m_store.watermark(m_device.deviceId);
    // The sequence is checked before anything is written: a gap refuses the whole batch.
    std::uint64_t expected = watermark + 1;
    std::uint64_t lowestSkipped = 0;
    for (const auto &c : batch.changes()) {
        if (c.device_seq() <= watermark) {
            if (!lowestSkipped || c.device_seq() < lowestSkipped)
                lowestSkipped = c.device_seq();
            continue;
        }
        if (c.device_seq() != expected) {
            wire::Error e;
            const Issue issue = makeIssue(Reason::SequenceGap, "", "", "", std::to_string(watermark + 1));
            e.set_code(issue.code());
            e.set_message_zh(issue.zh);
            e.set_message_en(issue.en);
            e.set_watermark(watermark);
            m_store.audit(AuditEntry{m_now, m_device.deviceId, m_device.schoolId, "sequence_gap",
                                     "watermark " + std::to_string(watermark) + ", got " +
                                         std::to_string(c.device_seq())});
            return e;
        }
        ++expected;
    }
    // A resend: what was decided the first time, for a client that never read that ack.
    if (lowestSkipped) {
        for (const auto &r : m_store.rejections(m_device.deviceId, lowestSkipped, watermark))
            fillWire(r, *ack.add_rejections());
        for (const auto &c : m_store.conflicts(m_device.deviceId, lowestSkipped, watermark))
            fillWire(c, *ack.add_conflicts());
    }

    int applied = 0;
    int rejected = 0;
    for (const auto &c : batch.changes()) {
        if (c.device_seq() <= watermark)
            continue;
        const schema::Table *table = schema::findTable(c.table());
        validate::Record incoming;
        std::optional<StoredRow> current;
        if (auto issue = check(c, table, incoming, current)) {
            reject(c, *issue, ack);
            ++rejected;
        } else {
            merge(c, *table, incoming, std::move(current), ack);
            ++applied;
        }
    }
    if (!m_changedPupils.empty()) {
        // One person, one record: the server's findings about the pupils just changed. Its own
        // writes, stamped after every version they replace.
        sync::HlcClock clock("server", [now = m_now] { return static_cast<std::uint64_t>(now); });
        CountyWriter writer(m_store, clock, m_device.deviceId, m_now);
        refreshProblems(m_store, writer, m_changedPupils);
    }
    const std::uint64_t newWatermark = expected - 1;
    if (newWatermark != watermark)
        m_store.setWatermark(m_device.deviceId, newWatermark);
    ack.set_watermark(newWatermark);
    m_store.audit(AuditEntry{m_now, m_device.deviceId, m_device.schoolId, "push",
                             "changes " + std::to_string(watermark + 1) + ".." + std::to_string(newWatermark) +
                                 ": applied " + std::to_string(applied) + ", rejected " + std::to_string(rejected) +
                                 ", conflicts " + std::to_string(ack.conflicts_size())});
    return std::nullopt;
}

std::optional<Issue> PushHandler::check(const wire::Change &change, const schema::Table *table,
                                        validate::Record &incoming, std::optional<StoredRow> &current)
{
    if (!table)
        return makeIssue(Reason::UnknownTable, "", "", "", change.table());
    if (!sync::isUuid(change.row_id()))
        return makeIssue(Reason::BadRequest, "", "", "", "row_id");
    const sync::Hlc hlc = sync::fromWire(change.hlc());
    if (hlc.isZero())
        return makeIssue(Reason::BadRequest, "", "", "", "hlc");
    if (sync::tooFarAhead(hlc, static_cast<std::uint64_t>(m_now)))
        return makeIssue(Reason::HlcTooFarAhead);
    if (table->scope != schema::Scope::School)
        return makeIssue(Reason::ReadOnly, "", table->labelZh, table->labelEn);
    for (const auto &fv : change.fields()) {
        const schema::Field *field = isStandardColumn(fv.field()) ? nullptr : table->field(fv.field());
        if (!field)
            return makeIssue(Reason::UnknownField, fv.field(), fv.field(), fv.field(), fv.field());
        if (incoming.count(fv.field()))
            return makeIssue(Reason::BadRequest, fv.field(), fv.field(), fv.field(), "field twice");
        const auto value = sync::coerceToField(*field, sync::fromWire(fv));
        if (!value)
            return makeIssue(typeMismatch(*field), field);
        incoming.emplace(fv.field(), *value);
    }
    current = m_store.loadRow(*table, change.row_id());
    if (table->name == "transfers") {
        // Two schools write a transfer, each its own steps (sync/TransferRules).
        if (auto issue = checkTransferChange(m_store, m_device.schoolId, change.deleted(), incoming, current))
            return issue;
    } else if (current && current->schoolId != m_device.schoolId) {
        m_store.audit(AuditEntry{m_now, m_device.deviceId, m_device.schoolId, "not_owner",
                                 change.table() + " " + change.row_id() + " belongs to " + current->schoolId});
        return makeIssue(Reason::NotOwner);
    }
    if (table->name == "status_changes" && incoming.count("student_id")) {
        // A change belongs to one of the school's own pupils.
        const auto pupil = m_store.loadRow(*schema::findTable("students"), displayText(incoming.at("student_id")));
        if (!pupil)
            return makeIssue(Reason::BadRequest, "student_id", "", "", "student_id");
        if (pupil->schoolId != m_device.schoolId)
            return makeIssue(Reason::NotOwner);
    }
    if (table->name == "status_changes")
        if (auto issue = checkStatusChangePush(incoming, current, change.deleted())) {
            m_store.audit(AuditEntry{m_now, m_device.deviceId, m_device.schoolId, "workflow_refused",
                                     change.table() + " " + change.row_id() + ": " + issue->code()});
            return issue;
        }
    if (!current && change.deleted())
        return std::nullopt;  // deleting a row the server never had: nothing to keep
    if (incoming.empty() && change.deleted())
        return std::nullopt;  // a bare tombstone changes no value there is to check
    // The fields sent, on their own, then the row as it would be after the change as a whole. A
    // new row is only the fields sent, so the whole-row check alone says everything (and a bulk
    // push of new rows pays for one check, not two).
    auto issues = current ? validate::validateRecord(*table, incoming, validate::Completeness::Partial)
                          : std::vector<Issue>{};
    if (issues.empty()) {
        validate::Record merged = current ? current->values : validate::Record{};
        for (const auto &[name, value] : incoming)
            merged[name] = value;
        issues = validate::validateRecord(*table, merged, validate::Completeness::Whole);
    }
    if (!issues.empty())
        return issues.front();
    return std::nullopt;
}

void PushHandler::merge(const wire::Change &change, const schema::Table &table, const validate::Record &incoming,
                        std::optional<StoredRow> current, wire::PushAck &ack)
{
    if (!current && change.deleted())
        return;
    const sync::Hlc hlc = sync::fromWire(change.hlc());
    StoredRow row;
    if (current) {
        row = std::move(*current);
    } else {
        row.id = change.row_id();
        row.schoolId = m_device.schoolId;
        for (const auto &f : table.fields)
            row.values[f.name] = Value{};
    }
    const std::int64_t seq = m_store.touchFeed(table.name, row.id, row.schoolId);
    const auto base = static_cast<std::int64_t>(change.base_cursor());

    auto mergeOne = [&](const std::string &field, Value &slot, FieldVersion &version, const Value &value) {
        // Concurrent: another device wrote this field after the writer last pulled.
        const bool concurrent =
            !version.hlc.isZero() && version.hlc.device != hlc.device && version.seq > base;
        const auto m = sync::mergeField(version.hlc, hlc, concurrent, slot != value);
        if (m.conflict) {
            ConflictRecord c{table.name, row.id, field, {}, {}, {}, {}, m_device.deviceId, change.device_seq()};
            c.winner = m.takeIncoming ? value : slot;
            c.winnerHlc = (m.takeIncoming ? hlc : version.hlc).toText();
            c.loser = m.takeIncoming ? slot : value;
            c.loserHlc = (m.takeIncoming ? version.hlc : hlc).toText();
            addConflict(c, ack);
        }
        if (m.takeIncoming) {
            slot = value;
            version = FieldVersion{hlc, seq};
        }
    };
    for (const auto &[name, value] : incoming)
        mergeOne(name, row.values[name], row.versions[name], value);
    if (change.deleted()) {
        Value deleted = std::int64_t{row.deleted ? 1 : 0};
        mergeOne("deleted", deleted, row.deletedVersion, Value{std::int64_t{1}});
        row.deleted = std::get<std::int64_t>(deleted) != 0;
    }
    sync::Hlc latest = row.deletedVersion.hlc;
    for (const auto &[name, v] : row.versions)
        if (v.hlc > latest)
            latest = v.hlc;
    row.hlc = latest.toText();
    m_store.saveRow(table, row);
    if (table.name == "transfers")
        shareTransfer(m_store, row);
    else if (table.name == "students")
        m_changedPupils.insert(row.id);
}

void PushHandler::reject(const wire::Change &change, const Issue &issue, wire::PushAck &ack)
{
    const RejectionRecord r{m_device.deviceId, change.device_seq(), change.table(), change.row_id(), issue.field,
                            issue.code(), issue.zh, issue.en};
    m_store.addRejection(r, m_now);
    m_store.audit(AuditEntry{m_now, m_device.deviceId, m_device.schoolId, "reject",
                             "change " + std::to_string(change.device_seq()) + " " + change.table() + " " +
                                 change.row_id() + " " + issue.field + ": " + issue.code()});
    fillWire(r, *ack.add_rejections());
}

void PushHandler::addConflict(const ConflictRecord &c, wire::PushAck &ack)
{
    m_store.addConflict(c, m_now);
    fillWire(c, *ack.add_conflicts());
}

} // namespace emis::server
