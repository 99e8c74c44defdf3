#pragma once

#include "Aggregates.h"

#include <string>

namespace emis::demo {

// aggregates.json: the county's true figures beside the rosters (shape documented in the .cpp).
std::string aggregatesJson(const CountyAggregates &aggregates);

} // namespace emis::demo
