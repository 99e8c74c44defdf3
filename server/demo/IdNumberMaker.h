#pragma once

#include "DemoRandom.h"

#include <string>
#include <string_view>
#include <unordered_set>

namespace emis::demo {

// Resident ID numbers (GB 11643) that pass every check the validators make: the 6-digit area
// code, the birth date as digits 7-14, a sequence whose last digit is odd for a man and even
// for a woman, and the check character. One maker per county, so that no number is issued twice.
class IdNumberMaker {
public:
    // `areaCode` is 6 digits (360429 for Hukou county); `birthDay` a day number (DemoDate.h).
    std::string make(std::string_view areaCode, int birthDay, bool male, DemoRandom &rng);
    std::size_t issued() const { return used_.size(); }

private:
    std::unordered_set<std::string> used_;  // the first 17 characters of every number issued
};

} // namespace emis::demo
