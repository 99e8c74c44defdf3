#include "net/Session.h"

#include "codec/FrameCodec.h"
#include "validate/Reason.h"

#include <boost/asio/experimental/awaitable_operators.hpp>

#include <array>
#include <iostream>

namespace emis::server {
namespace {

using namespace asio::experimental::awaitable_operators;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

// Every awaitable below is built into a named variable first and then awaited: g++ 12 can
// destroy a temporary inside a co_await full-expression twice (a strand's reference count
// went wrong that way).

void logLine(const std::string &who, const std::string &what)
{
    std::cerr << ("emis-server: " + who + ": " + what + "\n");
}

std::optional<DeviceIdentity> peerIdentity(TlsStream &stream)
{
    SSL *ssl = stream.native_handle();
    X509 *cert = SSL_get0_peer_certificate(ssl);
    // The verify callback already refused unknown and revoked devices; this only reads the name.
    if (!cert || SSL_get_verify_result(ssl) != X509_V_OK)
        return std::nullopt;
    auto id = CountyCa::identityOf(cert);
    if (id.deviceId.empty() || id.schoolId.empty())
        return std::nullopt;
    return id;
}

// Hands a request to the handler and resumes on the session's strand when the reply is ready
// (which may come from the store's writer thread after the commit). Not a coroutine itself.
asio::awaitable<RequestHandler::Reply> dispatch(RequestHandler &handler, const wire::Envelope &request,
                                                asio::any_io_executor strand)
{
    auto initiation = [&handler, &request, strand](auto completion) {
        auto shared = std::make_shared<decltype(completion)>(std::move(completion));
        // Keeps the io_context running while the reply is in the store's hands.
        auto tracked = asio::prefer(strand, asio::execution::outstanding_work.tracked);
        handler.handle(request, [shared, tracked](RequestHandler::Reply reply) {
            asio::post(tracked, [shared, reply = std::move(reply)]() mutable { (*shared)(std::move(reply)); });
        });
    };
    return asio::async_initiate<decltype(asio::use_awaitable), void(RequestHandler::Reply)>(std::move(initiation),
                                                                                         asio::use_awaitable);
}

RequestHandler::Reply internalError(std::uint64_t requestId, std::string_view what)
{
    RequestHandler::Reply r;
    r.envelope.set_request_id(requestId);
    const Issue issue = makeIssue(Reason::Internal, "", "", "", what);
    r.envelope.mutable_error()->set_code(issue.code());
    r.envelope.mutable_error()->set_message_zh(issue.zh);
    r.envelope.mutable_error()->set_message_en(issue.en);
    r.envelope.mutable_error()->set_fatal(true);
    r.close = true;
    return r;
}

} // namespace

asio::awaitable<void> runSession(TlsStream stream, std::shared_ptr<SessionControl> control, ServerContext &context,
                                 const ServerConfig &config, std::string peer)
{
    auto &timer = control->timer;
    timer.expires_after(config.handshakeTimeout);
    control->reading = true;
    auto handshake = stream.async_handshake(asio::ssl::stream_base::server, kTuple) || timer.async_wait(kTuple);
    auto hs = co_await std::move(handshake);
    control->reading = false;
    if (hs.index() == 1) {
        logLine(peer, "TLS handshake timed out or interrupted");
        co_return;
    }
    if (auto [ec] = std::get<0>(hs); ec) {
        logLine(peer, "TLS handshake refused: " + ec.message());
        co_return;
    }

    RequestHandler handler(context, peerIdentity(stream), peer);
    const codec::Limits limits{config.maxFrameBytes, 16};
    codec::FrameBuffer frames(limits);
    std::array<char, 16 * 1024> buffer{};
    bool greeted = false;
    std::optional<std::chrono::steady_clock::time_point> frameDeadline;
    for (;;) {
        auto parsed = frames.next();
        if (parsed.status == codec::ParseResult::Status::Error) {
            // The stream cannot be resynchronised: this session ends, no other is touched.
            logLine(handler.who(), "bad frame: " + std::string(codec::frameErrorText(parsed.error)));
            break;
        }
        if (parsed.status == codec::ParseResult::Status::Complete) {
            RequestHandler::Reply reply;
            try {
                auto pending = dispatch(handler, parsed.message, control->strand);
                reply = co_await std::move(pending);
            } catch (const std::exception &e) {
                logLine(handler.who(), std::string("request failed: ") + e.what());
                reply = internalError(parsed.message.request_id(), "request");
            }
            greeted = true;
            const auto frame = codec::encodeFrame(reply.envelope, limits);
            if (!frame) {
                logLine(handler.who(), "reply over the frame cap");
                break;
            }
            timer.expires_after(config.ioTimeout);
            auto write = asio::async_write(stream, asio::buffer(*frame), kTuple) || timer.async_wait(kTuple);
            auto wr = co_await std::move(write);
            if (wr.index() == 1) {
                logLine(handler.who(), "write timed out");
                break;
            }
            if (auto [ec, n] = std::get<0>(wr); ec) {
                logLine(handler.who(), "write failed: " + ec.message());
                break;
            }
            // After a stop request the reply in hand was the last one.
            if (reply.close || control->stopping)
                break;
            continue;
        }
        if (control->stopping)
            break;
        // A frame begun must arrive whole within the I/O timeout (a trickle of bytes does not
        // extend it); between requests the session may idle longer.
        if (frames.buffered() == 0)
            frameDeadline.reset();
        else if (!frameDeadline)
            frameDeadline = std::chrono::steady_clock::now() + config.ioTimeout;
        if (frameDeadline)
            timer.expires_at(*frameDeadline);
        else
            timer.expires_after(greeted ? config.idleTimeout : config.handshakeTimeout);
        control->reading = true;
        auto read = stream.async_read_some(asio::buffer(buffer), kTuple) || timer.async_wait(kTuple);
        auto rd = co_await std::move(read);
        control->reading = false;
        if (rd.index() == 1) {
            if (!control->stopping)
                logLine(handler.who(), "idle timeout");
            break;
        }
        auto [ec, n] = std::get<0>(rd);
        if (ec) {
            if (ec != asio::error::eof && ec != asio::ssl::error::stream_truncated)
                logLine(handler.who(), "read failed: " + ec.message());
            break;
        }
        frames.append(std::string_view(buffer.data(), n));
    }
    // close_notify, briefly: a peer that never answers must not hold the session open.
    timer.expires_after(std::chrono::seconds(2));
    auto shutdown = stream.async_shutdown(kTuple) || timer.async_wait(kTuple);
    co_await std::move(shutdown);
    boost::system::error_code ignored;
    stream.lowest_layer().close(ignored);
}

} // namespace emis::server
