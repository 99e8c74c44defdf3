#pragma once

// The baseline of the bulk push: the same rows inserted with the sqlite3 C API into a new
// database at `path` (students and staff with their indexes; one transaction, WAL,
// synchronous=FULL). The rows are made before the clock starts; returns the seconds taken.
#include "DemoCounty.h"

#include <string>

namespace emis::bench {

double rawSqliteInsert(const demo::DemoCounty &county, const std::string &path);

} // namespace emis::bench
