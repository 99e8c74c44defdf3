#include "report/ReportParts.h"

#include "schema/CodeTables.h"
#include "schema/Schema.h"
#include "text/TextUtil.h"

#include <cmath>
#include <ctime>

namespace emis::server::report {

std::variant<Scope, Issue> scopeFrom(const Params &params)
{
    Scope scope;
    if (auto it = params.find("township"); it != params.end())
        scope.township = it->second;
    if (auto it = params.find("school"); it != params.end())
        scope.schoolCode = it->second;
    if (auto it = params.find("grade"); it != params.end() && !it->second.empty()) {
        const auto *grades = schema::findCodeTable("grade");
        const auto code = grades->normalize(it->second);
        if (!code)
            return makeIssue(Reason::BadRequest, {}, {}, {}, "grade=" + it->second);
        scope.grade = std::stoll(*code);
    }
    if (auto it = params.find("class"); it != params.end() && !it->second.empty()) {
        // A class name alone would mix the 1班 of every grade and school: one class needs both.
        if (scope.grade == 0 || scope.schoolCode.empty())
            return makeIssue(Reason::BadRequest, {}, {}, {}, "class= needs school= and grade=");
        scope.className = it->second;
    }
    return scope;
}

std::string scopeSql(bool withGrade)
{
    std::string sql = " AND (? = '' OR c.township = ?) AND (? = '' OR c.code = ?) ";
    if (withGrade)
        sql += " AND (? = 0 OR s.grade = ?) AND (? = '' OR s.class_name = ?) ";
    return sql;
}

std::vector<Value> scopeParams(const Scope &scope, bool withGrade)
{
    std::vector<Value> p = {scope.township, scope.township, scope.schoolCode, scope.schoolCode};
    if (withGrade) {
        p.emplace_back(scope.grade);
        p.emplace_back(scope.grade);
        p.emplace_back(scope.className);
        p.emplace_back(scope.className);
    }
    return p;
}

int stageOfGrade(std::int64_t grade)
{
    if (grade >= 1 && grade <= 6)
        return 0;
    if (grade >= 7 && grade <= 9)
        return 1;
    if (grade >= 10 && grade <= 12)
        return 2;
    return -1;
}

std::int64_t asInt(const Value &v)
{
    if (const auto *i = std::get_if<std::int64_t>(&v))
        return *i;
    if (const auto *d = std::get_if<double>(&v))
        return static_cast<std::int64_t>(*d);
    if (const auto *s = std::get_if<std::string>(&v))
        return s->empty() ? 0 : std::stoll(*s);
    return 0;
}

double asReal(const Value &v)
{
    if (const auto *d = std::get_if<double>(&v))
        return *d;
    return static_cast<double>(asInt(v));
}

std::string asText(const Value &v) { return displayText(v); }

std::string gradeName(std::int64_t grade) { return codeName("grade", std::to_string(grade)); }

std::string codeName(const char *codeTable, const std::string &code)
{
    const auto *t = schema::findCodeTable(codeTable);
    return t ? t->nameOf(code) : code;
}

void beginReport(text::JsonWriter &w, std::string_view name, const Params &params, const std::vector<Column> &columns)
{
    w.beginObject().field("report", name);
    for (const auto &info : reports())
        if (info.name == name)
            w.field("title_zh", info.titleZh).field("title_en", info.titleEn);
    w.key("params").beginObject();
    for (const auto &[k, v] : params)
        w.field(k, v);
    w.endObject();
    w.key("columns").beginArray();
    for (const auto &c : columns)
        w.beginObject().field("key", c.key).field("zh", c.zh).field("en", c.en).endObject();
    w.endArray();
}

std::string param(const Params &params, std::string_view key, std::string_view fallback)
{
    auto it = params.find(key);
    return it == params.end() || it->second.empty() ? std::string(fallback) : it->second;
}

std::optional<std::string> dateParam(const Params &params, std::string_view key, const std::string &fallback)
{
    const std::string v = param(params, key, fallback);
    if (v.size() != 10 || !text::isDigits(v.substr(0, 4)) || v[4] != '-' || !text::isDigits(v.substr(5, 2)) ||
        v[7] != '-' || !text::isDigits(v.substr(8, 2)))
        return std::nullopt;
    return v;
}

std::optional<int> yearParam(const Params &params, std::string_view key, int fallback)
{
    const std::string v = param(params, key);
    if (v.empty())
        return fallback;
    if (v.size() != 4 || !text::isDigits(v))
        return std::nullopt;
    return std::stoi(v);
}

std::string today()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char out[16];
    std::strftime(out, sizeof out, "%Y-%m-%d", &tm);
    return out;
}

int thisYear() { return std::stoi(today().substr(0, 4)); }

double ratio(std::int64_t a, std::int64_t b)
{
    if (b == 0)
        return 0.0;
    return std::round(static_cast<double>(a) / static_cast<double>(b) * 100.0) / 100.0;
}

} // namespace emis::server::report
