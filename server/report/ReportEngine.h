#pragma once

#include "validate/Reason.h"

#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace emis::server {
class StoreSession;
}

namespace emis::server::report {

using Params = std::map<std::string, std::string, std::less<>>;

struct ReportInfo {
    std::string name;
    std::string titleZh;
    std::string titleEn;
    std::string parameters;  // what it takes, for `emisctl report --help` and the bureau program
};

// Every county report. They run on the server's authoritative store, on a read snapshot.
const std::vector<ReportInfo> &reports();

// The report as a JSON document:
//   {"report": NAME, "title_zh": ..., "title_en": ..., "params": {...},
//    "columns": [{"key": ..., "zh": ..., "en": ...}, ...],
//    "rows": [{"key": ..., "label": ..., <column key>: value, ...}, ...],
//    "totals": {<column key>: value, ...}}
// Rows carry a "key" the caller passes back as a parameter to drill one level down
// (county → township → school → grade → class). An unknown report or a bad parameter is an issue.
// `role` is the reader's (schema/Roles.h): person-level rows of staff files only for the roles
// that read them.
std::variant<std::string, Issue> runReport(StoreSession &session, std::string_view name, const Params &params,
                                           std::string_view role);

} // namespace emis::server::report
