#pragma once

#include "enroll/CountyCa.h"
#include "emis.pb.h"
#include "schema/Schema.h"
#include "store/StoreTypes.h"
#include "sync/PreparedChange.h"
#include "validate/Reason.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace emis::sync {
class HlcClock;
}

namespace emis::server {

class StoreSession;

// One pushed batch, applied inside one write job on the store's writer thread: the sequence
// checked against the device's watermark, each new change checked against the stored row and
// merged field by field (or rejected with a reason), the watermark advanced, everything audited.
// The caller commits, then acknowledges. The changes arrive decoded, with every check that needs
// no stored row already made (prepareChanges, on the session's thread): the writer is the one
// serial part of the server, so it only does what needs the store.
class PushHandler {
public:
    PushHandler(StoreSession &store, DeviceIdentity device, std::int64_t nowMs);

    // Fills `ack`, which starts empty; or returns an Error (sequence_gap) when nothing was
    // applied. Leaves `batch` as it is, so that a write job may run it again.
    std::optional<wire::Error> apply(const std::vector<PreparedChange> &batch, wire::PushAck &ack);
    // The stored rejections and conflicts of this device's changes from `fromSeq` up to its
    // watermark (an OutcomesRequest), for the caller to page (sync/OutcomePages.h).
    // How many of the batch's new changes apply() refused (not counting a resend's).
    unsigned rejected() const { return m_rejected; }
    // The feed seqs of the rows apply() stored as the device holds them: inserted as its change
    // exactly, or updated with every field it sent taken and every other field's last write seen
    // by it (no server rules filled a field). The device holds them already, until something
    // else writes the row and moves its feed entry.
    const std::vector<std::int64_t> &inserted() const { return m_inserted; }
    static void outcomes(StoreSession &store, const std::string &deviceId, std::uint64_t fromSeq, wire::PushAck &ack);

    // A bureau officer's changes to the county's own rows (wire::CountyWrite), checked, merged
    // and audited as a device's changes are, with no sequence to keep: the handler's identity
    // is the officer's ("bureau:NAME", no school), each change is stamped by `clock` under that
    // name, and its rejections are answered, not kept for an outcome request.
    void applyCountyWrite(std::vector<PreparedChange> &batch, sync::HlcClock &clock, wire::CountyWriteAck &ack);

private:
    // The checks that need the stored row (`current`, loaded here); the first issue refuses the
    // change. A transfer the server completes comes back completed in `filled`.
    std::optional<Issue> check(const PreparedChange &sent, std::optional<StoredRow> &current,
                               std::optional<PreparedChange> &filled);
    // The table's own rules (validate/TableRules.h) and its references, after ownership and
    // before the values are validated and merged.
    std::optional<Issue> tableRules(const PreparedChange &change, const std::optional<StoredRow> &current);
    // What follows a saved row: a shared row is put on the other school's feed, a person is
    // queued for the one-person-one-record check.
    void afterSave(const schema::Table &table, const std::string &rowId);
    void merge(const PreparedChange &change, std::optional<StoredRow> current, wire::PushAck &ack);
    void reject(const PreparedChange &change, const Issue &issue, wire::PushAck &ack);
    void addConflict(const ConflictRecord &c, wire::PushAck &ack);

    StoreSession &m_store;
    DeviceIdentity m_device;
    std::int64_t m_now;
    unsigned m_rejected = 0;
    std::vector<std::int64_t> m_inserted;
    std::set<std::string> m_changedPupils;  // students rows this batch wrote
    bool m_countyWrite = false;
};

} // namespace emis::server
