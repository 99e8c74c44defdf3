#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace emis {

using Bytes = std::vector<unsigned char>;

// One field's value in its canonical form: Text/Date/YearMonth/Code as UTF-8 text (dates as
// YYYY-MM-DD, months as YYYY-MM), Integer and Bool as integers, Real as double, Blob as bytes.
// std::monostate is SQL NULL.
using Value = std::variant<std::monostate, std::string, std::int64_t, double, Bytes>;

inline bool isNull(const Value &v) { return std::holds_alternative<std::monostate>(v); }

// A human-readable rendering (for messages, exports and CLI output); blobs print their size.
std::string displayText(const Value &v);

} // namespace emis
