#include "net/Session.h"

#include "codec/FrameCodec.h"
#include "net/FrameBudget.h"
#include "net/HandlerSupport.h"
#include "net/SessionRegistry.h"

#include <boost/asio/experimental/awaitable_operators.hpp>

#include <array>
#include <memory>
#include <optional>

namespace emis::server {
namespace {

using namespace asio::experimental::awaitable_operators;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

// A session buffers a frame up to this size on its own; a bigger one needs its share of the
// server-wide budget first (FrameBudget).
constexpr std::size_t kFreeFrameBytes = 256 * 1024;
// How often a session waiting for budget looks again.
constexpr auto kBudgetRetry = std::chrono::milliseconds(50);

// Every awaitable below is built into a named variable first and then awaited: g++ 12 can
// destroy a temporary inside a co_await full-expression twice (a strand's reference count
// went wrong that way).

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

// A request in the handler's hands. Its reply is posted to the session's strand (from the
// store's writer thread, after the commit, for a write) while the session may read on.
struct InFlight {
    explicit InFlight(const asio::any_io_executor &strand) : signal(strand)
    {
        signal.expires_at(asio::steady_timer::time_point::max());
    }
    std::optional<RequestHandler::Reply> reply;
    asio::steady_timer signal;  // cancelled once the reply is in
};

std::shared_ptr<InFlight> start(RequestHandler &handler, const wire::Envelope &request, const asio::any_io_executor &strand,
                                RequestHandler::PreparedPush prepared)
{
    auto flight = std::make_shared<InFlight>(strand);
    // Keeps the io_context running while the reply is in the store's hands.
    auto tracked = asio::prefer(strand, asio::execution::outstanding_work.tracked);
    handler.handle(
        request,
        [flight, tracked](RequestHandler::Reply reply) {
            asio::post(tracked, [flight, reply = std::move(reply)]() mutable {
                flight->reply = std::move(reply);
                flight->signal.cancel();
            });
        },
        std::move(prepared));
    return flight;
}

asio::awaitable<RequestHandler::Reply> replyOf(std::shared_ptr<InFlight> flight)
{
    while (!flight->reply) {
        auto wait = flight->signal.async_wait(kTuple);
        co_await std::move(wait);
    }
    co_return std::move(*flight->reply);
}

// Whether the client has begun sending another frame: bytes on the socket, in the TLS layer or
// in the frame buffer.
bool moreOnTheWay(TlsStream &stream, const codec::FrameBuffer &frames)
{
    boost::system::error_code ec;
    return frames.buffered() > 0 || SSL_pending(stream.native_handle()) > 0 || stream.next_layer().available(ec) > 0;
}

// Reads the client's next frame while the store writes this push, so that it is decoded and
// checked by the time the writer is free: never past that frame, and not once the reply is in
// (a client that waits for the reply before it sends again is not waited for). A frame begun
// must arrive whole within the I/O timeout. False when the session must end after the reply: a
// stop or a revocation came while reading, the frame's deadline passed, or the read failed.
asio::awaitable<bool> readAhead(TlsStream &stream, SessionControl &control, codec::FrameBuffer &frames,
                                FrameBudget::Share &budget, std::array<char, 16 * 1024> &buffer,
                                std::chrono::seconds ioTimeout, std::shared_ptr<InFlight> flight)
{
    std::optional<std::chrono::steady_clock::time_point> deadline;
    while (!flight->reply && !control.stopping && !control.revoked) {
        if (!moreOnTheWay(stream, frames)) {
            // Nothing sent yet: waits for the socket to be readable or for the reply, whichever
            // comes first. A wait takes no bytes, so ending it loses none.
            control.timer.expires_at(asio::steady_timer::time_point::max());
            control.reading = true;
            auto wait = stream.next_layer().async_wait(asio::ip::tcp::socket::wait_read, kTuple) ||
                        flight->signal.async_wait(kTuple) || control.timer.async_wait(kTuple);
            auto woke = co_await std::move(wait);
            control.reading = false;
            if (woke.index() != 0 || !moreOnTheWay(stream, frames))
                co_return true;  // the reply, a stop or revocation, or a close: the main loop sees to it
        }
        const std::size_t announced = frames.announcedFrameSize();
        if (announced > 0 && frames.buffered() >= announced)
            co_return true;  // the whole frame is in
        // The budget holds what the frame inflates to as well (a compressed frame).
        const std::size_t memory = frames.announcedMemory();
        if (memory > kFreeFrameBytes && !budget.growTo(memory))
            co_return true;  // read on later, once the budget holds it
        if (announced > kFreeFrameBytes)
            frames.reserve(announced);
        const std::size_t room = announced ? std::min(buffer.size(), announced - frames.buffered()) : buffer.size();
        if (!deadline)
            deadline = std::chrono::steady_clock::now() + ioTimeout;
        control.timer.expires_at(*deadline);
        control.reading = true;
        auto read = stream.async_read_some(asio::buffer(buffer.data(), room), kTuple) || control.timer.async_wait(kTuple);
        auto rd = co_await std::move(read);
        control.reading = false;
        if (rd.index() == 1)
            co_return false;
        auto [ec, n] = std::get<0>(rd);
        if (ec)
            co_return false;
        frames.append(std::string_view(buffer.data(), n));
    }
    co_return true;
}

// Writes one reply frame within the I/O timeout; false when it could not. Its arguments are
// taken by value where a caller may pass a temporary: the coroutine outlives the call expression.
asio::awaitable<bool> writeReply(TlsStream &stream, asio::steady_timer &timer, RequestHandler::Reply reply,
                                 codec::Limits limits, std::chrono::seconds timeout, std::string who,
                                 codec::Compression compression = codec::Compression::Off)
{
    const auto frame = codec::encodeFrame(reply.envelope, limits, compression);
    if (!frame) {
        logLine(who, "reply over the frame cap");
        co_return false;
    }
    timer.expires_after(timeout);
    auto write = asio::async_write(stream, asio::buffer(*frame), kTuple) || timer.async_wait(kTuple);
    auto wr = co_await std::move(write);
    if (wr.index() == 1) {
        logLine(who, "write timed out");
        co_return false;
    }
    if (auto [ec, n] = std::get<0>(wr); ec) {
        logLine(who, "write failed: " + ec.message());
        co_return false;
    }
    co_return true;
}

// close_notify, briefly: a peer that never answers must not hold the session open.
asio::awaitable<void> closeStream(TlsStream &stream, asio::steady_timer &timer,
                                  std::chrono::milliseconds wait = std::chrono::seconds(2))
{
    timer.expires_after(wait);
    auto shutdown = stream.async_shutdown(kTuple) || timer.async_wait(kTuple);
    co_await std::move(shutdown);
    boost::system::error_code ignored;
    stream.lowest_layer().close(ignored);
}

} // namespace

asio::awaitable<void> runSession(TlsStream stream, std::shared_ptr<SessionControl> control, SessionEnv env,
                                 std::string peer)
{
    const ServerConfig &config = env.config;
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

    const auto identity = peerIdentity(stream);
    if (identity)
        env.registry.authenticated(*control, identity->deviceId);
    RequestHandler handler(env.context, identity, peer);
    const codec::Limits limits{config.maxFrameBytes, 16};
    // Before authentication only small frames: a Hello, an enrollment with its CSR, a Login.
    codec::FrameBuffer frames(
        codec::Limits{handler.authenticated() ? config.maxFrameBytes : std::min(config.maxPendingFrameBytes, config.maxFrameBytes),
                      16});
    bool pending = !handler.authenticated();
    FrameBudget::Share budget(env.frameBudget);
    std::array<char, 16 * 1024> buffer{};
    bool greeted = false;
    std::optional<std::chrono::steady_clock::time_point> frameDeadline;
    // The next request, read and decoded while the store wrote a push (readAhead).
    std::optional<codec::ParseResult> ahead;
    RequestHandler::PreparedPush preparedAhead;
    // A frame in whole is parsed only once the budget holds it: a small compressed frame may
    // inflate to the cap (otherwise NeedMore, and the wait for the budget below).
    const auto nextFrame = [&frames, &budget] {
        const std::size_t memory = frames.announcedMemory();
        const bool whole = memory > 0 && frames.buffered() >= frames.announcedFrameSize();
        if (whole && memory > kFreeFrameBytes && !budget.growTo(memory))
            return codec::ParseResult{};
        return frames.next();  // a frame over the cap is refused here, from its header
    };
    for (;;) {
        auto parsed = ahead ? std::move(*ahead) : nextFrame();
        ahead.reset();
        if (parsed.status == codec::ParseResult::Status::Error) {
            // The stream cannot be resynchronised: this session ends, no other is touched.
            logLine(handler.who(), "bad frame: " + std::string(codec::frameErrorText(parsed.error)));
            break;
        }
        if (parsed.status == codec::ParseResult::Status::Complete) {
            budget.release();  // the frame's bytes are parsed; the buffer gave them back
            RequestHandler::Reply reply;
            bool endAfterReply = false;
            std::shared_ptr<InFlight> flight;
            try {
                flight = start(handler, parsed.message, control->strand, std::move(preparedAhead));
            } catch (const std::exception &e) {
                logLine(handler.who(), std::string("request failed: ") + e.what());
                reply = errorReply(parsed.message.request_id(), Reason::Internal, true, "request");
            }
            preparedAhead.reset();
            if (flight) {
                // Once a request is in the handler's hands its reply is always waited for: the
                // store's writer may still hold the handler.
                if (parsed.message.has_push_batch() && !pending) {
                    try {
                        auto reading = readAhead(stream, *control, frames, budget, buffer, config.ioTimeout, flight);
                        endAfterReply = !co_await std::move(reading);
                        if (!endAfterReply) {
                            auto next = nextFrame();
                            if (next.status != codec::ParseResult::Status::NeedMore) {
                                if (next.status == codec::ParseResult::Status::Complete)
                                    preparedAhead = handler.preparePush(next.message);
                                ahead = std::move(next);
                            }
                        }
                    } catch (const std::exception &e) {
                        logLine(handler.who(), std::string("reading ahead failed: ") + e.what());
                        endAfterReply = true;
                    }
                }
                auto replying = replyOf(flight);
                reply = co_await std::move(replying);
            }
            if (control->revoked)
                reply = errorReply(parsed.message.request_id(), Reason::DeviceRevoked, true);
            greeted = true;
            if (pending && handler.authenticated()) {  // a bureau login
                pending = false;
                env.registry.authenticated(*control, {});
                frames.setMaxPayload(config.maxFrameBytes);
            }
            const bool last = reply.close;
            auto write = writeReply(stream, timer, std::move(reply), limits, config.ioTimeout, handler.who(),
                                    handler.replyCompression());
            if (!co_await std::move(write))
                break;
            // After a stop request the reply in hand was the last one.
            if (last || control->stopping || endAfterReply)
                break;
            continue;
        }
        if (control->stopping)
            break;
        if (control->revoked) {
            // Said before the close, so the device shows why (request_id 0: not a reply).
            logLine(handler.who(), "session closed: the device is revoked");
            auto write = writeReply(stream, timer, errorReply(0, Reason::DeviceRevoked, true), limits,
                                    std::chrono::seconds(2), handler.who());
            co_await std::move(write);
            break;
        }
        // A frame begun must arrive whole within the I/O timeout (a trickle of bytes does not
        // extend it); between requests the session may idle longer.
        if (frames.buffered() == 0)
            frameDeadline.reset();
        else if (!frameDeadline)
            frameDeadline = std::chrono::steady_clock::now() + config.ioTimeout;
        // A big frame reads on only once the budget holds its whole size.
        const std::size_t announced = frames.announcedFrameSize();
        const std::size_t memory = frames.announcedMemory();  // with what a compressed frame inflates to
        if (memory > kFreeFrameBytes && !budget.growTo(memory)) {
            if (std::chrono::steady_clock::now() >= *frameDeadline) {
                logLine(handler.who(), "no memory for a frame of " + std::to_string(memory) + " bytes in time");
                auto write = writeReply(stream, timer, errorReply(0, Reason::ServerBusy, true), limits,
                                        std::chrono::seconds(2), handler.who());
                co_await std::move(write);
                break;
            }
            timer.expires_after(kBudgetRetry);
            control->reading = true;
            auto wait = timer.async_wait(kTuple);
            co_await std::move(wait);
            control->reading = false;
            continue;
        }
        if (announced > kFreeFrameBytes)
            frames.reserve(announced);
        if (frameDeadline)
            timer.expires_at(*frameDeadline);
        else
            timer.expires_after(greeted ? config.idleTimeout : config.handshakeTimeout);
        // Never more than the frame in hand: the buffer holds that frame, not the next one's bytes.
        const std::size_t room = announced ? std::min(buffer.size(), announced - frames.buffered()) : buffer.size();
        control->reading = true;
        auto read = stream.async_read_some(asio::buffer(buffer.data(), room), kTuple) || timer.async_wait(kTuple);
        auto rd = co_await std::move(read);
        control->reading = false;
        if (rd.index() == 1) {
            if (control->stopping || control->revoked)
                continue;  // said at the top of the loop
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
    // A revoked device gets no grace: its connection goes now, whether it answers or not.
    co_await closeStream(stream, timer, control->revoked ? std::chrono::milliseconds(200) : std::chrono::seconds(2));
}

asio::awaitable<void> replyBusy(TlsStream stream, const ServerConfig &config, std::string peer, std::string why)
{
    asio::steady_timer timer(stream.get_executor());
    const auto deadline = std::chrono::steady_clock::now() + std::min(config.handshakeTimeout, std::chrono::seconds(3));
    timer.expires_at(deadline);
    auto handshake = stream.async_handshake(asio::ssl::stream_base::server, kTuple) || timer.async_wait(kTuple);
    auto hs = co_await std::move(handshake);
    if (hs.index() == 1 || std::get<0>(std::get<0>(hs))) {
        boost::system::error_code ignored;
        stream.lowest_layer().close(ignored);
        co_return;
    }
    // The client's first request gets the answer, so its own write never meets a closed socket.
    const codec::Limits limits{std::min(config.maxPendingFrameBytes, config.maxFrameBytes), 16};
    codec::FrameBuffer frames(limits);
    std::array<char, 4096> buffer{};
    std::uint64_t requestId = 0;
    for (;;) {
        auto parsed = frames.next();
        if (parsed.status == codec::ParseResult::Status::Complete)
            requestId = parsed.message.request_id();
        if (parsed.status != codec::ParseResult::Status::NeedMore)
            break;
        auto read = stream.async_read_some(asio::buffer(buffer), kTuple) || timer.async_wait(kTuple);
        auto rd = co_await std::move(read);
        if (rd.index() == 1)
            break;
        auto [ec, n] = std::get<0>(rd);
        if (ec)
            break;
        frames.append(std::string_view(buffer.data(), n));
    }
    logLine(peer, "busy (" + why + ")");
    auto write = writeReply(stream, timer, errorReply(requestId, Reason::ServerBusy, true), limits,
                            std::chrono::seconds(2), peer);
    co_await std::move(write);
    co_await closeStream(stream, timer);
}

} // namespace emis::server
