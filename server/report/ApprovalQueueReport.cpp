// The bureau's approval queue: what waits for a decision, oldest first, each row carrying the
// table and row_id a DecisionRequest names and how many evidence images back it (fetched with an
// EvidenceRequest). Status changes sent for review are one section; cross-school transfers the
// sending school agreed to are the other (report/TransferQueue.cpp).
#include "report/ReportParts.h"

namespace emis::server::report {
namespace {

void statusChangeRows(StoreSession &s, text::JsonWriter &w, std::int64_t &count)
{
    const std::string sql =
        "SELECT sc.id, c.code, c.name, p.name, p.id_number, sc.kind, sc.change_date, sc.reason, p.grade,"
        " p.class_name, sc.to_grade, sc.to_class,"
        " (SELECT COUNT(*) FROM evidence e WHERE e.owner_id = sc.id AND e.deleted = 0)"
        " FROM status_changes sc JOIN students p ON p.id = sc.student_id JOIN schools c ON c.id = sc.school_id"
        " WHERE sc.deleted = 0 AND sc.approval = '1' ORDER BY sc.change_date, sc.id";
    for (const auto &r : s.query(sql, {})) {
        const std::string kind = asText(r[5]);
        w.beginObject()
            .field("key", asText(r[0]))
            .field("label", asText(r[3]) + " " + codeName("change_kind", kind))
            .field("table", "status_changes")
            .field("row_id", asText(r[0]))
            .field("school", asText(r[1]))
            .field("school_name", asText(r[2]))
            .field("name", asText(r[3]))
            .field("id_number", asText(r[4]))
            .field("kind", kind)
            .field("kind_name", codeName("change_kind", kind))
            .field("date", asText(r[6]))
            .field("reason", asText(r[7]))
            .field("grade", gradeName(asInt(r[8])))
            .field("class", asText(r[9]))
            .field("to_grade", asInt(r[10]) ? gradeName(asInt(r[10])) : std::string())
            .field("to_class", asText(r[11]))
            .field("evidence", asInt(r[12]))
            .endObject();
        ++count;
    }
}

} // namespace

std::string approvalQueueReport(StoreSession &s, const Params &params)
{
    text::JsonWriter w;
    beginReport(w, "approval_queue", params,
                {{"school_name", "学校", "school"},
                 {"name", "姓名", "name"},
                 {"id_number", "身份证件号", "ID number"},
                 {"kind_name", "异动类别", "kind"},
                 {"date", "日期", "date"},
                 {"reason", "原因", "reason"},
                 {"evidence", "佐证材料", "evidence"}});
    w.key("rows").beginArray();
    std::int64_t statusChanges = 0;
    statusChangeRows(s, w, statusChanges);
    // Transfers awaiting the bureau (transfer_state 2), as rows with "table": "transfers".
    const std::int64_t transfers = writeTransferQueueRows(w, s);
    const std::int64_t staffTransfers = writeStaffTransferQueueRows(w, s);
    w.endArray();
    w.key("totals")
        .beginObject()
        .field("status_changes", statusChanges)
        .field("transfers", transfers)
        .field("staff_transfers", staffTransfers)
        .endObject()
        .endObject();
    return w.str();
}

} // namespace emis::server::report
