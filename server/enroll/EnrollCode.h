#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace emis::server {

// One-time enrollment codes: 12 characters from an alphabet without look-alikes (no I, O, 0, 1),
// printed as XXXX-XXXX-XXXX.<CA fingerprint>. Only a hash of the code is stored.
class EnrollCode {
public:
    static constexpr std::string_view kAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static constexpr std::size_t kLength = 12;

    static std::string generate();                       // "XXXX-XXXX-XXXX"
    // Upper-cased with dashes and blanks dropped; nullopt when it cannot be a code.
    static std::optional<std::string> normalize(std::string_view typed);
    static std::string hash(const std::string &normalized);  // hex SHA-256
};

} // namespace emis::server
