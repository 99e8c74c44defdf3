#pragma once

#include <vector>

namespace emis::demo {

// Splits `total` into whole parts proportional to `weights` (largest remainder method), each
// part at least its `minimum` (the same for all, or one per weight). The parts always sum to
// `total`, which is how the demo county hits the reference figures exactly. Requires
// total >= sum of minimums; ties are broken by index so the result is deterministic.
std::vector<int> apportion(int total, const std::vector<double> &weights, int minimum = 0);
std::vector<int> apportion(int total, const std::vector<double> &weights, const std::vector<int> &minimums);

} // namespace emis::demo
