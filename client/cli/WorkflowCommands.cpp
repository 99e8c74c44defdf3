// transfer | staff-transfer request | list | agree | refuse | withdraw | out, and problems.
#include "cli/CliSupport.h"
#include "register/ProblemService.h"
#include "register/TransferService.h"
#include "store/SqlValue.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace emis::client::cli {
namespace {

int saved(const Output &out, const Result<SaveOutcome> &r, const QString &message)
{
    if (!r)
        return out.fail(r.error());
    out.text(message.arg(r->id));
    out.text(tr("It reaches the other school and the bureau on the next sync."));
    out.data(QJsonObject{{QStringLiteral("id"), r->id}, {QStringLiteral("device_seq"), static_cast<qint64>(r->deviceSeq)}});
    return 0;
}

const schema::MoveKind &kindOf(const Options &o)
{
    return o.staffMove ? TransferService::staffTransfers() : TransferService::pupilTransfers();
}

// Runs one step on the device's transfers.
template <typename Step>
int onTransfer(const Options &o, const Output &out, Step step, const char *done)
{
    if (o.id.isEmpty())
        return out.fail(makeError(ErrorKind::Usage, tr("Give the request's id (see transfer list).")));
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    TransferService service(**store, kindOf(o));
    return saved(out, step(service), tr(done));
}

} // namespace

int transferRequest(const Options &o, const Output &out)
{
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    TransferRequest r{o.idNumber, o.name, o.grade, o.className, o.reason, o.evidence.value(0)};
    return saved(out, TransferService(**store, kindOf(o)).request(r), tr("Saved transfer request %1."));
}

int transferList(const Options &o, const Output &out)
{
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    auto rows = TransferService(**store, kindOf(o)).list();
    if (!rows)
        return out.fail(rows.error());
    QJsonArray array;
    out.text(QStringList{tr("id"), tr("direction"), tr("name"), tr("ID number"), tr("other school"), tr("state"),
                         tr("notes")}
                 .join(QLatin1Char('\t')));
    for (const auto &t : *rows) {
        array.append(QJsonObject{{QStringLiteral("id"), t.id},
                                 {QStringLiteral("direction"), t.incoming ? QStringLiteral("in") : QStringLiteral("out")},
                                 {QStringLiteral("id_number"), t.idNumber},
                                 {QStringLiteral("name"), t.name},
                                 {QStringLiteral("other_school"), t.otherSchool},
                                 {QStringLiteral("state"), t.state},
                                 {QStringLiteral("state_text"), t.stateText},
                                 {QStringLiteral("to_grade"), t.toGrade},
                                 {QStringLiteral("to_class"), t.toClass},
                                 {QStringLiteral("request_date"), t.requestDate},
                                 {QStringLiteral("reason"), t.reason},
                                 {QStringLiteral("from_note"), t.fromNote},
                                 {QStringLiteral("bureau_note"), t.bureauNote},
                                 {QStringLiteral("waiting_for_us"), t.waitingForUs}});
        QStringList notes;
        for (const QString &n : {t.reason, t.fromNote, t.bureauNote})
            if (!n.isEmpty())
                notes << n;
        out.text(QStringList{t.id, t.incoming ? tr("in") : tr("out"), t.name, t.idNumber, t.otherSchool, t.stateText,
                             notes.join(QStringLiteral("; "))}
                     .join(QLatin1Char('\t')));
    }
    out.data(array);
    return 0;
}

int transferAgree(const Options &o, const Output &out)
{
    return onTransfer(o, out, [&](TransferService &s) { return s.agree(o.id, o.note); },
                      QT_TRANSLATE_NOOP("emis-cli", "Agreed to transfer request %1."));
}

int transferRefuse(const Options &o, const Output &out)
{
    return onTransfer(o, out, [&](TransferService &s) { return s.refuse(o.id, o.reason); },
                      QT_TRANSLATE_NOOP("emis-cli", "Refused transfer request %1."));
}

int transferWithdraw(const Options &o, const Output &out)
{
    return onTransfer(o, out, [&](TransferService &s) { return s.withdraw(o.id); },
                      QT_TRANSLATE_NOOP("emis-cli", "Withdrew transfer request %1."));
}

int transferredOutList(const Options &o, const Output &out)
{
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    auto rows = TransferService(**store, kindOf(o)).transferredOut();
    if (!rows)
        return out.fail(rows.error());
    const schema::Table &people = *schema::findTable(kindOf(o).personTable);
    const auto fields = o.staffMove ? std::vector<const char *>{"name", "id_number", "staff_no", "subject"}
                                    : std::vector<const char *>{"name", "id_number", "grade", "class_name"};
    QJsonArray array;
    for (const auto &row : *rows) {
        QJsonObject o2{{QStringLiteral("id"), row.id}, {QStringLiteral("school_id"), row.schoolId}};
        QStringList line{row.id};
        for (const char *f : fields) {
            const QString v = displayValue(*people.field(f), row.values.at(f));
            o2.insert(QLatin1String(f), v);
            line << v;
        }
        array.append(o2);
        out.text(line.join(QLatin1Char('\t')));
    }
    out.data(array);
    return 0;
}

int problemsList(const Options &o, const Output &out)
{
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    auto rows = ProblemService(**store).list(o.all);
    if (!rows)
        return out.fail(rows.error());
    QJsonArray array;
    for (const auto &p : *rows) {
        array.append(QJsonObject{{QStringLiteral("id"), p.id},
                                 {QStringLiteral("kind"), p.kind},
                                 {QStringLiteral("kind_text"), p.kindText},
                                 {QStringLiteral("student_id"), p.studentId},
                                 {QStringLiteral("name"), p.studentName},
                                 {QStringLiteral("id_number"), p.idNumber},
                                 {QStringLiteral("other_school"), p.otherSchool},
                                 {QStringLiteral("detail"), p.detail},
                                 {QStringLiteral("state"), p.open ? QStringLiteral("open") : QStringLiteral("resolved")},
                                 {QStringLiteral("advice"), p.advice}});
        out.text(QStringList{p.id, p.kindText, p.studentName, p.idNumber, p.otherSchool}.join(QLatin1Char('\t')));
        out.text(QStringLiteral("    ") + p.advice);
    }
    if (rows->empty())
        out.text(tr("No problem records."));
    out.data(array);
    return 0;
}

} // namespace emis::client::cli
