#pragma once

#include "register/ScoreImport.h"
#include "store/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace emis::client {

class LocalStore;

// 成绩录入 for one class: its pupils (rows) × the exam's subjects (columns), as the score grid
// types them. A cell takes what a sheet's cell takes (io::readScoreCell: marks in half points up
// to full marks, or 缺考/免考/作弊); a cell that is no score keeps what was typed and its reason,
// and is not saved until corrected. save() writes every other edited cell in one transaction:
// a new score row, the changed fields of a stored one, or the stored one removed when the cell
// was cleared; each through the record store, so it is checked and synced like any record.
class ScoreGrid {
    Q_DECLARE_TR_FUNCTIONS(ScoreGrid)
public:
    struct Pupil {
        QString id;
        QString name;
        QString studentNo;  // 学籍号
    };

    // The classes of the exam's grade with pupils 在读 (or scores in the exam), as 1班, 2班 …
    static Result<QStringList> classesOf(LocalStore &store, const ExamView &exam);
    // The class's pupils 在读, and any other pupil of the class with a score in the exam, by 学籍号.
    static Result<ScoreGrid> load(LocalStore &store, const ExamView &exam, const QString &className);

    int pupilCount() const { return int(m_pupils.size()); }
    int subjectCount() const { return int(m_exam.subjects.size()); }
    const Pupil &pupil(int row) const { return m_pupils[std::size_t(row)]; }
    const io::ExamSubject &subject(int column) const { return m_exam.subjects[std::size_t(column)]; }
    const ExamView &exam() const { return m_exam; }

    QString text(int row, int column) const { return cell(row, column).text; }
    const std::optional<Issue> &issue(int row, int column) const { return cell(row, column).issue; }
    bool edited(int row, int column) const { return cell(row, column).text != cell(row, column).stored; }
    int editedCount() const;  // cells changed since the load or the last save
    int badCount() const;     // of them, cells that are no score

    // What the clerk typed into a cell; its reason when it is no score.
    std::optional<Issue> set(int row, int column, const QString &written);

    struct Saved {
        int added = 0;
        int changed = 0;
        int removed = 0;
        int leftBad = 0;  // cells not saved: no score, or refused by the store (issue() says why)
    };
    Result<Saved> save();

private:
    struct Cell {
        QString text;        // as shown: 87.5, 缺考, or what was typed
        QString stored;      // as the store holds it, "" for no row
        QString scoreRowId;  // the scores row, empty for none
        std::optional<Issue> issue;
    };
    ScoreGrid(LocalStore &store, ExamView exam, QString className)
        : m_store(&store), m_exam(std::move(exam)), m_className(std::move(className))
    {
    }
    const Cell &cell(int row, int column) const { return m_cells[std::size_t(row * subjectCount() + column)]; }
    Cell &cell(int row, int column) { return m_cells[std::size_t(row * subjectCount() + column)]; }

    LocalStore *m_store;
    ExamView m_exam;
    QString m_className;
    std::vector<Pupil> m_pupils;
    std::vector<Cell> m_cells;  // row-major
};

} // namespace emis::client
