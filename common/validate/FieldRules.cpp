#include "validate/FieldRules.h"

#include "schema/CodeTables.h"
#include "text/TextUtil.h"
#include "validate/DateText.h"
#include "validate/IdNumber.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace emis::validate {
namespace {

using schema::FieldType;

std::optional<std::int64_t> parseInteger(std::string_view s)
{
    std::string t = text::toHalfWidth(text::trim(s));
    if (text::endsWith(t, ".0"))  // spreadsheets write whole numbers as 3.0
        t.resize(t.size() - 2);
    std::int64_t v = 0;
    const auto *end = t.data() + t.size();
    auto [ptr, ec] = std::from_chars(t.data(), end, v);
    if (ec != std::errc() || ptr != end || t.empty())
        return std::nullopt;
    return v;
}

// An amount of yuan as sheets write it: 3200, 3,200.00, ¥3200, ￥3 200.00元, RMB 3200, 0.32万(元);
// rounded to the fen (a number cell's 3199.9999999998 is 3200).
std::optional<double> parseAmount(std::string_view raw)
{
    std::string s;
    for (char c : text::toHalfWidth(text::trim(raw)))
        if (c != ' ')
            s.push_back(c);
    for (std::string_view sign : {"\xEF\xBF\xA5" /* ￥ */, "\xC2\xA5" /* ¥ */, "RMB", "CNY", "rmb"})
        if (text::startsWith(s, sign))
            s.erase(0, sign.size());
    double scale = 1;
    for (std::string_view unit : {"万元", "元", "万"})
        if (text::endsWith(s, unit)) {
            s.resize(s.size() - unit.size());
            scale = unit == "元" ? 1 : 10000;
            break;
        }
    // Thousands separators only in their places: 3,200 and 1,234,567.5, not 3,20.
    if (const auto comma = s.find(','); comma != std::string::npos) {
        const std::size_t dot = std::min(s.find('.'), s.size());
        if (comma == 0 || comma > 3)
            return std::nullopt;
        for (std::size_t i = comma; i < dot; i += 4)
            if (s[i] != ',' || i + 4 > dot || !text::isDigits(s.substr(i + 1, 3)))
                return std::nullopt;
        std::string plain;
        for (char c : s)
            if (c != ',')
                plain.push_back(c);
        s = std::move(plain);
    }
    double v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v) || v < 0)
        return std::nullopt;
    return std::round(v * scale * 100) / 100;
}

std::optional<Issue> checkText(const schema::Field &f, const std::string &s)
{
    if (f.maxLength > 0 && text::utf8Length(s) > static_cast<std::size_t>(f.maxLength))
        return makeIssue(Reason::TooLong, &f, std::to_string(f.maxLength));
    if (f.check == schema::Check::Phone && !s.empty() && !isValidPhone(s))
        return makeIssue(Reason::InvalidPhone, &f);
    if (f.check == schema::Check::SchoolCode && !(s.size() == 10 && text::isDigits(s)))
        return makeIssue(Reason::InvalidSchoolCode, &f);
    return std::nullopt;
}

// U+FFFD in UTF-8: what a decoder leaves where bytes were not text in the file's encoding (a
// damaged GBK or UTF-8 byte, or an earlier conversion that lost characters). Stored, it would
// stand in for a character nobody can recover.
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr std::size_t kShownChars = 40;

// The value as the message shows it: at most kShownChars code points.
std::string shown(std::string_view s)
{
    std::size_t end = 0;
    for (std::size_t chars = 0; end < s.size() && chars < kShownChars; ++chars) {
        ++end;
        while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80)
            ++end;
    }
    return end < s.size() ? std::string(s.substr(0, end)) + "…" : std::string(s);
}

} // namespace

std::optional<bool> parseYesNo(std::string_view raw)
{
    const std::string s = text::asciiLower(text::toHalfWidth(text::trim(raw)));
    for (const char *yes : {"是", "有", "y", "yes", "true", "1", "√", "✓"})
        if (s == yes)
            return true;
    for (const char *no : {"否", "无", "不是", "n", "no", "false", "0", "×", "✗"})
        if (s == no)
            return false;
    return std::nullopt;
}

