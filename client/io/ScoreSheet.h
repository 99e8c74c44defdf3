#pragma once

#include "ImportPlan.h"
#include "IoResult.h"
#include "Sheet.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace emis::io {

// One subject of the exam being scored: where its cells go and how many marks it has.
struct ExamSubject {
    std::string id;       // the exam_subjects row
    std::string subject;  // its code in the subject code table
    double fullMarks = 0;
};

struct ScoreCell {
    const ExamSubject *subject = nullptr;
    std::optional<double> score;  // or
    std::string absence;          // a score_absence code (缺考, 免考, 作弊)
};

// A score as written in a cell or typed in the score grid: empty (nothing, out stays empty), a
// number of marks in half points up to the subject's full marks, or why there is none (缺考, 缺,
// 免考, 作弊). Anything else is the issue returned, naming the subject and the value written.
std::optional<Issue> readScoreCell(const QString &written, const ExamSubject &subject, std::optional<ScoreCell> &out);

// A pupil's row of a score sheet, as written: who (any of the columns a sheet names pupils by)
// and the cells that hold a score or the reason for none.
struct ScoreRow {
    int line = 0;
    std::string studentNo;  // 学籍号
    std::string idNumber;   // 身份证件号
    std::string name;       // 姓名
    std::string className;  // 班级, as written (2班, 七年级2班, 2)
    std::vector<ScoreCell> cells;
};

// Score sheets as teachers keep them, read against one exam's subjects: one row per pupil and a
// column per subject (a title row or two above, 考号/学籍号/姓名/班级 in any order, 总分 and rank
// columns ignored, 缺考 in a cell), or the long form (one row per pupil and subject: 科目, 成绩).
// A cell that is no score (not a number, above the subject's full marks, not in half points) is
// rejected with its line, the pupil's name and the subject, and the row's other cells stay.
// Pure: no store; pupils are matched later (ScoreImport).
class ScoreSheet {
    Q_DECLARE_TR_FUNCTIONS(ScoreSheet)
public:
    std::vector<ScoreRow> rows;
    std::vector<RejectedRow> rejected;
    QStringList notices;  // columns not read, the exam's subjects with no column

    static Result<ScoreSheet> read(const Sheet &sheet, const std::vector<ExamSubject> &subjects);
    static Result<ScoreSheet> fromFile(const QString &path, const std::vector<ExamSubject> &subjects, int sheetIndex = 0);
};

} // namespace emis::io
