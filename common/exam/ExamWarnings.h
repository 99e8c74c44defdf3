#pragma once

#include "exam/ExamAnalysis.h"

#include <map>
#include <string>
#include <vector>

namespace emis::exam {

// 成绩预警: which pupils need a look after an exam, and why. Written once for every program.
//   low_score  a score below the subject's 低分 line;
//   fails      below the 及格 line in two subjects or more;
//   rank_drop  down `rankDrop` places or more in the grade's 总分 order since the previous exam
//              of the same grade (both ranks among the pupils with a 总分 in that exam).
struct Warning {
    std::string pupil;
    std::string kind;       // low_score, fails, rank_drop
    std::string subjectId;  // low_score: the subject
    std::string detailZh;
    std::string detailEn;
};

inline constexpr int kDefaultRankDrop = 10;

// Each pupil's place by 总分 (pupils with a score in every subject; equal totals share a place).
std::map<std::string, int> totalRanks(const std::vector<SubjectLines> &subjects, const std::vector<Entry> &entries);

// `previous*` empty: no rank_drop. Warnings in the order of the pupils' first entries.
std::vector<Warning> warnings(const std::vector<SubjectLines> &subjects, const std::vector<Entry> &entries,
                              const std::vector<SubjectLines> &previousSubjects,
                              const std::vector<Entry> &previousEntries, int rankDrop = kDefaultRankDrop);

} // namespace emis::exam
