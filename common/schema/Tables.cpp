// The record schema as data: every synced table described once. The client store, the server
// store, validation, import column mapping and the wire encoding are all driven from here.
// Adding a table means adding its description below (with its rules, if any, in
// validate/TableRules.cpp and, for rules that need other schools' rows, server/sync/ServerRules.cpp),
// and bumping schemaVersion(). A field added to a table says since which version. The staff
// record and its growth file are in StaffTables.cpp, equipment in EquipmentTables.cpp.
//
// Built with EMIS_SCHEMA_NEXT (tests only: emis-cli-next, emis-server-next), the schema is one
// version ahead: a new table and a new field, to test upgrades through the real programs.
#include "schema/Schema.h"
#include "schema/TableBuilders.h"

#include "validate/TableRules.h"

namespace emis::schema {
namespace {

using namespace build;

// The schema version that added the class a score was entered in.
constexpr unsigned kClassAtExam = 6;

Table schools()
{
    return table(
        "schools", "学校", "schools", Scope::County,
        {
            checked(text("code", "学校标识码", "school code", 10, true, {"学校代码", "code"}), Check::SchoolCode),
            text("name", "学校名称", "school name", 60, true, {"学校", "name"}),
            coded("school_type", "办学类型", "school type", "school_type", true, {"学校类型", "type"}),
            text("township", "所在乡镇", "township", 30, true, {"乡镇", "town"}),
            text("address", "学校地址", "address", 100),
            checked(text("phone", "联系电话", "phone", 20), Check::Phone),
        },
        {{"code"}},
        {{"township"}},
        {}
    );
}

Table classes()
{
    return table(
        "classes", "班级", "classes", Scope::School,
        {
            coded("grade", "年级", "grade", "grade", true, {}, T::Integer),
            text("name", "班级", "class", 20, true, {"班级名称", "class name"}),
            typed("entry_year", "入学年份", "entry year", T::Integer),
            text("head_teacher", "班主任", "head teacher", 30),
        },
        {{"grade", "name"}},
        {},
        {}
    );
}

Table students()
{
    std::vector<Field> f = {
        text("student_no", "学籍号", "student number", 30, false, {"全国学籍号", "学籍辅号", "student no"}),
    };
    for (auto &p : personFields(true))
        f.push_back(std::move(p));
    f.front().labelEn = "student number";
    // Birth date is required for pupils.
    for (auto &x : f)
        if (x.name == "birth_date")
            x.required = true;
    const std::vector<Field> rest = {
        coded("grade", "年级", "grade", "grade", true, {}, T::Integer),
        text("class_name", "班级", "class", 20, true, {"班级名称", "class name"}),
        typed("entry_month", "入学年月", "entry month", T::YearMonth, false, {"入学时间", "入学日期", "enrolment month"}),
        text("hukou", "户口所在地", "household registration", 100, false, {"户籍所在地", "户口"}),
        text("address", "家庭住址", "home address", 100, false, {"现住址", "住址", "address"}),
        text("guardian_name", "监护人姓名", "guardian name", 50, false, {"监护人", "家长姓名", "guardian"}),
        checked(text("guardian_phone", "监护人电话", "guardian phone", 20, false,
                     {"监护人联系电话", "家长电话", "联系电话", "phone"}),
                Check::Phone),
        typed("left_behind", "是否留守儿童", "left-behind child", T::Bool, false, {"留守儿童"}),
        typed("migrant", "是否随迁子女", "migrant child", T::Bool, false, {"随迁子女", "进城务工人员随迁子女"}),
        typed("poverty_registered", "是否建档立卡", "registered poor household", T::Bool, false, {"建档立卡", "建档立卡贫困户"}),
        typed("boarding", "是否寄宿", "boarding", T::Bool, false, {"寄宿生", "是否寄宿生"}),
        withDefault(coded("status", "学籍状态", "enrolment status", "student_status", true, {"在校状态"}), "1"),
    };
    f.insert(f.end(), rest.begin(), rest.end());
    return table(
        "students", "学生", "students", Scope::School, std::move(f),
        {{"id_type", "id_number"}, {"student_no"}},
        {{"school_id", "grade", "class_name"}, {"name", "sex", "birth_date"}},
        &validate::kPupilRules
    );
}

Table statusChanges()
{
    return table(
        "status_changes", "学籍异动", "status changes", Scope::School,
        {
            ref("student_id", "学生", "pupil", "students", true),
            coded("kind", "异动类别", "change kind", "change_kind", true, {"异动类型", "kind"}),
            typed("change_date", "异动日期", "change date", T::Date, true, {"日期", "date"}),
            text("reason", "异动原因", "reason", 200, false, {"原因"}),
            coded("from_grade", "原年级", "previous grade", "grade", false, {}, T::Integer),
            text("from_class", "原班级", "previous class", 20),
            coded("to_grade", "新年级", "new grade", "grade", false, {}, T::Integer),
            text("to_class", "新班级", "new class", 20),
            text("other_school_id", "对方学校", "other school", 36),
            withDefault(coded("approval", "审批状态", "approval", "approval_state", true), "0"),
            text("approval_note", "审批意见", "approval note", 200),
            // The year-end promotion (升级) that wrote this row, so it can be undone as one.
            text("batch_id", "升级批次", "promotion batch", 36),
        },
        {},
        {{"student_id"}, {"batch_id"}},
        &validate::kStatusChangeRules
    );
}

// A cross-school transfer (转学), filed by the receiving school (the row's owner) for a pupil it
// finds by ID number anywhere in the county. The sending school sees the row too and answers it;
// the bureau approves it; on approval the pupil's record moves to the receiving school.
// Who may write which field in which state is the server's rule (server/sync), not the schema's.
Table transfers()
{
    return table(
        "transfers", "转学申请", "transfers", Scope::Shared,
        {
            checked(text("id_number", "身份证件号", "ID number", 30, true, {"身份证号"}), Check::IdNumber),
            text("student_name", "姓名", "name", 50, true, {"学生姓名"}),
            text("student_id", "学生", "pupil", 36),                   // filled by the server
            text("from_school_id", "转出学校", "sending school", 36),  // filled by the server
            coded("to_grade", "转入年级", "grade on arrival", "grade", false, {}, T::Integer),
            text("to_class", "转入班级", "class on arrival", 20),
            typed("request_date", "申请日期", "request date", T::Date, true),
            text("reason", "转学原因", "reason", 200),
            withDefault(coded("state", "办理状态", "state", "transfer_state", true), "1"),
            text("from_note", "转出学校意见", "sending school's note", 200),
            text("bureau_note", "教育局意见", "bureau's note", 200),
        },
        {},
        {{"from_school_id"}, {"student_id"}},
        {}
    );
}

// A scanned document (佐证材料) kept with a status change or a transfer, and synced with it.
Table evidence()
{
    return table(
        "evidence", "佐证材料", "evidence", Scope::School,
        {
            text("owner_table", "所属记录类型", "attached to (table)", 30, true),
            attachedTo(ref("owner_id", "所属记录", "attached to", "", true), "owner_table"),
            text("file_name", "文件名", "file name", 100, true),
            text("mime_type", "文件类型", "file type", 40, true),
            checked(typed("data", "文件内容", "content", T::Blob, true), Check::Image),
        },
        {},
        {{"owner_id"}},
        {}
    );
}

// 问题学籍: what the server found wrong across schools (一人多籍, likely duplicates), one row per
// school involved, so that each school and the bureau see it and act; never resolved silently.
Table problems()
{
    return table(
        "problems", "问题学籍", "problem records", Scope::Server,
        {
            coded("kind", "问题类型", "problem", "problem_kind", true),
            text("student_id", "学生", "pupil", 36, true),
            text("other_student_id", "另一条学籍", "other record", 36),
            text("other_school_id", "另一所学校", "other school", 36),
            text("detail", "说明", "details", 200),
            withDefault(coded("state", "处理状态", "state", "problem_state", true), "1"),
        },
        {},
        {{"student_id"}},
        {}
    );
}

// 学年学期, written by the bureau: "2025-2026-1" is 2025-2026学年第一学期.
Table terms()
{
    return table("terms", "学年学期", "terms", Scope::County,
                 {
                     text("code", "学年学期代码", "term code", 11, true, {"学期代码", "code"}),
                     text("name", "学年学期", "term", 40, true, {"学期", "term"}),
                     typed("start_date", "开始日期", "start date", T::Date, true),
                     typed("end_date", "结束日期", "end date", T::Date, true),
                 },
                 {{"code"}}, {}, nullptr);
}

// 教学分工: who teaches which class which subject in a term; 班主任 is a duty with no subject.
Table teachingAssignments()
{
    return table("teaching_assignments", "教学分工", "teaching assignments", Scope::School,
                 {
                     ref("term_id", "学年学期", "term", "terms", true),
                     ref("staff_id", "教师", "teacher", "staff", true, {"任课教师", "姓名"}),
                     ref("class_id", "班级", "class", "classes", true),
                     coded("subject", "学科", "subject", "subject", false, {"任教学科", "科目"}),
                     withDefault(coded("duty", "职责", "duty", "teaching_duty", true), "1"),
                 },
                 {{"term_id", "class_id", "subject", "duty"}}, {{"staff_id"}, {"class_id"}}, nullptr);
}

// 考试: a county joint exam (联考: the county's row, written by 教研室) for one grade of the
// schools it names (none named: every school with that grade), or a school's own exam.
Table exams()
{
    return table("exams", "考试", "exams", Scope::School,
                 {
                     text("name", "考试名称", "exam", 60, true, {"考试", "name"}),
                     ref("term_id", "学年学期", "term", "terms", true, {"学期"}),
                     coded("grade", "年级", "grade", "grade", true, {}, T::Integer),
                     typed("exam_date", "考试日期", "exam date", T::Date, false, {"日期"}),
                     text("school_codes", "参考学校", "schools taking part", 2000, false),
                 },
                 {}, {{"term_id", "grade"}}, nullptr);
}

// 考试科目: an exam's subject, its full marks (满分) and lines as percentages of full marks:
// 优秀 at or above excellent_pct, 及格 at or above pass_pct, 低分 below low_pct.
Table examSubjects()
{
    return table("exam_subjects", "考试科目", "exam subjects", Scope::School,
                 {
                     ref("exam_id", "考试", "exam", "exams", true),
                     coded("subject", "学科", "subject", "subject", true, {"科目"}),
                     withDefault(typed("full_marks", "满分", "full marks", T::Real, true), "100"),
                     withDefault(typed("excellent_pct", "优秀线（%）", "excellent line (%)", T::Integer, true), "85"),
                     withDefault(typed("pass_pct", "及格线（%）", "pass line (%)", T::Integer, true), "60"),
                     withDefault(typed("low_pct", "低分线（%）", "low line (%)", T::Integer, true), "40"),
                 },
                 {{"exam_id", "subject"}}, {}, nullptr);
}

// 成绩: a pupil's score in one subject of an exam, or why there is none.
Table scores()
{
    return table("scores", "成绩", "scores", Scope::School,
                 {
                     ref("exam_subject_id", "考试科目", "exam subject", "exam_subjects", true),
                     ref("student_id", "学生", "pupil", "students", true),
                     bounded(checked(typed("score", "成绩", "score", T::Real, false, {"分数"}), Check::Score),
                             "exam_subject_id", "full_marks"),
                     coded("absence", "缺考/免考/作弊", "no score because", "score_absence", false, {"缺考"}),
                     // The pupil's class when the score was entered: the exam's figures stay as they
                     // were when the pupil is promoted, moves class or transfers out.
                     since(text("class_name", "考试时班级", "class at the exam", 20, false), kClassAtExam),
                 },
                 {{"exam_subject_id", "student_id"}}, {{"student_id"}}, &validate::kScoreRules);
}

#ifdef EMIS_SCHEMA_NEXT
constexpr unsigned kVersion = 7;

// 成长记录: a school's notes on a pupil, the next version's new table.
Table notes()
{
    return table("notes", "成长记录", "notes", Scope::School,
                 {
                     ref("student_id", "学生", "pupil", "students", true),
                     typed("note_date", "日期", "date", T::Date, true),
                     text("text", "内容", "text", 200, true),
                 },
                 {}, {{"student_id"}}, nullptr);
}
#else
constexpr unsigned kVersion = 6;
#endif

} // namespace

unsigned schemaVersion() { return kVersion; }

const std::vector<Table> &tables()
{
    static const std::vector<Table> all = [] {
        std::vector<Table> v = {
            labelled(schools(), {"name"}, {{"code"}, {"name"}}),
            labelled(classes(), {"grade", "name"}, {{"grade", "name"}}),
            labelled(listed(students(), {"name", "sex", "birth_date", "id_number", "grade", "class_name", "status"}),
                     {"name", "grade", "class_name"},
                     {{"student_no"}, {"id_number"}, {"name", "grade", "class_name"}, {"name", "class_name"},
                      {"name", "grade"}, {"name"}}),
            listed(statusChanges(), {"student_id", "kind", "change_date", "reason", "approval"}),
            staffTable(),
            shared(transfers(), "from_school_id"),
            evidence(),
            problems(),
            labelled(authored(terms(), {"admin", "teaching"}), {"name"}, {{"code"}, {"name"}}),
            listed(teachingAssignments(), {"term_id", "class_id", "subject", "duty", "staff_id"}),
            labelled(authored(exams(), {"admin", "teaching"}), {"name"}, {{"name"}}),
            labelled(authored(examSubjects(), {"admin", "teaching"}), {"subject"}),
            scores(),
        };
        for (auto &t : staffGrowthTables())
            v.push_back(std::move(t));
        for (auto &t : equipmentTables())
            v.push_back(std::move(t));
#ifdef EMIS_SCHEMA_NEXT
        v.push_back(notes());
        // The next version's new field on a known table.
        Field nickname = text("nickname", "小名", "nickname", 20);
        nickname.since = kVersion;
        for (auto &t : v)
            if (t.name == "students")
                t.fields.push_back(nickname);
#endif
        return v;
    }();
    return all;
}

} // namespace emis::schema
