#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace emis::server {

// emis.conf in the server's directory: one key=value per line, '#' starts a comment.
//   listen=127.0.0.1:7443      address and port to serve
//   threads=2                  io threads (0: one per core)
//   max_connections=512
//   handshake_timeout_s=10     TLS handshake and the Hello that must follow it
//   idle_timeout_s=120         between two requests of a session
//   io_timeout_s=30            a single read or write of a frame once it has started
//   max_frame_bytes=8388608
//   login_throttle_s=30              a bureau account's wrong passwords from one address: after
//                                    five, a pause this long, doubling with each further failure
struct ServerConfig {
    std::string dir;
    std::string host = "127.0.0.1";
    std::uint16_t port = 7443;
    unsigned threads = 2;
    unsigned maxConnections = 512;
    std::chrono::seconds handshakeTimeout{10};
    std::chrono::seconds idleTimeout{120};
    std::chrono::seconds ioTimeout{30};
    std::size_t maxFrameBytes = 8 * 1024 * 1024;
    std::chrono::seconds loginThrottle{30};

    std::string path(const std::string &file) const { return dir + "/" + file; }

    // Reads D/emis.conf; throws std::runtime_error naming the line that is wrong.
    static ServerConfig load(const std::string &dir);
    void save() const;
    // "host:port" into host and port; false when it is not one.
    bool setListen(const std::string &listen);
};

} // namespace emis::server
