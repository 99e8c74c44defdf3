#include "JsonWriter.h"

#include <cstdio>

namespace emis::demo {

void JsonWriter::newline()
{
    out_ += '\n';
    out_.append(levels_.size() * 2, ' ');
}

void JsonWriter::beforeValue()
{
    if (afterKey_) {
        afterKey_ = false;
        return;
    }
    if (levels_.empty())
        return;
    Level &l = levels_.back();
    if (!l.empty)
        out_ += l.compact ? ", " : ",";
    if (!l.compact)
        newline();
    l.empty = false;
}

void JsonWriter::open(char bracket, bool compact)
{
    beforeValue();
    out_ += bracket;
    // Inside a compact container everything is compact.
    levels_.push_back({compact || (!levels_.empty() && levels_.back().compact), true});
}

void JsonWriter::close(char bracket)
{
    const Level l = levels_.back();
    levels_.pop_back();
    if (!l.compact && !l.empty)
        newline();
    out_ += bracket;
    if (levels_.empty())
        out_ += '\n';
}

void JsonWriter::key(std::string_view name)
{
    beforeValue();
    writeString(name);
    out_ += ": ";
    afterKey_ = true;
}

void JsonWriter::value(std::string_view text)
{
    beforeValue();
    writeString(text);
}

void JsonWriter::writeString(std::string_view text)
{
    out_ += '"';
    for (char c : text) {
        switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char esc[8];
                std::snprintf(esc, sizeof esc, "\\u%04x", static_cast<unsigned>(c));
                out_ += esc;
            } else {
                out_ += c;
            }
        }
    }
    out_ += '"';
}

void JsonWriter::value(std::int64_t number)
{
    beforeValue();
    out_ += std::to_string(number);
}

void JsonWriter::value(std::uint64_t number)
{
    beforeValue();
    out_ += std::to_string(number);
}

void JsonWriter::value(double number, int decimals)
{
    beforeValue();
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, number);
    out_ += buf;
}

void JsonWriter::value(bool flag)
{
    beforeValue();
    out_ += flag ? "true" : "false";
}

} // namespace emis::demo
