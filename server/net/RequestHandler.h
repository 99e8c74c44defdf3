#pragma once

#include "codec/FrameCodec.h"

#include "emis.pb.h"
#include "enroll/CountyCa.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace emis::server {

class LoginThrottle;
struct PreparedChange;
class RefusalBudget;
class Store;
class WorkPool;

// Changes one CountyWrite may carry (an exam with its subjects is a few dozen).
inline constexpr std::size_t kMaxCountyWriteChanges = 2000;

// What every session shares.
struct ServerContext {
    Store &store;
    const CountyCa &ca;
    WorkPool &work;  // slow work (password hashing, reports), off the network threads
    LoginThrottle &logins;
    RefusalBudget &refusals;  // per device: pushes stop for a while after too many refused changes
    std::size_t outcomeBytes; // rejections and conflicts one PushAck carries, about (the rest are paged)
};

// The protocol of one session, free of sockets: Hello first, then requests, each answered once.
// Identity comes only from the client certificate the TLS layer verified.
class RequestHandler {
public:
    struct Reply {
        wire::Envelope envelope;
        bool close = false;  // the session ends after this reply
        // What the request's work allocated on the session's thread, released there with the
        // reply rather than on the store's writer thread (a free from another thread takes the
        // allocator's lock and undoes its caching: a pushed batch's decoded values are many).
        std::shared_ptr<const void> hold;
    };
    // Called exactly once per request, possibly on the store's writer thread.
    using Respond = std::function<void(Reply)>;

    RequestHandler(ServerContext &context, std::optional<DeviceIdentity> device, std::string peer);

    // A push decoded and checked ahead of its turn (preparePush), or null.
    using PreparedPush = std::shared_ptr<std::vector<PreparedChange>>;

    void handle(const wire::Envelope &request, Respond respond, PreparedPush prepared = nullptr);
    // A device's push decoded and checked (prepareChanges), while the store still writes the
    // request before it; null for anything else, which handle() then takes as it comes.
    PreparedPush preparePush(const wire::Envelope &request) const;
    const std::string &who() const { return m_who; }
    // A device certificate, or a bureau login on this session: big frames are allowed only then.
    bool authenticated() const { return m_device.has_value() || !m_user.empty(); }
    // The Hello agreed on PROTOCOL_V2 or later: replies may go compressed (FrameCodec.h).
    codec::Compression replyCompression() const
    {
        return m_protocol >= wire::PROTOCOL_V2 ? codec::Compression::Allowed : codec::Compression::Off;
    }

private:
    // The device's row, read on every request: emisctl revokes in another process, and this is
    // how a session already open learns of it (a primary-key read).
    bool deviceStillActive();
    void hello(const wire::Envelope &request, const Respond &respond);
    void enroll(const wire::Envelope &request, Respond respond);
    void push(const wire::Envelope &request, Respond respond, PreparedPush prepared);
    void pull(const wire::Envelope &request, const Respond &respond);
    void outcomes(const wire::Envelope &request, const Respond &respond);
    // Bureau officers (BureauRequests.cpp): a password login, then county reports.
    void login(const wire::Envelope &request, Respond respond);
    void report(const wire::Envelope &request, Respond respond);
    // The bureau's decisions and the evidence behind them (WorkflowRequests.cpp).
    void decide(const wire::Envelope &request, Respond respond);
    void evidence(const wire::Envelope &request, Respond respond);
    // The county's own rows, written and read by officers (CountyWriteRequests.cpp).
    void countyWrite(const wire::Envelope &request, Respond respond);
    void countyPull(const wire::Envelope &request, const Respond &respond);

    ServerContext &m_context;
    std::optional<DeviceIdentity> m_device;
    std::string m_peer;
    std::string m_who;  // for log lines
    bool m_helloDone = false;
    bool m_pulledFromStart = false;  // a pull from cursor 0: rows held by the device are sent too
    std::uint32_t m_protocol = 0;  // the session's version, from the Hello (set before its reply is written)
    // The bureau user logged in on this session. Set from a work-pool thread while the session
    // waits for that request's reply (one request in flight per session), read afterwards.
    std::string m_user;
    std::string m_role;
    // Feed seqs of the rows this session's pushes inserted (PullHandler::page passes over them),
    // filled as the pushes' replies go out; at most kMaxKnownInserts, then the rest come back.
    static constexpr std::size_t kMaxKnownInserts = 200000;
    std::unordered_set<std::int64_t> m_knownInserts;
};

} // namespace emis::server
