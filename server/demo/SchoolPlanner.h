#pragma once

#include "DemoCounty.h"
#include "DemoRandom.h"
#include "NameGenerator.h"

#include <string>
#include <vector>

namespace emis::demo {

// The county's institutions before any pupil exists: townships, the villages in each, and the
// schools with their names, codes, types, townships and grade ranges.
struct SchoolPlan {
    std::vector<std::string> townships;              // [0] is the county seat
    std::vector<std::vector<std::string>> villages;  // per township
    std::vector<DemoSchool> schools;
    std::vector<int> townshipOf;                     // per school, index into townships
};

SchoolPlan planSchools(const DemoOptions &options, DemoRandom &rng, const NameGenerator &names);

std::string chineseNumber(int n);  // 1..99: 一, 十二, 二十三

} // namespace emis::demo
