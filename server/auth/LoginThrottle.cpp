#include "auth/LoginThrottle.h"

#include <algorithm>

namespace emis::server {
namespace {

// A key with no wrong password for an hour past its pause starts afresh. Old keys are swept once
// a minute, so the map holds at most what the work pool can check in about an hour.
constexpr auto kForgetAfter = std::chrono::hours(1);
constexpr auto kSweepEvery = std::chrono::minutes(1);

std::chrono::seconds ceilSeconds(LoginThrottle::Clock::duration d)
{
    return std::max(std::chrono::seconds(1), std::chrono::ceil<std::chrono::seconds>(d));
}

} // namespace

LoginThrottle::LoginThrottle(std::chrono::seconds firstPause) : m_firstPause(std::max(std::chrono::seconds(1), firstPause))
{
}

std::chrono::seconds LoginThrottle::begin(const std::string &account, const std::string &source, Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    if (now - m_lastSweep > kSweepEvery) {
        forgetOld(now);
        m_lastSweep = now;
    }
    Entry &e = m_entries[Key{account, source}];
    if (now < e.pausedUntil)
        return ceilSeconds(e.pausedUntil - now);
    // Before the fifth failure the rest of the five; after a pause, one attempt at a time.
    const int allowed = e.failures < kFreeAttempts ? kFreeAttempts - e.failures : 1;
    if (e.checking >= allowed)
        return m_firstPause;  // the attempts in flight decide; if they fail, the pause follows
    ++e.checking;
    return std::chrono::seconds(0);
}

std::chrono::seconds LoginThrottle::end(const std::string &account, const std::string &source, bool passwordOk,
                                        Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(Key{account, source});
    if (it == m_entries.end())
        return std::chrono::seconds(0);
    Entry &e = it->second;
    e.checking = std::max(0, e.checking - 1);
    if (passwordOk) {
        if (e.checking == 0)
            m_entries.erase(it);
        else
            e.failures = 0;
        return std::chrono::seconds(0);
    }
    ++e.failures;
    e.lastFailure = now;
    if (e.failures >= kFreeAttempts) {
        const int doublings = std::min(e.failures - kFreeAttempts, 12);
        const auto pause = std::min<std::chrono::seconds>(m_firstPause * (1 << doublings), kMaxPause);
        e.pausedUntil = std::max(e.pausedUntil, now + pause);
        return ceilSeconds(e.pausedUntil - now);
    }
    return std::chrono::seconds(0);
}

void LoginThrottle::abandon(const std::string &account, const std::string &source)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(Key{account, source});
    if (it == m_entries.end())
        return;
    it->second.checking = std::max(0, it->second.checking - 1);
    if (it->second.checking == 0 && it->second.failures == 0)
        m_entries.erase(it);
}

void LoginThrottle::forgetOld(Clock::time_point now)
{
    std::erase_if(m_entries, [&](const auto &kv) {
        const Entry &e = kv.second;
        return e.checking == 0 && now - std::max(e.pausedUntil, e.lastFailure) > kForgetAfter;
    });
}

} // namespace emis::server
