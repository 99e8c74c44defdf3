#pragma once

// Internal to server/net: included by Server.cpp, Session.cpp and SessionRegistry (it pulls in Asio).
#include "net/RequestHandler.h"
#include "net/ServerConfig.h"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>

#include <atomic>

namespace emis::server {

namespace asio = boost::asio;
using TlsStream = asio::ssl::stream<asio::ip::tcp::socket>;

class FrameBudget;
class SessionRegistry;

// The parts of a session the listener reaches from outside: the stop and revocation requests
// and the timer they cancel to interrupt a wait for the client. Touched only on the session's
// strand (the address is fixed at the accept).
struct SessionControl {
    SessionControl(asio::any_io_executor executor, std::string peerAddress)
        : strand(executor), timer(executor), address(std::move(peerAddress))
    {
    }
    asio::any_io_executor strand;
    asio::steady_timer timer;
    const std::string address;
    bool stopping = false;
    bool revoked = false;  // the device was revoked while this session was open
    bool reading = false;  // waiting for the client: a stop may interrupt this, never a reply
};

// What every session shares with the listener.
struct SessionEnv {
    ServerContext &context;
    const ServerConfig &config;
    SessionRegistry &registry;
    FrameBudget &frameBudget;
};

// accept → TLS handshake → Hello and requests → TLS shutdown, with a deadline on each step.
asio::awaitable<void> runSession(TlsStream stream, std::shared_ptr<SessionControl> control, SessionEnv env,
                                 std::string peer);
// A connection over a limit: the TLS handshake (asking for no certificate), the client's first
// request answered with server_busy, and the close; a few seconds at most.
asio::awaitable<void> replyBusy(TlsStream stream, const ServerConfig &config, std::string peer, std::string why);

} // namespace emis::server
