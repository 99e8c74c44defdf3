#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace emis::demo {

// Dates as day numbers (days since 1970-01-01), so that "a random day between two dates" is
// plain integer arithmetic.
inline int dayNumber(int year, int month, int day)
{
    using namespace std::chrono;
    const sys_days d{std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} /
                     std::chrono::day{static_cast<unsigned>(day)}};
    return static_cast<int>(d.time_since_epoch().count());
}

struct CivilDate {
    int year = 0, month = 0, day = 0;
};

inline CivilDate civilDate(int dayNo)
{
    using namespace std::chrono;
    const year_month_day ymd{sys_days{days{dayNo}}};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

inline std::string dateText(int dayNo)  // YYYY-MM-DD
{
    const CivilDate c = civilDate(dayNo);
    char out[40];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", c.year, c.month, c.day);
    return out;
}

inline std::string yearMonthText(int year, int month)  // YYYY-MM
{
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02d", year, month);
    return out;
}

} // namespace emis::demo
