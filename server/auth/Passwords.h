#pragma once

#include <string>
#include <string_view>

namespace emis::server {

// Bureau users' passwords: argon2id through libsodium with its INTERACTIVE limits (about 130 ms
// and 64 MiB each), so never call these on a network thread — see AuthPool.
std::string hashPassword(std::string_view password);
bool verifyPassword(const std::string &hash, std::string_view password);

inline constexpr std::size_t kMinPasswordLength = 8;

} // namespace emis::server