bool isValidPhone(std::string_view raw)
{
    std::string s;
    for (char c : text::toHalfWidth(text::trim(raw)))
        if (c != ' ' && c != '-' && c != '(' && c != ')')
            s.push_back(c);
    if (text::startsWith(s, "+86"))
        s.erase(0, 3);
    else if (s.size() == 13 && text::startsWith(s, "86"))
        s.erase(0, 2);
    if (!text::isDigits(s))
        return false;
    // Mobile: 1[3-9] and 9 more digits. Landline: an optional area code 0[1-9]x(x), then a local
    // number of 7 or 8 digits that does not start with 0 or 1.
    if (s.size() == 11 && s[0] == '1')
        return s[1] >= '3';
    if (s[0] == '0') {
        if (s.size() < 2 || s[1] == '0')
            return false;
        // Area codes are 3 digits for Beijing and the 02x cities (010, 020..029), 4 elsewhere.
        const std::size_t area = s[1] == '1' || s[1] == '2' ? 3 : 4;
        const std::size_t rest = s.size() > area ? s.size() - area : 0;
        return (rest == 7 || rest == 8) && s[area] >= '2';
    }
    return (s.size() == 7 || s.size() == 8) && s[0] >= '2';
}

std::variant<Value, Issue> normalizeField(const schema::Field &f, std::string_view raw)
{
    const std::string_view t = text::trim(raw);
    if (t.empty())
        return Value{};
    if (f.type != FieldType::Blob && t.find(kReplacement) != std::string_view::npos)
        return makeIssue(Reason::UnreadableCharacters, &f, shown(t));
    switch (f.type) {
    case FieldType::Ref:
    case FieldType::Text: {
        std::string s(t);
        if (f.check == schema::Check::IdNumber || f.check == schema::Check::Phone || f.check == schema::Check::SchoolCode)
            s = f.check == schema::Check::IdNumber ? normalizeIdText(s) : text::toHalfWidth(s);
        if (auto issue = checkText(f, s))
            return *issue;
        return Value{std::move(s)};
    }
    case FieldType::Date:
        if (auto d = parseDate(t))
            return Value{d->toText()};
        return makeIssue(Reason::InvalidDate, &f);
    case FieldType::YearMonth:
        if (auto m = parseYearMonth(t))
            return Value{*m};
        return makeIssue(Reason::InvalidDate, &f);
    case FieldType::Bool:
        if (auto b = parseYesNo(t))
            return Value{std::int64_t{*b ? 1 : 0}};
        return makeIssue(Reason::NotYesNo, &f);
    case FieldType::Code:
    case FieldType::Integer: {
        if (!f.codeTable.empty()) {
            const auto *table = schema::findCodeTable(f.codeTable);
            auto code = table ? table->normalize(text::toHalfWidth(t)) : std::nullopt;
            if (!code)
                return makeIssue(Reason::NotRecognised, &f);
            if (f.type == FieldType::Code)
                return Value{*code};
            return Value{*parseInteger(*code)};
        }
        if (auto v = parseInteger(t)) {
            if (f.check == schema::Check::Count && *v < 1)
                return makeIssue(Reason::NotCount, &f);
            return Value{*v};
        }
        return makeIssue(f.check == schema::Check::Count ? Reason::NotCount : Reason::NotInteger, &f);
    }
    case FieldType::Real: {
        if (f.check == schema::Check::Money) {
            if (auto v = parseAmount(t))
                return Value{*v};
            return makeIssue(Reason::NotAmount, &f);
        }
        const std::string s = text::toHalfWidth(t);
        double v = 0;
        auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v))
            return makeIssue(Reason::NotNumber, &f);
        return Value{v};
    }
    case FieldType::Blob:
        return Value{Bytes(t.begin(), t.end())};
    }
    return Value{};
}

std::optional<std::string> recodedText(const schema::Field &f, const Value &stored)
{
    const auto *s = std::get_if<std::string>(&stored);
    if (!f.codedSince || f.type != FieldType::Code || !s)
        return std::nullopt;
    const auto *table = schema::findCodeTable(f.codeTable);
    if (!table || table->byCode(*s))
        return std::nullopt;
    auto code = table->normalize(text::toHalfWidth(*s));
    if (!code || *code == *s)
        return std::nullopt;
    return code;
}

