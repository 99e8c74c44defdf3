#pragma once

#include "schema/Value.h"

#include <functional>
#include <string>
#include <string_view>

namespace emis::server {

class SqliteDb;

// Summaries the county reports read instead of every pupil row.
//
// report_pupils: the pupils of each school counted by grade, class, sex, ethnicity and 学籍状态,
// with the special groups and the missing fields data quality looks at. It is kept equal to the
// live rows (deleted = 0) in the same transaction as every write: triggers on `students` count
// every UPDATE and DELETE, and whoever INSERTs a pupil row calls countInsertedPupil() (only
// SqliteSession does). A county report then reads a few thousand summary rows instead of every
// pupil: a 200,000-pupil county's reports stay well under 100 ms.
// Rows whose counts fell to zero stay; readers take `pupils > 0`.
//   report_pupils (school_id, grade, class_name, sex, ethnicity ('' when none), status,
//                  pupils, left_behind, migrant, poverty_registered, boarding,
//                  no_entry_month, no_guardian_phone)
// report_ids: how many pupils holding a place (在读, 休学) carry each ID number, with a partial
// index on the numbers held more than once: the 一人一籍 cases without reading every pupil.
//   report_ids (id_type, id_number, holders)
// Creates the tables and their triggers when missing, filling them from the pupils already there.
void createReportSummaries(SqliteDb &db);

// Counts a pupil row just inserted into `students` in the summaries, given its column values
// (school_id, deleted and the fields) by name.
using PupilValues = std::function<Value(const std::string &column)>;
void countInsertedPupil(SqliteDb &db, const PupilValues &valueOf);

// A summary (report_pupils, report_ids) counted afresh from `students`, in its columns and order.
std::string reportSummaryRecountSql(std::string_view table);

} // namespace emis::server
