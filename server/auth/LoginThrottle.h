#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace emis::server {

// Wrong bureau passwords, counted per account and source address, in the server's memory. A
// source gets five attempts; after the fifth wrong one it waits `firstPause`, and each further
// wrong one doubles the wait. A good password clears the count. A stranger guessing an officer's
// password from one address thus slows only that address: the officer still logs in from
// another, and nobody needs IT to unlock anything. (`emisctl user lock` is the administrative
// lock, kept in the store.)
//
// Attempts are reserved before the password is checked (begin), so checks running in parallel on
// the work pool never exceed the five: the count is taken and kept under one mutex.
class LoginThrottle {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr int kFreeAttempts = 5;
    static constexpr std::chrono::seconds kMaxPause{3600};

    explicit LoginThrottle(std::chrono::seconds firstPause);

    // Zero: go ahead and check the password (then call end). Otherwise the seconds to wait.
    std::chrono::seconds begin(const std::string &account, const std::string &source, Clock::time_point now = Clock::now());
    // The outcome of an admitted attempt; returns the pause it starts (zero for none).
    std::chrono::seconds end(const std::string &account, const std::string &source, bool passwordOk,
                             Clock::time_point now = Clock::now());
    // An admitted attempt that was never checked (the work pool was full): not counted.
    void abandon(const std::string &account, const std::string &source);

private:
    struct Entry {
        int failures = 0;
        int checking = 0;  // attempts admitted and not ended yet
        Clock::time_point pausedUntil{};
        Clock::time_point lastFailure{};
    };
    using Key = std::pair<std::string, std::string>;
    void forgetOld(Clock::time_point now);

    std::chrono::seconds m_firstPause;
    std::mutex m_mutex;
    std::map<Key, Entry> m_entries;
    Clock::time_point m_lastSweep{};
};

} // namespace emis::server
