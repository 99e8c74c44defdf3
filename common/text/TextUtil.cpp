#include "text/TextUtil.h"

#include <algorithm>

namespace emis::text {
namespace {

bool isBlankAt(std::string_view s, std::size_t i, std::size_t &width)
{
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
        width = 1;
        return true;
    }
    // U+3000 IDEOGRAPHIC SPACE (E3 80 80) and U+00A0 NO-BREAK SPACE (C2 A0).
    if (s.substr(i, 3) == "\xE3\x80\x80") {
        width = 3;
        return true;
    }
    if (s.substr(i, 2) == "\xC2\xA0") {
        width = 2;
        return true;
    }
    return false;
}

} // namespace

std::string_view trim(std::string_view s)
{
    std::size_t w = 0;
    while (!s.empty() && isBlankAt(s, 0, w))
        s.remove_prefix(w);
    while (!s.empty()) {
        if (isBlankAt(s, s.size() - 1, w) && w == 1)
            s.remove_suffix(1);
        else if (s.size() >= 3 && isBlankAt(s, s.size() - 3, w) && w == 3)
            s.remove_suffix(3);
        else if (s.size() >= 2 && isBlankAt(s, s.size() - 2, w) && w == 2)
            s.remove_suffix(2);
        else
            break;
    }
    return s;
}

std::vector<std::string_view> split(std::string_view s, char sep)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            out.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

std::vector<std::string_view> splitLines(std::string_view s)
{
    std::vector<std::string_view> out;
    for (auto line : split(s, '\n')) {
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        out.push_back(line);
    }
    if (!out.empty() && out.back().empty())
        out.pop_back();
    return out;
}

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool isDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string asciiLower(std::string_view s)
{
    std::string out(s);
    for (auto &c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string asciiUpper(std::string_view s)
{
    std::string out(s);
    for (auto &c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string toHalfWidth(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto c0 = static_cast<unsigned char>(s[i]);
        // U+FF01..U+FF5E are EF BC 81..EF BD 9E in UTF-8.
        if (c0 == 0xEF && i + 2 < s.size()) {
            const auto c1 = static_cast<unsigned char>(s[i + 1]);
            const auto c2 = static_cast<unsigned char>(s[i + 2]);
            const unsigned cp = ((c0 & 0x0Fu) << 12) | ((c1 & 0x3Fu) << 6) | (c2 & 0x3Fu);
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                out.push_back(static_cast<char>(cp - 0xFF01 + 0x21));
                i += 3;
                continue;
            }
        }
        out.push_back(s[i]);
        ++i;
    }
    return out;
}

std::size_t utf8Length(std::string_view s)
{
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string clipUtf8(std::string_view s, std::size_t maxBytes)
{
    if (s.size() <= maxBytes)
        return std::string(s);
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
        --cut;
    return std::string(s.substr(0, cut)) + "…";
}

} // namespace emis::text
