#include "sync/CountyWriter.h"

#include "schema/Schema.h"
#include "store/StoreSession.h"
#include "sync/Hlc.h"
#include "sync/Uuid.h"
#include "validate/RecordValidator.h"

namespace emis::server {

CountyWriter::CountyWriter(StoreSession &store, sync::HlcClock &clock, std::string actor, std::int64_t nowMs)
    : m_store(store), m_clock(clock), m_actor(std::move(actor)), m_now(nowMs)
{
}

std::variant<std::string, std::vector<Issue>>
CountyWriter::addSchool(const std::map<std::string, std::string, std::less<>> &raw)
{
    const schema::Table &table = *schema::findTable("schools");
    auto normalized = validate::normalizeRecord(table, raw);
    if (!normalized.issues.empty())
        return normalized.issues;
    const std::string code = std::get<std::string>(normalized.values.at("code"));
    if (const auto existing = m_store.schoolByCode(code))
        return std::vector<Issue>{makeIssue(Reason::DuplicateInStore, table.field("code"),
                                            displayText(existing->values.at("name")))};
    const std::string id = sync::newUuidV7();
    // A school owns its own row.
    auto written = write(table, id, id, normalized.values);
    if (auto *issues = std::get_if<std::vector<Issue>>(&written))
        return *issues;
    m_store.audit(AuditEntry{m_now, m_actor, id, "school_add", code + " " + displayText(normalized.values["name"])});
    return id;
}

std::variant<std::string, std::vector<Issue>> CountyWriter::addRow(const schema::Table &table,
                                                                   const std::string &schoolId,
                                                                   const validate::Record &values)
{
    return write(table, sync::newUuidV7(), schoolId, values);
}

std::variant<std::string, std::vector<Issue>> CountyWriter::write(const schema::Table &table, const std::string &id,
                                                                  const std::string &schoolId,
                                                                  const validate::Record &values)
{
    auto issues = validate::validateRecord(table, values, validate::Completeness::Whole);
    for (const auto &[name, value] : values)
        if (!table.field(name))
            issues.push_back(makeIssue(Reason::UnknownField, name, name, name, name));
    if (!issues.empty())
        return issues;
    StoredRow row;
    row.id = id;
    row.schoolId = schoolId;
    const sync::Hlc hlc = m_clock.tick();
    row.hlc = hlc.toText();
    const std::int64_t seq = m_store.touchFeed(table.name, row.id, row.schoolId);
    for (const auto &f : table.fields) {
        const auto it = values.find(f.name);
        row.values[f.name] = it == values.end() ? Value{} : it->second;
        if (it != values.end())
            row.versions[f.name] = FieldVersion{hlc, seq};
    }
    m_store.saveRow(table, row);
    return row.id;
}

std::variant<StoredRow, std::vector<Issue>> CountyWriter::update(const schema::Table &table, const std::string &id,
                                                                 const validate::Record &values)
{
    auto current = m_store.loadRow(table, id);
    if (!current || current->deleted)
        return std::vector<Issue>{makeIssue(Reason::BadRequest, "", "", "", table.name + " " + id)};
    StoredRow row = std::move(*current);
    std::vector<Issue> issues;
    for (const auto &[name, value] : values) {
        if (!table.field(name))
            issues.push_back(makeIssue(Reason::UnknownField, name, name, name, name));
        row.values[name] = value;
    }
    if (issues.empty())
        issues = validate::validateRecord(table, row.values, validate::Completeness::Whole);
    if (!issues.empty())
        return issues;
    rewrite(table, row, values);
    return row;
}

void CountyWriter::rewrite(const schema::Table &table, StoredRow &row, const validate::Record &changes,
                           const std::string &newSchoolId)
{
    // The new stamp must win over every version the row holds, devices' included.
    if (auto h = sync::Hlc::fromText(row.hlc))
        m_clock.receive(*h);
    // A device's stamp may run ahead of the server's wall clock (within the allowed skew).
    for (const auto &[name, v] : row.versions)
        m_clock.receive(v.hlc);
    m_clock.receive(row.deletedVersion.hlc);
    const sync::Hlc hlc = m_clock.tick();
    if (!newSchoolId.empty())
        row.schoolId = newSchoolId;
    const std::int64_t seq = m_store.touchFeed(table.name, row.id, row.schoolId);
    for (const auto &[name, value] : changes) {
        row.values[name] = value;
        row.versions[name] = FieldVersion{hlc, seq};
    }
    if (!changes.empty())
        row.hlc = hlc.toText();
    m_store.saveRow(table, row);
}

} // namespace emis::server
