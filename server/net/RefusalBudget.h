#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace emis::server {

// How many refused changes a device may push before the server stops taking its pushes for a while:
// a device that sends only what is refused (a broken or hostile client) must neither grow the store
// with rejections nor keep the writer busy. A bucket per device holds `perHour` refusals and fills
// again at that rate; once empty, the device's pushes pause until a tenth of it is back (six
// minutes). Kept in memory: a restart forgives. Thread-safe (sessions run on several threads).
class RefusalBudget {
public:
    explicit RefusalBudget(unsigned perHour) : m_perHour(perHour) {}

    bool allows(const std::string &deviceId, std::int64_t nowMs);
    void spend(const std::string &deviceId, unsigned refused, std::int64_t nowMs);

private:
    struct Bucket {
        double level = 0;  // refusals left
        std::int64_t atMs = 0;
        bool paused = false;
    };
    Bucket &refill(const std::string &deviceId, std::int64_t nowMs);

    const unsigned m_perHour;
    std::mutex m_mutex;
    std::map<std::string, Bucket> m_buckets;
};

} // namespace emis::server
