#pragma once

#include "DemoCounty.h"

namespace emis::demo {

// Gives the county's staff their 人事 fields (部门, 职务, 编制, 骨干) and their growth files: training
// courses from 2021 on, a few honours, 年度 and 师德 results for 2021–2025, and the 专任教师's IT
// skills tests with retakes. Drawn from streams of its own, so the rest of the county is the
// same with or without it.
void addGrowthFiles(DemoCounty &county);

} // namespace emis::demo
