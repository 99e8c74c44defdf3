#include "enroll/EnrollCode.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace emis::server {

std::string EnrollCode::generate()
{
    std::string out;
    unsigned char random[kLength];
    if (RAND_bytes(random, sizeof random) != 1)
        throw std::runtime_error("no randomness for an enrollment code");
    for (std::size_t i = 0; i < kLength; ++i) {
        if (i && i % 4 == 0)
            out += '-';
        // 32 symbols: 256 is a multiple of 32, so the modulo carries no bias.
        out += kAlphabet[random[i] % kAlphabet.size()];
    }
    return out;
}

std::optional<std::string> EnrollCode::normalize(std::string_view typed)
{
    std::string out;
    for (char c : typed) {
        if (c == '-' || c == ' ')
            continue;
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
        if (kAlphabet.find(c) == std::string_view::npos)
            return std::nullopt;
        out += c;
    }
    if (out.size() != kLength)
        return std::nullopt;
    return out;
}

std::string EnrollCode::hash(const std::string &normalized)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_Digest(normalized.data(), normalized.size(), digest, &n, EVP_sha256(), nullptr);
    static const char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < n; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

} // namespace emis::server
