#pragma once

#include "DemoCounty.h"
#include "DemoRandom.h"

#include <vector>

namespace emis::demo {

// How many pupils each school has in each grade, and the classes they sit in. The stage totals of
// the options are met exactly; within a stage, pupils go to schools by kind (a 完全中学 is big, a
// 教学点 tiny) with some spread, and each grade is cut into classes of a size typical for the
// kind: one small class per grade in a teaching point, 45-70 in a town middle school, which is
// where the county's 大班额 (56 or more) and 超大班额 (66 or more) are.
std::vector<DemoClass> planClasses(const DemoOptions &options, const std::vector<DemoSchool> &schools,
                                   const std::string &countySeat, DemoRandom &rng);

} // namespace emis::demo
