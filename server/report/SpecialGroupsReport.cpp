// 特殊群体学生: 留守儿童, 随迁子女, 建档立卡, 寄宿 among the pupils in school.
#include "report/ReportParts.h"

namespace emis::server::report {

std::string specialGroupsReport(StoreSession &s, const Params &params, const Scope &scope, std::string_view by)
{
    const char *key = by == "township" ? "c.township" : by == "school" ? "c.code" : "''";
    const char *label = by == "township" ? "c.township" : by == "school" ? "c.name" : "'全县'";
    const std::string sql = std::string("SELECT ") + key + ", " + label +
                            ", SUM(s.pupils), SUM(s.left_behind), SUM(s.migrant), SUM(s.poverty_registered),"
                            " SUM(s.boarding)" +
                            kSummaryFrom + " WHERE " + kActivePupils + scopeSql() + " GROUP BY 1, 2 ORDER BY 1";
    static constexpr const char *kKeys[] = {"pupils", "left_behind", "migrant", "poverty_registered", "boarding"};

    text::JsonWriter w;
    beginReport(w, "special_groups", params,
                {{"label", by == "township" ? "乡镇" : by == "school" ? "学校" : "全县", by.data()},
                 {"pupils", "在校生", "pupils"},
                 {"left_behind", "留守儿童", "left-behind children"},
                 {"migrant", "随迁子女", "migrant children"},
                 {"poverty_registered", "建档立卡", "registered poor households"},
                 {"boarding", "寄宿生", "boarders"}});
    std::int64_t totals[5] = {};
    w.key("rows").beginArray();
    for (const auto &r : s.query(sql, scopeParams(scope))) {
        w.beginObject().field("key", asText(r[0])).field("label", asText(r[1]));
        for (std::size_t i = 0; i < 5; ++i) {
            totals[i] += asInt(r[i + 2]);
            w.field(kKeys[i], asInt(r[i + 2]));
        }
        w.endObject();
    }
    w.endArray();
    w.key("totals").beginObject();
    for (std::size_t i = 0; i < 5; ++i)
        w.field(kKeys[i], totals[i]);
    w.endObject().endObject();
    return w.str();
}

} // namespace emis::server::report
