#pragma once

#include "store/Result.h"

#include <QSqlDatabase>

namespace emis::client {

// The store's layout version (PRAGMA user_version). Each numbered step runs once, in order, in
// its own transaction; a store newer than this program is refused rather than damaged.
inline constexpr int kStoreVersion = 7;

Status migrate(const QSqlDatabase &db);

// Record tables come only from the schema (common/schema/SqlGen.h). Run at every start: creates
// tables added to the schema since, and adds columns for fields added since, so a new table or
// field needs no storage code.
Status syncRecordTables(const QSqlDatabase &db);

} // namespace emis::client
