#pragma once

#include "store/ChangeLog.h"
#include "store/Result.h"
#include "sync/SyncRunner.h"

#include <deque>
#include <vector>

namespace emis::wire {
class PushAck;
}

namespace emis::client {

class LocalStore;
class ServerConnection;

// The push half of a sync: the change log after the server's watermark, in batches, four on the
// wire at once, so the server applies one while this device records the answer to another and
// a long link (100 ms each way) stays busy.
// A batch is marked sent only once every rejection and conflict of it is stored; a cut anywhere
// means a resend, which the server answers with what it decided the first time.
class Pusher {
public:
    Pusher(LocalStore &store, ServerConnection &connection, int batchSize, SyncRunner::Progress progress);

    // serverWatermark: the last device_seq the server holds (its HelloAck's).
    Status run(quint64 serverWatermark, SyncReport &report);
    // This session corrected a clock that had run ahead (ClockRepair): the edits the server held
    // refused for the clock are already sent again, so those refusals are not shown.
    void setClockRepaired(bool repaired) { m_clockRepaired = repaired; }

private:
    struct Sent {
        quint64 id = 0;       // the request's
        quint64 lastSeq = 0;  // the batch's last change
    };
    static constexpr std::size_t kOnTheWire = 4;

    Status refuseRestoredLog(quint64 serverWatermark) const;
    // Changes the server holds whose answer never arrived (the program closed or the network
    // went mid-sync): their outcomes are fetched and stored before they count as sent.
    Status settleHeld(quint64 serverWatermark, SyncReport &report);
    // The next batch after `m_queued` on the wire; false when there is none.
    Result<bool> sendNext();
    Status answered(const wire::PushAck &ack, SyncReport &report);
    // The rest of the outcomes, when an ack holds only the first of them.
    Status fetchOutcomes(const wire::PushAck &ack, std::vector<wire::PushAck> &rest);
    // Stores the outcomes, counted as stored (a resent batch's are kept and counted once).
    Status record(const std::vector<const wire::PushAck *> &pages, SyncReport &report);
    // Reads and passes over the answers to every batch still on the wire.
    Status drain();

    LocalStore &m_store;
    ServerConnection &m_connection;
    ChangeLog m_log;
    int m_batchSize;
    SyncRunner::Progress m_progress;
    std::deque<Sent> m_onTheWire;
    quint64 m_acknowledged = 0;  // the server's watermark as last answered
    quint64 m_queued = 0;        // the last change sent
    quint64 m_attempted = 0;     // changes up to this one are marked attempted
    int m_total = 0;
    bool m_clockRepaired = false;
};

} // namespace emis::client
