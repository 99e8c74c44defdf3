#include "sync/Uuid.h"

#include "sync/Hlc.h"

#include <array>
#include <cstdio>
#include <mutex>
#include <random>

namespace emis::sync {
namespace {

struct Generator {
    std::mutex mutex;
    std::mt19937_64 random{std::random_device{}()};
    std::uint64_t lastMs = 0;
    std::uint16_t counter = 0;
};

Generator &generator()
{
    static Generator g;
    return g;
}

} // namespace

std::string newUuidV7(std::uint64_t unixMs)
{
    Generator &g = generator();
    std::uint64_t randomBits = 0;
    std::uint16_t counter = 0;
    {
        std::lock_guard lock(g.mutex);
        if (unixMs <= g.lastMs) {
            unixMs = g.lastMs;
            if (++g.counter > 0x0FFF) {  // counter exhausted: borrow the next millisecond
                ++unixMs;
                g.counter = 0;
            }
        } else {
            g.counter = static_cast<std::uint16_t>(g.random() & 0x01FF);  // random start, room to rise
        }
        g.lastMs = unixMs;
        counter = g.counter;
        randomBits = g.random();
    }
    std::array<std::uint8_t, 16> b{};
    for (int i = 0; i < 6; ++i)
        b[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(unixMs >> (40 - 8 * i));
    b[6] = static_cast<std::uint8_t>(0x70 | ((counter >> 8) & 0x0F));
    b[7] = static_cast<std::uint8_t>(counter & 0xFF);
    for (int i = 0; i < 8; ++i)
        b[8 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(randomBits >> (56 - 8 * i));
    b[8] = static_cast<std::uint8_t>(0x80 | (b[8] & 0x3F));
    char out[37];
    std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                  b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return out;
}

std::string newUuidV7() { return newUuidV7(systemNowMs()); }

bool isUuid(const std::string &text)
{
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

} // namespace emis::sync
