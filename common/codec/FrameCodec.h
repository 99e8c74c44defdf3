#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "emis.pb.h"

namespace emis::codec {

// The frame: every message on the wire, in both directions, is exactly this.
//
//   offset   size  field
//   0        4     L, unsigned big-endian: bit 31 set when the payload is compressed, bits 0-30
//                  N, the payload length; 0 < N <= the receiver's cap
//   4        N     payload: one emis.wire.Envelope, protobuf binary encoding; or, compressed,
//                  U (4 bytes, unsigned big-endian: the Envelope's length, 0 < U <= the cap)
//                  followed by the Envelope deflated in zlib format
//   4 + N    4     CRC-32 (zlib polynomial) of the N payload bytes as sent, unsigned big-endian
//
// The length is checked against the cap before anything is allocated for the payload, and U
// before anything is inflated; a compressed payload must inflate to exactly U bytes. A frame
// that fails any check is an error for the whole session: the stream cannot be resynchronised.
// Compressed frames are sent only in a session whose HelloAck said PROTOCOL_V2 or later (a
// client that offered it, a server that speaks it); every reader accepts both forms.

inline constexpr std::size_t kHeaderSize = 4;
inline constexpr std::size_t kTrailerSize = 4;
inline constexpr std::size_t kDefaultMaxPayload = 8 * 1024 * 1024;  // evidence images are <= 2 MB each
inline constexpr std::uint32_t kCompressedFlag = 0x80000000u;
// Smaller messages go as they are: deflate would save a few bytes at best.
inline constexpr std::size_t kCompressFrom = 512;
// The newest protocol this build speaks, and the version a session with a Hello speaks: 0 when
// the two sides share none.
inline constexpr std::uint32_t kProtocolVersion = wire::PROTOCOL_V2;
std::uint32_t sessionProtocol(const wire::Hello &hello);

struct Limits {
    std::size_t maxPayload = kDefaultMaxPayload;
    int recursionLimit = 16;  // the protocol nests 4 deep; anything deeper is hostile
};

enum class FrameError {
    EmptyPayload,   // N == 0
    TooLarge,       // N over the cap
    BadChecksum,    // CRC-32 does not match
    BadMessage,     // the payload is not a valid Envelope within the limits
    BadCompression, // a compressed payload does not inflate to its stated size
};

std::string_view frameErrorText(FrameError e);

struct ParseResult {
    enum class Status { Complete, NeedMore, Error };
    Status status = Status::NeedMore;
    std::size_t consumed = 0;       // bytes of the input that form the frame (when Complete)
    bool compressed = false;        // it came deflated (when Complete)
    wire::Envelope message;         // when Complete
    FrameError error = FrameError::BadMessage;  // when Error
};

// Pure: looks at the start of `bytes` and says whether a whole, valid frame is there.
ParseResult parseFrame(std::string_view bytes, const Limits &limits = {});

enum class Compression { Off, Allowed };

// The whole frame for one message. Returns nullopt when the message is over the cap. With
// Compression::Allowed a message of kCompressFrom bytes or more is deflated when that makes the
// frame smaller.
std::optional<std::string> encodeFrame(const wire::Envelope &message, const Limits &limits = {},
                                       Compression compression = Compression::Off);

// Frames raw payload bytes (header and checksum) without looking at them: for tests and fuzzers
// that need well-framed payloads which are not valid messages.
std::string wrapPayload(std::string_view payload);

// Accumulates bytes from a stream and yields frames in order. Not thread-safe (one per session).
class FrameBuffer {
public:
    explicit FrameBuffer(Limits limits = {});
    void append(std::string_view bytes);
    // The next frame, NeedMore when incomplete, or Error (after which the session must close).
    ParseResult next();
    std::size_t buffered() const { return m_data.size() - m_offset; }
    // The cap may change between frames (a server allows big frames only after authentication);
    // a frame already announced is judged by it on the next call to next().
    void setMaxPayload(std::size_t maxPayload) { m_limits.maxPayload = maxPayload; }
    // The whole size of the frame being received (header, payload, checksum) once its header is
    // in, 0 before. Says how many bytes the frame takes on the wire before they arrive.
    std::size_t announcedFrameSize() const;
    // The memory the frame will hold: its bytes, and for a compressed one what it inflates to
    // (known once its first 8 bytes are in).
    std::size_t announcedMemory() const;
    // Room for `frameSize` bytes after what is buffered, in one allocation (no doubling).
    void reserve(std::size_t frameSize);
    // The memory the buffer holds, which a frame's bytes grow and compaction does not give back.
    std::size_t capacity() const { return m_data.capacity(); }

private:
    Limits m_limits;
    std::string m_data;
    std::size_t m_offset = 0;
};

} // namespace emis::codec