std::optional<Issue> checkValue(const schema::Field &f, const Value &value)
{
    if (isNull(value))
        return std::nullopt;
    switch (f.type) {
    case FieldType::Ref:
    case FieldType::Text: {
        const auto *s = std::get_if<std::string>(&value);
        if (!s)
            return makeIssue(Reason::BadRequest, &f, f.name);
        return checkText(f, *s);
    }
    case FieldType::Date:
    case FieldType::YearMonth:
    case FieldType::Code: {
        const auto *s = std::get_if<std::string>(&value);
        if (!s)
            return makeIssue(Reason::BadRequest, &f, f.name);
        auto normalized = normalizeField(f, *s);
        if (auto *issue = std::get_if<Issue>(&normalized))
            return *issue;
        if (std::get<Value>(normalized) != value)  // accepted, but not in canonical form
            return makeIssue(f.type == FieldType::Code ? Reason::NotRecognised : Reason::InvalidDate, &f);
        return std::nullopt;
    }
    case FieldType::Integer: {
        const auto *i = std::get_if<std::int64_t>(&value);
        if (!i)
            return makeIssue(Reason::NotInteger, &f);
        if (f.check == schema::Check::Count && *i < 1)
            return makeIssue(Reason::NotCount, &f);
        if (!f.codeTable.empty()) {
            const auto *table = schema::findCodeTable(f.codeTable);
            if (!table || !table->byCode(std::to_string(*i)))
                return makeIssue(Reason::NotRecognised, &f);
        }
        return std::nullopt;
    }
    case FieldType::Bool: {
        const auto *i = std::get_if<std::int64_t>(&value);
        if (!i || (*i != 0 && *i != 1))
            return makeIssue(Reason::NotYesNo, &f);
        return std::nullopt;
    }
    case FieldType::Real: {
        if (!std::holds_alternative<double>(value) && !std::holds_alternative<std::int64_t>(value))
            return makeIssue(Reason::NotNumber, &f);
        const double v = std::holds_alternative<double>(value) ? std::get<double>(value)
                                                               : static_cast<double>(std::get<std::int64_t>(value));
        if (f.check == schema::Check::Score && (v < 0 || v * 2 != std::floor(v * 2)))
            return makeIssue(Reason::ScoreStep, &f);
        const double fen = v * 100;  // an amount is whole fen, give or take a double's rounding
        if (f.check == schema::Check::Money &&
            !(v >= 0 && std::isfinite(v) && std::fabs(fen - std::round(fen)) <= 1e-6 * std::max(1.0, fen)))
            return makeIssue(Reason::NotAmount, &f);
        return std::nullopt;
    }
    case FieldType::Blob: {
        const auto *bytes = std::get_if<Bytes>(&value);
        if (!bytes)
            return makeIssue(Reason::BadRequest, &f, f.name);
        if (f.check == schema::Check::Image) {
            if (bytes->size() > kMaxEvidenceBytes)
                return makeIssue(Reason::EvidenceTooLarge, &f);
            if (imageType(*bytes).empty())
                return makeIssue(Reason::EvidenceNotImage, &f);
        }
        return std::nullopt;
    }
    }
    return std::nullopt;
}

std::string imageType(const Bytes &data)
{
    const auto startsWith = [&](std::initializer_list<unsigned char> magic) {
        if (data.size() < magic.size())
            return false;
        std::size_t i = 0;
        for (unsigned char m : magic)
            if (static_cast<unsigned char>(data[i++]) != m)
                return false;
        return true;
    };
    if (startsWith({0xFF, 0xD8, 0xFF}))
        return "image/jpeg";
    if (startsWith({0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}))
        return "image/png";
    if (startsWith({'G', 'I', 'F', '8'}))
        return "image/gif";
    if (startsWith({'B', 'M'}))
        return "image/bmp";
    return {};
}

} // namespace emis::validate
