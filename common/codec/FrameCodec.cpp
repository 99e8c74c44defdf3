#include "codec/FrameCodec.h"

#include <google/protobuf/io/coded_stream.h>
#include <zlib.h>

#include <algorithm>

namespace emis::codec {
namespace {

std::uint32_t readBigEndian32(std::string_view b)
{
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[0])) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(b[1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(b[2])) << 8) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[3]));
}

void appendBigEndian32(std::string &out, std::uint32_t v)
{
    out.push_back(static_cast<char>((v >> 24) & 0xFF));
    out.push_back(static_cast<char>((v >> 16) & 0xFF));
    out.push_back(static_cast<char>((v >> 8) & 0xFF));
    out.push_back(static_cast<char>(v & 0xFF));
}

std::uint32_t checksum(std::string_view payload)
{
    uLong crc = crc32(0L, Z_NULL, 0);
    crc = crc32(crc, reinterpret_cast<const Bytef *>(payload.data()), static_cast<uInt>(payload.size()));
    return static_cast<std::uint32_t>(crc);
}

ParseResult failure(FrameError e)
{
    ParseResult r;
    r.status = ParseResult::Status::Error;
    r.error = e;
    return r;
}

// What a drained buffer keeps for the next small frame.
constexpr std::size_t kKeptCapacity = 64 * 1024;

} // namespace

std::string_view frameErrorText(FrameError e)
{
    switch (e) {
    case FrameError::EmptyPayload: return "empty frame";
    case FrameError::TooLarge: return "frame over the size cap";
    case FrameError::BadChecksum: return "frame checksum mismatch";
    case FrameError::BadMessage: return "frame payload is not a valid message";
    case FrameError::BadCompression: return "compressed frame does not inflate to its stated size";
    }
    return "bad frame";
}

std::uint32_t sessionProtocol(const wire::Hello &hello)
{
    const std::uint32_t oldest = hello.protocol_version();
    const std::uint32_t newest = std::max(oldest, hello.max_protocol_version());
    if (oldest < wire::PROTOCOL_V1 || oldest > kProtocolVersion)
        return 0;
    return std::min(newest, kProtocolVersion);
}

namespace {

// Inflates exactly `size` bytes from a zlib stream that must end there; nothing more is written
// however much the stream would give (a bomb stops at `size`).
std::optional<std::string> inflateExactly(std::string_view deflated, std::size_t size)
{
    std::string out(size, '\0');
    z_stream z{};
    if (inflateInit(&z) != Z_OK)
        return std::nullopt;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(deflated.data()));
    z.avail_in = static_cast<uInt>(deflated.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = static_cast<uInt>(size);
    const int rc = inflate(&z, Z_FINISH);
    const bool whole = rc == Z_STREAM_END && z.total_out == size && z.avail_in == 0;
    inflateEnd(&z);
    if (!whole)
        return std::nullopt;
    return out;
}

std::optional<std::string> deflated(std::string_view plain)
{
    uLongf size = compressBound(static_cast<uLong>(plain.size()));
    std::string out(size, '\0');
    // The fastest level: most of the gain on protobuf rows, little of the CPU.
    if (compress2(reinterpret_cast<Bytef *>(out.data()), &size, reinterpret_cast<const Bytef *>(plain.data()),
                  static_cast<uLong>(plain.size()), Z_BEST_SPEED) != Z_OK)
        return std::nullopt;
    out.resize(size);
    return out;
}

} // namespace

ParseResult parseFrame(std::string_view bytes, const Limits &limits)
{
    if (bytes.size() < kHeaderSize)
        return {};
    const std::uint32_t word = readBigEndian32(bytes);
    const bool compressed = (word & kCompressedFlag) != 0;
    const std::uint32_t n = word & ~kCompressedFlag;
    if (n == 0)
        return failure(FrameError::EmptyPayload);
    if (n > limits.maxPayload)
        return failure(FrameError::TooLarge);
    // A compressed frame's stated size is judged as soon as it is in, before the rest arrives.
    std::uint32_t inflatedSize = 0;
    if (compressed && bytes.size() >= kHeaderSize + 4) {
        if (n < 4)
            return failure(FrameError::BadCompression);
        inflatedSize = readBigEndian32(bytes.substr(kHeaderSize));
        if (inflatedSize == 0)
            return failure(FrameError::EmptyPayload);
        if (inflatedSize > limits.maxPayload)
            return failure(FrameError::TooLarge);
    }
    const std::size_t total = kHeaderSize + n + kTrailerSize;
    if (bytes.size() < total)
        return {};
    std::string_view payload = bytes.substr(kHeaderSize, n);
    if (checksum(payload) != readBigEndian32(bytes.substr(kHeaderSize + n)))
        return failure(FrameError::BadChecksum);
    std::optional<std::string> inflated;
    if (compressed) {
        inflated = inflateExactly(payload.substr(4), inflatedSize);
        if (!inflated)
            return failure(FrameError::BadCompression);
        payload = *inflated;
    }
    ParseResult r;
    google::protobuf::io::CodedInputStream in(reinterpret_cast<const std::uint8_t *>(payload.data()),
                                              static_cast<int>(payload.size()));
    in.SetTotalBytesLimit(static_cast<int>(limits.maxPayload));
    in.SetRecursionLimit(limits.recursionLimit);
    if (!r.message.ParseFromCodedStream(&in) || !in.ConsumedEntireMessage())
        return failure(FrameError::BadMessage);
    r.status = ParseResult::Status::Complete;
    r.consumed = total;
    r.compressed = compressed;
    return r;
}

