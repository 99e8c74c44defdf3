// aggregates.json — the demo county's true figures, counted from the generated rows. Keys are
// ASCII snake_case; names (schools, townships, ethnicities) are values, never keys. Stages are
// "primary" (grades 1-6, 小学), "junior" (7-9, 初中), "senior" (10-12, 高中); grades are keys
// "1".."12"; codes are those of the code tables (school_type, ethnicity, post_category).
//
// {
//   "format": "emis-demo-aggregates", "version": 1, "seed": 20260901, "county": "湖口县",
//   "reference_date": "2026-09-01",
//   "schools":  { "total": 122, "by_type": {"211": 55, ...}, "by_kind": {"teaching_point": 50, ...} },
//   "pupils":   { "total": 37051,
//                 "by_stage": {"primary": 20934, "junior": 8942, "senior": 7175},
//                 "by_grade": {"1": 3580, ...}, "by_sex": {"male": ..., "female": ...},
//                 "by_ethnicity": [ {"code": "01", "name": "汉族", "pupils": ...}, ... ],
//                 "by_township":  [ {"township": "双钟镇", "schools": 9, "pupils": ...}, ... ] },
//   "classes":  { "total": ..., "large_56_plus": ..., "very_large_66_plus": ...,
//                 "size_distribution": [ {"min": 0, "max": 25, "classes": ...}, ...,
//                                        {"min": 66, "classes": ...} ] },        (last: no upper bound)
//   "teachers": { "full_time_total": 2419,
//                 "by_stage": { "primary": {"teachers": 1319, "pupils": 20934, "pupils_per_teacher": 15.87,
//                                           "norm": 19.0, "within_norm": true}, "junior": {...}, "senior": {...} } },
//   "special_groups": {"left_behind": ..., "migrant": ..., "poverty_registered": ..., "boarding": ...},
//   "staff":    { "total": 2519, "by_sex": {...},
//                 "by_post_category": [ {"code": "1", "name": "专任教师", "staff": 2419}, ... ] },
//               ..., "by_age_band": {"age_30_under": ...}, "by_title_level": {"title_senior": ...},
//               "by_education_level": {"education_bachelor": ...}, "by_staffing": {"1": ..., "none": ...},
//               "by_backbone": {"2": ..., "none": ...} },      (keys: schema/StaffFigures.h, codes)
//   "staff_growth": { "training_cycle": 2021,
//               "staff_training": {"teachers": 专任教师, "hours": their 学时 in 2021–2025, "short_of_360": ...},
//               "honours_by_year": {"2021": {"4": 30, ...}, ...},   (award_level codes)
//               "assessed_year": 2025, "annual_results": {"1": ...}, "ethics_results": {...},
//               "it_not_passed": 专任教师 with no passed IT skills test },
//   "equipment_day": "2026-09-01", "plan_year": 2027, "use_from": "2026-03-02", "use_to": "2026-06-26",
//   "equipment": { "schools", "teachers", "teacher_computers", ... (the equipment report's columns),
//                  "replacement": {"held", "overdue", "overdue_cost", "before_plan", ..., "due_2027", ...},
//                  "usage": {"rooms", "sessions", ...} },       (also in each school's row)
//   "exam": { "name": "2026-2027学年第一学期八年级期中联考", "term": "2026-2027-1", "grade": 8,
//             "subjects": [ {"code": "01", "full_marks": 120}, ... ],
//             "county": { "01": {"expected", "sat", "mean", "sd", "max", "min", "excellent_rate",
//                                "pass_rate", "low_rate"}, ..., "total": {...} },
//             "by_township": [ {"township": "双钟镇", "01": {... "rank", "over_mean"}, ...}, ... ],
//             "by_school": [ {"code": "3604200012", "01": {...}, ...}, ... ] },   (exam_analysis's keys)
//   "by_school": [ { "code": "3604200012", "name": "湖口县第一中学", "type": "341", "township": "双钟镇",
//                    "pupils": ..., "by_stage": {...}, "by_grade": {"7": ...}, "by_sex": {...},
//                    "large_56_plus": ..., "very_large_66_plus": ...,
//                    "special_groups": {...}, "staff": ..., "full_time_teachers": {"primary": 0, ...},
//                    "staff_training": {...}, "it_not_passed": ...,
//                    "classes": [ {"grade": 7, "name": "1班", "pupils": 58}, ... ] }, ... ]   (学校标识码 order)
// }
// pupils_per_teacher is rounded to two decimals; within_norm means pupils per teacher <= norm.
#include "AggregatesWriter.h"

