#pragma once

// Internal to server/net (it sees SessionControl, which is Asio's).
#include "net/ServerConfig.h"
#include "net/Session.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace emis::server {

// The open sessions, by peer address and by device, and the limits on them. A connection is
// pending from its accept until it proves who it is (a device certificate, a bureau login);
// pending ones have their own smaller caps, overall and per address, so a flood of bare
// connects from one place never takes the slots of devices and officers. Shared by the listener
// and every strand, hence the mutex.
class SessionRegistry {
public:
    explicit SessionRegistry(const ServerConfig &config) : m_config(config) {}

    // Registers a new connection as pending; when a limit is reached, returns why (and
    // registers nothing).
    std::string admit(const std::shared_ptr<SessionControl> &control);
    // The session proved who it is: no longer pending. `deviceId` is empty for a bureau officer.
    void authenticated(const SessionControl &control, const std::string &deviceId);
    void release(const SessionControl &control);

    std::vector<std::string> openDevices() const;
    std::vector<std::shared_ptr<SessionControl>> sessionsOf(const std::string &deviceId) const;
    std::vector<std::shared_ptr<SessionControl>> all() const;

    // The few connections turned away with a "busy" reply rather than a bare close.
    bool admitBusyReply();
    void releaseBusyReply();

private:
    struct Entry {
        std::weak_ptr<SessionControl> control;
        std::string deviceId;
        bool pending = true;
    };
    struct Counts {
        unsigned all = 0;
        unsigned pending = 0;
    };

    const ServerConfig &m_config;
    mutable std::mutex m_mutex;
    std::map<const SessionControl *, Entry> m_sessions;
    std::map<std::string, Counts> m_byAddress;
    Counts m_total;
    unsigned m_busyReplies = 0;
};

} // namespace emis::server
