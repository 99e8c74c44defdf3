#include "LoadClient.h"

#include "codec/FrameCodec.h"
#include "schema/Schema.h"

#include <boost/asio/read.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <stdexcept>

namespace emis::bench {

LoadClient::LoadClient(asio::io_context &io, const DeviceFilesOnDisk &files)
    : m_tls(std::make_unique<asio::ssl::context>(asio::ssl::context::tls_client))
{
    m_tls->set_options(asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1);
    m_tls->load_verify_file(files.ca);
    m_tls->use_certificate_chain_file(files.certificate);
    m_tls->use_private_key_file(files.key, asio::ssl::context::pem);
    m_tls->set_verify_mode(asio::ssl::verify_peer);
    m_stream = std::make_unique<asio::ssl::stream<asio::ip::tcp::socket>>(io, *m_tls);
}

LoadClient::~LoadClient() = default;

asio::awaitable<void> LoadClient::connect(asio::ip::tcp::endpoint endpoint)
{
    co_await m_stream->lowest_layer().async_connect(endpoint, asio::use_awaitable);
    m_stream->lowest_layer().set_option(asio::ip::tcp::no_delay(true));
    co_await m_stream->async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
    wire::Envelope hello;
    hello.mutable_hello()->set_protocol_version(wire::PROTOCOL_V1);
    hello.mutable_hello()->set_schema_version(schema::schemaVersion());
    hello.mutable_hello()->set_client_name("bench_server");
    const wire::Envelope ack = co_await request(std::move(hello));
    if (!ack.has_hello_ack())
        throw std::runtime_error("no HelloAck: " + ack.error().message_en());
    m_deviceId = ack.hello_ack().device_id();
    m_seq = ack.hello_ack().watermark();
}

asio::awaitable<wire::Envelope> LoadClient::request(wire::Envelope envelope)
{
    const std::uint64_t id = m_nextRequest++;
    envelope.set_request_id(id);
    const auto frame = codec::encodeFrame(envelope);
    if (!frame)
        throw std::runtime_error("request over the frame cap");
    co_await asio::async_write(*m_stream, asio::buffer(*frame), asio::use_awaitable);
    char chunk[16384];
    for (;;) {
        const auto parsed = codec::parseFrame(m_buffer);
        if (parsed.status == codec::ParseResult::Status::Error)
            throw std::runtime_error(std::string(codec::frameErrorText(parsed.error)));
        if (parsed.status == codec::ParseResult::Status::Complete) {
            m_buffer.erase(0, parsed.consumed);
            if (parsed.message.request_id() == id)
                co_return parsed.message;
            continue;
        }
        const std::size_t n = co_await m_stream->async_read_some(asio::buffer(chunk), asio::use_awaitable);
        m_buffer.append(chunk, n);
    }
}

} // namespace emis::bench
