// 问题学籍 as the schools see them: the problem rows the server wrote after a push (一人多籍, likely
// duplicates; sync/ProblemFinder.cpp), one per school involved, open ones first. Each row names the
// pupil, the other school and record, and what to do; state=all lists the resolved ones too.
#include "report/ReportParts.h"

namespace emis::server::report {

std::string problemRecordsReport(StoreSession &s, const Params &params, bool all)
{
    const std::string sql =
        "SELECT pr.id, c.code, c.name, p.name, p.id_number, pr.kind, o.name, oc.name, pr.detail, pr.state"
        " FROM problems pr JOIN schools c ON c.id = pr.school_id"
        " LEFT JOIN students p ON p.id = pr.student_id"
        " LEFT JOIN students o ON o.id = pr.other_student_id"
        " LEFT JOIN schools oc ON oc.id = pr.other_school_id"
        " WHERE pr.deleted = 0" +
        std::string(all ? "" : " AND pr.state = '1'") + " ORDER BY pr.state, pr.kind, p.id_number, c.code";
    text::JsonWriter w;
    beginReport(w, "problem_records", params,
                {{"school_name", "学校", "school"},
                 {"name", "姓名", "name"},
                 {"id_number", "身份证件号", "ID number"},
                 {"kind_name", "问题类型", "problem"},
                 {"other_school_name", "另一所学校", "other school"},
                 {"todo", "处理办法", "what to do"},
                 {"state_name", "处理状态", "state"}});
    w.key("rows").beginArray();
    std::int64_t open = 0, resolved = 0;
    for (const auto &r : s.query(sql, {})) {
        const std::string kind = asText(r[5]), state = asText(r[9]);
        (state == "1" ? open : resolved) += 1;
        w.beginObject()
            .field("key", asText(r[0]))
            .field("label", asText(r[3]) + " " + codeName("problem_kind", kind))
            .field("table", "problems")
            .field("row_id", asText(r[0]))
            .field("school", asText(r[1]))
            .field("school_name", asText(r[2]))
            .field("name", asText(r[3]))
            .field("id_number", asText(r[4]))
            .field("kind", kind)
            .field("kind_name", codeName("problem_kind", kind))
            .field("other_name", asText(r[6]))
            .field("other_school_name", asText(r[7]))
            .field("detail", asText(r[8]))
            .field("todo", kind == "1" ? "两校核实：在读学校提供在读证明，另一校注销或转出该学籍"
                                       : "核实是否同一学生：是则保留一条学籍并注销另一条，否则补全身份证件号")
            .field("state", state)
            .field("state_name", codeName("problem_state", state))
            .endObject();
    }
    w.endArray();
    w.key("totals").beginObject().field("open", open).field("resolved", resolved).endObject().endObject();
    return w.str();
}

} // namespace emis::server::report
