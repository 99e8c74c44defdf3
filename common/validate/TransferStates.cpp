#include "validate/TransferStates.h"

namespace emis::validate::transfer {

bool mayMove(Party party, std::string_view from, std::string_view to)
{
    switch (party) {
    case Party::Receiving:
        return (from.empty() && to == WaitingForSender) ||
               (to == Withdrawn && (from == WaitingForSender || from == WaitingForBureau));
    case Party::Sending:
        return from == WaitingForSender && (to == WaitingForBureau || to == RefusedBySender);
    case Party::Bureau:
        return from == WaitingForBureau && (to == Completed || to == RefusedByBureau);
    }
    return false;
}

bool needsNote(Party party, std::string_view to) { return party == Party::Sending && to == RefusedBySender; }

} // namespace emis::validate::transfer
