#pragma once

// One enrolled school device speaking the wire protocol over mutual TLS, for the load tool.
// Asio stays in this header's .cpp and in bench_server.cpp only.
#include "emis.pb.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>

#include <memory>
#include <string>

namespace emis::bench {

namespace asio = boost::asio;

struct DeviceFilesOnDisk {
    std::string certificate;  // device.pem
    std::string key;          // device.key
    std::string ca;           // ca.pem
};

class LoadClient {
public:
    LoadClient(asio::io_context &io, const DeviceFilesOnDisk &files);
    ~LoadClient();

    // TCP connect, TLS handshake, Hello -> HelloAck. Throws on failure.
    asio::awaitable<void> connect(asio::ip::tcp::endpoint endpoint);
    // Sends one request and waits for the response with the same request id.
    asio::awaitable<wire::Envelope> request(wire::Envelope envelope);

    const std::string &deviceId() const { return m_deviceId; }
    std::uint64_t nextSeq() { return ++m_seq; }

private:
    std::unique_ptr<asio::ssl::context> m_tls;
    std::unique_ptr<asio::ssl::stream<asio::ip::tcp::socket>> m_stream;
    std::string m_buffer;
    std::uint64_t m_nextRequest = 1;
    std::uint64_t m_seq = 0;  // the last device_seq used (from HelloAck's watermark)
    std::string m_deviceId;
};

} // namespace emis::bench
