#pragma once

#include "store/StoreTypes.h"
#include "validate/Reason.h"
#include "validate/RecordValidator.h"

#include <optional>
#include <string>

namespace emis::server {

class StoreSession;

// Who may write what in a cross-school transfer (the transfers table), on the push path:
//  - the receiving school B creates the request (state 1) from an ID number and a name; the
//    server finds the pupil among the active pupils of the other schools and fills student_id
//    and from_school_id, or refuses with PupilNotFound;
//  - the sending school A may write state 2 (agree) or 3 (refuse, with from_note) while the
//    state is 1, and nothing else;
//  - B may write state 4 (withdraw) while the state is 1 or 2, and nothing else;
//  - the bureau decides from state 2 (workflow::decideTransfer), never through a push.
// `incoming` is the change's fields; a new request gets the server's fields added to it.
std::optional<Issue> checkTransferChange(StoreSession &store, const std::string &schoolId, bool deleted,
                                         validate::Record &incoming, const std::optional<StoredRow> &current);

// The transfer's state code as text ("1".."6"), or empty.
std::string transferState(const StoredRow &row);

} // namespace emis::server
