#pragma once

#include "net/ServerConfig.h"

#include <memory>

namespace emis::server {

class Store;
class CountyCa;

// emis-server's network side: a TLS listener on one io_context run by N threads, a strand per
// session. Asio stays inside server/net's .cpp files (this header is free of it).
class Server {
public:
    Server(const ServerConfig &config, Store &store, const CountyCa &ca);
    ~Server();
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    // Serves until stop(); then stops accepting, lets each session finish the request in hand,
    // closes the sessions and returns.
    void run();
    // May be called from any thread, before or during run().
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace emis::server
