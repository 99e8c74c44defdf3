#pragma once

#include "validate/Reason.h"

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

// Writes county rows (the schools table), which only the bureau's side may change: validated
// like any record, versioned with the server's clock, and put on the feed for every device.
class CountyWriter {
public:
    CountyWriter(StoreSession &store, sync::HlcClock &clock, std::string actor, std::int64_t nowMs);

    // A school from raw text (code, name, school_type, township, ...). Returns the new id, or
    // the issues (a duplicate code included).
    std::variant<std::string, std::vector<Issue>> addSchool(const std::map<std::string, std::string, std::less<>> &raw);

private:
    StoreSession &m_store;
    sync::HlcClock &m_clock;
    std::string m_actor;
    std::int64_t m_now;
};

} // namespace emis::server
