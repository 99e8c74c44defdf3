#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace emis::validate {

struct Date {
    int year = 0, month = 0, day = 0;
    std::string toText() const;  // YYYY-MM-DD
    bool operator==(const Date &) const = default;
};

bool isValidDate(int year, int month, int day);  // Gregorian calendar, years 1900..2100

// Accepts 2016-09-01, 2016-9-1, 20160901, 2016/9/1, 2016.9.1, 2016年9月1日, optionally followed
// by a time of day (" 00:00:00", "T00:00:00") as spreadsheets export dates.
std::optional<Date> parseDate(std::string_view raw);
// Accepts 2016-09, 201609, 2016/9, 2016.9, 2016年9月, and any full date form above.
std::optional<std::string> parseYearMonth(std::string_view raw);  // YYYY-MM
// An Excel serial day number (1900 date system, with its 1900-02-29 that never was).
std::optional<Date> dateFromExcelSerial(double serial);

} // namespace emis::validate
