#include "register/ScoreImport.h"

#include "schema/CodeTables.h"
#include "store/LocalStore.h"
#include "store/RecordStore.h"
#include "store/RefResolver.h"
#include "store/SqlValue.h"
#include "text/TextUtil.h"

#include <algorithm>

namespace emis::client {
namespace {

const schema::Table &table(const char *name) { return *schema::findTable(name); }

double number(const validate::Record &r, const char *field)
{
    auto it = r.find(field);
    if (it == r.end())
        return 0;
    if (const auto *d = std::get_if<double>(&it->second))
        return *d;
    const auto *i = std::get_if<std::int64_t>(&it->second);
    return i ? static_cast<double>(*i) : 0;
}

// The class a sheet writes, as the register may hold it: "2班", and the bare number "2" or
// "初一(2)班" as "2班".
std::vector<std::string> classForms(const std::string &written)
{
    std::vector<std::string> out{written};
    std::string digits;
    for (auto it = written.rbegin(); it != written.rend(); ++it) {
        if (*it >= '0' && *it <= '9')
            digits.insert(digits.begin(), *it);
        else if (!digits.empty())
            break;
    }
    if (!digits.empty() && digits + "班" != written)
        out.push_back(digits + "班");
    return out;
}

} // namespace

Result<ExamView> ScoreImport::view(StoredRow exam)
{
    ExamView v;
    v.county = schema::countyRow(table("exams"), ss(exam.schoolId));
    auto subjects = RecordStore(m_store).listWhere(table("exam_subjects"), "exam_id", exam.id);
    if (!subjects)
        return subjects.error();
    const auto *codes = schema::findCodeTable("subject");
    for (const auto &s : *subjects) {
        const std::string code = validate::fieldText(s.values, "subject");
        v.subjects.push_back(io::ExamSubject{ss(s.id), code, number(s.values, "full_marks")});
    }
    const auto rank = [&](const io::ExamSubject &s) {
        for (std::size_t i = 0; i < codes->entries.size(); ++i)
            if (codes->entries[i].code == s.subject)
                return i;
        return codes->entries.size();
    };
    std::sort(v.subjects.begin(), v.subjects.end(), [&](const auto &a, const auto &b) { return rank(a) < rank(b); });
    v.exam = std::move(exam);
    return v;
}

Result<std::vector<ExamView>> ScoreImport::exams()
{
    auto rows = RecordStore(m_store).list(table("exams"));
    if (!rows)
        return rows.error();
    const std::string ownCode = ss(m_store.identity().schoolCode);
    std::vector<ExamView> out;
    for (auto &row : *rows) {
        // A joint exam names its schools; none named: every school with the grade.
        const auto codes = text::split(validate::fieldText(row.values, "school_codes"), ' ');
        const bool named = std::any_of(codes.begin(), codes.end(), [](std::string_view c) { return !c.empty(); });
        if (named && std::find(codes.begin(), codes.end(), std::string_view(ownCode)) == codes.end())
            continue;
        auto v = view(std::move(row));
        if (!v)
            return v.error();
        out.push_back(std::move(*v));
    }
    std::sort(out.begin(), out.end(), [](const ExamView &a, const ExamView &b) { return a.exam.id > b.exam.id; });
    return out;
}

Result<ExamView> ScoreImport::exam(const QString &examId)
{
    auto all = exams();
    if (!all)
        return all.error();
    for (auto &v : *all)
        if (v.exam.id == examId)
            return std::move(v);
    return makeError(ErrorKind::Invalid, tr("No exam %1 here: it is neither this school's own nor a county exam this "
                                            "school takes part in (sync first to receive the county's exams).")
                                             .arg(examId));
}

Result<ScoreImport::Plan> ScoreImport::plan(const ExamView &exam, const io::ScoreSheet &sheet)
{
    Plan out;
    out.rejected = sheet.rejected;
    const schema::Table &scores = table("scores");
    const schema::Field &pupilField = *scores.field("student_id");
    const std::string gradeName =
        schema::findCodeTable("grade")->nameOf(validate::fieldText(exam.exam.values, "grade"));
    RefResolver refs(m_store);
    for (const auto &row : sheet.rows) {
        // The first column that names the pupil decides; a name goes with its class.
        std::vector<std::string> tries;
        if (!row.studentNo.empty())
            tries.push_back(row.studentNo);
        else if (!row.idNumber.empty())
            tries.push_back(row.idNumber);
        else if (!row.className.empty())
            for (const auto &c : classForms(row.className)) {
                tries.push_back(row.name + " " + gradeName + " " + c);
                tries.push_back(row.name + " " + c);
            }
        else
            tries = {row.name + " " + gradeName, row.name};  // a sheet for one class names no class
        std::optional<std::string> pupil;
        std::optional<Issue> problem;
        for (const auto &t : tries) {
            auto r = refs.resolve(pupilField, t);
            if (!r)
                return r.error();
            if (const auto *id = std::get_if<std::string>(&*r)) {
                pupil = *id;
                break;
            }
            const Issue &issue = std::get<Issue>(*r);
            if (!problem || issue.reason == Reason::ReferenceAmbiguous)
                problem = issue;
        }
        if (!pupil) {
            Issue issue = *problem;
            if (issue.reason == Reason::ReferenceNotFound)
                issue = makeIssue(Reason::ReferenceNotFound, &pupilField,
                                  text::trim(row.studentNo + " " + row.idNumber + " " + row.name + " " + row.className));
            out.rejected.push_back(io::RejectedRow{row.line, {issue}, row.name, {}});
            continue;
        }
        // A pupil named by 学籍号 or 身份证件号 may be in another grade: not this exam's.
        auto found = RecordStore(m_store).load(table("students"), qs(*pupil));
        if (!found)
            return found.error();
        const std::string pupilGrade = *found ? validate::fieldText((**found).values, "grade") : std::string();
        if (pupilGrade != validate::fieldText(exam.exam.values, "grade")) {
            const std::string gradeOf = schema::findCodeTable("grade")->nameOf(pupilGrade);
            out.rejected.push_back(io::RejectedRow{
                row.line, {makeIssue(Reason::NotInExamGrade, &pupilField, gradeOf.empty() ? pupilGrade : gradeOf)}, row.name, {}});
            continue;
        }
        ++out.pupils;
        for (const auto &cell : row.cells) {
            io::AcceptedRow a;
            a.line = row.line;
            a.record["exam_subject_id"] = cell.subject->id;
            a.record["student_id"] = *pupil;
            a.record["score"] = cell.score ? Value{*cell.score} : Value{};
            a.record["absence"] = cell.absence.empty() ? Value{} : Value{cell.absence};
            a.record["class_name"] = Value{validate::fieldText((**found).values, "class_name")};
            a.given = {"exam_subject_id", "student_id", "score", "absence", "class_name"};
            out.accepted.push_back(std::move(a));
        }
    }
    std::sort(out.rejected.begin(), out.rejected.end(),
              [](const io::RejectedRow &a, const io::RejectedRow &b) { return a.line < b.line; });
    return out;
}

Result<ImportOutcome> ScoreImport::save(const ExamView &exam, const Plan &plan, bool dryRun)
{
    ImportService service(m_store);
    QStringList subjects;
    for (const auto &s : exam.subjects)
        subjects << qs(s.id);
    service.limitTo("exam_subject_id", subjects);
    const schema::Table &scores = table("scores");
    return dryRun ? service.dryRun(scores, plan.accepted) : service.save(scores, plan.accepted);
}

} // namespace emis::client
