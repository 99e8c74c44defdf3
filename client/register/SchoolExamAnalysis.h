#pragma once

#include "register/ScoreImport.h"
#include "store/Result.h"

#include "exam/ExamAnalysis.h"
#include "exam/ExamWarnings.h"

#include <map>
#include <optional>
#include <string>

namespace emis::client {

class LocalStore;

// The school's scores of an exam as the analysis reads them: each entry's group a class
// ("GRADE/CLASS") with `by` "class", else the whole school ("school").
struct SchoolExamData {
    std::vector<exam::SubjectLines> subjects;
    std::vector<exam::Entry> entries;
    std::map<std::string, std::string> labels;  // group → its name (七年级2班, the school's name)
    std::map<std::string, std::string> names;   // pupil id → 姓名
};
Result<SchoolExamData> schoolExamData(LocalStore &store, const ExamView &exam, const std::string &by);

// 成绩预警 for the 班主任: the exam's warnings (exam/ExamWarnings.h) against the previous exam of
// the same grade this school scored (by exam date, else by when it was made), if any.
struct SchoolWarnings {
    SchoolExamData data;  // by class
    QString previousExam;  // its id, empty when there is none
    std::vector<exam::Warning> warnings;
};
Result<SchoolWarnings> schoolExamWarnings(LocalStore &store, const ExamView &exam);

// The previous exam of the same grade this school has scores in (exam::previousExam), or none.
Result<std::optional<ExamView>> previousExamOf(LocalStore &store, const ExamView &exam);

// The school's own analysis of an exam, offline: its scores by class (each class against the
// school) or the school as a whole per subject, with the same definitions and document as the
// bureau's exam_analysis report (common/exam). `subject`: a subject code, "total", or empty.
// `comparePrevious`: beside each figure its change since the previous exam of the grade.
Result<std::string> schoolExamAnalysis(LocalStore &store, const ExamView &exam, const std::string &by,
                                       const std::string &subject, bool comparePrevious = false);

} // namespace emis::client
