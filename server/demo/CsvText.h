#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace emis::demo {

// CSV as Excel on a Chinese Windows reads it without asking: UTF-8 with a byte order mark,
// comma-separated, CRLF line ends, RFC 4180 quoting where a value needs it.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string csvField(std::string_view value);
void appendCsvLine(std::string &out, const std::vector<std::string> &cells);

} // namespace emis::demo
