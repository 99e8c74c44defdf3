#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace emis::sync {

// A hybrid logical clock stamp. Total order on (physicalMs, counter, device): the device breaks
// ties, so two devices never produce equal stamps.
struct Hlc {
    // The largest parts the text form holds: 13 hex digits of ms (the year 144,000), 4 of counter.
    static constexpr std::uint64_t kMaxPhysicalMs = 0xF'FFFF'FFFF'FFFFULL;
    static constexpr std::uint32_t kMaxCounter = 0xFFFF;

    std::uint64_t physicalMs = 0;
    std::uint32_t counter = 0;
    std::string device;

    // Fixed-width text: 13 hex digits of ms, 4 of counter, the device.
    // "0018c2f3a1b2c-0001-<device>". Stored in the hlc columns of both stores. Only a stamp
    // inRange() has this form (a larger counter would print five digits, which fromText refuses),
    // and stamps are compared as values (parse, then <), never as text.
    std::string toText() const;
    static std::optional<Hlc> fromText(std::string_view text);

    bool isZero() const { return physicalMs == 0 && counter == 0 && device.empty(); }
    // Whether the stamp fits its text form. A clock never makes one that does not; one from the
    // wire may not.
    bool inRange() const { return physicalMs <= kMaxPhysicalMs && counter <= kMaxCounter; }
    // Written out rather than defaulted with <=>: moc cannot parse libstdc++'s <compare>.
    friend bool operator==(const Hlc &a, const Hlc &b)
    {
        return a.physicalMs == b.physicalMs && a.counter == b.counter && a.device == b.device;
    }
    friend bool operator<(const Hlc &a, const Hlc &b)
    {
        if (a.physicalMs != b.physicalMs)
            return a.physicalMs < b.physicalMs;
        if (a.counter != b.counter)
            return a.counter < b.counter;
        return a.device < b.device;
    }
    friend bool operator!=(const Hlc &a, const Hlc &b) { return !(a == b); }
    friend bool operator>(const Hlc &a, const Hlc &b) { return b < a; }
    friend bool operator<=(const Hlc &a, const Hlc &b) { return !(b < a); }
    friend bool operator>=(const Hlc &a, const Hlc &b) { return !(a < b); }
};

// Changes stamped further ahead of the receiver's wall clock than this are refused.
inline constexpr std::uint64_t kDefaultMaxSkewMs = 10 * 60 * 1000;

std::uint64_t systemNowMs();

// The clock of one device (or of the server). Thread-safe.
class HlcClock {
public:
    using NowFn = std::function<std::uint64_t()>;

    explicit HlcClock(std::string device, NowFn now = systemNowMs);

    // Local event or send: a stamp greater than every stamp seen so far. The counter stays
    // within Hlc::kMaxCounter: where it would pass it, the physical part moves on one ms instead.
    Hlc tick();
    // Receive: moves the clock past a remote stamp. A stamp more than maxSkewMs ahead of this
    // clock's wall time, or out of range, is refused (returns false) and leaves the clock unchanged.
    bool receive(const Hlc &remote, std::uint64_t maxSkewMs = kDefaultMaxSkewMs);
    // Restores the last stamp issued (from the store) after a restart: never moves the clock back.
    void restore(const Hlc &last);
    // Sets the clock to `last` exactly, back in time too: for a store whose stamps were corrected
    // after the clock had run far ahead (client/store/ClockRepair), and for a connection taking
    // over that correction.
    void reset(const Hlc &last);
    Hlc last() const;
    const std::string &device() const { return m_device; }

private:
    // Moves to (ms, counter), carrying a counter past its bound into the ms. Under m_mutex.
    void set(std::uint64_t ms, std::uint64_t counter);

    const std::string m_device;
    NowFn m_now;
    mutable std::mutex m_mutex;
    std::uint64_t m_ms = 0;
    std::uint32_t m_counter = 0;
};

// True when `stamp` is more than maxSkewMs ahead of nowMs.
bool tooFarAhead(const Hlc &stamp, std::uint64_t nowMs, std::uint64_t maxSkewMs = kDefaultMaxSkewMs);

} // namespace emis::sync
