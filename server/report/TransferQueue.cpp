// The moves waiting for the bureau (state 2, 待教育局审批): the transfer part of the
// "approval_queue" report, with the status changes' columns (school = the receiving school).
// Each row is one request the bureau decides with a DecisionRequest on its table: "transfers"
// (转学, with the pupil's grade and class) or "staff_transfers" (调动).
#include "report/ReportParts.h"

namespace emis::server::report {

std::int64_t writeTransferQueueRows(text::JsonWriter &w, StoreSession &s)
{
    const std::string sql =
        "SELECT t.id, t.student_name, t.id_number, t.request_date, t.reason, t.from_note, t.to_grade, t.to_class,"
        " f.code, f.name, r.code, r.name, p.grade, p.class_name,"
        " (SELECT COUNT(*) FROM evidence e WHERE e.owner_id = t.id AND e.deleted = 0)"
        " FROM transfers t JOIN schools r ON r.id = t.school_id"
        " LEFT JOIN schools f ON f.id = t.from_school_id"
        " LEFT JOIN students p ON p.id = t.student_id"
        " WHERE t.deleted = 0 AND t.state = '2' ORDER BY t.request_date, t.id";
    std::int64_t count = 0;
    for (const auto &r : s.query(sql, {})) {
        const std::string name = asText(r[1]);
        w.beginObject()
            .field("key", asText(r[0]))
            .field("label", name + " " + asText(r[2]))
            .field("table", "transfers")
            .field("row_id", asText(r[0]))
            .field("school", asText(r[10]))
            .field("school_name", asText(r[11]))
            .field("kind", "transfer")
            .field("kind_name", "转学")
            .field("name", name)
            .field("id_number", asText(r[2]))
            .field("date", asText(r[3]))
            .field("reason", asText(r[4]))
            .field("from_note", asText(r[5]))
            .field("from_school", asText(r[8]))
            .field("from_school_name", asText(r[9]))
            .field("to_school", asText(r[10]))
            .field("to_school_name", asText(r[11]))
            .field("grade", gradeName(asInt(r[12])))
            .field("class", asText(r[13]))
            .field("to_grade", isNull(r[6]) ? std::string() : gradeName(asInt(r[6])))
            .field("to_class", asText(r[7]))
            .field("state", codeName("transfer_state", "2"))
            .field("evidence", asInt(r[14]))
            .endObject();
        ++count;
    }
    return count;
}

std::int64_t writeStaffTransferQueueRows(text::JsonWriter &w, StoreSession &s)
{
    const std::string sql =
        "SELECT t.id, t.staff_name, t.id_number, t.request_date, t.reason, t.from_note, f.code, f.name, r.code, r.name,"
        " (SELECT COUNT(*) FROM evidence e WHERE e.owner_id = t.id AND e.deleted = 0)"
        " FROM staff_transfers t JOIN schools r ON r.id = t.school_id LEFT JOIN schools f ON f.id = t.from_school_id"
        " WHERE t.deleted = 0 AND t.state = '2' ORDER BY t.request_date, t.id";
    std::int64_t count = 0;
    for (const auto &r : s.query(sql, {})) {
        const std::string name = asText(r[1]);
        w.beginObject()
            .field("key", asText(r[0]))
            .field("label", name + " " + asText(r[2]))
            .field("table", "staff_transfers")
            .field("row_id", asText(r[0]))
            .field("school", asText(r[8]))
            .field("school_name", asText(r[9]))
            .field("kind", "staff_transfer")
            .field("kind_name", "调动")
            .field("name", name)
            .field("id_number", asText(r[2]))
            .field("date", asText(r[3]))
            .field("reason", asText(r[4]))
            .field("from_note", asText(r[5]))
            .field("from_school", asText(r[6]))
            .field("from_school_name", asText(r[7]))
            .field("to_school", asText(r[8]))
            .field("to_school_name", asText(r[9]))
            .field("state", codeName("transfer_state", "2"))
            .field("evidence", asInt(r[10]))
            .endObject();
        ++count;
    }
    return count;
}

} // namespace emis::server::report
