#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

// An encrypted, authenticated backup file: a few named files (the store's snapshot, the county CA's key
// and certificate, the server's, emis.conf, a manifest) sealed with a passphrase. It holds the CA's
// private key and pupils' personal data, so nothing of it is readable without the passphrase, and a
// damaged, truncated or edited file is refused as a whole before anything is restored from it.
//
// Layout (all integers little-endian):
//   0   8 bytes  "EMISBAK" 0x01                       magic and format version
//   8   8 bytes  argon2id opslimit                      key = crypto_pwhash(passphrase, salt, ...)
//  16   8 bytes  argon2id memlimit (bytes)
//  24  16 bytes  salt
//  40  24 bytes  crypto_secretstream_xchacha20poly1305 header
//  64  records:  4 bytes ciphertext length n (at most kMaxRecord + ABYTES), then n bytes.
// Each record decrypts to one message of the plaintext stream:
//   'F' name-length(2) name size(8)   a file begins; exactly `size` bytes of 'D' records follow
//   'D' bytes                         up to kChunk bytes of the current file
//   'E'                               the end; its record carries TAG_FINAL and nothing may follow
// The first record's additional data is bytes 0..63, so an edited header (parameters, salt) is refused
// too. secretstream authenticates each record and their order; a file cut short lacks TAG_FINAL.
namespace emis::server::backup {

inline constexpr std::size_t kChunk = 64 * 1024;
inline constexpr std::size_t kMinPassphrase = 12;

struct Source {
    std::string name;  // a plain file name: letters, digits, '.', '_', '-'; no path
    std::string path;  // where to read it from
};

// Seals `sources` into `out` (created with mode 0600; refused when it exists). Throws
// std::runtime_error with a sentence for a person.
void write(const std::string &out, const std::string &passphrase, const std::vector<Source> &sources);

struct ReadResult {
    std::vector<std::string> names;  // the files found, in order
    std::string error;               // empty when the whole file opened and authenticated
    bool wrongPassphraseOrDamaged = false;
};

// Opens `in` and authenticates all of it, writing each file into `dir` (which must exist; 0600 files).
// On any error the files written so far are left for the caller to discard: a caller restores from a
// scratch folder and moves it into place only after a successful read.
ReadResult read(const std::string &in, const std::string &passphrase, const std::string &dir);

bool validName(const std::string &name);

} // namespace emis::server::backup
