#include "text/JsonReader.h"

#include <cstdint>

namespace emis::text {
namespace {

class Parser {
public:
    explicit Parser(std::string_view s) : m_s(s) {}

    bool document(JsonValue &out)
    {
        if (!value(out, 0))
            return false;
        blanks();
        return m_pos == m_s.size();
    }

private:
    static constexpr int kMaxDepth = 64;

    void blanks()
    {
        while (m_pos < m_s.size() && (m_s[m_pos] == ' ' || m_s[m_pos] == '\t' || m_s[m_pos] == '\n' || m_s[m_pos] == '\r'))
            ++m_pos;
    }
    bool eat(char c)
    {
        blanks();
        if (m_pos < m_s.size() && m_s[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool word(std::string_view w)
    {
        if (m_s.substr(m_pos, w.size()) != w)
            return false;
        m_pos += w.size();
        return true;
    }

    bool value(JsonValue &out, int depth)
    {
        if (depth > kMaxDepth)
            return false;
        blanks();
        if (m_pos >= m_s.size())
            return false;
        const char c = m_s[m_pos];
        if (c == '{')
            return object(out, depth);
        if (c == '[')
            return array(out, depth);
        if (c == '"') {
            out.kind = JsonValue::Kind::String;
            return string(out.text);
        }
        if (word("true") || word("false")) {
            out.kind = JsonValue::Kind::Bool;
            out.boolean = c == 't';
            return true;
        }
        if (word("null")) {
            out.kind = JsonValue::Kind::Null;
            return true;
        }
        return number(out);
    }

    bool object(JsonValue &out, int depth)
    {
        out.kind = JsonValue::Kind::Object;
        ++m_pos;
        if (eat('}'))
            return true;
        do {
            blanks();
            std::string key;
            if (m_pos >= m_s.size() || m_s[m_pos] != '"' || !string(key) || !eat(':'))
                return false;
            out.keys.push_back(std::move(key));
            out.items.emplace_back();
            if (!value(out.items.back(), depth + 1))
                return false;
        } while (eat(','));
        return eat('}');
    }

    bool array(JsonValue &out, int depth)
    {
        out.kind = JsonValue::Kind::Array;
        ++m_pos;
        if (eat(']'))
            return true;
        do {
            out.items.emplace_back();
            if (!value(out.items.back(), depth + 1))
                return false;
        } while (eat(','));
        return eat(']');
    }

    bool number(JsonValue &out)
    {
        const std::size_t start = m_pos;
        const auto digits = [&] {
            const std::size_t from = m_pos;
            while (m_pos < m_s.size() && m_s[m_pos] >= '0' && m_s[m_pos] <= '9')
                ++m_pos;
            return m_pos > from;
        };
        if (m_pos < m_s.size() && m_s[m_pos] == '-')
            ++m_pos;
        if (!digits())
            return false;
        if (m_pos < m_s.size() && m_s[m_pos] == '.' && (++m_pos, !digits()))
            return false;
        if (m_pos < m_s.size() && (m_s[m_pos] == 'e' || m_s[m_pos] == 'E')) {
            ++m_pos;
            if (m_pos < m_s.size() && (m_s[m_pos] == '+' || m_s[m_pos] == '-'))
                ++m_pos;
            if (!digits())
                return false;
        }
        out.kind = JsonValue::Kind::Number;
        out.text = std::string(m_s.substr(start, m_pos - start));
        return true;
    }

    bool hex4(std::uint32_t &cp)
    {
        if (m_pos + 4 > m_s.size())
            return false;
        cp = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = m_s[m_pos++];
            cp <<= 4;
            if (h >= '0' && h <= '9')
                cp |= static_cast<std::uint32_t>(h - '0');
            else if (h >= 'a' && h <= 'f')
                cp |= static_cast<std::uint32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                cp |= static_cast<std::uint32_t>(h - 'A' + 10);
            else
                return false;
        }
        return true;
    }

    static void appendUtf8(std::string &out, std::uint32_t cp)
    {
        const auto byte = [&](std::uint32_t b) { out.push_back(static_cast<char>(b)); };
        if (cp < 0x80) {
            byte(cp);
        } else if (cp < 0x800) {
            byte(0xC0 | (cp >> 6));
            byte(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            byte(0xE0 | (cp >> 12));
            byte(0x80 | ((cp >> 6) & 0x3F));
            byte(0x80 | (cp & 0x3F));
        } else {
            byte(0xF0 | (cp >> 18));
            byte(0x80 | ((cp >> 12) & 0x3F));
            byte(0x80 | ((cp >> 6) & 0x3F));
            byte(0x80 | (cp & 0x3F));
        }
    }

    bool string(std::string &out)
    {
        ++m_pos;  // the opening quote
        while (m_pos < m_s.size()) {
            const char c = m_s[m_pos++];
            if (c == '"')
                return true;
            if (static_cast<unsigned char>(c) < 0x20)
                return false;
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (m_pos >= m_s.size())
                return false;
            const char e = m_s[m_pos++];
            switch (e) {
            case '"': case '\\': case '/': out.push_back(e); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'n': out.push_back('\n'); break;
            case 'r': out.push_back('\r'); break;
            case 't': out.push_back('\t'); break;
            case 'u': {
                std::uint32_t cp = 0;
                if (!hex4(cp))
                    return false;
                if (cp >= 0xD800 && cp < 0xDC00) {  // a surrogate pair
                    std::uint32_t low = 0;
                    if (!word("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF)
                        return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                appendUtf8(out, cp);
                break;
            }
            default: return false;
            }
        }
        return false;
    }

    std::string_view m_s;
    std::size_t m_pos = 0;
};

} // namespace

const JsonValue *JsonValue::find(std::string_view key) const
{
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i] == key)
            return &items[i];
    return nullptr;
}

std::optional<JsonValue> parseJson(std::string_view text)
{
    JsonValue v;
    if (!Parser(text).document(v))
        return std::nullopt;
    return v;
}

} // namespace emis::text
