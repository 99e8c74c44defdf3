#pragma once

#include <string>
#include <string_view>

namespace emis::text {

// A report (the JSON document runReport returns) as a table a person reads at a terminal: the
// title, the columns under their Chinese titles, aligned (a Chinese character is two columns
// wide), a 合计 line from the totals, and what else the totals hold. Rows whose key differs from
// their label (a school's code) show it, for passing back to drill down. Empty when `json` is
// not a report.
std::string reportTable(std::string_view json);

// Columns a string takes at a terminal: two for East Asian wide characters, one otherwise.
std::size_t displayWidth(std::string_view utf8);

} // namespace emis::text
