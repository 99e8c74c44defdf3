#pragma once

#include <cstdint>
#include <string>

namespace emis::sync {

// UUIDv7 (RFC 9562) made offline: 48 bits of Unix ms, then a 12-bit counter that keeps ids made
// in the same millisecond rising, then 62 random bits. Text form, lower case, 36 characters.
// Thread-safe.
std::string newUuidV7();
std::string newUuidV7(std::uint64_t unixMs);  // for tests
bool isUuid(const std::string &text);

} // namespace emis::sync
