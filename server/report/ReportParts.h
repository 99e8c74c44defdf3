#pragma once

// Pieces shared by the report implementations (not part of the module's interface).
#include "report/ReportEngine.h"
#include "schema/Value.h"
#include "store/StoreSession.h"
#include "text/JsonWriter.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace emis::server::report {

// Which part of the county a report looks at; every member optional.
struct Scope {
    std::string township;
    std::string schoolCode;
    std::int64_t grade = 0;
    std::string className;  // 班级 within the grade, e.g. "1班": the last drill level
};

// Reads township=, school= (学校标识码), grade= (1–12 or a grade name) and class= (a class name,
// with grade= and school=: one class); an issue when bad.
std::variant<Scope, Issue> scopeFrom(const Params &params);

// SQL pieces over `students s JOIN schools c ON c.id = s.school_id`, for reports on single pupils.
inline constexpr const char *kPupilsFrom = " FROM students s JOIN schools c ON c.id = s.school_id ";
// Counting reports read the pupils summed up (store/ReportSummary.h) instead: the same columns
// (school_id, grade, class_name, sex, ethnicity, status), with SUM(s.pupils) for COUNT(*).
inline constexpr const char *kSummaryFrom = " FROM report_pupils s JOIN schools c ON c.id = s.school_id ";
// Pupils count when they are 在读 (the summary holds live rows only).
inline constexpr const char *kActivePupils = " s.status = '1' AND s.pupils > 0 AND c.deleted = 0 ";
// Staff (as `staff t`) on the books: 在职, not 退休, 辞职 or 解聘 (staff_status; none given is 在职).
inline const std::string kOnTheBooks = " COALESCE(t.status, '1') = '1' ";
// " AND ..." restricting to the scope; bind scopeParams() in order.
std::string scopeSql(bool withGrade = true);
std::vector<Value> scopeParams(const Scope &scope, bool withGrade = true);

// Stages: 0 primary (grades 1–6, 小学), 1 junior (7–9, 初中), 2 senior (10–12, 高中).
inline constexpr std::array<const char *, 3> kStageKeys = {"primary", "junior", "senior"};
inline constexpr std::array<const char *, 3> kStageZh = {"小学", "初中", "高中"};
inline constexpr std::array<double, 3> kPupilsPerTeacherNorm = {19.0, 13.5, 12.5};
int stageOfGrade(std::int64_t grade);  // -1 outside 1..12

std::int64_t asInt(const Value &v);
double asReal(const Value &v);
std::string asText(const Value &v);
std::string gradeName(std::int64_t grade);
std::string codeName(const char *codeTable, const std::string &code);

struct Column {
    const char *key;
    const char *zh;
    const char *en;
};

// Writes "report", titles, "params" and "columns", and leaves the object open for rows.
void beginReport(text::JsonWriter &w, std::string_view name, const Params &params, const std::vector<Column> &columns);
double ratio(std::int64_t a, std::int64_t b);  // a / b rounded to two decimals, 0 when b == 0
// The parameter's value, or `fallback` when it is absent or empty.
std::string param(const Params &params, std::string_view key, std::string_view fallback = {});
// A YYYY-MM-DD or four-digit year parameter, or `fallback` when absent; nothing when malformed.
std::optional<std::string> dateParam(const Params &params, std::string_view key, const std::string &fallback);
std::optional<int> yearParam(const Params &params, std::string_view key, int fallback);
// The server's day (local time, as the bureau's decisions are dated), YYYY-MM-DD, and its year.
std::string today();
int thisYear();

std::string enrolmentReport(StoreSession &s, const Params &params, const Scope &scope, std::string_view by);
std::string classSizeReport(StoreSession &s, const Params &params, const Scope &scope, std::string_view by);
std::string teacherReport(StoreSession &s, const Params &params, const Scope &scope);
std::string specialGroupsReport(StoreSession &s, const Params &params, const Scope &scope, std::string_view by);
std::string duplicatesReport(StoreSession &s, const Params &params);
std::string approvalQueueReport(StoreSession &s, const Params &params);
// all: the resolved problems too, not only the open ones.
std::string problemRecordsReport(StoreSession &s, const Params &params, bool all);
std::string schoolsReport(StoreSession &s, const Params &params, const Scope &scope, std::string_view by);
std::string staffReport(StoreSession &s, const Params &params, const Scope &scope, std::string_view by);
// 考试列表: the county's joint exams, newest first, with their subjects.
std::string examListReport(StoreSession &s, const Params &params);
std::variant<std::string, Issue> examAnalysisReport(StoreSession &s, const Params &params, const Scope &scope,
                                                    std::string_view by);
std::variant<std::string, Issue> examBandsReport(StoreSession &s, const Params &params, const Scope &scope,
                                                 std::string_view by);
// 薄弱学科: each school's subjects below the county mean (lowest 超均率 first, at most 3), and in each
// the school's classes below the county (at most 3) with the teacher 教学分工 names.
std::variant<std::string, Issue> examWeakReport(StoreSession &s, const Params &params, const Scope &scope);
// 人事 (StaffFigureReports.cpp). `personRows`: the reader may see single teachers (list=short).
std::variant<std::string, Issue> staffStructureReport(StoreSession &s, const Params &params, const Scope &scope,
                                                      std::string_view by);
std::variant<std::string, Issue> staffTrainingReport(StoreSession &s, const Params &params, const Scope &scope,
                                                     std::string_view by, bool personRows);
std::variant<std::string, Issue> staffHonoursReport(StoreSession &s, const Params &params, const Scope &scope,
                                                    std::string_view by);
std::variant<std::string, Issue> staffAssessmentReport(StoreSession &s, const Params &params, const Scope &scope,
                                                       std::string_view by);
// 装备 (EquipmentReports.cpp): the ratios against the norms, the replacement plan (year= the
// plan's first year, on= the day), and the use of computer rooms and labs (from=, to=).
std::string equipmentReport(StoreSession &s, const Params &params, const Scope &scope, std::string_view by);
std::variant<std::string, Issue> equipmentReplacementReport(StoreSession &s, const Params &params, const Scope &scope,
                                                            std::string_view by);
std::variant<std::string, Issue> equipmentUsageReport(StoreSession &s, const Params &params, const Scope &scope,
                                                      std::string_view by);
// Person-level (StaffFileReport.cpp): runReport lets only the roles that read staff files run them.
std::variant<std::string, Issue> staffSearchReport(StoreSession &s, const Params &params, const Scope &scope);
std::variant<std::string, Issue> staffFileReport(StoreSession &s, const Params &params);
// The transfers waiting for the bureau, one object each, into an open "rows" array; returns how
// many. The "approval_queue" report writes them beside the status changes waiting for approval.
std::int64_t writeTransferQueueRows(text::JsonWriter &w, StoreSession &s);
// The same for teachers' 调动 (staff_transfers) waiting for 人事股.
std::int64_t writeStaffTransferQueueRows(text::JsonWriter &w, StoreSession &s);
std::string dataQualityReport(StoreSession &s, const Params &params, const Scope &scope, std::int64_t nowMs,
                              std::int64_t silentDays);

} // namespace emis::server::report
