// change add | list | withdraw, and promote [--undo] [--dry-run]: 学籍异动 and the year-end
// promotion through the register library (StatusChangeService, PromotionService).
#include "cli/CliSupport.h"
#include "register/PromotionService.h"
#include "register/StatusChangeService.h"
#include "schema/CodeTables.h"
#include "store/SqlValue.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace emis::client::cli {
namespace {

QString text(const validate::Record &r, const char *field)
{
    auto it = r.find(field);
    return it == r.end() ? QString() : qs(displayText(it->second));
}

QString gradeName(const validate::Record &r, const char *field)
{
    const QString g = text(r, field);
    return g.isEmpty() ? g : qs(schema::findCodeTable("grade")->nameOf(ss(g)));
}

QJsonObject entryJson(const HistoryEntry &e, const QString &pupilName)
{
    const auto &v = e.change.values;
    return QJsonObject{{QStringLiteral("id"), e.change.id},
                       {QStringLiteral("student_id"), text(v, "student_id")},
                       {QStringLiteral("name"), pupilName},
                       {QStringLiteral("kind"), text(v, "kind")},
                       {QStringLiteral("kind_name"), e.kindName},
                       {QStringLiteral("date"), text(v, "change_date")},
                       {QStringLiteral("reason"), text(v, "reason")},
                       {QStringLiteral("from_grade"), text(v, "from_grade")},
                       {QStringLiteral("from_class"), text(v, "from_class")},
                       {QStringLiteral("to_grade"), text(v, "to_grade")},
                       {QStringLiteral("to_class"), text(v, "to_class")},
                       {QStringLiteral("approval"), text(v, "approval")},
                       {QStringLiteral("approval_name"), e.approvalName},
                       {QStringLiteral("approval_note"), text(v, "approval_note")},
                       {QStringLiteral("batch_id"), text(v, "batch_id")},
                       {QStringLiteral("evidence"), e.evidenceCount}};
}

QJsonObject outcomeJson(const PromotionOutcome &o)
{
    QJsonObject byGrade;
    for (auto it = o.byGrade.begin(); it != o.byGrade.end(); ++it)
        byGrade.insert(QString::number(it.key()), it.value());
    return QJsonObject{{QStringLiteral("batch_id"), o.batchId},  {QStringLiteral("top_grade"), o.topGrade},
                       {QStringLiteral("promoted"), o.promoted}, {QStringLiteral("graduated"), o.graduated},
                       {QStringLiteral("not_active"), o.notActive}, {QStringLiteral("by_grade"), byGrade}};
}

} // namespace

int changeAdd(const Options &o, const Output &out)
{
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    StatusChangeService service(**store);
    auto pupil = service.findPupil(o.student);
    if (!pupil)
        return out.fail(pupil.error());
    std::vector<EvidenceFile> files;
    for (const auto &path : o.evidence) {
        auto file = Attachments::readFile(path);
        if (!file)
            return out.fail(file.error());
        files.push_back(std::move(*file));
    }
    const ChangeInput input{o.kind, o.date, o.reason, o.toGrade, o.toClass};
    auto saved = service.record(pupil->id, input, files);
    if (!saved)
        return out.fail(saved.error());
    auto row = service.history(pupil->id);
    QString approval, kindName;
    if (row)
        for (const auto &e : *row)
            if (e.change.id == saved->id) {
                approval = e.approvalName;
                kindName = e.kindName;
            }
    out.text(tr("Recorded %1 for %2 (%3): %4.").arg(kindName, text(pupil->values, "name"), saved->id, approval));
    out.data(QJsonObject{{QStringLiteral("id"), saved->id},
                         {QStringLiteral("student_id"), pupil->id},
                         {QStringLiteral("approval_name"), approval},
                         {QStringLiteral("evidence"), static_cast<int>(files.size())}});
    return 0;
}

