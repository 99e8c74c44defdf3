#pragma once

#include "enroll/CountyCa.h"
#include "emis.pb.h"
#include "schema/Schema.h"
#include "store/StoreTypes.h"
#include "validate/Reason.h"

#include <optional>
#include <set>
#include <string>

namespace emis::server {

class StoreSession;

// One pushed batch, applied inside one write job: the sequence checked against the device's
// watermark, each new change validated and merged field by field (or rejected with a reason),
// the watermark advanced, everything audited. The caller commits, then acknowledges.
class PushHandler {
public:
    PushHandler(StoreSession &store, DeviceIdentity device, std::int64_t nowMs);

    // Fills `ack`; or returns an Error (sequence_gap) when nothing was applied.
    std::optional<wire::Error> apply(const wire::PushBatch &batch, wire::PushAck &ack);

private:
    // Every check that needs no merge; the first issue refuses the change.
    std::optional<Issue> check(const wire::Change &change, const schema::Table *table,
                               validate::Record &incoming, std::optional<StoredRow> &current);
    void merge(const wire::Change &change, const schema::Table &table, const validate::Record &incoming,
               std::optional<StoredRow> current, wire::PushAck &ack);
    void reject(const wire::Change &change, const Issue &issue, wire::PushAck &ack);
    void addConflict(const ConflictRecord &c, wire::PushAck &ack);

    StoreSession &m_store;
    DeviceIdentity m_device;
    std::int64_t m_now;
    std::set<std::string> m_changedPupils;  // students rows this batch wrote
};

} // namespace emis::server
