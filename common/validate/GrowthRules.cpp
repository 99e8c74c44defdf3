// The teacher growth file's rules (培训, 荣誉, 奖惩, 科研, 考核, 信息技术能力测评), one set for
// every table of it: each rule looks only at the fields its table has.
#include "validate/TableRules.h"

#include "schema/CodeTables.h"

#include <string>

namespace emis::validate {
namespace {

constexpr double kMaxCourseHours = 1000;  // more than any single course's 学时
constexpr std::int64_t kFirstYear = 1950;
constexpr std::int64_t kLastYear = 2100;

bool given(const Record &r, std::string_view field)
{
    auto it = r.find(field);
    return it != r.end() && !isNull(it->second) && !displayText(it->second).empty();
}

bool failed(const std::vector<Issue> &fieldIssues, std::string_view field)
{
    for (const auto &i : fieldIssues)
        if (i.field == field)
            return true;
    return false;
}

void growthRecord(const schema::Table &table, const Record &r, Completeness completeness,
                  const std::vector<Issue> &fieldIssues, std::vector<Issue> &out)
{
    if (completeness != Completeness::Whole)
        return;
    // An end (a course's last day, a 处分's 期满) is not before its start.
    const char *startField = table.field("start_date")      ? "start_date"
                             : table.field("decision_date") ? "decision_date"
                                                            : "change_date";
    if (table.field("end_date") && table.field(startField) && given(r, "end_date") && given(r, startField) &&
        !failed(fieldIssues, "end_date") && !failed(fieldIssues, startField) &&
        fieldText(r, "end_date") < fieldText(r, startField))
        out.push_back(makeIssue(Reason::EndBeforeStart, table.field("end_date"), fieldText(r, startField)));
    // Only a 处分 (kinds 2x) ends; a reward stands.
    if (table.field("kind") && table.field("decision_date") && given(r, "end_date") && given(r, "kind") &&
        fieldText(r, "kind").front() != '2')
        out.push_back(makeIssue(Reason::EndOnlyForPunishment, table.field("end_date")));
    if (const schema::Field *hours = table.field("hours"); hours && given(r, "hours") && !failed(fieldIssues, "hours")) {
        const Value &v = r.find("hours")->second;
        const double h = std::holds_alternative<double>(v) ? std::get<double>(v)
                         : std::holds_alternative<std::int64_t>(v) ? static_cast<double>(std::get<std::int64_t>(v))
                                                                   : 0;
        if (!(h > 0 && h <= kMaxCourseHours))
            out.push_back(makeIssue(Reason::HoursOutOfRange, hours, std::to_string(static_cast<int>(kMaxCourseHours))));
    }
    if (const schema::Field *year = table.field("year"); year && given(r, "year") && !failed(fieldIssues, "year")) {
        const auto *y = std::get_if<std::int64_t>(&r.find("year")->second);
        if (y && (*y < kFirstYear || *y > kLastYear))
            out.push_back(makeIssue(Reason::OutOfRange, year,
                                    std::to_string(kFirstYear) + "–" + std::to_string(kLastYear)));
    }
}

// 调入 and 调出 are the server's, written when the bureau approves a 调动; a school records the rest.
std::optional<Issue> staffChangeChange(const Record &incoming, const Record *current, bool /*deleting*/)
{
    const auto byMove = [](const std::string &kind) { return kind == "01" || kind == "02"; };
    const std::string was = current ? fieldText(*current, "kind") : std::string();
    const std::string kind = byMove(was) ? was : fieldText(incoming, "kind");
    if (!byMove(kind))
        return std::nullopt;  // neither writing nor touching the server's history
    const auto *entry = schema::findCodeTable("staff_change_kind")->byCode(kind);
    return makeIssue(Reason::ByTransferOnly, "kind", entry->zh, entry->en);
}

// 退休, 辞职 and 解聘 take the teacher off the books (staff_status 2, 3, 4).
std::optional<TableRules::Effect> staffChangeEffect(const Record &row)
{
    static const std::pair<const char *, const char *> kStatusOf[] = {{"03", "2"}, {"04", "3"}, {"05", "4"}};
    const std::string kind = fieldText(row, "kind");
    for (const auto &[k, status] : kStatusOf)
        if (kind == k)
            return TableRules::Effect{"staff", fieldText(row, "staff_id"), {{"status", Value{std::string(status)}}}};
    return std::nullopt;
}

} // namespace

const TableRules kGrowthRules{"growth", &growthRecord, nullptr};
const TableRules kStaffChangeRules{"staff_change", &growthRecord, &staffChangeChange, &staffChangeEffect};

} // namespace emis::validate
