// The staff record (教职工) and the teacher growth file (教师成长档案): 培训, 荣誉, 奖惩, 科研,
// 考核, 信息技术能力测评, each a school-owned table naming its teacher. Certificate photos are
// evidence rows (Tables.cpp) attached to a growth row, like a status change's scans.
#include "schema/TableBuilders.h"

#include "validate/TableRules.h"

namespace emis::schema {
namespace {

using namespace build;

// The schema version that added the staff record's 人事 fields and the growth file.
constexpr unsigned kGrowthFile = 4;

Field codedLater(Field f)
{
    f.codedSince = kGrowthFile;
    return f;
}

Field teacher()
{
    return ref("staff_id", "教师", "teacher", "staff", true, {"教师姓名", "姓名", "教职工", "工号", "teacher name"});
}

Table growth(std::string name, std::string zh, std::string en, std::vector<Field> fields,
             std::vector<std::vector<std::string>> naturalKeys, std::vector<std::string> listFields)
{
    fields.insert(fields.begin(), teacher());
    for (auto &f : fields)
        f.since = kGrowthFile;
    Table t = table(std::move(name), std::move(zh), std::move(en), Scope::School, std::move(fields),
                    std::move(naturalKeys), {{"staff_id"}}, &validate::kGrowthRules);
    return listed(std::move(t), std::move(listFields));
}

} // namespace

Table staffTable()
{
    std::vector<Field> f = {
        text("staff_no", "工号", "staff number", 30, false, {"教工号", "职工编号", "staff no"}),
    };
    for (auto &p : personFields(true))
        f.push_back(std::move(p));
    const std::vector<Field> rest = {
        coded("post_category", "岗位类别", "post category", "post_category", true, {"岗位", "post"}),
        coded("teaching_stage", "任教学段", "teaching stage", "stage", false, {"学段", "stage"}),
        text("subject", "任教学科", "subject", 30, false, {"学科", "subject"}),
        since(text("department", "部门", "department", 30, false, {"所在部门", "科室", "处室"}), kGrowthFile),
        since(text("position", "职务", "position", 30, false, {"行政职务", "现任职务", "党政职务"}), kGrowthFile),
        since(coded("staffing", "编制", "staffing", "staffing", false, {"编制情况", "编制类型", "用工形式", "人员类型"}),
              kGrowthFile),
        since(coded("backbone", "骨干级别", "key teacher level", "backbone", false, {"骨干教师", "骨干教师级别", "骨干"}),
              kGrowthFile),
        // 学历, 职称 and 政治面貌 were free text before version 4; stored text is mapped to codes
        // by the stores' migrations (the code tables' aliases are the old spellings).
        codedLater(coded("education", "学历", "education", "education", false, {"最高学历", "学历层次"})),
        codedLater(coded("title", "职称", "professional title", "title", false, {"专业技术职务", "现职称", "职称等级"})),
        typed("work_start", "参加工作年月", "started work", T::YearMonth, false, {"参加工作时间"}),
        codedLater(coded("political", "政治面貌", "political status", "political", false)),
        checked(text("phone", "联系电话", "phone", 20, false, {"手机号", "电话", "phone"}), Check::Phone),
        // Set by a 人事异动 of 退休, 辞职 or 解聘 (TableRules::effect); the reports count 在职 only.
        since(withDefault(coded("status", "在职状态", "employment status", "staff_status", false, {"人员状态", "状态"}), "1"),
              kGrowthFile),
    };
    f.insert(f.end(), rest.begin(), rest.end());
    Table t = table("staff", "教职工", "staff", Scope::School, std::move(f), {{"id_type", "id_number"}, {"staff_no"}},
                    {{"school_id", "post_category"}, {"name"}}, &validate::kPersonRules);
    return labelled(listed(std::move(t), {"staff_no", "name", "sex", "id_number", "post_category", "subject", "title", "phone"}),
                    {"name"}, {{"staff_no"}, {"id_number"}, {"name"}});
}

std::vector<Table> staffGrowthTables()
{
    std::vector<Table> v;
    // 培训: a course taken, the school's own 校本培训 included; 学时 count toward the five-year 360.
    v.push_back(growth("staff_training", "培训记录", "training",
                       {
                           text("course", "培训名称", "course", 100, true, {"培训项目", "项目名称", "培训内容", "培训主题"}),
                           text("organiser", "主办单位", "organiser", 60, false, {"培训机构", "组织单位", "承办单位"}),
                           coded("level", "培训级别", "level", "award_level", false, {"级别", "培训类别"}),
                           typed("start_date", "开始日期", "start date", T::Date, true, {"培训时间", "培训日期", "日期"}),
                           typed("end_date", "结束日期", "end date", T::Date, false, {"截止日期"}),
                           typed("hours", "学时", "hours", T::Real, true, {"培训学时", "学时数", "课时"}),
                       },
                       {{"staff_id", "course", "start_date"}}, {"staff_id", "course", "level", "start_date", "hours"}));
    // 学时 in a cycle, summed per teacher from the index alone (the staff_training report).
    v.back().indexes = {{"staff_id", "start_date", "hours", "deleted"}};
    // 荣誉: a title awarded.
    v.push_back(growth("staff_honours", "荣誉", "honours",
                       {
                           text("title", "荣誉称号", "honour", 100, true, {"荣誉名称", "荣誉", "奖项名称"}),
                           coded("level", "级别", "level", "award_level", false, {"荣誉级别", "获奖级别"}),
                           typed("award_date", "获得日期", "date awarded", T::Date, true, {"获奖时间", "授予时间", "日期"}),
                           text("issuer", "授予单位", "awarded by", 60, false, {"颁发单位", "发证单位", "表彰单位"}),
                       },
                       {{"staff_id", "title", "award_date"}}, {"staff_id", "title", "level", "award_date", "issuer"}));
    // 奖惩: a reward or a 处分; a 处分 ends (期满) on its end date.
    v.push_back(growth("staff_discipline", "奖惩", "rewards and punishments",
                       {
                           coded("kind", "奖惩类别", "kind", "discipline_kind", true, {"类别", "奖惩", "处分类别"}),
                           typed("decision_date", "奖惩日期", "date", T::Date, true, {"日期", "决定日期", "处分日期"}),
                           text("reason", "事由", "reason", 200, false, {"原因", "奖惩事由"}),
                           text("issuer", "决定单位", "decided by", 60, false, {"批准单位"}),
                           typed("end_date", "处分期满日期", "punishment ends", T::Date, false, {"期满日期", "解除日期"}),
                       },
                       {{"staff_id", "kind", "decision_date"}}, {"staff_id", "kind", "decision_date", "reason", "end_date"}));
    // 科研: a paper, a project, a teaching award, a book.
    v.push_back(growth("staff_research", "教科研成果", "research",
                       {
                           coded("kind", "成果类别", "kind", "research_kind", true, {"类别", "成果类型"}),
                           text("title", "成果名称", "title", 150, true, {"名称", "论文题目", "课题名称", "题目"}),
                           coded("level", "级别", "level", "award_level", false, {"获奖级别", "立项级别"}),
                           coded("role", "本人角色", "role", "research_role", false, {"角色", "排名"}),
                           typed("result_date", "日期", "date", T::Date, false, {"发表日期", "立项日期", "获奖日期", "结题日期"}),
                           text("detail", "说明", "detail", 200, false, {"发表刊物", "刊物", "获奖等次", "备注"}),
                       },
                       {{"staff_id", "kind", "title"}}, {"staff_id", "kind", "title", "level", "result_date"}));
    // 年度考核 and 师德考核: one result per teacher, year and kind.
    v.push_back(growth("staff_assessments", "考核", "assessments",
                       {
                           typed("year", "考核年度", "year", T::Integer, true, {"年度", "考核年份"}),
                           withDefault(coded("kind", "考核类别", "kind", "assessment_kind", true, {"类别"}), "1"),
                           coded("result", "考核结果", "result", "assessment_result", true, {"结果", "等次", "考核等次"}),
                       },
                       {{"staff_id", "year", "kind"}}, {"staff_id", "year", "kind", "result"}));
    // 信息技术能力测评: every sitting is kept, a retake beside the failed one.
    v.push_back(growth("staff_it_tests", "信息技术能力测评", "IT skills tests",
                       {
                           typed("test_date", "测评日期", "test date", T::Date, true, {"日期", "考试日期"}),
                           coded("result", "测评结果", "result", "it_result", true, {"结果", "是否通过", "是否合格"}),
                           typed("score", "成绩", "score", T::Real, false, {"分数", "得分"}),
                       },
                       {{"staff_id", "test_date"}}, {"staff_id", "test_date", "result", "score"}));
    // 人事异动: a teacher's history. 调入 and 调出 are written by the server when the bureau
    // approves a 调动 (staff_transfers); the school records 退休, 辞职, 解聘, 借调, 交流轮岗.
    v.push_back(growth("staff_changes", "人事异动", "staff changes",
                       {
                           coded("kind", "异动类别", "change kind", "staff_change_kind", true, {"异动类型", "类别"}),
                           typed("change_date", "异动日期", "change date", T::Date, true, {"日期"}),
                           ref("other_school_id", "对方学校", "other school", "schools", false, {"借调学校", "交流学校", "调入学校", "调出学校"}),
                           typed("end_date", "结束日期", "ends", T::Date, false, {"借调结束日期", "交流结束日期"}),
                           text("reason", "原因", "reason", 200, false, {"异动原因", "说明"}),
                       },
                       {{"staff_id", "kind", "change_date"}}, {"staff_id", "kind", "change_date", "other_school_id", "reason"}));
    v.back().rules = &validate::kStaffChangeRules;
    // 调动: the receiving school asks for a teacher of another school of the county by ID number;
    // the sending school agrees or refuses; 人事股 approves (schema/Moves.h).
    Table move = table("staff_transfers", "调动申请", "staff transfers", Scope::Shared,
                       {
                           checked(text("id_number", "身份证件号", "ID number", 30, true, {"身份证号"}), Check::IdNumber),
                           text("staff_name", "姓名", "name", 50, true, {"教师姓名"}),
                           text("staff_id", "教师", "teacher", 36),                   // filled by the server
                           text("from_school_id", "调出学校", "sending school", 36),  // filled by the server
                           typed("request_date", "申请日期", "request date", T::Date, true),
                           text("reason", "调动原因", "reason", 200),
                           withDefault(coded("state", "办理状态", "state", "transfer_state", true), "1"),
                           text("from_note", "调出学校意见", "sending school's note", 200),
                           text("bureau_note", "人事股意见", "personnel office's note", 200),
                       },
                       {}, {{"from_school_id"}, {"staff_id"}}, nullptr);
    for (auto &f : move.fields)
        f.since = kGrowthFile;
    move.partyField = "from_school_id";
    v.push_back(std::move(move));
    return v;
}

} // namespace emis::schema
