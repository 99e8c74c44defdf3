#pragma once

#include "DemoRandom.h"

#include <string>

namespace emis::demo {

// Chinese personal and village names, drawn so that a roster reads like a real one: common
// surnames far more often than rare ones, two-character given names for children more often
// than for their grandparents, boys' and girls' characters apart.
class NameGenerator {
public:
    std::string surname(DemoRandom &rng) const;
    std::string givenName(bool male, bool young, DemoRandom &rng) const;
    std::string personName(bool male, bool young, DemoRandom &rng) const;
    std::string villageName(DemoRandom &rng) const;  // two characters: 金塘, 张家, ...
    // A mobile number on a prefix the carriers really issue (so the phone rule accepts it).
    std::string mobileNumber(DemoRandom &rng) const;
};

} // namespace emis::demo
