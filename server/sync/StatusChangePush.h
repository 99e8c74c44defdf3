#pragma once

#include "store/StoreTypes.h"
#include "validate/Reason.h"
#include "validate/RecordValidator.h"

#include <optional>

namespace emis::server {

// What a school device may write on a status change (学籍异动), beyond the field checks: a kind
// sent for review is created only as pending (approval 1) and every other kind as 0; the school
// may withdraw (4) a pending request, or undo a promotion batch's rows (0 to 4); approving and
// refusing (2, 3) and the bureau's note are the bureau's alone, and a decided or withdrawn
// request no longer changes. `current` is the row as the server holds it, if any.
std::optional<Issue> checkStatusChangePush(const validate::Record &incoming, const std::optional<StoredRow> &current,
                                           bool deleting);

} // namespace emis::server
