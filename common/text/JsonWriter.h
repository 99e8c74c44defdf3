#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace emis::text {

// A small streaming JSON writer for the server side (reports, emisctl --json), which has no Qt.
// Commas are placed by the writer; the caller opens and closes objects and arrays in order.
class JsonWriter {
public:
    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(std::string_view k);
    JsonWriter &value(std::string_view v);
    JsonWriter &value(const char *v) { return value(std::string_view(v)); }
    JsonWriter &value(std::int64_t v);
    JsonWriter &value(int v) { return value(static_cast<std::int64_t>(v)); }
    JsonWriter &value(double v);
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
    void separate();
    std::string m_out;
    std::vector<bool> m_first;  // per open container: nothing written in it yet
    bool m_afterKey = false;
};

std::string jsonEscape(std::string_view s);

} // namespace emis::text
