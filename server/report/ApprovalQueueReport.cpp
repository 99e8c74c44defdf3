// The bureau's approval queue: what waits for a decision, oldest first, each row carrying the
// table and row_id a DecisionRequest names and how many evidence images back it (fetched with an
// EvidenceRequest). Status changes sent for review are one section; cross-school transfers the
// sending school agreed to are another (report/TransferQueue.cpp); assets' 调拨 and 报废 the last.
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

// An asset's 调拨 or 报废 waiting for 电教站 or 计财股: the asset named by its number and name.
void assetMoveRows(StoreSession &s, text::JsonWriter &w, std::int64_t &count)
{
    const std::string sql =
        "SELECT m.id, c.code, c.name, a.asset_no, a.name, a.model, m.kind, m.move_date, m.reason, o.name,"
        " (SELECT COUNT(*) FROM evidence e WHERE e.owner_id = m.id AND e.deleted = 0)"
        " FROM asset_moves m JOIN assets a ON a.id = m.asset_id JOIN schools c ON c.id = m.school_id"
        " LEFT JOIN schools o ON o.id = m.other_school_id"
        " WHERE m.deleted = 0 AND m.approval = '1' ORDER BY m.move_date, m.id";
    for (const auto &r : s.query(sql, {})) {
        const std::string kind = asText(r[6]);
        const std::string asset = (asText(r[3]).empty() ? "" : asText(r[3]) + " ") + asText(r[4]);
        w.beginObject()
            .field("key", asText(r[0]))
            .field("label", asset + " " + codeName("asset_move_kind", kind))
            .field("table", "asset_moves")
            .field("row_id", asText(r[0]))
            .field("school", asText(r[1]))
            .field("school_name", asText(r[2]))
            .field("name", asset)
            .field("id_number", "")
            .field("kind", kind)
            .field("kind_name", codeName("asset_move_kind", kind) + (asText(r[9]).empty() ? "" : "：" + asText(r[9])))
            .field("date", asText(r[7]))
            .field("reason", asText(r[8]))
            .field("model", asText(r[5]))
            .field("evidence", asInt(r[10]))
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
    std::int64_t assetMoves = 0;
    assetMoveRows(s, w, assetMoves);
    w.endArray();
    w.key("totals")
        .beginObject()
        .field("status_changes", statusChanges)
        .field("transfers", transfers)
        .field("staff_transfers", staffTransfers)
        .field("asset_moves", assetMoves)
        .endObject()
        .endObject();
    return w.str();
}

} // namespace emis::server::report
