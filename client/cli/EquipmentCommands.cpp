// stocktake start | mark | finish | show: 盘点 on the device, offline (equipment/StocktakeService.h).
#include "cli/CliSupport.h"
#include "equipment/StocktakeService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <map>

namespace emis::client::cli {
namespace {

int needsId(const Options &o, const Output &out)
{
    return o.id.isEmpty() ? out.fail(makeError(ErrorKind::Usage, tr("Give the stocktake's id (stocktake start prints it)."))) : 0;
}

int printView(const Output &out, const StocktakeView &v)
{
    out.text(tr("Stocktake %1: %2, %3%4").arg(v.id, v.room, v.date, v.finished ? tr(" (finished)") : QString()));
    out.text(QStringList{tr("asset number"), tr("name"), tr("model"), tr("keeper"), tr("result"), tr("note")}.join(QLatin1Char('\t')));
    QJsonArray lines;
    std::map<QString, QStringList> missingByKeeper;
    int unchecked = 0;
    for (const auto &l : v.lines) {
        out.text(QStringList{l.assetNo, l.name, l.model, l.keeper, l.result.isEmpty() ? tr("not checked") : l.resultText, l.note}
                     .join(QLatin1Char('\t')));
        lines.append(QJsonObject{{QStringLiteral("asset_id"), l.assetId}, {QStringLiteral("asset_no"), l.assetNo},
                                 {QStringLiteral("name"), l.name},        {QStringLiteral("model"), l.model},
                                 {QStringLiteral("room"), l.room},        {QStringLiteral("keeper_id"), l.keeperId},
                                 {QStringLiteral("keeper"), l.keeper},    {QStringLiteral("result"), l.result},
                                 {QStringLiteral("note"), l.note}});
        unchecked += l.result.isEmpty() ? 1 : 0;
        if (l.result == QLatin1String("2"))
            missingByKeeper[l.keeper.isEmpty() ? tr("(no keeper)") : l.keeper] << (l.assetNo + QLatin1Char(' ') + l.name);
    }
    if (!missingByKeeper.empty()) {
        out.text(tr("Missing, by keeper:"));
        for (const auto &[keeper, items] : missingByKeeper)
            out.text(QStringLiteral("  ") + keeper + QStringLiteral(": ") + items.join(QStringLiteral(", ")));
    }
    QJsonObject missing;
    for (const auto &[keeper, items] : missingByKeeper)
        missing.insert(keeper, QJsonArray::fromStringList(items));
    out.data(QJsonObject{{QStringLiteral("id"), v.id},
                         {QStringLiteral("room"), v.room},
                         {QStringLiteral("date"), v.date},
                         {QStringLiteral("taker"), v.taker},
                         {QStringLiteral("finished"), v.finished},
                         {QStringLiteral("unchecked"), unchecked},
                         {QStringLiteral("lines"), lines},
                         {QStringLiteral("missing_by_keeper"), missing}});
    return 0;
}

} // namespace

int stocktakeStart(const Options &o, const Output &out)
{
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    StocktakeService service(**store);
    auto started = service.start(o.room, o.date, o.name);
    if (!started)
        return out.fail(started.error());
    auto view = service.show(started->id);
    if (!view)
        return out.fail(view.error());
    return printView(out, *view);
}

int stocktakeMark(const Options &o, const Output &out)
{
    if (int rc = needsId(o, out))
        return rc;
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    auto marked = StocktakeService(**store).mark(o.id, o.asset, o.result, o.note);
    if (!marked)
        return out.fail(marked.error());
    out.text(tr("Marked %1.").arg(o.asset));
    out.data(QJsonObject{{QStringLiteral("id"), marked->id}, {QStringLiteral("device_seq"), static_cast<qint64>(marked->deviceSeq)}});
    return 0;
}

int stocktakeFinish(const Options &o, const Output &out)
{
    if (int rc = needsId(o, out))
        return rc;
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    StocktakeService service(**store);
    auto missing = service.finish(o.id);
    if (!missing)
        return out.fail(missing.error());
    out.text(tr("Finished; assets not marked, recorded as missing: %1.").arg(*missing));
    auto view = service.show(o.id);
    if (!view)
        return out.fail(view.error());
    return printView(out, *view);
}

int stocktakeShow(const Options &o, const Output &out)
{
    if (int rc = needsId(o, out))
        return rc;
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    auto view = StocktakeService(**store).show(o.id);
    if (!view)
        return out.fail(view.error());
    return printView(out, *view);
}

} // namespace emis::client::cli
