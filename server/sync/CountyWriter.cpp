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
    StoredRow row;
    row.id = sync::newUuidV7();
    row.schoolId = row.id;  // a school owns its own row
    const sync::Hlc hlc = m_clock.tick();
    row.hlc = hlc.toText();
    const std::int64_t seq = m_store.touchFeed(table.name, row.id, row.schoolId);
    for (const auto &f : table.fields) {
        const auto it = normalized.values.find(f.name);
        row.values[f.name] = it == normalized.values.end() ? Value{} : it->second;
        row.versions[f.name] = FieldVersion{hlc, seq};
    }
    m_store.saveRow(table, row);
    m_store.audit(AuditEntry{m_now, m_actor, row.id, "school_add", code + " " + displayText(row.values["name"])});
    return row.id;
}

} // namespace emis::server
