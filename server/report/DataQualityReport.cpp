// 数据质量: per school, how complete and how fresh its records are: changes the server rejected
// (and of them, those missing a required field: the store itself never holds such a row, so the
// school's unsent records are where they are missing), pupils missing fields the bureau relies
// on, devices, the last sync, and schools silent for more than N days.
#include "report/ReportParts.h"

#include <map>

namespace emis::server::report {

std::string dataQualityReport(StoreSession &s, const Params &params, const Scope &scope, std::int64_t nowMs,
                              std::int64_t silentDays)
{
    struct Row {
        std::string name;
        std::int64_t pupils = 0, staff = 0, missingRequired = 0, noEthnicity = 0, noGuardianPhone = 0, noEntryMonth = 0, rejections = 0, devices = 0;
        std::int64_t lastSyncMs = 0;
    };
    std::map<std::string, Row> rows;  // by school code
    const std::string schoolsSql =
        "SELECT c.code, c.name FROM schools c WHERE c.deleted = 0" + scopeSql(false) + " ORDER BY c.code";
    for (const auto &r : s.query(schoolsSql, scopeParams(scope, false)))
        rows[asText(r[0])].name = asText(r[1]);

    const std::string pupilsSql =
        std::string("SELECT c.code, SUM(s.pupils), SUM(CASE WHEN s.ethnicity = '' THEN s.pupils ELSE 0 END),"
                    " SUM(s.no_guardian_phone), SUM(s.no_entry_month)") +
        kSummaryFrom + " WHERE " + kActivePupils + scopeSql(false) + " GROUP BY c.code";
    for (const auto &r : s.query(pupilsSql, scopeParams(scope, false))) {
        Row &row = rows[asText(r[0])];
        row.pupils = asInt(r[1]);
        row.noEthnicity = asInt(r[2]);
        row.noGuardianPhone = asInt(r[3]);
        row.noEntryMonth = asInt(r[4]);
    }
    const std::string staffSql = "SELECT c.code, COUNT(*) FROM staff t JOIN schools c ON c.id = t.school_id"
                                 " WHERE t.deleted = 0 AND c.deleted = 0 AND" + kOnTheBooks +
                                 scopeSql(false) + " GROUP BY c.code";
    for (const auto &r : s.query(staffSql, scopeParams(scope, false)))
        rows[asText(r[0])].staff = asInt(r[1]);
    const std::string devicesSql =
        "SELECT c.code, COUNT(*), MAX(COALESCE(d.last_seen_ms, 0)) FROM devices d JOIN schools c ON c.id = d.school_id"
        " WHERE d.revoked_ms IS NULL AND c.deleted = 0" +
        scopeSql(false) + " GROUP BY c.code";
    for (const auto &r : s.query(devicesSql, scopeParams(scope, false))) {
        Row &row = rows[asText(r[0])];
        row.devices = asInt(r[1]);
        row.lastSyncMs = asInt(r[2]);
    }
    const std::string rejectionsSql =
        "SELECT c.code, COUNT(*), SUM(CASE WHEN x.code = 'required' THEN 1 ELSE 0 END)"
        " FROM rejections x JOIN devices d ON d.id = x.device_id"
        " JOIN schools c ON c.id = d.school_id WHERE c.deleted = 0" +
        scopeSql(false) + " GROUP BY c.code";
    for (const auto &r : s.query(rejectionsSql, scopeParams(scope, false))) {
        Row &row = rows[asText(r[0])];
        row.rejections = asInt(r[1]);
        row.missingRequired = asInt(r[2]);
    }

    text::JsonWriter w;
    beginReport(w, "data_quality", params,
                {{"label", "学校", "school"},
                 {"pupils", "在校生", "pupils"},
                 {"staff", "教职工", "staff"},
                 {"missing_required", "缺必填项被拒", "refused: required field missing"},
                 {"missing_ethnicity", "缺民族", "no ethnicity"},
                 {"missing_guardian_phone", "缺监护人电话", "no guardian phone"},
                 {"missing_entry_month", "缺入学年月", "no entry month"},
                 {"rejected_changes", "被拒绝的修改", "rejected changes"},
                 {"devices", "设备数", "devices"},
                 {"last_sync_ms", "最近同步", "last sync"},
                 {"silent", "超过天数未同步", "silent"}});
    const std::int64_t silentMs = silentDays * 24 * 3600 * 1000;
    std::int64_t silentSchools = 0, rejected = 0, missingRequired = 0;
    w.key("rows").beginArray();
    for (const auto &[code, row] : rows) {
        const bool silent = row.lastSyncMs == 0 || nowMs - row.lastSyncMs > silentMs;
        silentSchools += silent ? 1 : 0;
        rejected += row.rejections;
        missingRequired += row.missingRequired;
        w.beginObject()
            .field("key", code)
            .field("label", row.name)
            .field("pupils", row.pupils)
            .field("staff", row.staff)
            .field("missing_required", row.missingRequired)
            .field("missing_ethnicity", row.noEthnicity)
            .field("missing_guardian_phone", row.noGuardianPhone)
            .field("missing_entry_month", row.noEntryMonth)
            .field("rejected_changes", row.rejections)
            .field("devices", row.devices)
            .field("last_sync_ms", row.lastSyncMs)
            .field("silent", silent)
            .endObject();
    }
    w.endArray();
    w.key("totals")
        .beginObject()
        .field("schools", static_cast<std::int64_t>(rows.size()))
        .field("silent_schools", silentSchools)
        .field("silent_days", silentDays)
        .field("rejected_changes", rejected)
        .field("missing_required", missingRequired)
        .endObject()
        .endObject();
    return w.str();
}

} // namespace emis::server::report
