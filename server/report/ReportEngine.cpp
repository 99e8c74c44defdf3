#include "report/ReportEngine.h"

#include "report/ReportParts.h"
#include "schema/Roles.h"
#include "sync/Hlc.h"

#include <algorithm>

namespace emis::server::report {
namespace {

bool oneOf(std::string_view v, std::initializer_list<std::string_view> allowed)
{
    return std::find(allowed.begin(), allowed.end(), v) != allowed.end();
}


} // namespace

const std::vector<ReportInfo> &reports()
{
    static const std::vector<ReportInfo> all = {
        {"enrolment", "在校生统计", "Enrolment",
         "by=county|township|school|grade|class|stage|sex|ethnicity, township=, school=, grade=, class="},
        {"class_size", "班额统计", "Class size", "by=county|township|school|size|class, township=, school=, grade=, class="},
        {"teachers", "专任教师与生师比", "Full-time teachers and pupil/teacher ratio", "township=, school="},
        {"staff", "教职工统计", "Staff", "by=county|township|school|post, township=, school="},
        {"schools", "学校统计", "Schools", "by=county|township|type|school, township=, school="},
        {"special_groups", "特殊群体学生", "Special groups", "by=county|township|school, township=, school="},
        {"duplicates", "一人一籍问题学籍", "One person, one record", ""},
        {"data_quality", "数据质量", "Data quality", "township=, school=, silent_days= (default 7)"},
        {"approval_queue", "待审批事项", "Awaiting approval", ""},
        {"problem_records", "问题学籍处理", "Problem records", "state=open|all"},
        {"exams", "考试列表", "Exams", ""},
        {"exam_analysis", "考试成绩分析", "Exam analysis",
         "exam=ID, by=county|township|school|class|teacher, subject= (a subject or total), compare=previous, "
         "township=, school="},
        {"exam_bands", "分数段统计", "Score bands",
         "exam=ID, by=county|township|school|class, subject= (a subject; default total), township=, school="},
        {"exam_weak", "薄弱学科与薄弱班级", "Weak subjects and classes", "exam=ID, township=, school="},
        {"staff_structure", "教职工结构", "Staff structure",
         "by=county|township|school, on=YYYY-MM-DD (ages on that day; default today), township=, school="},
        {"staff_training", "教师培训学时", "Teacher training hours",
         "by=county|township|school, cycle=2021|2026|... (default the current five-year cycle), "
         "list=short (the teachers short of 360 学时: 管理员, 人事股), township=, school="},
        {"staff_honours", "教师荣誉", "Teacher honours", "by=county|township|school|year, year=, township=, school="},
        {"staff_assessment", "教师考核", "Teacher assessments",
         "by=county|township|school, year= (default last year), township=, school="},
        {"staff_search", "查找教职工", "Find staff",
         "q= (姓名, its beginning, 工号 or 身份证件号), title=, subject=, township=, school= (管理员, 人事股)"},
        {"staff_file", "教师成长档案", "Teacher file", "staff=ID (管理员, 人事股)"},
        {"equipment", "装备配置与达标", "Equipment against the norms", "by=county|township|school, township=, school="},
        {"equipment_replacement", "设备更新计划", "Equipment replacement plan",
         "by=county|township|school|category, year= (the plan's first year; default next year), on=YYYY-MM-DD "
         "(default today), township=, school="},
        {"equipment_usage", "功能室使用情况", "Use of computer rooms and labs",
         "by=county|township|school, from=YYYY-MM-DD (default 1 January), to=YYYY-MM-DD (default today), township=, school="},
    };
    return all;
}

std::variant<std::string, Issue> runReport(StoreSession &session, std::string_view name, const Params &params,
                                           std::string_view role)
{
    auto scoped = scopeFrom(params);
    if (auto *issue = std::get_if<Issue>(&scoped))
        return *issue;
    const Scope &scope = std::get<Scope>(scoped);
    const auto badBy = [&](const std::string &by) { return makeIssue(Reason::BadRequest, {}, {}, {}, "by=" + by); };

    if (name == "enrolment") {
        const std::string by = param(params, "by", "township");
        if (!oneOf(by, {"county", "township", "school", "grade", "class", "stage", "sex", "ethnicity"}))
            return badBy(by);
        return enrolmentReport(session, params, scope, by);
    }
    if (name == "class_size") {
        const std::string by = param(params, "by", "school");
        if (!oneOf(by, {"county", "township", "school", "size", "class"}))
            return badBy(by);
        return classSizeReport(session, params, scope, by);
    }
    if (name == "teachers")
        return teacherReport(session, params, scope);
    if (name == "staff") {
        const std::string by = param(params, "by", "post");
        if (!oneOf(by, {"county", "township", "school", "post"}))
            return badBy(by);
        return staffReport(session, params, scope, by);
    }
    if (name == "schools") {
        const std::string by = param(params, "by", "school");
        if (!oneOf(by, {"county", "township", "type", "school"}))
            return badBy(by);
        return schoolsReport(session, params, scope, by);
    }
    if (name == "special_groups") {
        const std::string by = param(params, "by", "school");
        if (!oneOf(by, {"county", "township", "school"}))
            return badBy(by);
        return specialGroupsReport(session, params, scope, by);
    }
    if (name == "exams")
        return examListReport(session, params);
    if (name == "exam_analysis") {
        const std::string by = param(params, "by", "school");
        if (!oneOf(by, {"county", "township", "school", "class", "teacher"}))
            return badBy(by);
        return examAnalysisReport(session, params, scope, by);
    }
    if (name == "exam_bands") {
        const std::string by = param(params, "by", "school");
        if (!oneOf(by, {"county", "township", "school", "class"}))
            return badBy(by);
        return examBandsReport(session, params, scope, by);
    }
    if (name == "exam_weak")
        return examWeakReport(session, params, scope);
    if (name == "staff_search" || name == "staff_file") {
        const schema::Role *r = schema::findRole(role);
        if (!r || !r->readsStaffFiles)
            return makeIssue(Reason::NotAllowed, {}, {}, {}, std::string(name) + " is for 管理员 and 人事股");
        return name == "staff_search" ? staffSearchReport(session, params, scope) : staffFileReport(session, params);
    }
    if (name.starts_with("staff_")) {
        const std::string by = param(params, "by", "school");
        if (!oneOf(by, {"county", "township", "school"}) && !(name == "staff_honours" && by == "year"))
            return badBy(by);
        if (name == "staff_structure")
            return staffStructureReport(session, params, scope, by);
        if (name == "staff_training") {
            const schema::Role *r = schema::findRole(role);
            return staffTrainingReport(session, params, scope, by, r && r->readsStaffFiles);
        }
        if (name == "staff_honours")
            return staffHonoursReport(session, params, scope, by);
        if (name == "staff_assessment")
            return staffAssessmentReport(session, params, scope, by);
    }
    if (name.starts_with("equipment")) {
        const std::string by = param(params, "by", "school");
        if (!oneOf(by, {"county", "township", "school"}) && !(name == "equipment_replacement" && by == "category"))
            return badBy(by);
        if (name == "equipment")
            return equipmentReport(session, params, scope, by);
        if (name == "equipment_replacement")
            return equipmentReplacementReport(session, params, scope, by);
        if (name == "equipment_usage")
            return equipmentUsageReport(session, params, scope, by);
    }
    if (name == "duplicates")
        return duplicatesReport(session, params);
    if (name == "approval_queue")
        return approvalQueueReport(session, params);
    if (name == "problem_records") {
        const std::string state = param(params, "state", "open");
        if (!oneOf(state, {"open", "all"}))
            return makeIssue(Reason::BadRequest, {}, {}, {}, "state=" + state);
        return problemRecordsReport(session, params, state == "all");
    }
    if (name == "data_quality") {
        const std::string days = param(params, "silent_days", "7");
        if (days.empty() || days.size() > 4 || !std::all_of(days.begin(), days.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return makeIssue(Reason::BadRequest, {}, {}, {}, "silent_days=" + days);
        return dataQualityReport(session, params, scope, static_cast<std::int64_t>(sync::systemNowMs()),
                                 std::stoll(days));
    }
    return makeIssue(Reason::BadRequest, {}, {}, {}, "report " + std::string(name));
}

} // namespace emis::server::report
