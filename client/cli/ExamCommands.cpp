// exams and import scores FILE --exam ID: the exams this school scores, and a score sheet read
// against one of them.
#include "cli/CliSupport.h"

#include "ScoreSheet.h"
#include "register/SchoolExamAnalysis.h"
#include "register/ScoreImport.h"
#include "schema/CodeTables.h"
#include "store/RefResolver.h"
#include "store/SqlValue.h"
#include "text/ReportTable.h"

#include <QJsonDocument>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <map>

namespace emis::client::cli {
namespace {

QString subjectName(const std::string &code) { return qs(schema::findCodeTable("subject")->nameOf(code)); }

} // namespace

int examsList(const Options &o, const Output &out)
{
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    auto exams = ScoreImport(**store).exams();
    if (!exams)
        return out.fail(exams.error());
    RefResolver refs(**store);
    QJsonArray list;
    for (const auto &e : *exams) {
        const QString term = refs.label(*schema::findTable("terms"), qs(validate::fieldText(e.exam.values, "term_id")));
        const std::string grade = validate::fieldText(e.exam.values, "grade");
        QStringList subjects;
        QJsonArray subjectJson;
        for (const auto &s : e.subjects) {
            subjects << subjectName(s.subject) + u':' + qs(displayText(Value{s.fullMarks}));
            subjectJson.append(QJsonObject{{QStringLiteral("id"), qs(s.id)},
                                           {QStringLiteral("subject"), qs(s.subject)},
                                           {QStringLiteral("name"), subjectName(s.subject)},
                                           {QStringLiteral("full_marks"), s.fullMarks}});
        }
        const QString name = qs(validate::fieldText(e.exam.values, "name"));
        out.text(QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6")
                     .arg(e.exam.id, name, term, qs(schema::findCodeTable("grade")->nameOf(grade)),
                          subjects.join(u' '), e.county ? tr("county joint exam") : tr("this school's own")));
        list.append(QJsonObject{{QStringLiteral("id"), e.exam.id},
                                {QStringLiteral("name"), name},
                                {QStringLiteral("term"), term},
                                {QStringLiteral("grade"), qs(grade)},
                                {QStringLiteral("county"), e.county},
                                {QStringLiteral("subjects"), subjectJson}});
    }
    out.data(list);
    return 0;
}

int importScores(const Options &o, const Output &out)
{
    if (o.exam.isEmpty())
        return out.fail(makeError(ErrorKind::Usage, tr("Name the exam: import scores FILE --exam ID (see: exams).")));
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    if (!(*store)->identity().enrolled())
        return out.fail(makeError(ErrorKind::Usage, tr("This device is not enrolled; run enroll first, then import.")));
    ScoreImport scores(**store);
    auto exam = scores.exam(o.exam);
    if (!exam)
        return out.fail(exam.error());
    auto sheet = io::ScoreSheet::fromFile(o.file, exam->subjects);
    if (!sheet)
        return out.fail(makeError(ErrorKind::Invalid, sheet.error()));
    for (const QString &n : sheet->notices)
        out.text(n);
    auto plan = scores.plan(*exam, sheet.value());
    if (!plan)
        return out.fail(plan.error());
    const QJsonArray rejected = rejectedRowsJson(plan->rejected, out);
    auto saved = scores.save(*exam, *plan, o.dryRun);
    if (!saved)
        return out.fail(saved.error());
    for (const QString &f : saved->failures)
        out.text(f);
    const QString summary = o.dryRun ? tr("%1 pupils matched: %2 scores would be added, %3 changed, %4 unchanged; "
                                          "%5 lines rejected, %6 scores would be refused by the store; nothing was "
                                          "written (--dry-run).")
                                     : tr("Imported %1 pupils' scores: %2 added, %3 changed, %4 unchanged; %5 lines "
                                          "rejected, %6 scores refused by the store.");
    out.text(summary.arg(plan->pupils)
                 .arg(saved->added)
                 .arg(saved->updated)
                 .arg(saved->unchanged)
                 .arg(plan->rejected.size())
                 .arg(saved->failures.size()));
    out.data(QJsonObject{{QStringLiteral("file"), o.file},
                         {QStringLiteral("exam"), o.exam},
                         {QStringLiteral("pupils"), plan->pupils},
                         {QStringLiteral("added"), saved->added},
                         {QStringLiteral("updated"), saved->updated},
                         {QStringLiteral("unchanged"), saved->unchanged},
                         {QStringLiteral("rejected"), rejected},
                         {QStringLiteral("refused"), QJsonArray::fromStringList(saved->failures)},
                         {QStringLiteral("notices"), QJsonArray::fromStringList(sheet->notices)},
                         {QStringLiteral("dry_run"), o.dryRun}});
    return plan->rejected.empty() && saved->failures.isEmpty() ? 0 : static_cast<int>(ErrorKind::Invalid);
}

int examAnalysis(const Options &o, const Output &out)
{
    if (o.exam.isEmpty())
        return out.fail(makeError(ErrorKind::Usage, tr("Name the exam: analysis --exam ID (see: exams).")));
    const std::string by = o.by.isEmpty() ? std::string("class") : o.by.toStdString();
    if (by != "class" && by != "subject")
        return out.fail(makeError(ErrorKind::Usage, tr("--by is class or subject, not %1.").arg(o.by)));
    std::string subject;
    if (!o.subject.isEmpty()) {
        const auto code = schema::findCodeTable("subject")->normalize(o.subject.toStdString());
        if (!code && o.subject != QLatin1String("total") && o.subject != QStringLiteral("总分"))
            return out.fail(makeError(ErrorKind::Usage, tr("No subject %1.").arg(o.subject)));
        subject = code ? *code : std::string("total");
    }
    if (!o.compare.isEmpty() && o.compare != QLatin1String("previous"))
        return out.fail(makeError(ErrorKind::Usage, tr("--compare is previous, not %1.").arg(o.compare)));
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    auto exam = ScoreImport(**store).exam(o.exam);
    if (!exam)
        return out.fail(exam.error());
    auto document = schoolExamAnalysis(**store, *exam, by == "class" ? "class" : "school", subject, !o.compare.isEmpty());
    if (!document)
        return out.fail(document.error());
    out.text(qs(text::reportTable(*document)).trimmed());
    out.data(QJsonDocument::fromJson(QByteArray::fromStdString(*document)).object());
    return 0;
}

int examWarnings(const Options &o, const Output &out)
{
    if (o.exam.isEmpty())
        return out.fail(makeError(ErrorKind::Usage, tr("Name the exam: warnings --exam ID (see: exams).")));
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    auto exam = ScoreImport(**store).exam(o.exam);
    if (!exam)
        return out.fail(exam.error());
    auto found = schoolExamWarnings(**store, *exam);
    if (!found)
        return out.fail(found.error());
    // A list per class, for its 班主任.
    std::map<std::string, std::vector<const exam::Warning *>> byClass;
    std::map<std::string, std::string> classOf;
    for (const auto &e : found->data.entries)
        classOf[e.pupil] = e.group;
    for (const auto &w : found->warnings)
        byClass[classOf[w.pupil]].push_back(&w);
    QJsonArray list;
    for (const auto &[group, warnings] : byClass) {
        const QString label = qs(found->data.labels[group]);
        for (const auto *w : warnings) {
            const QString name = qs(found->data.names[w->pupil]);
            // Both languages, as a refused row's reasons are printed.
            out.text(QStringLiteral("%1\t%2\t%3 / %4").arg(label, name, qs(w->detailZh), qs(w->detailEn)));
            list.append(QJsonObject{{QStringLiteral("class"), label},
                                    {QStringLiteral("student_id"), qs(w->pupil)},
                                    {QStringLiteral("name"), name},
                                    {QStringLiteral("kind"), qs(w->kind)},
                                    {QStringLiteral("subject_id"), qs(w->subjectId)},
                                    {QStringLiteral("message_zh"), qs(w->detailZh)},
                                    {QStringLiteral("message_en"), qs(w->detailEn)}});
        }
    }
    if (found->previousExam.isEmpty())
        out.text(tr("No earlier exam of this grade here: no place-drop warnings."));
    out.text(tr("%1 warnings.").arg(found->warnings.size()));
    out.data(QJsonObject{{QStringLiteral("exam"), o.exam},
                         {QStringLiteral("previous_exam"), found->previousExam},
                         {QStringLiteral("warnings"), list}});
    return 0;
}

} // namespace emis::client::cli
