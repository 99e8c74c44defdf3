#pragma once

#include <string>

namespace emis::server {
class SqliteStore;
}

namespace emis::bench {

// Exam scores at the scale for a large county (about 5 million): `examsPerGrade` county
// exams for every grade with pupils, nine subjects each, a score (or 缺考 now and then) for every
// pupil of the grade in each, loaded through CountyWriter as the server writes any row, one
// transaction per school and exam. Returns the id of the first exam of the grade with the most
// pupils, the one the benchmark analyses; scores already in the store are not loaded again.
std::string loadExamScores(server::SqliteStore &store, int examsPerGrade);

} // namespace emis::bench
