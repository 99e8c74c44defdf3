#pragma once

#include <array>
#include <cstddef>
#include <string>

// Class size (班额) as the Ministry of Education defines it: 36–45 正常班额, 46–55 偏大班额,
// 56–65 大班额, 66 and more 超大班额. A class of exactly 56 is 大班额, of exactly 66 超大班额
// (and counted as 大班额 too, since "56 or more" holds). The county reports, the bureau's figures,
// the demo county's truth and its tests all count from here.
namespace emis::schema::class_size {

inline constexpr int kLargeFrom = 56;      // 大班额: 56人及以上
inline constexpr int kVeryLargeFrom = 66;  // 超大班额: 66人及以上

constexpr bool isLarge(long long pupils) { return pupils >= kLargeFrom; }
constexpr bool isVeryLarge(long long pupils) { return pupils >= kVeryLargeFrom; }

// The national statistics' bands: ≤25, 26–30, …, 61–65, ≥66. `max` 0: no upper bound.
struct Band {
    int min;
    int max;
};
inline constexpr std::array<Band, 10> kBands = {{{0, 25}, {26, 30}, {31, 35}, {36, 40}, {41, 45},
                                                 {46, 50}, {51, 55}, {56, 60}, {61, 65}, {66, 0}}};

constexpr std::size_t bandOf(long long pupils)
{
    std::size_t i = 0;
    while (i + 1 < kBands.size() && pupils > kBands[i].max)
        ++i;
    return i;
}

// "26-30", "-25", "66-": what a report row is keyed by.
inline std::string bandKey(const Band &b)
{
    return (b.min > 0 ? std::to_string(b.min) : std::string()) + "-" + (b.max ? std::to_string(b.max) : std::string());
}

// "26–30人", "25人及以下", "66人及以上".
inline std::string bandLabel(const Band &b)
{
    if (b.min == 0)
        return std::to_string(b.max) + "人及以下";
    if (b.max == 0)
        return std::to_string(b.min) + "人及以上";
    return std::to_string(b.min) + "–" + std::to_string(b.max) + "人";
}

} // namespace emis::schema::class_size
