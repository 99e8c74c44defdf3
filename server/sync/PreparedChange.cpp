#include "sync/PreparedChange.h"

#include "text/TextUtil.h"

#include "emis.pb.h"
#include "sync/Uuid.h"
#include "sync/WireConvert.h"
#include "validate/FieldRules.h"

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

// What the device's stamp must be. The checks in the order a clerk should hear about them.
std::optional<Issue> checkStamp(const sync::Hlc &hlc, std::int64_t nowMs)
{
    if (hlc.isZero())
        return makeIssue(Reason::BadRequest, "", "", "", "hlc");
    // A stamp whose text form would not read back (a counter past four hex digits): stored, it
    // would be dropped by every device that pulls it and compare wrongly on both sides.
    if (!hlc.inRange())
        return makeIssue(Reason::HlcOutOfRange);
    if (sync::tooFarAhead(hlc, static_cast<std::uint64_t>(nowMs)))
        return makeIssue(Reason::HlcTooFarAhead);
    return std::nullopt;
}

// Who writes a change: a school's device (`nowMs` checks its stamp), or a bureau officer of
// `role`, whose changes the server stamps.
struct Writer {
    std::int64_t nowMs = 0;
    const std::string *role = nullptr;
};

// The first issue refuses the change.
std::optional<Issue> decode(const wire::Change &change, const Writer &writer, PreparedChange &out)
{
    if (!out.table)
        return makeIssue(Reason::UnknownTable, "", "", "", change.table());
    if (!sync::isUuid(change.row_id()))
        return makeIssue(Reason::BadRequest, "", "", "", "row_id");
    if (!writer.role)
        if (auto issue = checkStamp(out.hlc, writer.nowMs))
            return issue;
    const schema::Table &table = *out.table;
    if (writer.role) {
        if (!table.authoredBy(*writer.role))
            return makeIssue(Reason::NotAllowed, "", "", "", *writer.role + " / " + table.name);
    } else if (table.scope != schema::Scope::School && table.scope != schema::Scope::Shared) {
        return makeIssue(Reason::ReadOnly, "", table.labelZh, table.labelEn);
    }
    out.fields.resize(table.fields.size());
    for (const auto &fv : change.fields()) {
        const int index = isStandardColumn(fv.field()) ? -1 : table.fieldIndex(fv.field());
        if (index < 0)
            return makeIssue(Reason::UnknownField, fv.field(), fv.field(), fv.field(), fv.field());
        auto &slot = out.fields[static_cast<std::size_t>(index)];
        if (slot)
            return makeIssue(Reason::BadRequest, fv.field(), fv.field(), fv.field(), "field twice");
        const schema::Field &field = table.fields[static_cast<std::size_t>(index)];
        auto value = sync::coerceToField(field, sync::fromWire(fv));
        if (!value)
            return makeIssue(typeMismatch(field), &field);
        // An older program's free text for a field that is now a code (学历 "本科").
        if (auto code = validate::recodedText(field, *value))
            value = Value{std::move(*code)};
        slot = std::move(*value);
    }
    return std::nullopt;
}

} // namespace

void PreparedChange::nameFields()
{
    m_incoming.clear();
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i])
            m_incoming.emplace(table->fields[i].name, *fields[i]);
}

void PreparedChange::setIncoming(const validate::Record &values)
{
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const auto it = values.find(table->fields[i].name);
        fields[i] = it == values.end() ? std::nullopt : std::optional<Value>(it->second);
    }
    nameFields();
}

namespace {

std::vector<PreparedChange> prepare(const google::protobuf::RepeatedPtrField<wire::Change> &changes,
                                    const Writer &writer)
{
    std::vector<PreparedChange> out(static_cast<std::size_t>(changes.size()));
    for (int i = 0; i < changes.size(); ++i) {
        const wire::Change &c = changes.Get(i);
        PreparedChange &p = out[static_cast<std::size_t>(i)];
        p.deviceSeq = c.device_seq();
        p.tableName = c.table();
        p.table = schema::findTable(c.table());
        p.rowId = c.row_id();
        p.hlc = sync::fromWire(c.hlc());
        p.deleted = c.deleted();
        p.baseCursor = static_cast<std::int64_t>(c.base_cursor());
        p.refused = decode(c, writer, p);
        // Kept in rejections and the audit: whatever a device sent, stored at a bounded length.
        p.tableName = text::clipUtf8(p.tableName, 64);
        p.rowId = text::clipUtf8(p.rowId, 64);
        if (p.refused)
            p.fields.clear();
        p.nameFields();
        if (!p.refused && !p.deleted) {
            // Whether the row is new only the writer can tell; checking it as new here costs
            // the writer nothing when it is (a bulk push is almost all new rows).
            p.asNewRow = validate::validateRecord(*p.table, p.incoming(), validate::Completeness::Whole);
        }
    }
    return out;
}

} // namespace

std::vector<PreparedChange> prepareChanges(const wire::PushBatch &batch, std::int64_t nowMs)
{
    return prepare(batch.changes(), Writer{nowMs, nullptr});
}

std::vector<PreparedChange> prepareCountyWrite(const google::protobuf::RepeatedPtrField<wire::Change> &changes,
                                               const std::string &role)
{
    return prepare(changes, Writer{0, &role});
}

} // namespace emis::server
