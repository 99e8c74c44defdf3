#pragma once

// The baseline of the bulk push: the same rows inserted with the sqlite3 C API into a new
// database at `path` (students and staff with their indexes; one transaction, WAL,
// synchronous=FULL). The rows are made before the clock starts; returns the seconds taken.
#include "DemoCounty.h"
#include "schema/Schema.h"
#include "validate/RecordValidator.h"

#include <string>
#include <vector>

namespace emis::bench {

double rawSqliteInsert(const demo::DemoCounty &county, const std::string &path);

// The same for any rows of one table of the schema (its table and indexes made first; the ids
// are made before the clock starts): the baseline the client bench measures each figure against.
double rawSqliteInsert(const schema::Table &table, const std::vector<validate::Record> &rows, const std::string &path);

} // namespace emis::bench