std::optional<std::string> encodeFrame(const wire::Envelope &message, const Limits &limits, Compression compression)
{
    const std::size_t n = message.ByteSizeLong();
    // An Envelope with nothing set serialises to zero bytes; the wire never carries one.
    if (n == 0 || n > limits.maxPayload)
        return std::nullopt;
    std::string out;
    if (compression == Compression::Allowed && n >= kCompressFrom) {
        std::string plain;
        if (!message.SerializeToString(&plain))
            return std::nullopt;
        if (auto packed = deflated(plain); packed && packed->size() + 4 < n) {
            const std::size_t payload = 4 + packed->size();
            out.reserve(kHeaderSize + payload + kTrailerSize);
            appendBigEndian32(out, static_cast<std::uint32_t>(payload) | kCompressedFlag);
            appendBigEndian32(out, static_cast<std::uint32_t>(n));
            out.append(*packed);
            appendBigEndian32(out, checksum(std::string_view(out).substr(kHeaderSize)));
            return out;
        }
        out.reserve(kHeaderSize + n + kTrailerSize);
        appendBigEndian32(out, static_cast<std::uint32_t>(n));
        out.append(plain);
        appendBigEndian32(out, checksum(std::string_view(out).substr(kHeaderSize)));
        return out;
    }
    out.reserve(kHeaderSize + n + kTrailerSize);
    appendBigEndian32(out, static_cast<std::uint32_t>(n));
    if (!message.AppendToString(&out))
        return std::nullopt;
    appendBigEndian32(out, checksum(std::string_view(out).substr(kHeaderSize)));
    return out;
}

std::string wrapPayload(std::string_view payload)
{
    std::string out;
    appendBigEndian32(out, static_cast<std::uint32_t>(payload.size()));
    out.append(payload);
    appendBigEndian32(out, checksum(payload));
    return out;
}

FrameBuffer::FrameBuffer(Limits limits)
    : m_limits(limits)
{
}

void FrameBuffer::append(std::string_view bytes)
{
    if (m_offset > 0 && m_offset >= m_data.size() / 2) {  // compact now and then
        m_data.erase(0, m_offset);
        m_offset = 0;
    }
    m_data.append(bytes);
}

ParseResult FrameBuffer::next()
{
    ParseResult r = parseFrame(std::string_view(m_data).substr(m_offset), m_limits);
    if (r.status == ParseResult::Status::Complete) {
        m_offset += r.consumed;
        // Drained: a big frame's memory goes back instead of staying with an idle session.
        if (m_offset == m_data.size()) {
            m_offset = 0;
            if (m_data.capacity() > kKeptCapacity)
                std::string().swap(m_data);
            else
                m_data.clear();
        }
    }
    return r;
}

std::size_t FrameBuffer::announcedFrameSize() const
{
    if (buffered() < kHeaderSize)
        return 0;
    return kHeaderSize + (readBigEndian32(std::string_view(m_data).substr(m_offset)) & ~kCompressedFlag) + kTrailerSize;
}

std::size_t FrameBuffer::announcedMemory() const
{
    const std::size_t wire = announcedFrameSize();
    const std::string_view in = std::string_view(m_data).substr(m_offset);
    if (wire == 0 || !(readBigEndian32(in) & kCompressedFlag) || in.size() < kHeaderSize + 4)
        return wire;
    return wire + readBigEndian32(in.substr(kHeaderSize));
}

void FrameBuffer::reserve(std::size_t frameSize)
{
    if (m_offset > 0) {
        m_data.erase(0, m_offset);
        m_offset = 0;
    }
    if (frameSize > m_data.size())
        m_data.reserve(frameSize);
}

} // namespace emis::codec
