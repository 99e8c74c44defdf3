#include "validate/DateText.h"

#include "text/TextUtil.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

namespace emis::validate {
namespace {

bool toInt(std::string_view s, int &out)
{
    if (!text::isDigits(s) || s.size() > 4)
        return false;
    std::from_chars(s.data(), s.data() + s.size(), out);
    return true;
}

// Splits "2016-9-1", "2016/9/1", "2016.9.1" or "2016年9月1日" into its numeric parts.
std::vector<std::string_view> numericParts(std::string_view s)
{
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t j = i;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9')
            ++j;
        if (j == i)
            return {};  // a separator where a number should be
        parts.push_back(s.substr(i, j - i));
        if (j == s.size())
            break;
        // One separator: - / . or 年 月 日 (3 bytes each in UTF-8).
        const std::string_view rest = s.substr(j);
        if (rest[0] == '-' || rest[0] == '/' || rest[0] == '.')
            i = j + 1;
        else if (text::startsWith(rest, "年") || text::startsWith(rest, "月") || text::startsWith(rest, "日"))
            i = j + 3;
        else
            return {};
    }
    return parts;
}

std::string_view stripTimeOfDay(std::string_view s)
{
    for (const char sep : {' ', 'T'}) {
        const auto pos = s.find(sep);
        if (pos != std::string_view::npos && pos >= 8) {
            const std::string_view time = s.substr(pos + 1);
            if (!time.empty() && time.find(':') != std::string_view::npos)
                return s.substr(0, pos);
        }
    }
    return s;
}

} // namespace

std::string Date::toText() const
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

bool isValidDate(int year, int month, int day)
{
    if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1)
        return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int max = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= max;
}

std::optional<Date> parseDate(std::string_view raw)
{
    std::string_view s = stripTimeOfDay(text::trim(raw));
    if (text::endsWith(s, "日"))
        s.remove_suffix(3);
    Date d;
    if (text::isDigits(s) && s.size() == 8) {
        toInt(s.substr(0, 4), d.year);
        toInt(s.substr(4, 2), d.month);
        toInt(s.substr(6, 2), d.day);
    } else {
        const auto parts = numericParts(s);
        if (parts.size() != 3 || parts[0].size() != 4 || parts[1].size() > 2 || parts[2].size() > 2)
            return std::nullopt;
        if (!toInt(parts[0], d.year) || !toInt(parts[1], d.month) || !toInt(parts[2], d.day))
            return std::nullopt;
    }
    if (!isValidDate(d.year, d.month, d.day))
        return std::nullopt;
    return d;
}

std::optional<std::string> parseYearMonth(std::string_view raw)
{
    if (auto d = parseDate(raw)) {
        return d->toText().substr(0, 7);
    }
    std::string_view s = text::trim(raw);
    if (text::endsWith(s, "月"))
        s.remove_suffix(3);
    int year = 0, month = 0;
    if (text::isDigits(s) && s.size() == 6) {
        toInt(s.substr(0, 4), year);
        toInt(s.substr(4, 2), month);
    } else {
        const auto parts = numericParts(s);
        if (parts.size() != 2 || parts[0].size() != 4 || parts[1].size() > 2)
            return std::nullopt;
        if (!toInt(parts[0], year) || !toInt(parts[1], month))
            return std::nullopt;
    }
    if (!isValidDate(year, month, 1))
        return std::nullopt;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    return std::string(buf);
}

std::optional<Date> dateFromExcelSerial(double serial)
{
    if (!std::isfinite(serial) || serial < 1 || serial > 73051)  // up to 2099-12-31
        return std::nullopt;
    long days = static_cast<long>(std::floor(serial));
    if (days == 60)
        return std::nullopt;  // 1900-02-29 does not exist
    if (days > 60)
        --days;  // skip the phantom leap day
    // Serial 1 is 1900-01-01. Convert with the civil-from-days algorithm (days since 1970-01-01).
    long z = days - 1 + (-25567) + 719468;  // 1900-01-01 is day -25567 from 1970-01-01
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    Date d;
    d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
    if (!isValidDate(d.year, d.month, d.day))
        return std::nullopt;
    return d;
}

} // namespace emis::validate
