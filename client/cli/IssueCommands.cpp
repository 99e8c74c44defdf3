// rejections [resolve|discard], conflicts [resolve|discard].
#include "cli/CliSupport.h"
#include "store/IssueService.h"
#include "store/IssueStore.h"
#include "store/SqlValue.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace emis::client::cli {
namespace {

// "学生 / 身份证件号" from the schema, or the raw names for a table this program does not know.
QString where(const QString &table, const QString &field)
{
    const schema::Table *t = schema::findTable(ss(table));
    const QString tableLabel = t ? qs(t->labelZh) : table;
    const schema::Field *f = t ? t->field(ss(field)) : nullptr;
    if (field.isEmpty())
        return tableLabel;
    return tableLabel + QStringLiteral(" / ") + (f ? qs(f->labelZh) : field);
}

Result<qint64> entryId(const Options &o)
{
    bool ok = false;
    const qint64 id = o.id.toLongLong(&ok);
    if (!ok || id <= 0)
        return makeError(ErrorKind::Usage, tr("Give the entry's number as listed, not \"%1\".").arg(o.id));
    return id;
}

} // namespace

int rejectionsList(const Options &o, const Output &out)
{
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    auto list = IssueStore((*store)->db()).rejections(!o.all);
    if (!list)
        return out.fail(list.error());
    QJsonArray array;
    if (list->empty())
        out.text(tr("No rejections."));
    for (const auto &r : *list) {
        out.text(tr("#%1 [%2] %3, record %4: %5 / %6 (%7)%8")
                     .arg(r.id)
                     .arg(r.state, where(r.table, r.field), r.rowId, r.messageZh, r.messageEn, r.code,
                          r.note.isEmpty() ? QString() : QStringLiteral(" — ") + r.note));
        array.append(QJsonObject{{QStringLiteral("id"), r.id},
                                 {QStringLiteral("device_seq"), static_cast<qint64>(r.deviceSeq)},
                                 {QStringLiteral("table"), r.table},
                                 {QStringLiteral("row_id"), r.rowId},
                                 {QStringLiteral("field"), r.field},
                                 {QStringLiteral("code"), r.code},
                                 {QStringLiteral("message_zh"), r.messageZh},
                                 {QStringLiteral("message_en"), r.messageEn},
                                 {QStringLiteral("state"), r.state},
                                 {QStringLiteral("note"), r.note},
                                 {QStringLiteral("created"), isoTime(r.createdMs)}});
    }
    out.data(array);
    return 0;
}

int conflictsList(const Options &o, const Output &out)
{
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    auto list = IssueStore((*store)->db()).conflicts(!o.all);
    if (!list)
        return out.fail(list.error());
    QJsonArray array;
    if (list->empty())
        out.text(tr("No conflicts."));
    for (const auto &c : *list) {
        out.text(tr("#%1 [%2] %3, record %4: kept \"%5\", the other edit was \"%6\"%7")
                     .arg(c.id)
                     .arg(c.state, where(c.table, c.field), c.rowId, c.winnerText, c.loserText,
                          c.note.isEmpty() ? QString() : QStringLiteral(" — ") + c.note));
        array.append(QJsonObject{{QStringLiteral("id"), c.id},
                                 {QStringLiteral("origin"), c.origin},
                                 {QStringLiteral("table"), c.table},
                                 {QStringLiteral("row_id"), c.rowId},
                                 {QStringLiteral("field"), c.field},
                                 {QStringLiteral("winner"), c.winnerText},
                                 {QStringLiteral("winner_hlc"), c.winnerHlc},
                                 {QStringLiteral("loser"), c.loserText},
                                 {QStringLiteral("loser_hlc"), c.loserHlc},
                                 {QStringLiteral("state"), c.state},
                                 {QStringLiteral("note"), c.note},
                                 {QStringLiteral("created"), isoTime(c.createdMs)}});
    }
    out.data(array);
    return 0;
}

namespace {

// Resolving and discarding work the same for rejections and conflicts; only the service call
// and the closing sentence differ.
using ResolveCall = Result<SaveOutcome> (IssueService::*)(qint64, const RawFields &, const QString &);
using DiscardCall = Status (IssueService::*)(qint64, const QString &);

int resolveEntry(const Options &o, const Output &out, ResolveCall call)
{
    auto id = entryId(o);
    auto raw = parseSets(o.sets);
    if (!id || !raw)
        return out.fail(!id ? id.error() : raw.error());
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    IssueService service(**store);
    const auto r = (service.*call)(*id, *raw, o.note);
    if (!r)
        return out.fail(r.error());
    out.text(r->deviceSeq ? tr("Entry %1 resolved; the correction goes out as change %2.").arg(*id).arg(r->deviceSeq)
                          : tr("Entry %1 resolved.").arg(*id));
    out.data(QJsonObject{{QStringLiteral("id"), *id}, {QStringLiteral("device_seq"), static_cast<qint64>(r->deviceSeq)}});
    return 0;
}

int discardEntry(const Options &o, const Output &out, DiscardCall call, const char *done)
{
    auto id = entryId(o);
    if (!id)
        return out.fail(id.error());
    if (o.note.isEmpty())
        return out.fail(makeError(ErrorKind::Usage, tr("Discarding is on purpose: say why with --note.")));
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    IssueService service(**store);
    if (const Status st = (service.*call)(*id, o.note); !st)
        return out.fail(st.error());
    out.text(QCoreApplication::translate("emis-cli", done).arg(*id));
    out.data(QJsonObject{{QStringLiteral("id"), *id}});
    return 0;
}

} // namespace

int rejectionsResolve(const Options &o, const Output &out)
{
    return resolveEntry(o, out, &IssueService::resolveRejection);
}

int rejectionsDiscard(const Options &o, const Output &out)
{
    return discardEntry(o, out, &IssueService::discardRejection,
                        QT_TRANSLATE_NOOP("emis-cli", "Rejection %1 discarded; the server's values return on the next sync."));
}

int conflictsResolve(const Options &o, const Output &out)
{
    return resolveEntry(o, out, &IssueService::resolveConflict);
}

int conflictsDiscard(const Options &o, const Output &out)
{
    return discardEntry(o, out, &IssueService::discardConflict, QT_TRANSLATE_NOOP("emis-cli", "Conflict %1 discarded."));
}

} // namespace emis::client::cli
