#pragma once

#include "sync/Hlc.h"

namespace emis::sync {

// The merge rule both ends apply, field by field: last writer wins on (hlc, device) — Hlc's
// order already ends on the device. A conflict is recorded when the two writes were concurrent
// (neither writer had seen the other's) and the values differ; the winner is applied either way
// and the loser is kept for a person to review.
//   server: concurrent = the field's current version came from another device and was applied
//           after the writer's base cursor (the writer had not pulled it);
//   client: concurrent = the field has a local change not yet acknowledged, and the incoming
//           version came from another device and is newer than the version that local change
//           overwrote (a version the device had already pulled before editing is not concurrent).
struct FieldMerge {
    bool takeIncoming = false;
    bool conflict = false;
};

FieldMerge mergeField(const Hlc &current, const Hlc &incoming, bool concurrent, bool valuesDiffer);

} // namespace emis::sync
