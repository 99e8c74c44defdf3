#pragma once

#include <array>
#include <string>
#include <string_view>

// How the 人事股's reports group the staff: age bands, 职称 and 学历 levels, and the training
// cycle (every teacher takes 360 学时 in five years). The county reports, the demo county's truth
// and their tests all group from here.
namespace emis::schema::staff_figures {

// Age on the day of the report, in whole years: ≤30, 31–40, 41–50, ≥51. `max` 0: no upper bound.
struct AgeBand {
    const char *key;
    const char *zh;
    int min;
    int max;
};
inline constexpr std::array<AgeBand, 4> kAgeBands = {{{"age_30_under", "30岁及以下", 0, 30},
                                                      {"age_31_40", "31–40岁", 31, 40},
                                                      {"age_41_50", "41–50岁", 41, 50},
                                                      {"age_51_over", "51岁及以上", 51, 0}}};

// Whole years from `birth` to `on`, both YYYY-MM-DD; -1 when either is not a date.
inline int ageOn(std::string_view birth, std::string_view on)
{
    if (birth.size() != 10 || on.size() != 10)
        return -1;
    const int years = std::stoi(std::string(on.substr(0, 4))) - std::stoi(std::string(birth.substr(0, 4)));
    return on.substr(5) < birth.substr(5) ? years - 1 : years;
}

// A level, by the first character of a code (the title and education tables are coded so).
struct Level {
    char first;
    const char *key;
    const char *zh;
};
// 职称: 正高级 (正高级教师 and the other series'), 副高级, 中级, 助理级, 员级 (三级教师), none.
inline constexpr std::array<Level, 6> kTitleLevels = {{{'1', "title_full_senior", "正高级"},
                                                       {'2', "title_senior", "副高级"},
                                                       {'3', "title_middle", "中级"},
                                                       {'4', "title_junior", "助理级"},
                                                       {'5', "title_basic", "员级"},
                                                       {'9', "title_none", "未评"}}};
// 学历: 研究生, 本科, 专科, 高中及以下 (中专, 高中 and below, 其他).
inline constexpr std::array<Level, 8> kEducationLevels = {{{'1', "education_postgraduate", "研究生"},
                                                           {'2', "education_bachelor", "本科"},
                                                           {'3', "education_college", "专科"},
                                                           {'4', "education_below", "高中及以下"},
                                                           {'6', "education_below", "高中及以下"},
                                                           {'7', "education_below", "高中及以下"},
                                                           {'8', "education_below", "高中及以下"},
                                                           {'9', "education_below", "高中及以下"}}};

// The level key of `code`, or `unknown` when empty or not coded.
template <std::size_t N>
inline std::string levelOf(const std::array<Level, N> &levels, std::string_view code, const char *unknown)
{
    if (!code.empty())
        for (const Level &l : levels)
            if (l.first == code.front())
                return l.key;
    return unknown;
}

// 继续教育: 360 学时 in each five-year cycle. Cycles run 2021–2025, 2026–2030, ...
inline constexpr int kCycleYears = 5;
inline constexpr int kCycleHours = 360;
inline constexpr int kCycleAnchor = 2021;
inline int cycleStart(int year)
{
    const int offset = year - kCycleAnchor;
    return kCycleAnchor + (offset >= 0 ? offset / kCycleYears : -((-offset + kCycleYears - 1) / kCycleYears)) * kCycleYears;
}

} // namespace emis::schema::staff_figures
