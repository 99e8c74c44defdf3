// The bureau's decision on an asset's 调拨 or 报废 (电教站, 计财股): the approval and its note, and
// on approval its effect, written as the server in the one write job with the audit line: a
// 报废 makes the asset 已报废; a 调拨 gives the asset (idle, with no room or keeper of the old
// school) and its earlier history to the receiving school, which records its 调入. The sending
// school keeps the 调拨 itself.
#include "workflow/Decision.h"

#include "schema/CodeTables.h"
#include "schema/EquipmentFigures.h"
#include "schema/Schema.h"
#include "store/StoreSession.h"
#include "sync/CountyWriter.h"
#include "validate/EquipmentRules.h"
#include "validate/StatusChangeRules.h"

#include <ctime>

namespace emis::server::workflow {
namespace {

const schema::Table &table(const char *name) { return *schema::findTable(name); }

std::string dayOf(std::int64_t ms)
{
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char out[16];
    std::strftime(out, sizeof out, "%Y-%m-%d", &tm);
    return out;
}

} // namespace

DecisionResult decideAssetMove(StoreSession &store, sync::HlcClock &clock, const Decision &decision)
{
    namespace approval = validate::approval;
    namespace move_kind = validate::move_kind;
    const schema::Table &moves = table("asset_moves");
    const schema::Table &assets = table("assets");
    auto row = store.loadRow(moves, decision.rowId);
    if (!row || row->deleted)
        return makeIssue(Reason::WrongState, moves.field("approval"), decision.rowId);
    const std::string kind = fieldText(row->values, "kind");
    const std::string state = fieldText(row->values, "approval");
    if (!validate::moveNeedsApproval(kind) || state != approval::Pending)
        return makeIssue(Reason::WrongState, moves.field("approval"), schema::findCodeTable("approval_state")->nameOf(state));
    if (!decision.approve && decision.note.empty())
        return makeIssue(Reason::Required, moves.field("approval_note"));
    auto asset = store.loadRow(assets, fieldText(row->values, "asset_id"));
    if (!asset || asset->deleted || asset->schoolId != row->schoolId)
        return makeIssue(Reason::WrongState, moves.field("asset_id"), fieldText(row->values, "asset_id"));
    const std::string sending = row->schoolId;
    const std::string receiving = fieldText(row->values, "other_school_id");
    if (decision.approve && kind == move_kind::Transfer) {
        const auto school = store.loadRow(table("schools"), receiving);
        if (!school || school->deleted || receiving == sending)
            return makeIssue(Reason::ForeignReference, moves.field("other_school_id"));
    }

    CountyWriter writer(store, clock, decision.user, decision.nowMs);
    std::string effect;
    if (decision.approve && kind == move_kind::WriteOff) {
        writer.rewrite(assets, *asset, {{"state", Value{std::string(schema::equipment_figures::kWrittenOff)}}});
        effect = " written off";
    } else if (decision.approve) {
        // The asset's history goes with it; this 调拨 stays the sending school's record.
        for (auto &earlier : store.rowsWhere(moves, {{"asset_id", Value{asset->id}}}))
            if (earlier.id != row->id && !earlier.deleted)
                writer.rewrite(moves, earlier, {}, receiving);
        for (auto &photo : store.rowsWhere(table("evidence"), {{"owner_id", Value{asset->id}}}))
            writer.rewrite(table("evidence"), photo, {}, receiving);
        writer.rewrite(assets, *asset,
                       {{"room_id", Value{}}, {"keeper_id", Value{}}, {"state", Value{std::string("2")}}}, receiving);
        validate::Record arrival{{"asset_id", Value{asset->id}},
                                 {"kind", Value{std::string(move_kind::TransferIn)}},
                                 {"move_date", Value{dayOf(decision.nowMs)}},
                                 {"other_school_id", Value{sending}},
                                 {"approval", Value{std::string(approval::None)}}};
        if (!fieldText(row->values, "reason").empty())
            arrival["reason"] = row->values.at("reason");
        if (auto added = writer.addRow(moves, receiving, arrival); std::holds_alternative<std::vector<Issue>>(added))
            return std::get<std::vector<Issue>>(added).front();
        effect = " to " + receiving;
    }
    const std::string next(decision.approve ? approval::Approved : approval::Refused);
    validate::Record values{{"approval", Value{next}}};
    values["approval_note"] = decision.note.empty() ? Value{} : Value{decision.note};
    writer.rewrite(moves, *row, values);
    store.audit(AuditEntry{decision.nowMs, decision.user, sending, decision.approve ? "approve" : "refuse",
                           "asset_moves " + row->id + " kind " + kind + " asset " + asset->id + effect +
                               (decision.note.empty() ? "" : " note: " + decision.note)});
    return next;
}

} // namespace emis::server::workflow
