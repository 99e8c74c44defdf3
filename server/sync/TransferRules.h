#pragma once

#include "schema/Schema.h"
#include "store/StoreTypes.h"
#include "validate/Reason.h"
#include "validate/RecordValidator.h"

#include <optional>
#include <string>

namespace emis::server {

class StoreSession;

// Who may write what in a cross-school move (schema/Moves.h: a pupil's 转学 in transfers, a
// teacher's 调动 in staff_transfers), on the push path:
//  - the receiving school B creates the request (state 1) from an ID number and a name; the
//    server finds the person among the other schools' live rows of the kind's person table (in
//    a status that may move) and fills the person's id and from_school_id, or refuses with
//    PupilNotFound;
//  - the sending school A may write state 2 (agree) or 3 (refuse, with from_note) while the
//    state is 1, and nothing else;
//  - B may write state 4 (withdraw) while the state is 1 or 2, and nothing else;
//  - the bureau decides from state 2 (workflow::decideTransfer), never through a push.
// `incoming` is the change's fields; a new request gets the server's fields added to it.
std::optional<Issue> checkTransferChange(StoreSession &store, const schema::Table &table, const std::string &schoolId,
                                         bool deleted, validate::Record &incoming,
                                         const std::optional<StoredRow> &current);

// The transfer's state code as text ("1".."6"), or empty.
std::string transferState(const StoredRow &row);

} // namespace emis::server
