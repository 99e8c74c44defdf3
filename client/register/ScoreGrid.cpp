#include "register/ScoreGrid.h"

#include "schema/CodeTables.h"
#include "store/LocalStore.h"
#include "store/RecordStore.h"
#include "store/SqlValue.h"

#include <QCollator>
#include <QHash>

#include <algorithm>

namespace emis::client {
namespace {

const schema::Table &table(const char *name) { return *schema::findTable(name); }

// A stored score as the grid shows it: its marks (87.5), or the reason there is none (缺考).
QString shown(const validate::Record &r)
{
    auto score = r.find("score");
    if (score != r.end() && !isNull(score->second))
        return qs(displayText(score->second));
    const std::string absence = validate::fieldText(r, "absence");
    return absence.empty() ? QString() : qs(schema::findCodeTable("score_absence")->nameOf(absence));
}

// The exam's stored scores: by (pupil, subject column), and the class each pupil sat it in.
struct Stored {
    QHash<QString, std::pair<QString, QString>> cells;  // pupil + '/' + column → (row id, shown)
    QHash<QString, QString> satIn;                      // pupil → the class its scores keep
};

Result<Stored> storedScores(LocalStore &store, const ExamView &exam)
{
    Stored out;
    RecordStore records(store);
    for (std::size_t c = 0; c < exam.subjects.size(); ++c) {
        auto rows = records.listWhere(table("scores"), "exam_subject_id", qs(exam.subjects[c].id));
        if (!rows)
            return rows.error();
        for (const auto &r : *rows) {
            const QString pupil = qs(validate::fieldText(r.values, "student_id"));
            out.cells.insert(pupil + u'/' + QString::number(c), {r.id, shown(r.values)});
            if (const QString cls = qs(validate::fieldText(r.values, "class_name")); !cls.isEmpty())
                out.satIn.insert(pupil, cls);
            else if (!out.satIn.contains(pupil))
                out.satIn.insert(pupil, QString());  // scored, before scores kept the class
        }
    }
    return out;
}

// The class a pupil of the register is scored in for the exam: the one its scores keep, else
// its class now when it is in the exam's grade and 在读 (or scored there); empty for none.
QString examClass(const StoredRow &p, const std::string &grade, const Stored &stored)
{
    const auto sat = stored.satIn.constFind(p.id);
    if (sat != stored.satIn.cend() && !sat->isEmpty())
        return *sat;
    if (validate::fieldText(p.values, "grade") != grade)
        return {};
    if (validate::fieldText(p.values, "status") != "1" && sat == stored.satIn.cend())
        return {};
    return qs(validate::fieldText(p.values, "class_name"));
}

// The register's pupils and the exam's stored scores, which both the class list and a class's
// grid are made from.
struct ExamRead {
    std::string grade;
    std::vector<StoredRow> pupils;
    Stored stored;
};

Result<ExamRead> readExam(LocalStore &store, const ExamView &exam)
{
    auto pupils = RecordStore(store).list(table("students"));
    if (!pupils)
        return pupils.error();
    auto stored = storedScores(store, exam);
    if (!stored)
        return stored.error();
    return ExamRead{validate::fieldText(exam.exam.values, "grade"), std::move(*pupils), std::move(*stored)};
}

// The class number a name ends with (12 for 12班), for ordering 2班 before 10班.
int classNumber(const QString &name)
{
    int end = int(name.size());
    while (end > 0 && !name[end - 1].isDigit())
        --end;
    int start = end;
    while (start > 0 && name[start - 1].isDigit())
        --start;
    return start < end ? name.mid(start, end - start).toInt() : 0;
}

} // namespace

Result<QStringList> ScoreGrid::classesOf(LocalStore &store, const ExamView &exam)
{
    auto read = readExam(store, exam);
    if (!read)
        return read.error();
    QStringList out;
    for (const auto &p : read->pupils)
        if (const QString cls = examClass(p, read->grade, read->stored); !cls.isEmpty() && !out.contains(cls))
            out << cls;
    std::sort(out.begin(), out.end(), [](const QString &a, const QString &b) {
        const int na = classNumber(a), nb = classNumber(b);
        return na != nb ? na < nb : a < b;
    });
    return out;
}

Result<ScoreGrid> ScoreGrid::load(LocalStore &store, const ExamView &exam, const QString &className)
{
    auto read = readExam(store, exam);
    if (!read)
        return read.error();
    const Stored *stored = &read->stored;
    ScoreGrid grid(store, exam, className);
    for (const auto &p : read->pupils)
        if (examClass(p, read->grade, *stored) == className)
            grid.m_pupils.push_back(Pupil{p.id, qs(validate::fieldText(p.values, "name")),
                                          qs(validate::fieldText(p.values, "student_no"))});
    QCollator pinyin{QLocale(QLocale::Chinese, QLocale::China)};
    std::sort(grid.m_pupils.begin(), grid.m_pupils.end(), [&](const Pupil &a, const Pupil &b) {
        if (a.studentNo != b.studentNo)
            return a.studentNo.isEmpty() != b.studentNo.isEmpty() ? !a.studentNo.isEmpty() : a.studentNo < b.studentNo;
        return pinyin.compare(a.name, b.name) < 0;
    });
    grid.m_cells.resize(grid.m_pupils.size() * exam.subjects.size());
    for (int r = 0; r < grid.pupilCount(); ++r)
        for (int c = 0; c < grid.subjectCount(); ++c) {
            const auto it = stored->cells.constFind(grid.pupil(r).id + u'/' + QString::number(c));
            if (it == stored->cells.cend())
                continue;
            Cell &cell = grid.cell(r, c);
            cell.scoreRowId = it->first;
            cell.text = cell.stored = it->second;
        }
    return grid;
}

int ScoreGrid::editedCount() const
{
    return int(std::count_if(m_cells.begin(), m_cells.end(), [](const Cell &c) { return c.text != c.stored; }));
}

int ScoreGrid::badCount() const
{
    return int(std::count_if(m_cells.begin(), m_cells.end(), [](const Cell &c) { return c.issue.has_value(); }));
}

std::optional<Issue> ScoreGrid::set(int row, int column, const QString &written)
{
    Cell &c = cell(row, column);
    std::optional<io::ScoreCell> value;
    c.issue = io::readScoreCell(written, subject(column), value);
    if (c.issue)
        c.text = written.trimmed();
    else if (!value)
        c.text.clear();
    else if (value->score)
        c.text = qs(displayText(Value{*value->score}));
    else
        c.text = qs(schema::findCodeTable("score_absence")->nameOf(value->absence));
    return c.issue;
}

Result<ScoreGrid::Saved> ScoreGrid::save()
{
    Saved out;
    RecordStore records(*m_store);
    if (auto st = records.beginBatch(); !st)
        return st.error();
    struct Written {
        Cell *cell;
        QString id;
    };
    std::vector<Written> written;
    for (int r = 0; r < pupilCount(); ++r)
        for (int c = 0; c < subjectCount(); ++c) {
            Cell &cl = cell(r, c);
            if (cl.issue) {
                ++out.leftBad;
                continue;
            }
            if (cl.text == cl.stored)
                continue;
            Result<SaveOutcome> saved = SaveOutcome{};
            if (cl.text.isEmpty()) {
                saved = records.remove(table("scores"), cl.scoreRowId);
            } else {
                std::optional<io::ScoreCell> value;
                io::readScoreCell(cl.text, subject(c), value);
                validate::Record v;
                v["score"] = value->score ? Value{*value->score} : Value{};
                v["absence"] = value->absence.empty() ? Value{} : Value{value->absence};
                if (cl.scoreRowId.isEmpty()) {
                    v["exam_subject_id"] = subject(c).id;
                    v["student_id"] = ss(pupil(r).id);
                    v["class_name"] = ss(m_className);  // the class the pupil sat the exam in
                }
                saved = records.save(table("scores"), cl.scoreRowId, v);
            }
            if (!saved) {
                if (saved.error().kind != ErrorKind::Invalid)
                    return saved.error();  // the disk, not the cell: nothing of the batch stays
                const std::string why = ss(saved.error().message);
                cl.issue = Issue{reasonFromCode(ss(saved.error().code)), "score", why, why};
                ++out.leftBad;
                continue;
            }
            (cl.text.isEmpty() ? out.removed : cl.scoreRowId.isEmpty() ? out.added : out.changed) += 1;
            written.push_back({&cl, cl.text.isEmpty() ? QString() : saved->id});
        }
    if (auto st = records.commitBatch(); !st)
        return st.error();
    for (auto &w : written) {
        w.cell->scoreRowId = w.id;
        w.cell->stored = w.cell->text;
    }
    return out;
}

} // namespace emis::client
