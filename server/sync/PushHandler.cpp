#include "sync/PushHandler.h"

#include "store/StoreSession.h"
#include "sync/CountyWriter.h"
#include "sync/Hlc.h"
#include "sync/ProblemFinder.h"
#include "sync/Merge.h"
#include "sync/ServerRules.h"
#include "sync/WireConvert.h"

#include <algorithm>
#include "validate/RecordValidator.h"
#include "validate/References.h"
#include "validate/TableRules.h"

namespace emis::server {
namespace {

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

std::optional<wire::Error> PushHandler::apply(const std::vector<PreparedChange> &batch, wire::PushAck &ack)
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
    for (const auto &c : batch) {
        if (c.deviceSeq <= watermark) {
            if (!lowestSkipped || c.deviceSeq < lowestSkipped)
                lowestSkipped = c.deviceSeq;
            continue;
        }
        if (c.deviceSeq != expected) {
            wire::Error e;
            const Issue issue = makeIssue(Reason::SequenceGap, "", "", "", std::to_string(watermark + 1));
            e.set_code(issue.code());
            e.set_message_zh(issue.zh);
            e.set_message_en(issue.en);
            e.set_watermark(watermark);
            m_store.audit(AuditEntry{m_now, m_device.deviceId, m_device.schoolId, "sequence_gap",
                                     "watermark " + std::to_string(watermark) + ", got " +
                                         std::to_string(c.deviceSeq)});
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
    for (const auto &sent : batch) {
        if (sent.deviceSeq <= watermark)
            continue;
        std::optional<StoredRow> current;
        std::optional<PreparedChange> filled;
        const auto issue = sent.refused ? sent.refused : check(sent, current, filled);
        const PreparedChange &c = filled ? *filled : sent;
        if (issue) {
            reject(c, *issue, ack);
            ++rejected;
        } else {
            merge(c, std::move(current), ack);
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
    m_rejected = static_cast<unsigned>(rejected);
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

void PushHandler::outcomes(StoreSession &store, const std::string &deviceId, std::uint64_t fromSeq, wire::PushAck &ack)
{
    const std::uint64_t watermark = store.watermark(deviceId);
    ack.set_watermark(watermark);
    if (fromSeq == 0 || fromSeq > watermark) {
        ack.set_outcomes_through(watermark);
        return;
    }
    for (const auto &r : store.rejections(deviceId, fromSeq, watermark))
        fillWire(r, *ack.add_rejections());
    for (const auto &c : store.conflicts(deviceId, fromSeq, watermark))
        fillWire(c, *ack.add_conflicts());
}

void PushHandler::applyCountyWrite(std::vector<PreparedChange> &batch, sync::HlcClock &clock,
                                   wire::CountyWriteAck &out)
{
    m_countyWrite = true;
    wire::PushAck ack;
    unsigned applied = 0;
    for (auto &sent : batch) {
        sent.hlc = clock.tick();
        sent.hlc.device = m_device.deviceId;
        std::optional<StoredRow> current;
        std::optional<PreparedChange> filled;
        const auto issue = sent.refused ? sent.refused : check(sent, current, filled);
        const PreparedChange &c = filled ? *filled : sent;
        if (issue) {
            reject(c, *issue, ack);
        } else {
            merge(c, std::move(current), ack);
            ++applied;
        }
    }
    out.set_applied(applied);
    out.mutable_rejections()->Swap(ack.mutable_rejections());
    out.mutable_conflicts()->Swap(ack.mutable_conflicts());
    m_store.audit(AuditEntry{m_now, m_device.deviceId, {}, "county_write",
                             std::to_string(batch.size()) + " changes: applied " + std::to_string(applied) +
                                 ", rejected " + std::to_string(out.rejections_size()) + ", conflicts " +
                                 std::to_string(out.conflicts_size())});
}

std::optional<Issue> PushHandler::check(const PreparedChange &sent, std::optional<StoredRow> &current,
                                        std::optional<PreparedChange> &filled)
{
    const schema::Table &table = *sent.table;
    // The device of a change is the certificate's, never the message's: the stamp decides the
    // merge (its device breaks ties and tells a device's own writes from another's, hence which
    // writes conflict). A stamp naming another device is refused, not rewritten: a client never
    // makes one (its clock carries its enrolled id), so it is forged or broken, and a rewritten
    // stamp would leave the device holding a version the server does not have for the same write.
    if (sent.hlc.device != m_device.deviceId) {
        m_store.audit(AuditEntry{m_now, m_device.deviceId, m_device.schoolId, "wrong_device",
                                 "change " + std::to_string(sent.deviceSeq) + " stamped as device " +
                                     sent.hlc.device.substr(0, 64)});
        return makeIssue(Reason::HlcWrongDevice);
    }
    current = m_store.loadRow(table, sent.rowId);
    // A row is written by its owner, and a shared row also by the school its party field names.
    const bool party = current && table.scope == schema::Scope::Shared &&
                       fieldText(current->values, table.partyField) == m_device.schoolId;
    if (current && current->schoolId != m_device.schoolId && !party) {
        m_store.audit(AuditEntry{m_now, m_device.deviceId, m_device.schoolId, "not_owner",
                                 sent.tableName + " " + sent.rowId + " belongs to " + current->schoolId});
        return makeIssue(Reason::NotOwner);
    }
    if (const ServerRules *rules = serverRules(table); rules && rules->check) {
        // The server fills in what it writes (a transfer's pupil and sending school), which becomes
        // part of the change. A copy takes it: the batch stays as sent, for a write job that runs again.
        validate::Record incoming = sent.incoming();
        if (auto issue = rules->check(m_store, table, m_device.schoolId, sent.deleted, incoming, current))
            return issue;
        filled = sent;
        filled->setIncoming(incoming);
    }
    const PreparedChange &change = filled ? *filled : sent;
    if (auto issue = tableRules(change, current))
        return issue;
    if (!current && change.deleted)
        return std::nullopt;  // deleting a row the server never had: nothing to keep
    if (!current)
        return change.asNewRow.empty() ? std::nullopt : std::optional<Issue>(change.asNewRow.front());
    const validate::Record &incoming = change.incoming();
    if (incoming.empty() && change.deleted)
        return std::nullopt;  // a bare tombstone changes no value there is to check
    // The fields sent, on their own, then the row as it would be after the change as a whole.
    auto issues = validate::validateRecord(table, incoming, validate::Completeness::Partial);
    if (issues.empty()) {
        validate::Record merged = current->values;
        for (const auto &[name, value] : incoming)
            merged[name] = value;
        issues = validate::validateRecord(table, merged, validate::Completeness::Whole);
    }
    if (!issues.empty())
        return issues.front();
    return std::nullopt;
}

std::optional<Issue> PushHandler::tableRules(const PreparedChange &change, const std::optional<StoredRow> &current)
{
    const schema::Table &table = *change.table;
    const validate::Record &incoming = change.incoming();
    const bool live = current && !current->deleted;
    // The table's own rules, as the client ran them before it saved.
    if (auto issue = validate::checkChange(table, incoming, live ? &current->values : nullptr, change.deleted)) {
        m_store.audit(AuditEntry{m_now, m_device.deviceId, m_device.schoolId, "workflow_refused",
                                 change.tableName + " " + change.rowId + ": " + issue->code()});
        return issue;
    }
    if (change.deleted)
        return std::nullopt;  // a tombstone names nothing new
    // The row as it would be after the change: a new row's is what was sent.
    validate::Record merged;
    if (current) {
        merged = current->values;
        for (const auto &[name, value] : incoming)
            merged[name] = value;
    }
    const validate::Record &whole = current ? merged : incoming;
    const auto find = [this](const schema::Table &target, const std::string &id) -> std::optional<validate::RowPlace> {
        const auto row = m_store.loadRow(target, id);
        if (!row)
            return std::nullopt;
        return validate::RowPlace{row->schoolId, row->deleted, row->values};
    };
    if (auto issue = validate::checkReferences(table, incoming, whole, m_device.schoolId, find)) {
        m_store.audit(AuditEntry{m_now, m_device.deviceId, m_device.schoolId, "foreign_reference",
                                 change.tableName + " " + change.rowId + " " + issue->field});
        return issue;
    }
    return std::nullopt;
}

void PushHandler::merge(const PreparedChange &change, std::optional<StoredRow> current, wire::PushAck &ack)
{
    if (!current && change.deleted)
        return;
    const schema::Table &table = *change.table;
    if (!current) {
        // A new row: nothing stored to merge against, so no map of values and versions to build.
        // Every field sent with a value is written at the change's stamp.
        // Stored as the device sent it, unless the table's rules fill fields the server writes.
        const ServerRules *rules = serverRules(table);
        const bool asSent = !rules || !rules->check;
        const std::int64_t seq = m_store.insertRow(table, change.rowId, m_device.schoolId, change.hlc, change.fields,
                                                   asSent ? m_device.deviceId : std::string());
        if (asSent)
            m_inserted.push_back(seq);
        afterSave(table, change.rowId);
        return;
    }
    const sync::Hlc &hlc = change.hlc;
    StoredRow row = std::move(*current);
    const std::int64_t seq = m_store.touchFeed(table.name, row.id, row.schoolId);
    const std::int64_t base = change.baseCursor;
    bool asSent = true;

    auto mergeOne = [&](const std::string &field, Value &slot, FieldVersion &version, const Value &value) {
        // Concurrent: another device wrote this field after the writer last pulled.
        const bool concurrent =
            !version.hlc.isZero() && version.hlc.device != hlc.device && version.seq > base;
        const auto m = sync::mergeField(version.hlc, hlc, concurrent, slot != value);
        if (m.conflict) {
            ConflictRecord c{table.name, row.id, field, {}, {}, {}, {}, m_device.deviceId, change.deviceSeq};
            c.winner = m.takeIncoming ? value : slot;
            c.winnerHlc = (m.takeIncoming ? hlc : version.hlc).toText();
            c.loser = m.takeIncoming ? slot : value;
            c.loserHlc = (m.takeIncoming ? version.hlc : hlc).toText();
            addConflict(c, ack);
        }
        if (m.takeIncoming) {
            slot = value;
            version = FieldVersion{hlc, seq};
        } else {
            asSent = false;
        }
    };
    // The row as stored equals the device's own copy when every field it sent was taken and it
    // had seen every other field's last write (pulled it, or wrote it itself): then the device
    // is not sent it back (inserted()).
    const auto seen = [&](const FieldVersion &v) { return v.seq <= base || v.hlc.device == hlc.device; };
    for (const auto &[name, value] : change.incoming())
        mergeOne(name, row.values[name], row.versions[name], value);
    if (change.deleted) {
        Value deleted = std::int64_t{row.deleted ? 1 : 0};
        mergeOne("deleted", deleted, row.deletedVersion, Value{std::int64_t{1}});
        row.deleted = std::get<std::int64_t>(deleted) != 0;
    }
    asSent = asSent && seen(row.deletedVersion) &&
             std::all_of(row.versions.begin(), row.versions.end(), [&](const auto &v) { return seen(v.second); });
    if (const ServerRules *rules = serverRules(table); asSent && (!rules || !rules->check)) {
        m_inserted.push_back(seq);
        m_store.setFeedHolder(table.name, row.id, m_device.deviceId);
    }
    sync::Hlc latest = row.deletedVersion.hlc;
    for (const auto &[name, v] : row.versions)
        if (v.hlc > latest)
            latest = v.hlc;
    row.hlc = latest.toText();
    m_store.saveRow(table, row);
    afterSave(table, row.id);
}

void PushHandler::afterSave(const schema::Table &table, const std::string &rowId)
{
    if (table.scope == schema::Scope::Shared) {
        // The other school sees the row on its feed from now on.
        if (const auto row = m_store.loadRow(table, rowId)) {
            const std::string party = fieldText(row->values, table.partyField);
            if (!party.empty() && party != row->schoolId)
                m_store.setFeedReader(table.name, row->id, party);
        }
    }
    if (const ServerRules *rules = serverRules(table); rules && rules->onePersonOneRecord)
        m_changedPupils.insert(rowId);
}

void PushHandler::reject(const PreparedChange &change, const Issue &issue, wire::PushAck &ack)
{
    const RejectionRecord r{m_device.deviceId, change.deviceSeq, change.tableName, change.rowId, issue.field,
                            issue.code(), issue.zh, issue.en};
    if (!m_countyWrite)  // an officer has the answer on screen; a device may ask for it again
        m_store.addRejection(r, m_now);
    m_store.audit(AuditEntry{m_now, m_device.deviceId, m_device.schoolId, "reject",
                             "change " + std::to_string(change.deviceSeq) + " " + change.tableName + " " +
                                 change.rowId + " " + issue.field + ": " + issue.code()});
    fillWire(r, *ack.add_rejections());
}

void PushHandler::addConflict(const ConflictRecord &c, wire::PushAck &ack)
{
    m_store.addConflict(c, m_now);
    fillWire(c, *ack.add_conflicts());
}

} // namespace emis::server
