#pragma once

#include "schema/Schema.h"
#include "store/StoreTypes.h"
#include "validate/Reason.h"
#include "validate/RecordValidator.h"

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace emis::sync {
class HlcClock;
}

namespace emis::server {

class StoreSession;

// Rows written on the server's side: county rows (the schools table), which only the bureau may
// change, and any record the server itself creates (a demo county, an import at the bureau).
// Validated like a device's change, versioned with the server's clock, and put on the feed.
class CountyWriter {
public:
    CountyWriter(StoreSession &store, sync::HlcClock &clock, std::string actor, std::int64_t nowMs);

    // A school from raw text (code, name, school_type, township, ...). Returns the new id, or
    // the issues (a duplicate code included).
    std::variant<std::string, std::vector<Issue>> addSchool(const std::map<std::string, std::string, std::less<>> &raw);
    // A new row of `table` owned by `schoolId` from canonical values (fields left out are NULL).
    // Returns the new id, or the issues. Not audited: the caller audits the operation as a whole.
    std::variant<std::string, std::vector<Issue>> addRow(const schema::Table &table, const std::string &schoolId,
                                                         const validate::Record &values);

    // Changes the fields given of an existing row (canonical values), as the server: the row as
    // a whole must stay valid; each field written gets a stamp after every version the row holds
    // (so the server's write wins the merge on every device) and the row goes on the feed. Not
    // audited: the caller audits the operation as a whole.
    std::variant<StoredRow, std::vector<Issue>> update(const schema::Table &table, const std::string &id,
                                                       const validate::Record &values);
    // Changes `row` (as loaded) in place: the values given, and its owner when `newSchoolId` is
    // not empty; versioned with a stamp after every version the row holds, put on the feed
    // (under the new owner) and saved. Values are the server's own and must be canonical.
    void rewrite(const schema::Table &table, StoredRow &row, const validate::Record &changes,
                 const std::string &newSchoolId = {});

private:
    std::variant<std::string, std::vector<Issue>> write(const schema::Table &table, const std::string &id,
                                                        const std::string &schoolId, const validate::Record &values);

    StoreSession &m_store;
    sync::HlcClock &m_clock;
    std::string m_actor;
    std::int64_t m_now;
};

} // namespace emis::server
