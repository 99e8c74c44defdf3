#include "DemoRows.h"

#include "schema/CodeTables.h"

namespace emis::bench {
namespace {

Value textOrNull(const std::string &s) { return s.empty() ? Value{} : Value{s}; }
Value flag(bool b) { return Value{std::int64_t{b ? 1 : 0}}; }
// A roster's text (本科, 一级教师) as its code, as an import reads it; NULL when none names it.
Value coded(const char *codeTable, const std::string &s)
{
    const auto code = schema::findCodeTable(codeTable)->normalize(s);
    return code ? Value{*code} : Value{};
}

} // namespace

validate::Record pupilRecord(const demo::DemoPupil &p)
{
    return {
        {"student_no", textOrNull(p.studentNo)},
        {"name", p.name},
        {"sex", std::string(p.male ? "1" : "2")},
        {"birth_date", p.birthDate},
        {"id_type", std::string("1")},
        {"id_number", p.idNumber},
        {"ethnicity", textOrNull(p.ethnicity)},
        {"grade", std::int64_t{p.grade}},
        {"class_name", p.className},
        {"entry_month", textOrNull(p.entryMonth)},
        {"hukou", textOrNull(p.hukou)},
        {"address", textOrNull(p.address)},
        {"guardian_name", textOrNull(p.guardianName)},
        {"guardian_phone", textOrNull(p.guardianPhone)},
        {"left_behind", flag(p.leftBehind)},
        {"migrant", flag(p.migrant)},
        {"poverty_registered", flag(p.povertyRegistered)},
        {"boarding", flag(p.boarding)},
        {"status", std::string("1")},
    };
}

validate::Record staffRecord(const demo::DemoStaff &s)
{
    return {
        {"staff_no", textOrNull(s.staffNo)},
        {"name", s.name},
        {"sex", std::string(s.male ? "1" : "2")},
        {"birth_date", textOrNull(s.birthDate)},
        {"id_type", std::string("1")},
        {"id_number", s.idNumber},
        {"ethnicity", textOrNull(s.ethnicity)},
        {"post_category", s.postCategory},
        {"teaching_stage", textOrNull(s.teachingStage)},
        {"subject", textOrNull(s.subject)},
        {"department", textOrNull(s.department)},
        {"position", textOrNull(s.position)},
        {"staffing", textOrNull(s.staffing)},
        {"backbone", textOrNull(s.backbone)},
        {"education", coded("education", s.education)},
        {"title", coded("title", s.title)},
        {"work_start", textOrNull(s.workStart)},
        {"political", coded("political", s.political)},
        {"phone", textOrNull(s.phone)},
    };
}

std::vector<std::pair<const char *, validate::Record>> growthRecords(const demo::DemoStaff &s, const std::string &staffId)
{
    std::vector<std::pair<const char *, validate::Record>> out;
    const Value who{staffId};
    for (const auto &t : s.training)
        out.push_back({"staff_training",
                       {{"staff_id", who}, {"course", t.course}, {"organiser", textOrNull(t.organiser)}, {"level", t.level},
                        {"start_date", t.startDate}, {"end_date", t.endDate}, {"hours", static_cast<double>(t.hours)}}});
    for (const auto &h : s.honours)
        out.push_back({"staff_honours",
                       {{"staff_id", who}, {"title", h.title}, {"level", h.level}, {"award_date", h.date}, {"issuer", h.issuer}}});
    for (const auto &a : s.assessments)
        out.push_back({"staff_assessments", {{"staff_id", who}, {"year", std::int64_t{a.year}}, {"kind", a.kind}, {"result", a.result}}});
    for (const auto &t : s.itTests)
        out.push_back({"staff_it_tests", {{"staff_id", who}, {"test_date", t.date}, {"result", t.result},
                                          {"score", static_cast<double>(t.score)}}});
    return out;
}

} // namespace emis::bench
