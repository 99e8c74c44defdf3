#include "net/SessionRegistry.h"

#include <algorithm>

namespace emis::server {
namespace {

// Each holds a TLS handshake and a short wait for one request, so they stay few.
constexpr unsigned kMaxBusyReplies = 32;

} // namespace

std::string SessionRegistry::admit(const std::shared_ptr<SessionControl> &control)
{
    std::lock_guard lock(m_mutex);
    const Counts here = m_byAddress.count(control->address) ? m_byAddress.at(control->address) : Counts{};
    if (m_total.all >= m_config.maxConnections)
        return std::to_string(m_total.all) + " connections open";
    if (m_total.pending >= m_config.maxPendingConnections)
        return std::to_string(m_total.pending) + " connections not yet authenticated";
    if (here.all >= m_config.maxConnectionsPerAddress)
        return std::to_string(here.all) + " connections from this address";
    if (here.pending >= m_config.maxPendingPerAddress)
        return std::to_string(here.pending) + " connections from this address not yet authenticated";
    m_sessions.emplace(control.get(), Entry{control, {}, true});
    Counts &c = m_byAddress[control->address];
    ++c.all;
    ++c.pending;
    ++m_total.all;
    ++m_total.pending;
    return {};
}

void SessionRegistry::authenticated(const SessionControl &control, const std::string &deviceId)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_sessions.find(&control);
    if (it == m_sessions.end() || !it->second.pending)
        return;
    it->second.pending = false;
    it->second.deviceId = deviceId;
    --m_byAddress[control.address].pending;
    --m_total.pending;
}

void SessionRegistry::release(const SessionControl &control)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_sessions.find(&control);
    if (it == m_sessions.end())
        return;
    const auto a = m_byAddress.find(control.address);
    --a->second.all;
    --m_total.all;
    if (it->second.pending) {
        --a->second.pending;
        --m_total.pending;
    }
    if (a->second.all == 0)
        m_byAddress.erase(a);
    m_sessions.erase(it);
}

std::vector<std::string> SessionRegistry::openDevices() const
{
    std::lock_guard lock(m_mutex);
    std::vector<std::string> out;
    for (const auto &[key, e] : m_sessions)
        if (!e.deviceId.empty())
            out.push_back(e.deviceId);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::shared_ptr<SessionControl>> SessionRegistry::sessionsOf(const std::string &deviceId) const
{
    std::lock_guard lock(m_mutex);
    std::vector<std::shared_ptr<SessionControl>> out;
    for (const auto &[key, e] : m_sessions)
        if (e.deviceId == deviceId)
            if (auto c = e.control.lock())
                out.push_back(std::move(c));
    return out;
}

std::vector<std::shared_ptr<SessionControl>> SessionRegistry::all() const
{
    std::lock_guard lock(m_mutex);
    std::vector<std::shared_ptr<SessionControl>> out;
    for (const auto &[key, e] : m_sessions)
        if (auto c = e.control.lock())
            out.push_back(std::move(c));
    return out;
}

bool SessionRegistry::admitBusyReply()
{
    std::lock_guard lock(m_mutex);
    if (m_busyReplies >= kMaxBusyReplies)
        return false;
    ++m_busyReplies;
    return true;
}

void SessionRegistry::releaseBusyReply()
{
    std::lock_guard lock(m_mutex);
    --m_busyReplies;
}

} // namespace emis::server
