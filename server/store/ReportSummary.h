#pragma once

#include <string>

namespace emis::server {

class SqliteDb;

// report_pupils: the pupils of each school counted by grade, class, sex, ethnicity and 学籍状态,
// with the special groups and the missing fields data quality looks at. Triggers on `students`
// keep it equal to the live rows (deleted = 0) in the same transaction as every write, whatever
// writes them (push, CountyWriter, a restore), so that a county report reads a few thousand
// summary rows instead of every pupil: a 200,000-pupil county's reports stay well under 100 ms.
// Rows whose counts fell to zero stay; readers take `pupils > 0`.
//   report_pupils (school_id, grade, class_name, sex, ethnicity ('' when none), status,
//                  pupils, left_behind, migrant, poverty_registered, boarding,
//                  no_entry_month, no_guardian_phone)
// Creates the table and its triggers when missing, filling it from the pupils already there.
void createReportSummary(SqliteDb &db);

// The summary counted afresh from `students`, in the summary's columns and order, for checks.
std::string reportSummaryRecountSql();

} // namespace emis::server
