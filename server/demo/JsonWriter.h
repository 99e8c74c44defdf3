#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace emis::demo {

// A small JSON writer, enough for aggregates.json: objects, arrays, strings (UTF-8 passed
// through, escapes for quotes, backslashes and control characters), integers, fixed-point
// numbers and booleans. Indented two spaces; a container opened `compact` stays on one line,
// so a list of a thousand small objects remains readable. Keys and order are the caller's, so
// the output is byte-identical for identical input.
class JsonWriter {
public:
    void beginObject(bool compact = false) { open('{', compact); }
    void endObject() { close('}'); }
    void beginArray(bool compact = false) { open('[', compact); }
    void endArray() { close(']'); }
    void key(std::string_view name);

    void value(std::string_view text);
    void value(const char *text) { value(std::string_view(text)); }
    void value(std::int64_t number);
    void value(int number) { value(static_cast<std::int64_t>(number)); }
    void value(std::uint64_t number);
    void value(double number, int decimals);
    void value(bool flag);

    template<class T>
    void field(std::string_view name, const T &v)
    {
        key(name);
        value(v);
    }

    const std::string &text() const { return out_; }

private:
    struct Level {
        bool compact;
        bool empty;
    };
    void open(char bracket, bool compact);
    void close(char bracket);
    void beforeValue();
    void newline();
    void writeString(std::string_view text);

    std::string out_;
    std::vector<Level> levels_;
    bool afterKey_ = false;
};

} // namespace emis::demo
