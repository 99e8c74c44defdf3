#pragma once

#include "store/Result.h"
#include "sync/Hlc.h"

#include <QString>

namespace emis::client {

class LocalStore;

// What a clock correction did, for the clerk.
struct ClockRepairReport {
    sync::Hlc was;                   // the device's clock before, far ahead of the server's time
    std::uint64_t serverTimeMs = 0;  // the server's time it was corrected against
    int restamped = 0;               // changes the server does not hold yet, stamped anew
    int rowsCorrected = 0;           // rows whose own stamp or field stamps were corrected
    int resent = 0;                  // rows whose refused edits were sent again as a new change
};

// Recovery of a device whose clock once ran far ahead (a wrong BIOS date, a typo in the date).
// Every stamp made then is ahead of the county server's time, so the server refuses each change
// (hlc_too_far_ahead); and since a hybrid logical clock never goes back, the device went on making
// such stamps after the computer's time was put right, every edit and every resolve refused again.
// Once the computer's time agrees with the server's, run() corrects the device's own stamps, in
// one transaction, so that no edit is lost and later merges compare the right stamps:
// - the changes the server does not hold yet take new stamps from a corrected clock (after every
//   stamp the store holds that is not ahead), in their order; their seqs and values stay;
// - a row's stamp and its fields' stamps that are ahead become the new stamp of the change that
//   wrote them; a field (or tombstone) whose stamp no such change made is a write the server
//   refused: it is sent again with the row's current value, as a new change, and the refusals
//   for the clock are closed;
// - the device's clock is set back to the corrected one (other connections take it over, see
//   LocalStore::catchUpClock).
class ClockRepair {
public:
    explicit ClockRepair(LocalStore &store) : m_store(store) {}

    // Whether the device's clock is further ahead of serverTimeMs than the server accepts.
    bool needed(std::uint64_t serverTimeMs);
    // serverWatermark: the highest device_seq the server holds (the HelloAck's).
    Result<ClockRepairReport> run(std::uint64_t serverTimeMs, quint64 serverWatermark);

private:
    LocalStore &m_store;
};

// What the correction did, as the clerk reads it (emis-cli prints it, the sync panel shows it).
QString clockRepairNotice(const ClockRepairReport &report);

} // namespace emis::client
