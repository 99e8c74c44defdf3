#pragma once

#include "register/ScoreImport.h"
#include "store/Result.h"

#include <string>

namespace emis::client {

class LocalStore;

// The school's own analysis of an exam, offline: its scores by class (each class against the
// school) or the school as a whole per subject, with the same definitions and document as the
// bureau's exam_analysis report (common/exam). `subject`: a subject code, "total", or empty.
Result<std::string> schoolExamAnalysis(LocalStore &store, const ExamView &exam, const std::string &by,
                                       const std::string &subject);

} // namespace emis::client
