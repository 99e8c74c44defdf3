#include "backup/BackupFile.h"

#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace emis::server::backup {
namespace {

constexpr char kMagic[8] = {'E', 'M', 'I', 'S', 'B', 'A', 'K', '\x01'};
constexpr std::size_t kHeaderBytes = 64;
constexpr std::size_t kMaxRecord = kChunk + 1;  // one type byte and a chunk
// Sensible bounds on what a file may ask of argon2id: a hostile file must not make a restore
// allocate gigabytes or spin for an hour.
constexpr std::uint64_t kMaxOps = 16;
constexpr std::uint64_t kMaxMem = std::uint64_t{1} << 30;

static_assert(crypto_pwhash_SALTBYTES == 16);
static_assert(crypto_secretstream_xchacha20poly1305_HEADERBYTES == 24);

void ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw std::runtime_error("libsodium could not be initialised");
}

void putU64(unsigned char *p, std::uint64_t v)
{
    for (int i = 0; i < 8; ++i)
        p[i] = static_cast<unsigned char>(v >> (8 * i));
}

std::uint64_t getU64(const unsigned char *p)
{
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

// The key, wiped when it goes.
struct Key {
    std::array<unsigned char, crypto_secretstream_xchacha20poly1305_KEYBYTES> bytes{};
    ~Key() { sodium_memzero(bytes.data(), bytes.size()); }
};

bool deriveKey(Key &key, const std::string &passphrase, const unsigned char *salt, std::uint64_t ops, std::uint64_t mem)
{
    return crypto_pwhash(key.bytes.data(), key.bytes.size(), passphrase.data(), passphrase.size(), salt, ops,
                         static_cast<std::size_t>(mem), crypto_pwhash_ALG_ARGON2ID13) == 0;
}

class Sealer {
public:
    Sealer(std::ofstream &out, const Key &key, const unsigned char *header) : m_out(out), m_ad(header, header + 40)
    {
        unsigned char streamHeader[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
        crypto_secretstream_xchacha20poly1305_init_push(&m_state, streamHeader, key.bytes.data());
        m_ad.insert(m_ad.end(), streamHeader, streamHeader + sizeof streamHeader);
        m_out.write(reinterpret_cast<const char *>(m_ad.data()), static_cast<std::streamsize>(m_ad.size()));
    }
    ~Sealer() { sodium_memzero(&m_state, sizeof m_state); }

    void record(const std::string &plain, bool final)
    {
        std::string cipher(plain.size() + crypto_secretstream_xchacha20poly1305_ABYTES, '\0');
        unsigned long long n = 0;
        const bool first = !m_started;
        m_started = true;
        crypto_secretstream_xchacha20poly1305_push(
            &m_state, reinterpret_cast<unsigned char *>(cipher.data()), &n,
            reinterpret_cast<const unsigned char *>(plain.data()), plain.size(), first ? m_ad.data() : nullptr,
            first ? m_ad.size() : 0,
            final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        unsigned char len[4];
        for (int i = 0; i < 4; ++i)
            len[i] = static_cast<unsigned char>(n >> (8 * i));
        m_out.write(reinterpret_cast<const char *>(len), 4);
        m_out.write(cipher.data(), static_cast<std::streamsize>(n));
        if (!m_out)
            throw std::runtime_error("cannot write the backup file (disk full?)");
    }

private:
    std::ofstream &m_out;
    crypto_secretstream_xchacha20poly1305_state m_state{};
    std::vector<unsigned char> m_ad;
    bool m_started = false;
};

std::ofstream createSecret(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw std::runtime_error(errno == EEXIST ? path + " exists; not overwriting it"
                                                 : "cannot create " + path + ": " + std::strerror(errno));
    ::close(fd);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        throw std::runtime_error("cannot write " + path);
    return out;
}

} // namespace

bool validName(const std::string &name)
{
    if (name.empty() || name.size() > 255 || name[0] == '.')
        return false;
    for (const char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
              c == '-'))
            return false;
    return true;
}

void write(const std::string &out, const std::string &passphrase, const std::vector<Source> &sources)
{
    ensureSodium();
    unsigned char header[40];
    std::memcpy(header, kMagic, 8);
    putU64(header + 8, crypto_pwhash_OPSLIMIT_MODERATE);
    putU64(header + 16, crypto_pwhash_MEMLIMIT_MODERATE);
    randombytes_buf(header + 24, 16);
    Key key;
    if (!deriveKey(key, passphrase, header + 24, crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE))
        throw std::runtime_error("not enough memory to derive the backup key");

    std::ofstream file = createSecret(out);
    Sealer sealer(file, key, header);
    std::string chunk;
    for (const Source &s : sources) {
        if (!validName(s.name))
            throw std::runtime_error("bad name in a backup: " + s.name);
        std::ifstream in(s.path, std::ios::binary);
        if (!in)
            throw std::runtime_error("cannot read " + s.path);
        in.seekg(0, std::ios::end);
        const auto size = static_cast<std::uint64_t>(in.tellg());
        in.seekg(0);
        std::string begin(1, 'F');
        begin.push_back(static_cast<char>(s.name.size() & 0xff));
        begin.push_back(static_cast<char>(s.name.size() >> 8));
        begin += s.name;
        unsigned char sz[8];
        putU64(sz, size);
        begin.append(reinterpret_cast<const char *>(sz), 8);
        sealer.record(begin, false);
        std::uint64_t left = size;
        while (left > 0) {
            const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(left, kChunk));
            chunk.assign(1, 'D');
            chunk.resize(1 + n);
            in.read(chunk.data() + 1, static_cast<std::streamsize>(n));
            if (static_cast<std::size_t>(in.gcount()) != n)
                throw std::runtime_error(s.path + " changed while it was being backed up");
            sealer.record(chunk, false);
            left -= n;
        }
    }
    sealer.record("E", true);
    file.close();
    if (!file)
        throw std::runtime_error("cannot write the backup file (disk full?)");
    sodium_memzero(chunk.data(), chunk.size());
}

