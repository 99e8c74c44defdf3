#pragma once

// Internal to server/net: included by Server.cpp and Session.cpp only (it pulls in Asio).
#include "net/RequestHandler.h"
#include "net/ServerConfig.h"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>

#include <atomic>

namespace emis::server {

namespace asio = boost::asio;
using TlsStream = asio::ssl::stream<asio::ip::tcp::socket>;

// The parts of a session the listener reaches from outside: the stop request and the timer it
// cancels to interrupt an idle read. Touched only on the session's strand.
struct SessionControl {
    explicit SessionControl(asio::any_io_executor executor) : strand(executor), timer(executor) {}
    asio::any_io_executor strand;
    asio::steady_timer timer;
    bool stopping = false;
    bool reading = false;  // waiting for the client: a stop may interrupt this, never a reply
};

// accept → TLS handshake → Hello and requests → TLS shutdown, with a deadline on each step.
asio::awaitable<void> runSession(TlsStream stream, std::shared_ptr<SessionControl> control,
                                 ServerContext &context, const ServerConfig &config, std::string peer);

} // namespace emis::server
