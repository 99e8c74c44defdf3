#pragma once

#include <string>
#include <string_view>
#include <vector>

// Small UTF-8-safe string helpers shared by the schema, validation and both ends.
namespace emis::text {

std::string_view trim(std::string_view s);  // ASCII blanks and the ideographic space U+3000
std::vector<std::string_view> split(std::string_view s, char sep);
std::vector<std::string_view> splitLines(std::string_view s);  // LF or CRLF
bool startsWith(std::string_view s, std::string_view prefix);
bool endsWith(std::string_view s, std::string_view suffix);
bool isDigits(std::string_view s);  // non-empty and ASCII digits only
std::string asciiLower(std::string_view s);
std::string asciiUpper(std::string_view s);
// Full-width ASCII (Ｕ+FF01..FF5E) to half-width, as clerks' IME input often carries it.
std::string toHalfWidth(std::string_view s);
std::size_t utf8Length(std::string_view s);  // code points
// At most `maxBytes` bytes of `s`, cut before a code point, with "…" when something was cut off:
// for echoing text that came from outside (a device's field name) into a message or a log.
std::string clipUtf8(std::string_view s, std::size_t maxBytes);

} // namespace emis::text
