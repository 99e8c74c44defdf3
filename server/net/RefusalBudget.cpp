#include "net/RefusalBudget.h"

#include <algorithm>

namespace emis::server {

RefusalBudget::Bucket &RefusalBudget::refill(const std::string &deviceId, std::int64_t nowMs)
{
    auto [it, fresh] = m_buckets.try_emplace(deviceId);
    Bucket &b = it->second;
    if (fresh)
        b.level = m_perHour;
    else if (nowMs > b.atMs)
        b.level = std::min<double>(m_perHour, b.level + static_cast<double>(nowMs - b.atMs) * m_perHour / 3'600'000.0);
    b.atMs = std::max(b.atMs, nowMs);
    return b;
}

bool RefusalBudget::allows(const std::string &deviceId, std::int64_t nowMs)
{
    std::lock_guard lock(m_mutex);
    Bucket &b = refill(deviceId, nowMs);
    if (b.paused && b.level >= m_perHour / 10.0)
        b.paused = false;
    return !b.paused;
}

void RefusalBudget::spend(const std::string &deviceId, unsigned refused, std::int64_t nowMs)
{
    if (refused == 0)
        return;
    std::lock_guard lock(m_mutex);
    Bucket &b = refill(deviceId, nowMs);
    b.level = std::max(0.0, b.level - refused);
    b.paused = b.level < 1;
}

} // namespace emis::server
