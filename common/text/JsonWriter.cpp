#include "text/JsonWriter.h"

#include <cmath>
#include <cstdio>

namespace emis::text {

std::string jsonEscape(std::string_view s)
{
    std::string out;
    out.reserve(s.size() + 2);
    out.push_back('"');
    for (const char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                out += buf;
            } else {
                out.push_back(c);  // UTF-8 passes through
            }
        }
    }
    out.push_back('"');
    return out;
}

void JsonWriter::newline()
{
    m_out.push_back('\n');
    m_out.append(m_levels.size() * 2, ' ');
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.empty())
        return;
    Level &l = m_levels.back();
    const bool oneLine = m_style == Style::Compact || l.inlined;
    if (!l.empty)
        m_out += oneLine && m_style == Style::Indented ? ", " : ",";
    if (!oneLine)
        newline();
    l.empty = false;
}

JsonWriter &JsonWriter::open(char bracket, bool inlined)
{
    beforeValue();
    m_out.push_back(bracket);
    // Inside an inlined container everything stays on the line.
    m_levels.push_back({inlined || (!m_levels.empty() && m_levels.back().inlined), true});
    return *this;
}

JsonWriter &JsonWriter::close(char bracket)
{
    const Level l = m_levels.back();
    m_levels.pop_back();
    if (m_style == Style::Indented && !l.inlined && !l.empty)
        newline();
    m_out.push_back(bracket);
    if (m_style == Style::Indented && m_levels.empty())
        m_out.push_back('\n');
    return *this;
}

JsonWriter &JsonWriter::key(std::string_view k)
{
    beforeValue();
    m_out += jsonEscape(k);
    m_out += m_style == Style::Indented ? ": " : ":";
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::value(std::string_view v)
{
    beforeValue();
    m_out += jsonEscape(v);
    return *this;
}

JsonWriter &JsonWriter::value(std::int64_t v)
{
    beforeValue();
    m_out += std::to_string(v);
    return *this;
}

JsonWriter &JsonWriter::value(std::uint64_t v)
{
    beforeValue();
    m_out += std::to_string(v);
    return *this;
}

JsonWriter &JsonWriter::value(double v)
{
    beforeValue();
    if (!std::isfinite(v)) {
        m_out += "null";
        return *this;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    m_out += buf;
    return *this;
}

JsonWriter &JsonWriter::value(double v, int decimals)
{
    beforeValue();
    if (!std::isfinite(v)) {
        m_out += "null";
        return *this;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    m_out += buf;
    return *this;
}

JsonWriter &JsonWriter::value(bool v)
{
    beforeValue();
    m_out += v ? "true" : "false";
    return *this;
}

JsonWriter &JsonWriter::null()
{
    beforeValue();
    m_out += "null";
    return *this;
}

} // namespace emis::text
