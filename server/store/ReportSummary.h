#pragma once

#include "schema/Value.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace emis::server {

class SqliteDb;

// Summaries the county reports read instead of every pupil row.
//
// report_pupils: the pupils of each school counted by grade, class, sex, ethnicity and 学籍状态,
// with the special groups and the missing fields data quality looks at. It is kept equal to the
// live rows (deleted = 0) in the same transaction as every write: triggers on `students` count
// every UPDATE and DELETE, and whoever INSERTs a pupil row counts it through PendingCounts (only
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

// The pupils inserted into `students` and not yet counted in the summaries. add() takes a pupil
// row just inserted, given its owner, its deleted flag and its fields' values, and sums its
// share per summary row, computed in C++ from the same definitions the triggers' SQL is written
// from (ReportSummary.cpp). flush() writes the sums, one single-row UPSERT per summary row
// touched (a 500-pupil batch touches a few dozen report_pupils rows). The writer flushes at the
// end of every job, and before anything that reads or changes pupils or summaries through SQL
// (an UPDATE of a pupil fires the triggers, which expect its row counted).
//
// Inserts are not counted by a trigger: that made every pupil insert a statement writing
// several tables; with the CHECK constraints on `students`, whose functions may fail, SQLite
// then keeps a statement journal for each (inside a savepoint, until the savepoint ends).
class PendingCounts {
public:
    // The pupil's value of the field at `index` in the students table; null when it has none.
    // The value must stay as it is until add() returns.
    using FieldValue = std::function<const Value *(std::size_t index)>;
    void add(const std::string &schoolId, bool deleted, const FieldValue &valueOf);
    void flush(SqliteDb &db);
    void discard() { m_rows.clear(); }

private:
    // (summary, its key values) -> the counts to add
    std::map<std::pair<std::size_t, std::vector<Value>>, std::vector<std::int64_t>> m_rows;
};

// report_assets (AssetSummary.cpp): the live assets held (在用, 闲置, 维修: schema/EquipmentFigures.h)
// summed by school, category, purchase day and use (NULL as ''), with items (SUM quantity) and
// cost (SUM quantity * unit_price), kept by triggers on `assets`, inserts included (an asset is no
// pupil: a push adds few at a time). The equipment reports read a row per batch bought instead of
// every item.
//   report_assets (school_id, category, purchase_date, use, items, cost)
void createAssetSummary(SqliteDb &db);

// The index the exam reports read an exam's scores through, every column they need in it: one
// range of the index per subject, no row of `scores` or `students` fetched (178,000 scores of a
// large county's exam in about 40 ms instead of 270).
//   scores_for_analysis ON scores (exam_subject_id, deleted, student_id, score, absence,
//                                  class_name, school_id)
// and the deleted pupils (few), whose scores they leave out, without reading every pupil:
//   students_deleted ON students (id) WHERE deleted <> 0
void createScoreIndex(SqliteDb &db);
std::string assetSummaryRecountSql();

// A summary (report_pupils, report_ids) counted afresh from `students`, in its columns and order.
std::string reportSummaryRecountSql(std::string_view table);

} // namespace emis::server
