// Feeds arbitrary bytes to the frame codec, whole and through a FrameBuffer in two pieces, and
// also wrapped as a well-framed payload (valid length and checksum) so that the protobuf parser
// with its limits is reached too: nothing may crash, hang or read out of bounds, and a frame
// that parses must re-encode to a frame that parses to the same message.
#include "codec/FrameCodec.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    emis::codec::Limits limits;
    limits.maxPayload = 64 * 1024;

    for (const std::string &input : {std::string(bytes), emis::codec::wrapPayload(bytes)}) {
        const auto whole = emis::codec::parseFrame(input, limits);
        if (whole.status != emis::codec::ParseResult::Status::Complete)
            continue;
        const auto again = emis::codec::encodeFrame(whole.message, limits);
        if (!again)
            continue;
        const auto reparsed = emis::codec::parseFrame(*again, limits);
        if (reparsed.status != emis::codec::ParseResult::Status::Complete ||
            reparsed.message.SerializeAsString() != whole.message.SerializeAsString())
            std::abort();
    }

    // The same bytes as a stream cut in two: every frame the buffer yields must be well formed.
    emis::codec::FrameBuffer buffer(limits);
    const std::size_t cut = size ? data[0] % (size + 1) : 0;
    buffer.append(bytes.substr(0, cut));
    for (auto r = buffer.next(); r.status == emis::codec::ParseResult::Status::Complete; r = buffer.next()) {
    }
    buffer.append(bytes.substr(cut));
    for (auto r = buffer.next(); r.status == emis::codec::ParseResult::Status::Complete; r = buffer.next()) {
    }
    return 0;
}