int changeList(const Options &o, const Output &out)
{
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    StatusChangeService service(**store);
    QString name;
    Result<std::vector<HistoryEntry>> entries = std::vector<HistoryEntry>{};
    if (!o.student.isEmpty()) {
        auto pupil = service.findPupil(o.student);
        if (!pupil)
            return out.fail(pupil.error());
        name = text(pupil->values, "name");
        entries = service.history(pupil->id);
    } else {
        entries = service.all();
    }
    if (!entries)
        return out.fail(entries.error());
    QJsonArray array;
    out.text(QStringList{QStringLiteral("id"), QStringLiteral("学生"), QStringLiteral("异动类别"), QStringLiteral("日期"),
                         QStringLiteral("原年级班级"), QStringLiteral("新年级班级"), QStringLiteral("审批状态"),
                         QStringLiteral("原因")}
                 .join(QLatin1Char('\t')));
    RecordRepository pupils(**store, *schema::findTable("students"));
    for (const auto &e : *entries) {
        QString pupilName = name;
        if (pupilName.isEmpty())
            if (auto p = pupils.get(text(e.change.values, "student_id")); p && p->has_value())
                pupilName = text((*p)->values, "name");
        array.append(entryJson(e, pupilName));
        const auto &v = e.change.values;
        out.text(QStringList{e.change.id, pupilName, e.kindName, e.date(),
                             QString(gradeName(v, "from_grade") + QLatin1Char(' ') + text(v, "from_class")).trimmed(),
                             QString(gradeName(v, "to_grade") + QLatin1Char(' ') + text(v, "to_class")).trimmed(),
                             e.approvalName, text(v, "reason")}
                     .join(QLatin1Char('\t')));
    }
    out.data(array);
    return 0;
}

int changeWithdraw(const Options &o, const Output &out)
{
    if (o.id.isEmpty())
        return out.fail(makeError(ErrorKind::Usage, tr("change withdraw needs the change's id.")));
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    auto saved = StatusChangeService(**store).withdraw(o.id);
    if (!saved)
        return out.fail(saved.error());
    out.text(tr("Withdrew the request %1.").arg(saved->id));
    out.data(QJsonObject{{QStringLiteral("id"), saved->id}, {QStringLiteral("approval"), QStringLiteral("4")}});
    return 0;
}

int promoteCommand(const Options &o, const Output &out)
{
    PromotionOptions options;
    options.date = o.date;
    options.dryRun = o.dryRun;
    options.renameClasses = o.renameClasses;
    for (const auto &m : o.classMap) {
        const int eq = m.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return out.fail(makeError(ErrorKind::Usage, tr("--class-map takes OLD=NEW, not %1.").arg(m)));
        options.classMap.insert(m.left(eq).trimmed(), m.mid(eq + 1).trimmed());
    }
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    PromotionService service(**store);
    auto outcome = o.undo ? service.undo(o.dryRun) : service.promote(options);
    if (!outcome)
        return out.fail(outcome.error());
    const QString verb = o.undo ? (o.dryRun ? tr("Would undo") : tr("Undid"))
                                : (o.dryRun ? tr("Would promote") : tr("Promoted"));
    out.text(tr("%1: %2 pupils up one grade, %3 graduating from grade %4, %5 not enrolled left as they are.")
                 .arg(verb)
                 .arg(outcome->promoted)
                 .arg(outcome->graduated)
                 .arg(outcome->topGrade)
                 .arg(outcome->notActive));
    for (auto it = outcome->byGrade.begin(); it != outcome->byGrade.end(); ++it)
        out.text(QStringLiteral("  %1\t%2").arg(qs(schema::findCodeTable("grade")->nameOf(std::to_string(it.key()))))
                     .arg(it.value()));
    if (!outcome->batchId.isEmpty())
        out.text(tr("Batch %1.").arg(outcome->batchId));
    out.data(outcomeJson(*outcome));
    return 0;
}

} // namespace emis::client::cli
