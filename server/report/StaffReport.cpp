// 教职工统计: staff on the books by 岗位类别, by sex, and full-time teachers (专任教师) by the
// stage they teach, by township, by school or by post category.
#include "report/ReportParts.h"

namespace emis::server::report {
namespace {

struct Dimension {
    const char *key;
    const char *label;
    const char *zh;
};

Dimension dimension(std::string_view by)
{
    if (by == "township")
        return {"c.township", "c.township", "乡镇"};
    if (by == "school")
        return {"c.code", "c.name", "学校"};
    if (by == "post")
        return {"COALESCE(t.post_category, '')", "''", "岗位类别"};
    return {"''", "'全县'", "全县"};
}

} // namespace

std::string staffReport(StoreSession &s, const Params &params, const Scope &scope, std::string_view by)
{
    const Dimension d = dimension(by);
    const std::string sql =
        std::string("SELECT ") + d.key + ", " + d.label +
        ", COUNT(*), SUM(CASE WHEN t.sex = '1' THEN 1 ELSE 0 END), SUM(CASE WHEN t.sex = '2' THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN t.post_category = '1' AND t.teaching_stage = '1' THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN t.post_category = '1' AND t.teaching_stage = '2' THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN t.post_category = '1' AND t.teaching_stage = '3' THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN t.post_category = '1' THEN 1 ELSE 0 END)"
        " FROM staff t JOIN schools c ON c.id = t.school_id WHERE t.deleted = 0 AND c.deleted = 0 AND" + kOnTheBooks +
        scopeSql(false) + " GROUP BY 1, 2 ORDER BY 1";
    static constexpr const char *kCounts[] = {"total", "male", "female", "teachers_primary", "teachers_junior",
                                              "teachers_senior", "full_time_teachers"};
    constexpr std::size_t kN = std::size(kCounts);

    text::JsonWriter w;
    beginReport(w, "staff", params,
                {{"label", d.zh, by.data()},
                 {"total", "教职工", "staff"},
                 {"male", "男", "male"},
                 {"female", "女", "female"},
                 {"full_time_teachers", "专任教师", "full-time teachers"},
                 {"teachers_primary", "专任教师(小学)", "teaching primary"},
                 {"teachers_junior", "专任教师(初中)", "teaching junior secondary"},
                 {"teachers_senior", "专任教师(高中)", "teaching senior secondary"}});
    std::int64_t totals[kN] = {};
    w.key("rows").beginArray();
    for (const auto &r : s.query(sql, scopeParams(scope, false))) {
        const std::string key = asText(r[0]);
        const std::string label = by == "post" ? (key.empty() ? "未填" : codeName("post_category", key)) : asText(r[1]);
        w.beginObject().field("key", key).field("label", label);
        for (std::size_t i = 0; i < kN; ++i) {
            totals[i] += asInt(r[i + 2]);
            w.field(kCounts[i], asInt(r[i + 2]));
        }
        w.endObject();
    }
    w.endArray();
    w.key("totals").beginObject();
    for (std::size_t i = 0; i < kN; ++i)
        w.field(kCounts[i], totals[i]);
    w.endObject().endObject();
    return w.str();
}

} // namespace emis::server::report
