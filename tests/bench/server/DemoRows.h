#pragma once

// The demo county's pupils and staff as records of the schema, for the bulk push and the raw
// sqlite3 insert it is measured against (the same rows both ways).
#include "DemoCounty.h"
#include "validate/RecordValidator.h"

#include <vector>

namespace emis::bench {

validate::Record pupilRecord(const demo::DemoPupil &p);
validate::Record staffRecord(const demo::DemoStaff &s);
// A member of staff's growth file as (table, record) pairs, each record naming `staffId`.
std::vector<std::pair<const char *, validate::Record>> growthRecords(const demo::DemoStaff &s, const std::string &staffId);

} // namespace emis::bench
