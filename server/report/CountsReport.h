#pragma once

// A report of counts by group (county, township, school, or any SQL key): each column an SQL
// expression summed over the group's rows. The 人事 reports are written with it.
#include "report/ReportParts.h"

#include <string>
#include <vector>

namespace emis::server::report {

struct SumColumn {
    std::string key, zh, en;
    std::string sql;  // summed per group: "CASE WHEN t.sex = '1' THEN 1 ELSE 0 END", "h.hours"
    int decimals = 0; // 0: a whole count
    // A ratio of two earlier columns instead of a sum (人均学时, 达标率): columns[ratioOf] /
    // columns[ratioOver] * scale, 0 when the latter is 0; `sql` is then unused.
    int ratioOf = -1, ratioOver = -1;
    double scale = 1;
};

struct Grouping {
    std::string key;    // SQL of the row's key
    std::string label;  // SQL of its label
    std::string zh;     // the label column's heading
    std::string by;
};

// county | township | school over `schools c`.
Grouping groupBy(std::string_view by);

// SELECT key, label, SUM(column)... `from` (with its WHERE, which the scope's " AND ..." follows),
// grouped and ordered by key. `bind` are the parameters `from` uses, before the scope's. Rows,
// then "totals" summing every row.
std::string countsReport(StoreSession &s, std::string_view name, const Params &params, const Scope &scope,
                         const Grouping &group, const std::vector<SumColumn> &columns, const std::string &from,
                         std::vector<Value> bind = {});

// One column per code of `codeTable` ("<prefix>_<code>", named by the code's name) counting rows
// whose `column` holds it, and "<prefix>_none" for rows with none of them.
std::vector<SumColumn> codeColumns(const char *codeTable, const std::string &prefix, const std::string &column,
                                   const std::string &noneZh);

} // namespace emis::server::report
