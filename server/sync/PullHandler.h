#pragma once

#include "emis.pb.h"

#include <cstdint>
#include <string>
#include <unordered_set>

namespace emis::server {

class StoreSession;

// A page of the feed after the device's cursor: its own school's rows and the county tables,
// each row whole with its field versions. The cursor is the feed seq, so a pull cut anywhere
// resumes from the last page the client applied.
class PullHandler {
public:
    static constexpr unsigned kMaxRows = 500;
    // A page stops growing past this many bytes (it always holds at least one row), keeping
    // replies well inside the frame cap.
    static constexpr std::size_t kMaxPageBytes = 4 * 1024 * 1024;
    // The most entries one page passes over (the device's own rows) before it answers.
    static constexpr std::size_t kMaxPassedOver = 50000;

    // Passed over (the cursor moves past them), since the device holds them exactly: `known`,
    // feed seqs of rows this session's pushes stored as sent and that nothing wrote since; and
    // entries whose holder is `deviceId` (pushed so on an earlier session, one cut before its
    // pull; the caller leaves it empty for a session that pulls from the start, a store that may
    // not hold them).
    static void page(StoreSession &store, const std::string &schoolId, const wire::PullRequest &request,
                     wire::PullPage &out, const std::unordered_set<std::int64_t> *known = nullptr,
                     const std::string &deviceId = {});
};

} // namespace emis::server
