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

    // `known`: feed seqs of rows this device pushed as new on this session and that nothing wrote
    // since. They are passed over (the cursor moves past them): the device holds them exactly.
    static void page(StoreSession &store, const std::string &schoolId, const wire::PullRequest &request,
                     wire::PullPage &out, const std::unordered_set<std::int64_t> *known = nullptr);
};

} // namespace emis::server
