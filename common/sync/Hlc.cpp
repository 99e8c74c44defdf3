#include "sync/Hlc.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cinttypes>
#include <cstdio>

namespace emis::sync {

std::string Hlc::toText() const
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%013" PRIx64 "-%04x-", physicalMs, counter);
    return buf + device;
}

std::optional<Hlc> Hlc::fromText(std::string_view text)
{
    if (text.size() < 19 || text[13] != '-' || text[18] != '-')
        return std::nullopt;
    Hlc h;
    auto r1 = std::from_chars(text.data(), text.data() + 13, h.physicalMs, 16);
    auto r2 = std::from_chars(text.data() + 14, text.data() + 18, h.counter, 16);
    if (r1.ec != std::errc() || r1.ptr != text.data() + 13 || r2.ec != std::errc() || r2.ptr != text.data() + 18)
        return std::nullopt;
    h.device = std::string(text.substr(19));
    return h;
}

std::uint64_t systemNowMs()
{
    using namespace std::chrono;
    return static_cast<std::uint64_t>(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

HlcClock::HlcClock(std::string device, NowFn now)
    : m_device(std::move(device))
    , m_now(std::move(now))
{
}

void HlcClock::set(std::uint64_t ms, std::uint64_t counter)
{
    // A counter past what its four hex digits hold would make text no one can read back (and
    // stamps that repeat once it is cut short): the next ms is as good a stamp, and still after
    // every stamp seen.
    if (counter > Hlc::kMaxCounter) {
        ms += counter / (std::uint64_t{Hlc::kMaxCounter} + 1);
        counter %= std::uint64_t{Hlc::kMaxCounter} + 1;
    }
    m_ms = ms;
    m_counter = static_cast<std::uint32_t>(counter);
}

Hlc HlcClock::tick()
{
    std::lock_guard lock(m_mutex);
    const std::uint64_t wall = m_now();
    if (wall > m_ms)
        set(wall, 0);
    else
        set(m_ms, std::uint64_t{m_counter} + 1);
    return Hlc{m_ms, m_counter, m_device};
}

bool HlcClock::receive(const Hlc &remote, std::uint64_t maxSkewMs)
{
    std::lock_guard lock(m_mutex);
    const std::uint64_t wall = m_now();
    if (!remote.inRange() || remote.physicalMs > wall + maxSkewMs)
        return false;
    const std::uint64_t ms = std::max({wall, m_ms, remote.physicalMs});
    if (ms == m_ms && ms == remote.physicalMs)
        set(ms, std::uint64_t{std::max(m_counter, remote.counter)} + 1);
    else if (ms == m_ms)
        set(ms, std::uint64_t{m_counter} + 1);
    else if (ms == remote.physicalMs)
        set(ms, std::uint64_t{remote.counter} + 1);
    else
        set(ms, 0);
    return true;
}

void HlcClock::restore(const Hlc &last)
{
    std::lock_guard lock(m_mutex);
    if (last.physicalMs > m_ms || (last.physicalMs == m_ms && last.counter > m_counter))
        set(last.physicalMs, last.counter);
}

void HlcClock::reset(const Hlc &last)
{
    std::lock_guard lock(m_mutex);
    set(last.physicalMs, last.counter);
}

Hlc HlcClock::last() const
{
    std::lock_guard lock(m_mutex);
    return Hlc{m_ms, m_counter, m_device};
}

bool tooFarAhead(const Hlc &stamp, std::uint64_t nowMs, std::uint64_t maxSkewMs)
{
    return stamp.physicalMs > nowMs + maxSkewMs;
}

} // namespace emis::sync
