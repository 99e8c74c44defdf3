#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace emis::demo {

inline constexpr std::string_view kCountyName = "湖口县";
inline constexpr std::string_view kCountyHukou = "江西省九江市湖口县";
inline constexpr std::string_view kCountyAreaCode = "360429";  // GB/T 2260, Hukou county

// The first `count` townships; the first is the county seat. The reference county's twelve are
// Hukou's own; a larger county goes on with made-up names in the same style.
std::vector<std::string> townshipNames(int count);

// Streets of the county seat, for addresses of town pupils.
const std::vector<std::string_view> &seatStreets();

// Where migrant families (随迁子女) and some staff come from: an area code and its place name.
struct Area {
    std::string_view code;
    std::string_view name;
};
const std::vector<Area> &outsideAreas();

} // namespace emis::demo
