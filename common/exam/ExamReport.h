#pragma once

#include "exam/ExamAnalysis.h"

#include <map>
#include <string>
#include <string_view>

namespace emis::exam {

// The exam analysis as a report document, in the county reports' shape (server/report/ReportEngine.h):
//   {"report", "title_zh", "title_en", "params", "columns": [...],
//    "rows": [{"key": group, "label", "subject", "subject_name", "expected", "sat", "mean", "sd",
//              "max", "min", "excellent_rate", "pass_rate", "low_rate", "rank", "over_mean"}, ...],
//    "totals": {...the reference's row of the subject asked for, or of 总分...}}
// rounded as roundHalfAway says. `subject`: a subject code, or "total" for 总分, to keep only its
// rows; empty: every subject and 总分. `labels`: each group's name.
// With `previous` (the previous exam of the grade, analysed over the same groups), each row also
// says its change since then, from the figures as shown: "mean_change", "excellent_rate_change",
// "pass_rate_change", "low_rate_change" (percentage points) and "rank_change" (places up), null
// where the group did not sit both; params gain "previous_exam".
struct PreviousExam {
    std::string id;
    std::vector<SubjectLines> subjects;
    Analysis analysis;
};
std::string analysisDocument(std::string_view report, const std::map<std::string, std::string, std::less<>> &params,
                             const std::vector<SubjectLines> &subjects, const Analysis &analysis,
                             const std::map<std::string, std::string> &labels, const std::string &subject,
                             const PreviousExam *previous = nullptr);

// The score bands as a report document: a row per group with a column per band ("b0" .. "b9",
// titled 0–10% .. 90–100%), and the reference's bands as "totals". `subjectId` empty: 总分.
std::string bandsDocument(std::string_view report, const std::map<std::string, std::string, std::less<>> &params,
                          const std::vector<SubjectLines> &subjects, const std::vector<Entry> &entries,
                          const std::map<std::string, std::string> &labels, const std::string &subjectId);

} // namespace emis::exam
