#include "codec/FrameCodec.h"

#include <google/protobuf/io/coded_stream.h>
#include <zlib.h>

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
    }
    return "bad frame";
}

ParseResult parseFrame(std::string_view bytes, const Limits &limits)
{
    if (bytes.size() < kHeaderSize)
        return {};
    const std::uint32_t n = readBigEndian32(bytes);
    if (n == 0)
        return failure(FrameError::EmptyPayload);
    if (n > limits.maxPayload)
        return failure(FrameError::TooLarge);
    const std::size_t total = kHeaderSize + n + kTrailerSize;
    if (bytes.size() < total)
        return {};
    const std::string_view payload = bytes.substr(kHeaderSize, n);
    if (checksum(payload) != readBigEndian32(bytes.substr(kHeaderSize + n)))
        return failure(FrameError::BadChecksum);
    ParseResult r;
    google::protobuf::io::CodedInputStream in(reinterpret_cast<const std::uint8_t *>(payload.data()),
                                              static_cast<int>(payload.size()));
    in.SetTotalBytesLimit(static_cast<int>(limits.maxPayload));
    in.SetRecursionLimit(limits.recursionLimit);
    if (!r.message.ParseFromCodedStream(&in) || !in.ConsumedEntireMessage())
        return failure(FrameError::BadMessage);
    r.status = ParseResult::Status::Complete;
    r.consumed = total;
    return r;
}

std::optional<std::string> encodeFrame(const wire::Envelope &message, const Limits &limits)
{
    const std::size_t n = message.ByteSizeLong();
    if (n > limits.maxPayload)
        return std::nullopt;
    std::string out;
    out.reserve(kHeaderSize + n + kTrailerSize);
    appendBigEndian32(out, static_cast<std::uint32_t>(n));
    if (!message.AppendToString(&out))
        return std::nullopt;
    // An Envelope with nothing set serialises to zero bytes; the wire never carries one.
    if (n == 0)
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
    return kHeaderSize + readBigEndian32(std::string_view(m_data).substr(m_offset)) + kTrailerSize;
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
