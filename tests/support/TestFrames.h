#pragma once

// Compressed frames as a hostile peer may write them (common/codec/FrameCodec.h has the layout):
// any stated size around any bytes, with a right checksum.
#include "codec/FrameCodec.h"

#include <zlib.h>

#include <cstdint>
#include <string>

namespace emis::testing {

inline void put32(std::string &out, std::uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

inline std::string deflated(const std::string &plain)
{
    uLongf size = compressBound(static_cast<uLong>(plain.size()));
    std::string out(size, '\0');
    compress2(reinterpret_cast<Bytef *>(out.data()), &size, reinterpret_cast<const Bytef *>(plain.data()),
              static_cast<uLong>(plain.size()), 9);
    out.resize(size);
    return out;
}

inline std::string compressedFrame(std::uint32_t statedSize, const std::string &deflatedBytes)
{
    std::string payload;
    put32(payload, statedSize);
    payload += deflatedBytes;
    std::string out;
    put32(out, static_cast<std::uint32_t>(payload.size()) | codec::kCompressedFlag);
    out += payload;
    put32(out, static_cast<std::uint32_t>(crc32(0L, reinterpret_cast<const Bytef *>(payload.data()),
                                                static_cast<uInt>(payload.size()))));
    return out;
}

} // namespace emis::testing
