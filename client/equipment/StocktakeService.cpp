#include "equipment/StocktakeService.h"

#include "schema/CodeTables.h"
#include "schema/EquipmentFigures.h"
#include "store/LocalStore.h"
#include "store/RefResolver.h"
#include "store/SqlValue.h"
#include "validate/FieldRules.h"

#include <QCoreApplication>
#include <QDate>

#include <algorithm>
#include <map>

namespace emis::client {
namespace {

QString tr(const char *text) { return QCoreApplication::translate("emis::client::StocktakeService", text); }

const schema::Table &table(const char *name) { return *schema::findTable(name); }

constexpr const char *kFinished = "2";
constexpr const char *kMissing = "2";

Error invalid(const QString &message, const char *code) { return makeError(ErrorKind::Invalid, message, QLatin1String(code)); }

QString text(const validate::Record &r, const char *field) { return qs(validate::fieldText(r, field)); }

// The id a reference's text names, or the issue as an error.
Result<QString> resolve(LocalStore &store, const schema::Field &field, const QString &written)
{
    RefResolver refs(store);
    auto found = refs.resolve(field, ss(written.trimmed()));
    if (!found)
        return found.error();
    if (const auto *issue = std::get_if<Issue>(&*found))
        return invalidRecord({*issue});
    return qs(std::get<std::string>(*found));
}

Result<StoredRow> stocktake(LocalStore &store, const QString &id)
{
    auto row = RecordStore(store).load(table("stocktakes"), id);
    if (!row)
        return row.error();
    if (!*row || (*row)->deleted)
        // lupdate files a free function's tr() under the namespace, so this one is looked up there.
        return invalid(QCoreApplication::translate("emis::client",
                                                   "There is no stocktake %1 here (see the id stocktake start printed).")
                           .arg(id),
                       "not_found");
    return **row;
}

} // namespace

Result<SaveOutcome> StocktakeService::start(const QString &room, const QString &date, const QString &taker)
{
    validate::Record values{{"state", Value{std::string("1")}}};
    if (!room.trimmed().isEmpty()) {
        auto id = resolve(m_store, *table("stocktakes").field("room_id"), room);
        if (!id)
            return id.error();
        values["room_id"] = Value{ss(*id)};
    }
    const QString day = date.isEmpty() ? QDate::currentDate().toString(Qt::ISODate) : date;
    auto normalized = validate::normalizeField(*table("stocktakes").field("take_date"), ss(day));
    if (const auto *issue = std::get_if<Issue>(&normalized))
        return invalidRecord({*issue});
    values["take_date"] = std::get<Value>(normalized);
    if (!taker.trimmed().isEmpty())
        values["taker"] = Value{ss(taker.trimmed())};
    return RecordStore(m_store).save(table("stocktakes"), {}, values);
}

namespace {

// A stocktake's heading: what was checked, when and by whom, and whether it is closed.
StocktakeView heading(RefResolver &refs, const StoredRow &take, const QString &wholeSchool)
{
    StocktakeView view;
    view.id = take.id;
    const QString roomId = text(take.values, "room_id");
    view.room = roomId.isEmpty() ? wholeSchool : refs.label(table("rooms"), roomId);
    view.date = text(take.values, "take_date");
    view.taker = text(take.values, "taker");
    view.finished = text(take.values, "state") == QLatin1String(kFinished);
    return view;
}

} // namespace

Result<std::vector<StocktakeView>> StocktakeService::list() const
{
    auto takes = RecordStore(m_store).list(table("stocktakes"));
    if (!takes)
        return takes.error();
    RefResolver refs(m_store);
    std::vector<StocktakeView> out;
    for (const auto &take : *takes)
        out.push_back(heading(refs, take, tr("whole school")));
    std::stable_sort(out.begin(), out.end(), [](const StocktakeView &a, const StocktakeView &b) { return a.date > b.date; });
    return out;
}

Result<StocktakeView> StocktakeService::show(const QString &stocktakeId) const
{
    auto take = stocktake(m_store, stocktakeId);
    if (!take)
        return take.error();
    RecordStore records(m_store);
    RefResolver refs(m_store);
    StocktakeView view = heading(refs, *take, tr("whole school"));
    const QString roomId = text(take->values, "room_id");
    std::map<QString, StoredRow> marked;
    auto items = records.listWhere(table("stocktake_items"), "stocktake_id", take->id);
    if (!items)
        return items.error();
    for (auto &item : *items)
        marked.emplace(text(item.values, "asset_id"), std::move(item));
    auto assets = records.list(table("assets"));
    if (!assets)
        return assets.error();
    const auto *results = schema::findCodeTable("stocktake_result");
    for (const auto &a : *assets) {
        const bool listed = marked.count(a.id) > 0;
        // The checklist: what the register holds in the room (all but 已报废), and whatever was marked.
        if (!listed && (a.deleted || text(a.values, "state") == QLatin1String(schema::equipment_figures::kWrittenOff.data()) ||
                        (!roomId.isEmpty() && text(a.values, "room_id") != roomId)))
            continue;
        StocktakeLine line{a.id, text(a.values, "asset_no"), text(a.values, "name"), text(a.values, "model"), {}, {}, {}, {}, {}, {}};
        if (const QString room = text(a.values, "room_id"); !room.isEmpty())
            line.room = refs.label(table("rooms"), room);
        line.keeperId = text(a.values, "keeper_id");
        if (!line.keeperId.isEmpty())
            line.keeper = refs.label(table("staff"), line.keeperId);
        if (listed) {
            const StoredRow &item = marked.at(a.id);
            line.result = text(item.values, "result");
            line.resultText = qs(results->nameOf(ss(line.result)));
            line.note = text(item.values, "note");
        }
        view.lines.push_back(std::move(line));
    }
    std::sort(view.lines.begin(), view.lines.end(),
              [](const StocktakeLine &x, const StocktakeLine &y) { return x.assetNo < y.assetNo; });
    return view;
}

Result<SaveOutcome> StocktakeService::mark(const QString &stocktakeId, const QString &asset, const QString &result,
                                           const QString &note)
{
    auto view = show(stocktakeId);
    if (!view)
        return view.error();
    if (view->finished)
        return invalid(tr("Stocktake %1 is finished; start a new one to check again.").arg(stocktakeId), "wrong_state");
    const schema::Table &items = table("stocktake_items");
    auto assetId = resolve(m_store, *items.field("asset_id"), asset);
    if (!assetId)
        return assetId.error();
    const auto line = std::find_if(view->lines.begin(), view->lines.end(),
                                   [&](const StocktakeLine &l) { return l.assetId == *assetId; });
    if (line == view->lines.end())
        return invalid(tr("Asset %1 is not on this stocktake's checklist (it is kept in another room, or written off).")
                           .arg(asset),
                       "not_on_checklist");
    auto code = validate::normalizeField(*items.field("result"), ss(result));
    if (const auto *issue = std::get_if<Issue>(&code))
        return invalidRecord({*issue});
    if (isNull(std::get<Value>(code)))
        return invalidRecord({makeIssue(Reason::Required, items.field("result"))});
    validate::Record values{{"result", std::get<Value>(code)},
                            {"note", note.trimmed().isEmpty() ? Value{} : Value{ss(note.trimmed())}}};
    RecordStore records(m_store);
    auto existing = records.listWhere(items, "stocktake_id", view->id);
    if (!existing)
        return existing.error();
    for (const auto &item : *existing)
        if (text(item.values, "asset_id") == *assetId)
            return records.save(items, item.id, values);
    values["stocktake_id"] = Value{ss(view->id)};
    values["asset_id"] = Value{ss(*assetId)};
    return records.save(items, {}, values);
}

Result<int> StocktakeService::finish(const QString &stocktakeId)
{
    auto view = show(stocktakeId);
    if (!view)
        return view.error();
    if (view->finished)
        return invalid(tr("Stocktake %1 is finished already.").arg(stocktakeId), "wrong_state");
    RecordStore records(m_store);
    if (auto st = records.beginBatch(); !st)
        return st.error();
    int missing = 0;
    for (const auto &line : view->lines) {
        if (!line.result.isEmpty())
            continue;
        auto saved = records.save(table("stocktake_items"), {},
                                  {{"stocktake_id", Value{ss(view->id)}},
                                   {"asset_id", Value{ss(line.assetId)}},
                                   {"result", Value{std::string(kMissing)}},
                                   {"note", Value{ss(tr("not found at the stocktake"))}}});
        if (!saved)
            return saved.error();
        ++missing;
    }
    if (auto saved = records.save(table("stocktakes"), view->id, {{"state", Value{std::string(kFinished)}}}); !saved)
        return saved.error();
    if (auto st = records.commitBatch(); !st)
        return st.error();
    return missing;
}

} // namespace emis::client
