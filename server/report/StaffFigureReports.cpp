// The 人事股's reports: staff_structure (年龄、职称、学历、编制、骨干), staff_training (学时 in the
// five-year cycle against 360), staff_honours (by level and year) and staff_assessment (年度 and
// 师德 results, the IT skills test not yet passed). Groups come from schema/StaffFigures.h.
// Person-level rows (the teachers short of 360 学时) are for the roles that read staff files.
#include "report/CountsReport.h"

#include "schema/CodeTables.h"
#include "schema/StaffFigures.h"
#include "text/TextUtil.h"

#include <algorithm>
#include <optional>

namespace emis::server::report {
namespace {

namespace sf = schema::staff_figures;

std::string quoted(const std::string &s) { return "'" + s + "'"; }  // digits and '-' only

std::vector<SumColumn> levelColumns(const std::string &column, const auto &levels, const char *unknownKey,
                                    const char *unknownZh)
{
    std::vector<SumColumn> out;
    std::vector<std::string> keys;
    std::string all;
    for (const auto &l : levels) {
        all += std::string(all.empty() ? "'" : ", '") + l.first + "'";
        if (std::find(keys.begin(), keys.end(), l.key) != keys.end())
            continue;
        keys.push_back(l.key);
        std::string firsts;
        for (const auto &m : levels)
            if (std::string_view(m.key) == l.key)
                firsts += std::string(firsts.empty() ? "'" : ", '") + m.first + "'";
        out.push_back({l.key, l.zh, l.key, "CASE WHEN substr(" + column + ", 1, 1) IN (" + firsts + ") THEN 1 ELSE 0 END"});
    }
    out.push_back({unknownKey, unknownZh, unknownKey,
                   "CASE WHEN COALESCE(substr(" + column + ", 1, 1), '') NOT IN (" + all + ") THEN 1 ELSE 0 END"});
    return out;
}

void append(std::vector<SumColumn> &to, std::vector<SumColumn> more)
{
    for (auto &c : more)
        to.push_back(std::move(c));
}

} // namespace

std::variant<std::string, Issue> staffStructureReport(StoreSession &s, const Params &params, const Scope &scope,
                                                      std::string_view by)
{
    const auto day = dateParam(params, "on", today());
    if (!day)
        return makeIssue(Reason::BadRequest, {}, {}, {}, "on=" + params.at("on"));
    const std::string &on = *day;
    // Each one's age on the day, worked out once per row (LIMIT -1 keeps it from being copied
    // into every band's column).
    const std::string from =
        " FROM (SELECT t.*, CAST(substr(" + quoted(on) + ", 1, 4) AS INTEGER) - CAST(substr(t.birth_date, 1, 4) AS INTEGER)"
        " - (substr(" + quoted(on) + ", 6) < substr(t.birth_date, 6)) AS age FROM staff t WHERE t.deleted = 0 AND" + kOnTheBooks + "LIMIT -1) t"
        " JOIN schools c ON c.id = t.school_id WHERE c.deleted = 0 ";
    const std::string age = "t.age";
    std::vector<SumColumn> columns = {
        {"total", "教职工", "staff", "1"},
        {"male", "男", "male", "CASE WHEN t.sex = '1' THEN 1 ELSE 0 END"},
        {"female", "女", "female", "CASE WHEN t.sex = '2' THEN 1 ELSE 0 END"},
    };
    for (const auto &band : sf::kAgeBands)
        columns.push_back({band.key, band.zh, band.key,
                           "CASE WHEN t.birth_date IS NOT NULL AND " + age + " >= " + std::to_string(band.min) +
                               (band.max ? " AND " + age + " <= " + std::to_string(band.max) : std::string()) +
                               " THEN 1 ELSE 0 END"});
    append(columns, levelColumns("t.title", sf::kTitleLevels, "title_unknown", "职称未填"));
    append(columns, levelColumns("t.education", sf::kEducationLevels, "education_unknown", "学历未填"));
    append(columns, codeColumns("staffing", "staffing", "t.staffing", "编制未填"));
    append(columns, codeColumns("backbone", "backbone", "t.backbone", "非骨干"));
    return countsReport(s, "staff_structure", params, scope, groupBy(by), columns, from);
}

std::variant<std::string, Issue> staffTrainingReport(StoreSession &s, const Params &params, const Scope &scope,
                                                     std::string_view by, bool personRows)
{
    const auto year = yearParam(params, "cycle", sf::cycleStart(thisYear()));
    if (!year || sf::cycleStart(*year) != *year)
        return makeIssue(Reason::BadRequest, {}, {}, {}, "cycle= (the first year of a cycle: 2021, 2026, ...)");
    const std::string first = std::to_string(*year) + "-01-01";
    const std::string last = std::to_string(*year + sf::kCycleYears - 1) + "-12-31";
    // Each 专任教师's 学时 in the cycle, by the day the course began: one look into the covering
    // index (staff_id, start_date, hours, deleted) per teacher, taken once (LIMIT -1 keeps SQLite
    // from copying the subquery into every column that reads it).
    const std::string from =
        " FROM (SELECT t.id, t.school_id, t.staff_no, t.name, (SELECT SUM(x.hours) FROM staff_training x"
        " WHERE x.staff_id = t.id AND x.deleted = 0 AND x.start_date >= ? AND x.start_date <= ?) AS hours"
        " FROM staff t WHERE t.deleted = 0 AND t.post_category = '1' AND" + kOnTheBooks + "LIMIT -1) h"
        " JOIN schools c ON c.id = h.school_id WHERE c.deleted = 0 ";
    const std::string target = std::to_string(sf::kCycleHours);
    if (personRows) {
        auto it = params.find("list");
        if (it != params.end() && it->second == "short") {
            text::JsonWriter w;
            beginReport(w, "staff_training", params,
                        {{"school", "学校", "school"}, {"staff_no", "工号", "staff number"}, {"name", "姓名", "name"},
                         {"hours", "周期内学时", "hours in the cycle"}, {"missing", "尚缺学时", "hours missing"}});
            std::vector<Value> bind = {first, last};
            for (auto &p : scopeParams(scope, false))
                bind.push_back(std::move(p));
            w.key("rows").beginArray();
            for (const auto &r : s.query("SELECT c.code, c.name, h.staff_no, h.name, COALESCE(h.hours, 0)" + from +
                                             scopeSql(false) + " AND COALESCE(h.hours, 0) < " + target +
                                             " ORDER BY c.code, 5, h.name",
                                         bind)) {
                const double hours = asReal(r[4]);
                w.beginObject().field("key", asText(r[0])).field("school", asText(r[1])).field("staff_no", asText(r[2]));
                w.field("name", asText(r[3])).key("hours").value(hours, 1);
                w.key("missing").value(sf::kCycleHours - hours, 1).endObject();
            }
            w.endArray().endObject();
            return w.str();
        }
    }
    if (auto it = params.find("list"); it != params.end() && !it->second.empty())
        return makeIssue(personRows ? Reason::BadRequest : Reason::NotAllowed, {}, {}, {}, "list=" + it->second);
    std::vector<SumColumn> columns = {
        {"teachers", "专任教师", "full-time teachers", "1"},
        {"hours", "周期内学时", "hours in the cycle", "COALESCE(h.hours, 0)", 1},
        {"hours_per_teacher", "人均学时", "hours per teacher", "", 1, 1, 0},
        {"short_of_360", "未满360学时", "short of 360 hours", "CASE WHEN COALESCE(h.hours, 0) < " + target + " THEN 1 ELSE 0 END"},
        {"short_rate", "未达标率（%）", "short (%)", "", 1, 3, 0, 100},
    };
    return countsReport(s, "staff_training", params, scope, groupBy(by), columns, from, {first, last});
}

std::variant<std::string, Issue> staffHonoursReport(StoreSession &s, const Params &params, const Scope &scope,
                                                    std::string_view by)
{
    const auto year = yearParam(params, "year", 0);
    if (!year)
        return makeIssue(Reason::BadRequest, {}, {}, {}, "year=" + params.at("year"));
    Grouping group = by == "year" ? Grouping{"substr(x.award_date, 1, 4)", "substr(x.award_date, 1, 4)", "年度", "year"}
                                  : groupBy(by);
    std::vector<SumColumn> columns = {{"total", "荣誉", "honours", "1"}};
    for (auto &c : codeColumns("award_level", "level", "x.level", "级别未填"))
        columns.push_back(std::move(c));
    const std::string from = " FROM staff_honours x JOIN staff t ON t.id = x.staff_id JOIN schools c ON c.id = t.school_id"
                             " WHERE x.deleted = 0 AND t.deleted = 0 AND c.deleted = 0 AND (? = 0 OR substr(x.award_date, 1, 4) = ?) ";
    const std::string y = std::to_string(*year);
    return countsReport(s, "staff_honours", params, scope, group, columns, from,
                        {std::int64_t{*year}, y});
}

std::variant<std::string, Issue> staffAssessmentReport(StoreSession &s, const Params &params, const Scope &scope,
                                                       std::string_view by)
{
    const auto year = yearParam(params, "year", thisYear() - 1);
    if (!year)
        return makeIssue(Reason::BadRequest, {}, {}, {}, "year=" + params.at("year"));
    std::vector<SumColumn> columns = {{"staff", "教职工", "staff", "1"}};
    append(columns, codeColumns("assessment_result", "annual", "a.result", "年度考核未录入"));
    append(columns, codeColumns("assessment_result", "ethics", "e.result", "师德考核未录入"));
    for (auto &c : columns) {
        if (c.key.ends_with("_none"))
            continue;
        if (c.key.starts_with("annual_"))
            c.zh = "年度考核" + c.zh;
        else if (c.key.starts_with("ethics_"))
            c.zh = "师德考核" + c.zh;
    }
    columns.push_back({"it_not_passed", "信息技术能力测评未通过", "IT skills test not passed",
                       "CASE WHEN t.post_category = '1' AND NOT EXISTS (SELECT 1 FROM staff_it_tests x WHERE x.staff_id = t.id"
                       " AND x.deleted = 0 AND x.result = '1') THEN 1 ELSE 0 END"});
    const std::string from =
        " FROM staff t JOIN schools c ON c.id = t.school_id"
        " LEFT JOIN staff_assessments a ON a.staff_id = t.id AND a.deleted = 0 AND a.kind = '1' AND a.year = ?"
        " LEFT JOIN staff_assessments e ON e.staff_id = t.id AND e.deleted = 0 AND e.kind = '2' AND e.year = ?"
        " WHERE t.deleted = 0 AND c.deleted = 0 AND" + kOnTheBooks;
    return countsReport(s, "staff_assessment", params, scope, groupBy(by), columns, from,
                        {std::int64_t{*year}, std::int64_t{*year}});
}

} // namespace emis::server::report
