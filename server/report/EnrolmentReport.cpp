// 在校生统计: pupils in school (在读) counted by one dimension, with sex and stage columns.
#include "report/ReportParts.h"

#include <map>

namespace emis::server::report {
namespace {

struct Dimension {
    const char *key;    // SQL for the row key
    const char *label;  // SQL for the row label (code labels are named in C++)
    const char *zh;
    const char *en;
};

// `oneSchool`: the report is scoped to one school. Without it, classes are told apart by their
// school too (every school has a 一年级1班).
Dimension dimension(std::string_view by, bool oneSchool)
{
    if (by == "county")
        return {"''", "''", "全县", "county"};
    if (by == "township")
        return {"c.township", "c.township", "乡镇", "township"};
    if (by == "school")
        return {"c.code", "c.name", "学校", "school"};
    if (by == "grade")
        return {"CAST(s.grade AS TEXT)", "''", "年级", "grade"};
    if (by == "class" && oneSchool)
        return {"CAST(s.grade AS TEXT) || '/' || s.class_name", "s.class_name", "班级", "class"};
    if (by == "class")
        return {"c.code || '/' || CAST(s.grade AS TEXT) || '/' || s.class_name", "c.name", "班级", "class"};
    if (by == "stage")
        return {"CASE WHEN s.grade <= 6 THEN 'primary' WHEN s.grade <= 9 THEN 'junior' ELSE 'senior' END", "''",
                "学段", "stage"};
    if (by == "sex")
        return {"s.sex", "''", "性别", "sex"};
    return {"s.ethnicity", "''", "民族", "ethnicity"};
}

std::string labelFor(std::string_view by, bool oneSchool, const std::string &key, const std::string &sqlLabel)
{
    if (by == "county")
        return "全县";
    if (by == "grade")
        return gradeName(key.empty() ? 0 : std::stoll(key));
    if (by == "class") {
        // GRADE/CLASS labelled by the class name, or SCHOOL/GRADE/CLASS labelled by the school's.
        const std::string gradeClass = oneSchool ? key : key.substr(key.find('/') + 1);
        const auto slash = gradeClass.find('/');
        const std::string name = gradeName(std::stoll(gradeClass.substr(0, slash))) + gradeClass.substr(slash + 1);
        return oneSchool ? name : sqlLabel + " " + name;
    }
    if (by == "stage") {
        for (std::size_t i = 0; i < kStageKeys.size(); ++i)
            if (key == kStageKeys[i])
                return kStageZh[i];
    }
    if (by == "sex")
        return codeName("sex", key);
    if (by == "ethnicity")
        return key.empty() ? "未填" : codeName("ethnicity", key);
    return sqlLabel;
}

} // namespace

std::string enrolmentReport(StoreSession &s, const Params &params, const Scope &scope, std::string_view by)
{
    const bool oneSchool = !scope.schoolCode.empty();
    const Dimension d = dimension(by, oneSchool);
    const std::string sql =
        std::string("SELECT ") + d.key + ", " + d.label +
        ", SUM(s.pupils), SUM(CASE WHEN s.sex = '1' THEN s.pupils ELSE 0 END),"
        " SUM(CASE WHEN s.sex = '2' THEN s.pupils ELSE 0 END),"
        " SUM(CASE WHEN s.grade BETWEEN 1 AND 6 THEN s.pupils ELSE 0 END),"
        " SUM(CASE WHEN s.grade BETWEEN 7 AND 9 THEN s.pupils ELSE 0 END),"
        " SUM(CASE WHEN s.grade BETWEEN 10 AND 12 THEN s.pupils ELSE 0 END)" +
        kSummaryFrom + " WHERE " + kActivePupils + scopeSql() + " GROUP BY 1, 2 ORDER BY 1, 2";
    const auto rows = s.query(sql, scopeParams(scope));

    text::JsonWriter w;
    beginReport(w, "enrolment", params,
                {{"label", d.zh, d.en},
                 {"total", "合计", "total"},
                 {"male", "男", "male"},
                 {"female", "女", "female"},
                 {"primary", "小学", "primary"},
                 {"junior", "初中", "junior"},
                 {"senior", "高中", "senior"}});
    static constexpr const char *kCounts[] = {"total", "male", "female", "primary", "junior", "senior"};
    std::int64_t totals[6] = {};
    w.key("rows").beginArray();
    for (const auto &r : rows) {
        const std::string key = asText(r[0]);
        w.beginObject().field("key", key).field("label", labelFor(by, oneSchool, key, asText(r[1])));
        for (std::size_t i = 0; i < 6; ++i) {
            const std::int64_t n = asInt(r[i + 2]);
            totals[i] += n;
            w.field(kCounts[i], n);
        }
        w.endObject();
    }
    w.endArray();
    w.key("totals").beginObject();
    for (std::size_t i = 0; i < 6; ++i)
        w.field(kCounts[i], totals[i]);
    w.endObject().endObject();
    return w.str();
}

} // namespace emis::server::report
