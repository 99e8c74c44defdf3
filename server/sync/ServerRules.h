#pragma once

#include "schema/Schema.h"
#include "store/StoreTypes.h"
#include "validate/Reason.h"
#include "validate/RecordValidator.h"

#include <optional>
#include <string>

namespace emis::server {

class StoreSession;

// A table's rules that only the server can apply, because they need other schools' rows: what a
// module adds here, beside its description in common/schema and its common rules
// (validate/TableRules.h). The push path (PushHandler) runs them for any table that has them and
// names no table itself.
struct ServerRules {
    // Checks a pushed change after the generic ownership check and fills the fields the server
    // writes (`incoming` may grow); `current` is the stored row, if any.
    std::optional<Issue> (*check)(StoreSession &store, const schema::Table &table, const std::string &schoolId,
                                  bool deleting, validate::Record &incoming,
                                  const std::optional<StoredRow> &current) = nullptr;
    // Rows of people checked county-wide after the batch (一人一籍: sync/ProblemFinder).
    bool onePersonOneRecord = false;
};

// The table's server rules, or null when it has none.
const ServerRules *serverRules(const schema::Table &table);
// The names of every table with server rules (for the test that each names a real table).
std::vector<std::string> tablesWithServerRules();

} // namespace emis::server
