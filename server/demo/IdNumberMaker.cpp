#include "IdNumberMaker.h"

#include "DemoDate.h"

#include "validate/IdNumber.h"

#include <cstdio>
#include <stdexcept>

namespace emis::demo {

std::string IdNumberMaker::make(std::string_view areaCode, int birthDay, bool male, DemoRandom &rng)
{
    const CivilDate d = civilDate(birthDay);
    char birth[32];
    std::snprintf(birth, sizeof birth, "%04d%02d%02d", d.year, d.month, d.day);
    // 500 sequences per sex and day and area; a county has a few dozen births a day, so a free one
    // turns up within a few draws. Start at a random one and walk, so the search always ends.
    const int start = static_cast<int>(rng.below(500));
    for (int k = 0; k < 500; ++k) {
        const int n = (start + k) % 500;
        char sequence[4];
        std::snprintf(sequence, sizeof sequence, "%03d", n * 2 + (male ? 1 : 0));
        std::string body = std::string(areaCode) + birth + sequence;
        if (used_.insert(body).second)
            return body + validate::idCheckCharacter(body);
    }
    throw std::runtime_error("every ID sequence number of one day is taken");
}

} // namespace emis::demo
