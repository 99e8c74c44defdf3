// 专任教师与生师比: full-time teachers (岗位类别 专任教师) by the stage they teach, against the
// pupils of that stage and the staffing norms (19 小学, 13.5 初中, 12.5 高中).
#include "report/ReportParts.h"

namespace emis::server::report {

std::string teacherReport(StoreSession &s, const Params &params, const Scope &scope)
{
    std::int64_t teachers[3] = {};
    std::int64_t pupils[3] = {};
    const std::string teacherSql =
        "SELECT t.teaching_stage, COUNT(*) FROM staff t JOIN schools c ON c.id = t.school_id"
        " WHERE t.deleted = 0 AND c.deleted = 0 AND t.post_category = '1' AND" + kOnTheBooks +
        scopeSql(false) + " GROUP BY t.teaching_stage";
    for (const auto &r : s.query(teacherSql, scopeParams(scope, false))) {
        const std::string stage = asText(r[0]);
        if (stage == "1" || stage == "2" || stage == "3")
            teachers[stage[0] - '1'] += asInt(r[1]);
    }
    const std::string pupilSql = std::string("SELECT s.grade, SUM(s.pupils)") + kSummaryFrom + " WHERE " + kActivePupils +
                                 scopeSql(false) + " GROUP BY s.grade";
    for (const auto &r : s.query(pupilSql, scopeParams(scope, false))) {
        const int stage = stageOfGrade(asInt(r[0]));
        if (stage >= 0)
            pupils[stage] += asInt(r[1]);
    }

    text::JsonWriter w;
    beginReport(w, "teachers", params,
                {{"label", "学段", "stage"},
                 {"teachers", "专任教师", "full-time teachers"},
                 {"pupils", "在校生", "pupils"},
                 {"pupils_per_teacher", "生师比", "pupils per teacher"},
                 {"norm", "标准", "norm"},
                 {"within_norm", "达标", "within the norm"}});
    w.key("rows").beginArray();
    std::int64_t allTeachers = 0, allPupils = 0;
    for (std::size_t i = 0; i < 3; ++i) {
        allTeachers += teachers[i];
        allPupils += pupils[i];
        const double perTeacher = ratio(pupils[i], teachers[i]);
        w.beginObject()
            .field("key", kStageKeys[i])
            .field("label", kStageZh[i])
            .field("teachers", teachers[i])
            .field("pupils", pupils[i])
            .field("pupils_per_teacher", perTeacher)
            .field("norm", kPupilsPerTeacherNorm[i])
            .field("within_norm", teachers[i] > 0 && perTeacher <= kPupilsPerTeacherNorm[i])
            .endObject();
    }
    w.endArray();
    w.key("totals").beginObject().field("teachers", allTeachers).field("pupils", allPupils).endObject().endObject();
    return w.str();
}

} // namespace emis::server::report
