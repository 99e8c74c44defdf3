#pragma once

#include "store/ClockRepair.h"
#include "store/Result.h"
#include "sync/DeviceFiles.h"
#include "sync/PushLimits.h"

#include <QString>

#include <algorithm>
#include <functional>
#include <vector>
#include <optional>

namespace emis::wire {
class Envelope;
class HelloAck;
}

namespace emis::client {

class LocalStore;
class ServerConnection;

struct SyncReport {
    int pushed = 0;         // changes the server acknowledged in this sync
    int pulled = 0;         // rows applied from the server
    int rejections = 0;     // new rejections from the server
    int conflicts = 0;      // conflicts recorded (local and from the server)
    quint64 watermark = 0;
    quint64 cursor = 0;
};

// One whole sync, blocking, on the calling thread: hello (and, against the server's time in its
// answer, the correction of a clock that had run far ahead), pull, push in batches, pull again.
// Every step is committed before the next, so a crash or a cut anywhere only means a resend
// (the server skips what it already has) or a re-pull (the merge is idempotent).
class SyncRunner {
public:
    using Progress = std::function<void(const QString &phase, int done, int total)>;

    SyncRunner(LocalStore &store, DeviceFiles files, QString clientName);
    void setBatchSize(int n) { m_batchSize = std::clamp(n, 1, sync::kMaxPushChanges); }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setProgress(Progress p) { m_progress = std::move(p); }

    Result<SyncReport> run();
    // The correction of a clock that had run far ahead, when the last run() made one (it stays
    // made even if the sync failed afterwards).
    const std::optional<ClockRepairReport> &clockRepair() const { return m_clockRepair; }

private:
    // Sends the Hello and, behind it, the first PullRequest (one round trip for both); the
    // pull's id comes back in `pullInFlight`.
    Status hello(ServerConnection &c, wire::HelloAck &ack, quint64 *pullInFlight = nullptr);
    Status followFeedEpoch(const QString &epoch);
    // Against the server's time (the HelloAck's): corrects the device's stamps when they are far
    // ahead of it and this computer's time is not (ClockRepair).
    Status repairClock(const wire::HelloAck &ack);
    // Refuses to push while this computer's time is far ahead of the server's: its stamps would
    // be refused, and only the clerk can set the time right.
    Status refuseWhileAhead(const wire::HelloAck &ack) const;
    // Pulls until the feed is drained; `inFlight`: a PullRequest already sent from the current
    // cursor, whose answer comes first.
    Status pull(ServerConnection &c, SyncReport &report, std::optional<quint64> inFlight = std::nullopt);
    Status push(ServerConnection &c, quint64 serverWatermark, SyncReport &report);

    LocalStore &m_store;
    DeviceFiles m_files;
    QString m_clientName;
    int m_batchSize = 500;
    int m_timeoutMs = 20000;
    Progress m_progress;
    std::optional<ClockRepairReport> m_clockRepair;
};

// The Hello every session starts with.
void fillHello(wire::Envelope &e, const QString &clientName);

} // namespace emis::client
