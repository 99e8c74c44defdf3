#pragma once

#include "schema/Schema.h"

#include <string>
#include <vector>

namespace emis::schema {

// SQL generated from the table descriptions, the same on the client and the server store
// (both SQLite): one typed table per record type with its constraints and indexes, and beside it
// a versions table holding, per field (and for the tombstone: deleted_hlc, deleted_seq), the HLC of
// its last write and the server sequence number that applied it.
// Statements use IF NOT EXISTS so a migration may run them again.
std::vector<std::string> createTableStatements(const Table &table);

// The rows of `table` whose `field` (one with Field::codedSince) holds something other than a
// code of its table: SELECT id, field. The stores map what they can at start (recodedText).
std::string uncodedRowsQuery(const Table &table, const Field &field);

std::string sqlType(const Field &field);  // TEXT, INTEGER, REAL or BLOB
std::string versionsTable(const Table &table);              // "<table>_versions"
std::string versionHlcColumn(const Field &field);           // "<field>_hlc"
std::string versionSeqColumn(const Field &field);           // "<field>_seq"

} // namespace emis::schema
