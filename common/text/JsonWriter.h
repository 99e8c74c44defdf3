#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace emis::text {

// A small streaming JSON writer for the Qt-free side (reports, emisctl --json, the demo county's
// aggregates.json). Commas and indentation are the writer's; the caller opens and closes
// containers in order. Compact output by default; Indented puts one member per line, two spaces
// deep, except inside a container opened `inlined`, which stays on one line so that a list of a
// thousand small objects remains readable. The output is byte-identical for identical calls.
class JsonWriter {
public:
    enum class Style { Compact, Indented };
    explicit JsonWriter(Style style = Style::Compact) : m_style(style) {}

    JsonWriter &beginObject(bool inlined = false) { return open('{', inlined); }
    JsonWriter &endObject() { return close('}'); }
    JsonWriter &beginArray(bool inlined = false) { return open('[', inlined); }
    JsonWriter &endArray() { return close(']'); }
    JsonWriter &key(std::string_view k);
    JsonWriter &value(std::string_view v);
    JsonWriter &value(const char *v) { return value(std::string_view(v)); }
    JsonWriter &value(const std::string &v) { return value(std::string_view(v)); }
    JsonWriter &value(std::int64_t v);
    JsonWriter &value(int v) { return value(static_cast<std::int64_t>(v)); }
    JsonWriter &value(std::uint64_t v);
    JsonWriter &value(double v);               // shortest form that round-trips common figures
    JsonWriter &value(double v, int decimals);  // fixed decimals, e.g. ratios
    JsonWriter &value(bool v);
    JsonWriter &null();
    // key + value in one call
    template <typename T>
    JsonWriter &field(std::string_view k, const T &v)
    {
        key(k);
        return value(v);
    }

    const std::string &str() const { return m_out; }

private:
    struct Level {
        bool inlined;
        bool empty;
    };
    JsonWriter &open(char bracket, bool inlined);
    JsonWriter &close(char bracket);
    void beforeValue();
    void newline();

    Style m_style;
    std::string m_out;
    std::vector<Level> m_levels;
    bool m_afterKey = false;
};

std::string jsonEscape(std::string_view s);  // a JSON string literal, quotes included

} // namespace emis::text
