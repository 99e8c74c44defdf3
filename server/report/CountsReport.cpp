#include "report/CountsReport.h"

#include "schema/CodeTables.h"

namespace emis::server::report {

Grouping groupBy(std::string_view by)
{
    if (by == "township")
        return {"c.township", "c.township", "乡镇", "township"};
    if (by == "school")
        return {"c.code", "c.name", "学校", "school"};
    return {"''", "'全县'", "全县", "county"};
}

std::string countsReport(StoreSession &s, std::string_view name, const Params &params, const Scope &scope,
                         const Grouping &group, const std::vector<SumColumn> &columns, const std::string &from,
                         std::vector<Value> bind)
{
    std::string sql = "SELECT " + group.key + ", " + group.label;
    for (const auto &c : columns)
        sql += ", " + (c.ratioOf >= 0 ? std::string("0") : "COALESCE(SUM(" + c.sql + "), 0)");
    sql += " " + from + scopeSql(false) + " GROUP BY 1, 2 ORDER BY 1";
    for (auto &p : scopeParams(scope, false))
        bind.push_back(std::move(p));

    std::vector<Column> heads = {{"label", group.zh.c_str(), group.by.c_str()}};
    for (const auto &c : columns)
        heads.push_back({c.key.c_str(), c.zh.c_str(), c.en.c_str()});
    text::JsonWriter w;
    beginReport(w, name, params, heads);
    std::vector<double> totals(columns.size(), 0.0);
    const auto ratios = [&](std::vector<double> &v) {
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (const auto &c = columns[i]; c.ratioOf >= 0) {
                const double over = v[static_cast<std::size_t>(c.ratioOver)];
                v[i] = over == 0 ? 0 : v[static_cast<std::size_t>(c.ratioOf)] / over * c.scale;
            }
    };
    const auto number = [&](std::size_t i, double v) {
        if (columns[i].decimals)
            w.key(columns[i].key).value(v, columns[i].decimals);
        else
            w.field(columns[i].key, static_cast<std::int64_t>(v));
    };
    w.key("rows").beginArray();
    for (const auto &r : s.query(sql, bind)) {
        w.beginObject().field("key", asText(r[0])).field("label", asText(r[1]));
        std::vector<double> v(columns.size());
        for (std::size_t i = 0; i < columns.size(); ++i) {
            v[i] = asReal(r[i + 2]);
            totals[i] += v[i];
        }
        ratios(v);
        for (std::size_t i = 0; i < columns.size(); ++i)
            number(i, v[i]);
        w.endObject();
    }
    w.endArray();
    ratios(totals);
    w.key("totals").beginObject();
    for (std::size_t i = 0; i < columns.size(); ++i)
        number(i, totals[i]);
    w.endObject().endObject();
    return w.str();
}

std::vector<SumColumn> codeColumns(const char *codeTable, const std::string &prefix, const std::string &column,
                                   const std::string &noneZh)
{
    std::vector<SumColumn> out;
    std::string all;
    for (const auto &e : schema::findCodeTable(codeTable)->entries) {
        out.push_back({prefix + "_" + e.code, e.zh, e.en, "CASE WHEN " + column + " = '" + e.code + "' THEN 1 ELSE 0 END"});
        all += (all.empty() ? "'" : ", '") + e.code + "'";
    }
    out.push_back({prefix + "_none", noneZh, "none given",
                   "CASE WHEN COALESCE(" + column + ", '') NOT IN (" + all + ") THEN 1 ELSE 0 END"});
    return out;
}

} // namespace emis::server::report
