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
//   max_connections_per_address=64   from one peer address (a school's NAT holds several devices)
//   max_pending_connections=128      not yet authenticated (TLS handshake, Hello, enrollment,
//                                    bureau login): the rest of max_connections stays for devices
//                                    and officers who proved who they are
//   max_pending_per_address=16
//   max_pending_frame_bytes=65536    the frame cap before authentication (Hello, CSR, Login)
//   frame_budget_bytes=268435456     memory all incomplete frames together may hold; a frame
//                                    that cannot get its share waits, then the session closes
//   login_throttle_s=30              a bureau account's wrong passwords from one address: after
//                                    five, a pause this long, doubling with each further failure
//   max_refusals_per_hour=5000 refused changes a device may push an hour before its pushes pause
//   ack_outcome_bytes=1048576  rejections and conflicts one PushAck carries (at most a quarter frame);
//                              the rest are paged
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
    unsigned maxConnectionsPerAddress = 64;
    unsigned maxPendingConnections = 128;
    unsigned maxPendingPerAddress = 16;
    std::size_t maxPendingFrameBytes = 64 * 1024;
    std::size_t frameBudgetBytes = 256 * 1024 * 1024;
    std::chrono::seconds loginThrottle{30};
    unsigned maxRefusalsPerHour = 5000;
    std::size_t ackOutcomeBytes = 1024 * 1024;

    std::string path(const std::string &file) const { return dir + "/" + file; }

    // Reads D/emis.conf; throws std::runtime_error naming the line that is wrong.
    static ServerConfig load(const std::string &dir);
    void save() const;
    // "host:port" into host and port; false when it is not one.
    bool setListen(const std::string &listen);
};

} // namespace emis::server
