// The rules of equipment (装备/资产): what a school may set on an asset, what each 出入库 needs
// and does to its asset, and a room's use log. 已报废 and 调入 are the server's, written when the
// bureau approves a 报废 or a 调拨; a school files those two with the approval pending.
#include "validate/EquipmentRules.h"

#include "schema/CodeTables.h"
#include "schema/EquipmentFigures.h"
#include "validate/StatusChangeRules.h"

namespace emis::validate {
namespace {

namespace ef = schema::equipment_figures;

constexpr std::int64_t kFirstPeriod = 1;
constexpr std::int64_t kLastPeriod = 12;

bool given(const Record &r, std::string_view field)
{
    auto it = r.find(field);
    return it != r.end() && !isNull(it->second) && !displayText(it->second).empty();
}

bool touches(const Record &r, std::string_view field) { return r.find(field) != r.end(); }

// "已报废 needs the bureau's approval": the code's own name is the label.
Issue approvalOnly(const char *codeTable, std::string_view field, const std::string &code)
{
    const auto *entry = schema::findCodeTable(codeTable)->byCode(code);
    return makeIssue(Reason::ByApprovalOnly, field, entry ? entry->zh : code, entry ? entry->en : code);
}

Issue approvalIssue(Reason reason, const std::string &state)
{
    return makeIssue(reason, "approval", "审批状态", "approval", schema::findCodeTable("approval_state")->nameOf(state));
}

// 已报废 only by the bureau's approval of a 报废.
std::optional<Issue> assetChange(const Record &incoming, const Record *current, bool /*deleting*/)
{
    const std::string state = fieldText(incoming, "state");
    if (touches(incoming, "state") && state == ef::kWrittenOff && (!current || fieldText(*current, "state") != state))
        return approvalOnly("asset_state", "state", state);
    return std::nullopt;
}

void assetMoveRecord(const schema::Table &table, const Record &r, Completeness completeness,
                     const std::vector<Issue> & /*fieldIssues*/, std::vector<Issue> &out)
{
    if (completeness != Completeness::Whole)
        return;
    const std::string kind = fieldText(r, "kind");
    if (kind == move_kind::Lend && !given(r, "staff_id"))
        out.push_back(makeIssue(Reason::Required, table.field("staff_id")));
    if (kind == move_kind::Transfer && !given(r, "other_school_id"))
        out.push_back(makeIssue(Reason::Required, table.field("other_school_id")));
    if (moveNeedsApproval(kind) && !given(r, "reason"))
        out.push_back(makeIssue(Reason::ReviewNeedsReason, table.field("reason"),
                                schema::findCodeTable("asset_move_kind")->nameOf(kind)));
}

// 调入 is the server's; a 调拨 or 报废 is filed pending and decided by the bureau alone, and once
// decided it stays as it was decided.
std::optional<Issue> assetMoveChange(const Record &incoming, const Record *current, bool deleting)
{
    const std::string was = current ? fieldText(*current, "kind") : std::string();
    const std::string kind = touches(incoming, "kind") ? fieldText(incoming, "kind") : was;
    if (kind == move_kind::TransferIn || was == move_kind::TransferIn)
        return approvalOnly("asset_move_kind", "kind", std::string(move_kind::TransferIn));
    const std::string before = current ? fieldText(*current, "approval") : std::string();
    if (before == approval::Approved || before == approval::Refused)
        return approvalIssue(Reason::WrongState, before);
    if (deleting)
        return std::nullopt;
    const std::string after = touches(incoming, "approval") ? fieldText(incoming, "approval") : before;
    if (after == approval::Approved || after == approval::Refused)
        return approvalOnly("approval_state", "approval", after);
    const bool pendingKind = moveNeedsApproval(kind);
    // A 调拨 or 报废 is pending until the bureau decides (or withdrawn by the school); any other
    // move needs no approval.
    if (pendingKind ? after != approval::Pending && after != approval::Withdrawn : !after.empty() && after != approval::None)
        return approvalIssue(Reason::NotRecognised, after);
    return std::nullopt;
}

// What a new move does to its asset at once: 领用 to the teacher, 归还 to the store, 送修, 修复,
// and a 报废 filed marks it 待报废. A 调拨 waits for the bureau.
std::optional<TableRules::Effect> assetMoveEffect(const Record &row)
{
    const std::string kind = fieldText(row, "kind");
    const std::string asset = fieldText(row, "asset_id");
    Record values;
    if (kind == move_kind::Lend) {
        values = {{"keeper_id", Value{fieldText(row, "staff_id")}}, {"state", Value{std::string("1")}}};
    } else if (kind == move_kind::Return) {
        values = {{"keeper_id", Value{}}, {"state", Value{std::string("2")}}};
    } else if (kind == move_kind::Repair) {
        values = {{"state", Value{std::string("3")}}};
    } else if (kind == move_kind::Repaired) {
        values = {{"state", Value{std::string("1")}}};
    } else if (kind == move_kind::WriteOff && fieldText(row, "approval") == approval::Pending) {
        values = {{"state", Value{std::string(ef::kAwaitingWriteOff)}}};
    } else {
        return std::nullopt;
    }
    return TableRules::Effect{"assets", asset, std::move(values)};
}

// A 调拨 or 报废 is filed 待审批; any other move needs none.
Record assetMoveComplete(const Record &row)
{
    if (given(row, "approval"))
        return {};
    const bool pending = moveNeedsApproval(fieldText(row, "kind"));
    return {{"approval", Value{std::string(pending ? approval::Pending : approval::None)}}};
}

// An approved 调拨 hands the asset, with its earlier moves, to the receiving school.
std::optional<TableRules::Handover> assetMoveHandover(const Record &row)
{
    if (fieldText(row, "kind") != move_kind::Transfer || fieldText(row, "approval") != approval::Approved ||
        fieldText(row, "other_school_id").empty())
        return std::nullopt;
    return TableRules::Handover{"assets", fieldText(row, "asset_id"), fieldText(row, "other_school_id"), "asset_id"};
}

void roomUsageRecord(const schema::Table &table, const Record &r, Completeness /*completeness*/,
                     const std::vector<Issue> &fieldIssues, std::vector<Issue> &out)
{
    if (!given(r, "period"))
        return;
    for (const auto &i : fieldIssues)
        if (i.field == "period")
            return;
    const auto *p = std::get_if<std::int64_t>(&r.find("period")->second);
    if (p && (*p < kFirstPeriod || *p > kLastPeriod))
        out.push_back(makeIssue(Reason::OutOfRange, table.field("period"),
                                std::to_string(kFirstPeriod) + "–" + std::to_string(kLastPeriod)));
}

} // namespace

bool moveNeedsApproval(std::string_view kindCode)
{
    return kindCode == move_kind::Transfer || kindCode == move_kind::WriteOff;
}

const TableRules kAssetRules{"asset", nullptr, &assetChange};
const TableRules kAssetMoveRules{"asset_move",     &assetMoveRecord,   &assetMoveChange,
                                 &assetMoveEffect, &assetMoveComplete, &assetMoveHandover};
const TableRules kRoomUsageRules{"room_usage", &roomUsageRecord, nullptr};

} // namespace emis::validate