ReadResult read(const std::string &in, const std::string &passphrase, const std::string &dir)
{
    ensureSodium();
    ReadResult r;
    auto fail = [&r](std::string why, bool damaged = false) {
        r.error = std::move(why);
        r.wrongPassphraseOrDamaged = damaged;
        return r;
    };
    std::ifstream file(in, std::ios::binary);
    if (!file)
        return fail("cannot open " + in);
    unsigned char header[kHeaderBytes];
    file.read(reinterpret_cast<char *>(header), kHeaderBytes);
    if (file.gcount() != static_cast<std::streamsize>(kHeaderBytes) || std::memcmp(header, kMagic, 7) != 0)
        return fail(in + " is not a CountyEMIS backup (made by emisctl backup)");
    if (header[7] != kMagic[7])
        return fail(in + " is a backup of a format this emisctl does not know (a newer version?)");
    const std::uint64_t ops = getU64(header + 8), mem = getU64(header + 16);
    if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > kMaxOps || mem < crypto_pwhash_MEMLIMIT_MIN || mem > kMaxMem)
        return fail(in + " is damaged: its key parameters are out of range", true);
    Key key;
    if (!deriveKey(key, passphrase, header + 24, ops, mem))
        return fail("not enough memory to derive the backup key");
    crypto_secretstream_xchacha20poly1305_state state;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&state, header + 40, key.bytes.data()) != 0)
        return fail(in + " is damaged (its header)", true);

    std::string cipher, plain;
    std::ofstream current;
    std::string currentName;
    std::uint64_t left = 0;
    bool first = true;
    for (;;) {
        unsigned char len[4];
        file.read(reinterpret_cast<char *>(len), 4);
        if (file.gcount() != 4)
            return fail(in + " is cut short: it ends before its last record (an interrupted copy?)", true);
        const std::size_t n = len[0] | (std::size_t{len[1]} << 8) | (std::size_t{len[2]} << 16) | (std::size_t{len[3]} << 24);
        if (n < crypto_secretstream_xchacha20poly1305_ABYTES + 1 || n > kMaxRecord + crypto_secretstream_xchacha20poly1305_ABYTES)
            return fail(in + " is damaged (a record of impossible length)", true);
        cipher.resize(n);
        file.read(cipher.data(), static_cast<std::streamsize>(n));
        if (static_cast<std::size_t>(file.gcount()) != n)
            return fail(in + " is cut short: it ends inside a record (an interrupted copy?)", true);
        plain.resize(n - crypto_secretstream_xchacha20poly1305_ABYTES);
        unsigned long long plainLen = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&state, reinterpret_cast<unsigned char *>(plain.data()), &plainLen,
                                                       &tag, reinterpret_cast<const unsigned char *>(cipher.data()), n,
                                                       first ? header : nullptr, first ? kHeaderBytes : 0) != 0)
            return fail(first ? "wrong passphrase, or " + in + " is damaged"
                              : in + " is damaged or was altered (a record does not authenticate)",
                        true);
        first = false;
        plain.resize(plainLen);
        const char type = plain.empty() ? '\0' : plain[0];
        const bool final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
        if (type == 'E') {
            if (!final || left != 0 || plain.size() != 1)
                return fail(in + " is damaged (its end record)", true);
            file.peek();
            if (!file.eof())
                return fail(in + " has data after its end record", true);
            if (current.is_open()) {
                current.close();
                if (!current)
                    return fail("cannot write " + currentName + " (disk full?)");
            }
            sodium_memzero(plain.data(), plain.size());
            return r;
        }
        if (final)
            return fail(in + " is damaged (ends early)", true);
        if (type == 'F') {
            if (left != 0 || plain.size() < 11)
                return fail(in + " is damaged (a file record out of place)", true);
            const std::size_t nameLen = static_cast<unsigned char>(plain[1]) | (std::size_t{static_cast<unsigned char>(plain[2])} << 8);
            if (plain.size() != 3 + nameLen + 8)
                return fail(in + " is damaged (a file record)", true);
            currentName = plain.substr(3, nameLen);
            if (!validName(currentName))
                return fail(in + " names a file it may not write: " + currentName, true);
            for (const auto &seen : r.names)
                if (seen == currentName)
                    return fail(in + " holds " + currentName + " twice", true);
            left = getU64(reinterpret_cast<const unsigned char *>(plain.data()) + 3 + nameLen);
            if (current.is_open())
                current.close();
            const std::string path = dir + "/" + currentName;
            const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
            if (fd < 0)
                return fail("cannot create " + path + ": " + std::strerror(errno));
            ::close(fd);
            current.open(path, std::ios::binary | std::ios::trunc);
            r.names.push_back(currentName);
            continue;
        }
        if (type == 'D') {
            if (!current.is_open() || plain.size() - 1 > left)
                return fail(in + " is damaged (data out of place)", true);
            current.write(plain.data() + 1, static_cast<std::streamsize>(plain.size() - 1));
            if (!current)
                return fail("cannot write " + currentName + " (disk full?)");
            left -= plain.size() - 1;
            continue;
        }
        return fail(in + " is damaged (an unknown record)", true);
    }
}

} // namespace emis::server::backup
