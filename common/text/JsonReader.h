#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace emis::text {

// A JSON value as read, for the Qt-free side (emisctl prints reports the server wrote as JSON).
// Numbers keep the text they were written as, so that 15.87 prints as 15.87; objects keep their
// members in order.
struct JsonValue {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    bool boolean = false;
    std::string text;                // a string's value, or a number as written
    std::vector<JsonValue> items;    // an array's items, or an object's values
    std::vector<std::string> keys;   // an object's keys, parallel to items

    const JsonValue *find(std::string_view key) const;  // an object's member, or nullptr
    bool isNumber() const { return kind == Kind::Number; }
};

// The document, or nullopt when it is not JSON (or nests deeper than 64 levels).
std::optional<JsonValue> parseJson(std::string_view text);

} // namespace emis::text