#include <tuple>

#include "text/JsonWriter.h"
#include "Places.h"

#include "schema/CodeTables.h"

namespace emis::demo {
namespace {

using text::JsonWriter;

constexpr const char *kStageKeys[3] = {"primary", "junior", "senior"};

void stages(JsonWriter &w, std::string_view name, const std::array<int, 3> &counts)
{
    w.key(name);
    w.beginObject(true);
    for (std::size_t i = 0; i < 3; ++i)
        w.field(kStageKeys[i], counts[i]);
    w.endObject();
}

void grades(JsonWriter &w, const std::map<int, int> &byGrade)
{
    w.key("by_grade");
    w.beginObject(true);
    for (const auto &[grade, n] : byGrade)
        w.field(std::to_string(grade), n);
    w.endObject();
}

void sexes(JsonWriter &w, int male, int female)
{
    w.key("by_sex");
    w.beginObject(true);
    w.field("male", male);
    w.field("female", female);
    w.endObject();
}

void special(JsonWriter &w, const SpecialGroups &g)
{
    w.key("special_groups");
    w.beginObject(true);
    w.field("left_behind", g.leftBehind);
    w.field("migrant", g.migrant);
    w.field("poverty_registered", g.povertyRegistered);
    w.field("boarding", g.boarding);
    w.endObject();
}

void countMap(JsonWriter &w, std::string_view name, const std::map<std::string, int> &counts)
{
    w.key(name);
    w.beginObject(true);
    for (const auto &[k, n] : counts)
        w.field(k, n);
    w.endObject();
}

// A count by code, "none" for no code given.
void codeMap(JsonWriter &w, std::string_view name, const std::map<std::string, int> &counts)
{
    std::map<std::string, int> named;
    for (const auto &[k, n] : counts)
        named[k.empty() ? "none" : k] += n;
    countMap(w, name, named);
}

void training(JsonWriter &w, const TrainingFigures &t)
{
    w.key("staff_training");
    w.beginObject(true);
    w.field("teachers", t.teachers);
    w.field("hours", t.hours);
    w.field("short_of_360", t.shortOf);
    w.endObject();
}

// Keys as the equipment reports' columns (server/report/EquipmentReports.cpp).
void equipment(JsonWriter &w, const EquipmentTruth &e)
{
    w.key("equipment");
    w.beginObject();
    for (const auto &[k, n] : {std::pair{"schools", e.schools}, {"teachers", e.teachers},
                               {"teacher_computers", e.teacherComputers}, {"short_teacher_computers", e.shortTeacher},
                               {"pupils", e.pupils}, {"pupil_computers", e.pupilComputers},
                               {"pupil_computers_needed", e.computersNeeded}, {"short_pupil_computers", e.shortPupil},
                               {"classes", e.classes}, {"multimedia_sets", e.multimedia},
                               {"short_multimedia", e.shortMultimedia}, {"servers", e.servers},
                               {"short_servers", e.shortServers}})
        w.field(k, n);
    w.key("replacement");
    w.beginObject(true);
    w.field("held", e.held);
    w.field("overdue", e.overdue);
    w.key("overdue_cost").value(e.overdueCost, 2);
    w.field("before_plan", e.beforePlan);
    w.key("before_plan_cost").value(e.beforePlanCost, 2);
    for (std::size_t i = 0; i < 3; ++i) {
        const std::string year = std::to_string(kPlanYear + static_cast<int>(i));
        w.field("due_" + year, e.due[i]);
        w.key("due_" + year + "_cost").value(e.dueCost[i], 2);
    }
    w.field("no_purchase_date", e.noDate);
    w.endObject();
    w.key("usage");
    w.beginObject(true);
    for (const auto &[k, n] : {std::pair{"rooms", e.rooms}, {"sessions", e.sessions}, {"computer_rooms", e.computerRooms},
                               {"computer_room_sessions", e.computerRoomSessions}, {"labs", e.labs},
                               {"lab_sessions", e.labSessions}, {"unused_rooms", e.unusedRooms}})
        w.field(k, n);
    w.endObject();
    w.endObject();
}

// One group's row of exam_analysis: per subject code ("total" for 总分) the report's figures.
void examGroup(JsonWriter &w, const DemoExam &exam, const ExamGroup &g, bool ranked)
{
    for (std::size_t s = 0; s < g.figures.size(); ++s) {
        const ExamFigures &f = g.figures[s];
        w.key(s < exam.subjects.size() ? exam.subjects[s].code : std::string("total"));
        w.beginObject(true);
        w.field("expected", f.expected).field("sat", f.sat);
        if (f.sat > 0) {
            w.field("mean", f.mean).field("sd", f.sd).field("max", f.max).field("min", f.min);
            w.field("excellent_rate", f.excellentRate).field("pass_rate", f.passRate).field("low_rate", f.lowRate);
            if (ranked)
                w.field("rank", f.rank);
            if (ranked && f.hasOverMean)
                w.field("over_mean", f.overMean);
        }
        w.endObject();
    }
}

void exam(JsonWriter &w, const DemoExam &e, const ExamTruth &t)
{
    w.key("exam");
    w.beginObject();
    w.field("name", e.name).field("term", e.term).field("grade", e.grade);
    w.key("subjects");
    w.beginArray();
    for (const auto &s : e.subjects) {
        w.beginObject(true);
        w.field("code", s.code).field("full_marks", s.fullMarks);
        w.endObject();
    }
    w.endArray();
    w.key("county");
    w.beginObject();
    examGroup(w, e, t.county, false);
    w.endObject();
    for (const auto &[name, groups, keyName] : {std::tuple{"by_township", &t.townships, "township"},
                                                std::tuple{"by_school", &t.schools, "code"}}) {
        w.key(name);
        w.beginArray();
        for (const ExamGroup &g : *groups) {
            w.beginObject();
            w.field(keyName, g.key);
            examGroup(w, e, g, true);
            w.endObject();
        }
        w.endArray();
    }
    w.endObject();
}

void school(JsonWriter &w, const SchoolAggregates &s)
{
    w.beginObject();
    w.field("code", s.code);
    w.field("name", s.name);
    w.field("type", s.typeCode);
    w.field("township", s.township);
    w.field("pupils", s.pupils);
    stages(w, "by_stage", s.byStage);
    grades(w, s.byGrade);
    sexes(w, s.male, s.female);
    w.field("large_56_plus", s.largeClasses);
    w.field("very_large_66_plus", s.veryLargeClasses);
    special(w, s.special);
    w.field("staff", s.staff);
    stages(w, "full_time_teachers", s.teachers);
    training(w, s.training);
    w.field("it_not_passed", s.itNotPassed);
    equipment(w, s.equipment);
    w.key("classes");
    w.beginArray();
    for (const ClassCount &c : s.classes) {
        w.beginObject(true);
        w.field("grade", c.grade);
        w.field("name", c.name);
        w.field("pupils", c.pupils);
        w.endObject();
    }
    w.endArray();
    w.endObject();
}

} // namespace

std::string aggregatesJson(const CountyAggregates &a)
{
    JsonWriter w(JsonWriter::Style::Indented);
    w.beginObject();
    w.field("format", "emis-demo-aggregates");
    w.field("version", 1);
    w.field("seed", a.seed);
    w.field("county", kCountyName);
    w.field("reference_date", referenceDate());

    w.key("schools");
    w.beginObject();
    w.field("total", a.schools);
    countMap(w, "by_type", a.schoolsByType);
    countMap(w, "by_kind", a.schoolsByKind);
    w.endObject();

    w.key("pupils");
    w.beginObject();
    w.field("total", a.pupils);
    stages(w, "by_stage", a.byStage);
    grades(w, a.byGrade);
    sexes(w, a.male, a.female);
    w.key("by_ethnicity");
    w.beginArray();
    for (const auto &[code, n] : a.byEthnicity) {
        w.beginObject(true);
        w.field("code", code);
        w.field("name", schema::findCodeTable("ethnicity")->nameOf(code));
        w.field("pupils", n);
        w.endObject();
    }
    w.endArray();
    w.key("by_township");
    w.beginArray();
    for (const TownshipCount &t : a.byTownship) {
        w.beginObject(true);
        w.field("township", t.name);
        w.field("schools", t.schools);
        w.field("pupils", t.pupils);
        w.endObject();
    }
    w.endArray();
    w.endObject();

    w.key("classes");
    w.beginObject();
    w.field("total", a.classes);
    w.field("large_56_plus", a.largeClasses);
    w.field("very_large_66_plus", a.veryLargeClasses);
    w.key("size_distribution");
    w.beginArray();
    for (const SizeBucket &b : a.classSizes) {
        w.beginObject(true);
        w.field("min", b.min);
        if (b.max)
            w.field("max", b.max);
        w.field("classes", b.classes);
        w.endObject();
    }
    w.endArray();
    w.endObject();

    w.key("teachers");
    w.beginObject();
    w.field("full_time_total", a.teachers[0] + a.teachers[1] + a.teachers[2]);
    w.key("by_stage");
    w.beginObject();
    for (std::size_t i = 0; i < 3; ++i) {
        const double ratio = a.teachers[i] ? static_cast<double>(a.byStage[i]) / a.teachers[i] : 0.0;
        w.key(kStageKeys[i]);
        w.beginObject(true);
        w.field("teachers", a.teachers[i]);
        w.field("pupils", a.byStage[i]);
        w.key("pupils_per_teacher");
        w.value(ratio, 2);
        w.key("norm");
        w.value(kPupilsPerTeacherNorm[i], 1);
        w.field("within_norm", a.teachers[i] > 0 && ratio <= kPupilsPerTeacherNorm[i]);
        w.endObject();
    }
    w.endObject();
    w.endObject();

    special(w, a.special);

    w.key("staff");
    w.beginObject();
    w.field("total", a.staff);
    sexes(w, a.staffMale, a.staffFemale);
    w.key("by_post_category");
    w.beginArray();
    for (const auto &[code, n] : a.staffByPost) {
        w.beginObject(true);
        w.field("code", code);
        w.field("name", schema::findCodeTable("post_category")->nameOf(code));
        w.field("staff", n);
        w.endObject();
    }
    w.endArray();
    countMap(w, "by_age_band", a.staffByAgeBand);
    countMap(w, "by_title_level", a.staffByTitleLevel);
    countMap(w, "by_education_level", a.staffByEducationLevel);
    codeMap(w, "by_staffing", a.staffByStaffing);
    codeMap(w, "by_backbone", a.staffByBackbone);
    w.endObject();

    w.key("staff_growth");
    w.beginObject();
    w.field("training_cycle", kTrainingCycle);
    training(w, a.training);
    w.key("honours_by_year");
    w.beginObject();
    for (const auto &[year, levels] : a.honoursByYear)
        countMap(w, std::to_string(year), levels);
    w.endObject();
    w.field("assessed_year", kAssessedYear);
    countMap(w, "annual_results", a.annualResults);
    countMap(w, "ethics_results", a.ethicsResults);
    w.field("it_not_passed", a.itNotPassed);
    w.endObject();

    w.field("equipment_day", referenceDate());
    w.field("plan_year", kPlanYear);
    w.field("use_from", kUseFrom);
    w.field("use_to", kUseTo);
    equipment(w, a.equipment);
    exam(w, a.exam, a.examTruth);

    w.key("by_school");
    w.beginArray();
    for (const SchoolAggregates &s : a.perSchool)
        school(w, s);
    w.endArray();
    w.endObject();
    return w.str();
}

} // namespace emis::demo
