#pragma once

#include "ScoreSheet.h"
#include "register/ImportService.h"
#include "store/RecordStore.h"
#include "store/Result.h"

#include <QCoreApplication>

#include <vector>

namespace emis::client {

class LocalStore;

// An exam as a school sees it: the county's joint exam it takes part in, or its own.
struct ExamView {
    StoredRow exam;
    std::vector<io::ExamSubject> subjects;  // in the subject table's order
    bool county = false;
};

// A score sheet (io::ScoreSheet) turned into rows of the scores table: each row's pupil found by
// 学籍号, 身份证件号, or 姓名 + 班级 within the exam's grade, one score row per pupil and subject,
// saved through ImportService (so the same sheet imported again changes nothing, and a corrected
// sheet changes only what it corrects). A pupil found nowhere, or twice, is rejected with the
// line and name; the other rows stay.
class ScoreImport {
    Q_DECLARE_TR_FUNCTIONS(ScoreImport)
public:
    explicit ScoreImport(LocalStore &store) : m_store(store) {}

    // The exams this school can score, newest first.
    Result<std::vector<ExamView>> exams();
    // One of them; an error a clerk can read when there is no such exam here.
    Result<ExamView> exam(const QString &examId);

    struct Plan {
        std::vector<io::AcceptedRow> accepted;  // rows of the scores table, pupils resolved
        std::vector<io::RejectedRow> rejected;  // the sheet's and the matching's, by line
        int pupils = 0;                          // sheet rows whose pupil was found
    };
    Result<Plan> plan(const ExamView &exam, const io::ScoreSheet &sheet);
    // The plan's rows saved (or, `dryRun`, checked and rolled back) through ImportService,
    // matched against the exam's stored scores only.
    Result<ImportOutcome> save(const ExamView &exam, const Plan &plan, bool dryRun = false);

private:
    Result<ExamView> view(StoredRow exam);

    LocalStore &m_store;
};

} // namespace emis::client
