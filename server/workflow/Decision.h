#pragma once

#include "validate/Reason.h"

#include <cstdint>
#include <string>
#include <variant>

namespace emis::sync {
class HlcClock;
}

namespace emis::server {

class StoreSession;

namespace workflow {

// A bureau officer's decision on a request waiting for the bureau (wire::DecisionRequest).
struct Decision {
    std::string table;   // "status_changes", a move's request table (schema/Moves.h), or a table with deciders
    std::string rowId;
    bool approve = false;
    std::string note;    // 审批意见
    std::string user;    // the bureau user deciding, for the audit
    std::int64_t nowMs = 0;
};

// The request's state code afterwards, or why the decision was refused.
using DecisionResult = std::variant<std::string, Issue>;

// Each runs inside one write job of the store (one transaction): the decision, its effects on
// the pupil's record and the audit line commit together, stamped with the server's clock, and
// reach the schools on their next pull. The caller has already checked the user's role.
DecisionResult decideStatusChange(StoreSession &store, sync::HlcClock &clock, const Decision &decision);
DecisionResult decideTransfer(StoreSession &store, sync::HlcClock &clock, const Decision &decision);
// An asset's 调拨 or 报废 (asset_moves; the roles are the table's deciders).
DecisionResult decideAssetMove(StoreSession &store, sync::HlcClock &clock, const Decision &decision);

} // namespace workflow
} // namespace emis::server
