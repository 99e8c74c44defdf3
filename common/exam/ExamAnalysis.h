#pragma once

#include <optional>
#include <string>
#include <vector>

namespace emis::exam {

// An exam's subject and its lines, as percentages of full marks (exam_subjects).
struct SubjectLines {
    std::string id;       // the exam_subjects row
    std::string subject;  // code in the subject code table
    double fullMarks = 100;
    int excellentPct = 85;
    int passPct = 60;
    int lowPct = 40;
};

// One score row, with the group it is counted in (a class, a school, a township).
struct Entry {
    std::string pupil;
    std::string group;      // the group's key
    std::string subjectId;  // SubjectLines::id
    std::optional<double> score;
    std::string absence;    // score_absence code: 1 缺考, 2 免考, 3 作弊
    bool inScope = true;    // counted in its group's row; every entry counts in the reference
};

// The figures of one group in one subject (or in 总分). Written once here for the school
// (emis-cli analysis) and the bureau (the exam_analysis report):
//   应考 expected: pupils with a score, 缺考 or 作弊 (免考 are not expected to sit);
//   参考 sat: pupils with a score; the rates are shares of them;
//   优秀 at or above excellentPct% of full marks, 及格 at or above passPct%, 低分 below lowPct%;
//   标准差 the population standard deviation;
//   名次 among the groups by mean (1 is best; equal means share a place; none when nobody sat);
//   超均率 = (mean − the reference's mean) / the reference's mean × 100%, the reference being
//   everything analysed (the county at the bureau, the school at the school);
//   总分: a pupil's sum over every subject of the exam, for pupils with a score in each, against
//   the sum of full marks and of each line.
struct Figures {
    int expected = 0;
    int sat = 0;
    double mean = 0, sd = 0, max = 0, min = 0;
    double excellentRate = 0, passRate = 0, lowRate = 0;  // percent
    int rank = 0;
    std::optional<double> overMean;  // percent
};

struct Row {
    std::string group;
    std::string subjectId;  // empty for 总分
    Figures figures;
};

struct Analysis {
    std::vector<Row> rows;       // per group (in the order first met) and subject (the exam's order, 总分 last)
    std::vector<Row> reference;  // the reference's figures per subject, group empty
};

Analysis analyse(const std::vector<SubjectLines> &subjects, const std::vector<Entry> &entries);

// Score bands (分数段): how many of a group's scores in `subjectId` (empty: 总分) fall in each tenth
// of full marks, [0, 10%), [10%, 20%), ... [90%, 100%], full marks in the last. Per group, in the
// order first met; out-of-scope entries are left out.
inline constexpr int kBands = 10;
struct BandRow {
    std::string group;
    int counts[kBands] = {};
};
// `whole`: every entry counted, in scope or not, in one row (group "all"): the reference's bands.
std::vector<BandRow> scoreBands(const std::vector<SubjectLines> &subjects, const std::vector<Entry> &entries,
                                const std::string &subjectId, bool whole = false);

// An exam as the order of exams sees it: the previous exam of a grade is the latest of the same
// grade before it by date, else by when it was made (ids are UUIDv7, so they sort by creation).
struct ExamPlace {
    std::string id;
    std::string grade;
    std::string date;  // yyyy-MM-dd, or empty
};
std::optional<std::string> previousExam(const std::vector<ExamPlace> &exams, const ExamPlace &exam);

// 薄弱学科 (or, over classes, 薄弱班级): each group's subjects below the reference's mean (超均率 < 0),
// lowest first, at most `most` a group; 总分 is not a subject. Groups in the order first met.
std::vector<Row> weakest(const Analysis &analysis, std::size_t most);

// Rounding, stated once: means and standard deviations to 2 decimals, rates to 1 decimal of a
// percent, half away from zero.
double roundHalfAway(double value, int decimals);

} // namespace emis::exam
