#pragma once

namespace emis::server {

class SqliteDb;

// Brings a store up to date: the server's own tables in numbered migrations (PRAGMA
// user_version), then every record table from the schema (IF NOT EXISTS, so a table added to
// the schema appears on the next start), then the summaries the reports read (ReportSummary.h).
void migrate(SqliteDb &db);

inline constexpr int kStoreVersion = 6;

} // namespace emis::server
