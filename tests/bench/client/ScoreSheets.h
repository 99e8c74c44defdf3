#pragma once

// The demo rosters read back for the exam benchmarks: their grades, and teachers' score sheets
// made from them (bench_link, bench_client). The demo's CSV has no quoted commas.
#include <QString>
#include <QStringList>

#include <set>
#include <vector>

namespace emis::bench {

std::vector<QStringList> csvLines(const QString &path);  // header first; I/O errors are fatal
int gradeNumber(const QString &text);                     // 七年级 -> 7, 高一 -> 10, else 0
std::set<int> gradesOf(const QString &roster);

// A teachers' score sheet for one grade of a roster: 学籍号, 姓名, 班级 and a score per subject.
// Returns the score cells written.
int writeScores(const QString &roster, int grade, const QStringList &subjects, const QString &path);

// The first `rows` pupils of `roster` as one grade's roster (年级 rewritten to `gradeName`, each
// class renamed so that classes of different grades stay apart): a school with a grade as large
// as the benchmark asks for. Returns the pupils written.
int writeOneGrade(const QString &roster, const QString &gradeName, int rows, const QString &path);

} // namespace emis::bench
