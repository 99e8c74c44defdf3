// Placeholder until the cross-school transfer flow lands: that work replaces this file with the
// real decision (the pupil's record moving to the receiving school). Until then every transfer
// decision is refused as not applicable, so nothing half-done can happen.
#include "workflow/Decision.h"

namespace emis::server::workflow {

DecisionResult decideTransfer(StoreSession &, sync::HlcClock &, const Decision &)
{
    return makeIssue(Reason::WrongState, "", "", "", "transfers");
}

} // namespace emis::server::workflow
