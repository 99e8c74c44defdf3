#pragma once

#include "store/RecordStore.h"

#include <QString>

#include <vector>

namespace emis::client {

class LocalStore;

// One asset on a stocktake's checklist, and what was found.
struct StocktakeLine {
    QString assetId, assetNo, name, model, room;
    QString keeperId, keeper;  // the teacher who keeps it, by name (empty: none)
    QString result;            // stocktake_result code: 1 在位, 2 缺失, 3 损坏; empty: not checked yet
    QString resultText;
    QString note;
};

struct StocktakeView {
    QString id, room, date, taker;
    bool finished = false;
    std::vector<StocktakeLine> lines;  // by asset number
};

// 盘点 on the school's device, offline: a stocktake of one room (or, with none named, of the whole
// school) lists every asset the register holds there (all but 已报废); each is marked 在位, 缺失
// or 损坏, with a note; finishing it records every asset not marked as 缺失 and closes it. The
// result is kept (stocktakes, stocktake_items) and syncs like any record; the missing are listed
// by keeper. Every step is a saved change.
class StocktakeService {
public:
    explicit StocktakeService(LocalStore &store) : m_store(store) {}

    // `room`: a room's name (or id), empty for the whole school; `date` YYYY-MM-DD or empty for today.
    Result<SaveOutcome> start(const QString &room, const QString &date, const QString &taker);
    // `asset`: its 资产编号, 条形码 or id; `result`: 在位, 缺失, 损坏 (or the code).
    Result<SaveOutcome> mark(const QString &stocktakeId, const QString &asset, const QString &result, const QString &note);
    // Returns how many assets it recorded 缺失 for not being marked.
    Result<int> finish(const QString &stocktakeId);
    Result<StocktakeView> show(const QString &stocktakeId) const;
    // Every stocktake here, newest first, without their lines.
    Result<std::vector<StocktakeView>> list() const;

private:
    LocalStore &m_store;
};

} // namespace emis::client
