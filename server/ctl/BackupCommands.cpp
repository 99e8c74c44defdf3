// emisctl backup | backup verify | restore: everything a county needs to come back on a new machine,
// in one encrypted file (backup/BackupFile.h).
#include "backup/BackupFile.h"
#include "ctl/Commands.h"
#include "ctl/Secret.h"
#include "enroll/CountyCa.h"
#include "net/ServerConfig.h"
#include "store/Migrations.h"
#include "store/SqliteStore.h"
#include "store/StoreSession.h"
#include "sync/Hlc.h"
#include "sync/Uuid.h"

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

namespace emis::server::ctl {
namespace fs = std::filesystem;

namespace {

constexpr const char *kActor = "emisctl";
// What a county server directory holds besides its store. Attachments (evidence images) and the
// devices with their revocations live in the store itself.
constexpr const char *kCountyFiles[] = {"emis.conf", "ca.pem", "ca.key", "server.pem", "server.key"};
constexpr const char *kManifest = "manifest.txt";

std::int64_t nowMs() { return static_cast<std::int64_t>(sync::systemNowMs()); }

std::string isoNow()
{
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// A private scratch folder (0700) under `parent`, removed when it goes out of scope unless kept.
class Scratch {
public:
    explicit Scratch(const fs::path &parent, const char *prefix)
    {
        std::string templ = (parent / (std::string(prefix) + "XXXXXX")).string();
        if (!::mkdtemp(templ.data()))
            throw std::runtime_error("cannot make a scratch folder in " + parent.string());
        m_path = templ;
    }
    ~Scratch()
    {
        std::error_code ignored;
        if (!m_kept)
            fs::remove_all(m_path, ignored);
    }
    Scratch(const Scratch &) = delete;
    Scratch &operator=(const Scratch &) = delete;
    const fs::path &path() const { return m_path; }
    std::string file(const std::string &name) const { return (m_path / name).string(); }
    void keep() { m_kept = true; }

private:
    fs::path m_path;
    bool m_kept = false;
};

std::optional<std::string> passphrase(const std::string &file, bool confirm)
{
    auto p = file.empty() ? readSecret("Backup passphrase", confirm) : readSecretFile(file);
    if (p && p->size() < backup::kMinPassphrase) {
        std::cerr << "emisctl: a backup passphrase needs at least " << backup::kMinPassphrase << " characters\n";
        return std::nullopt;
    }
    return p;
}

std::map<std::string, std::string> readManifest(const std::string &path)
{
    std::map<std::string, std::string> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
        if (const auto eq = line.find('='); eq != std::string::npos)
            out[line.substr(0, eq)] = line.substr(eq + 1);
    return out;
}

std::int64_t count(StoreSession &s, const char *sql)
{
    const auto rows = s.query(sql, {});
    if (rows.empty() || rows[0].empty())
        return 0;
    const auto *n = std::get_if<std::int64_t>(&rows[0][0]);
    return n ? *n : 0;
}

// Opens a backup into `scratch` and checks that it holds a whole county: every file, an intact
// store, a CA whose key is its own and a server certificate the CA signed. Returns the manifest,
// or prints why not.
std::optional<std::map<std::string, std::string>> openBackup(const std::string &file, const std::string &pass,
                                                             const Scratch &scratch)
{
    const auto r = backup::read(file, pass, scratch.path().string());
    if (!r.error.empty()) {
        std::cerr << "emisctl: " << r.error << "\n";
        if (r.wrongPassphraseOrDamaged)
            std::cerr << "emisctl: nothing was restored; check the passphrase, or use another copy of the backup\n";
        return std::nullopt;
    }
    for (const char *name : {kManifest, "emis.db"})
        if (!fs::exists(scratch.file(name))) {
            std::cerr << "emisctl: " << file << " lacks " << name << ": not a whole county backup\n";
            return std::nullopt;
        }
    for (const char *name : kCountyFiles)
        if (!fs::exists(scratch.file(name))) {
            std::cerr << "emisctl: " << file << " lacks " << name << ": not a whole county backup\n";
            return std::nullopt;
        }
    try {
        SqliteStore::checkIntact(scratch.file("emis.db"));
        const CountyCa ca = CountyCa::load(scratch.file("ca.pem"), scratch.file("ca.key"));
        if (!ca.issued(scratch.file("server.pem"), scratch.file("server.key"))) {
            std::cerr << "emisctl: " << file << ": the server certificate was not signed by the county CA it holds\n";
            return std::nullopt;
        }
    } catch (const std::exception &e) {
        std::cerr << "emisctl: " << file << ": " << e.what() << "\n";
        return std::nullopt;
    }
    return readManifest(scratch.file(kManifest));
}

void printManifest(const std::map<std::string, std::string> &m)
{
    for (const char *key : {"created", "ca_fingerprint", "store_version", "schools", "pupils", "devices"})
        if (const auto it = m.find(key); it != m.end())
            std::cout << "  " << key << ": " << it->second << "\n";
}

} // namespace

int backup(const std::string &dir, const std::string &file, const std::string &passphraseFile)
{
    const ServerConfig c = ServerConfig::load(dir);
    if (fs::exists(file)) {
        std::cerr << "emisctl: " << file << " exists; not overwriting it\n";
        return 1;
    }
    const auto pass = passphrase(passphraseFile, true);
    if (!pass)
        return 2;
    SqliteStore store(c.path("emis.db"));
    // The snapshot is plain text for a moment: it stays in the server's own folder (0700).
    Scratch scratch(dir, ".backup-");
    store.backupTo(scratch.file("emis.db"));
    const CountyCa ca = CountyCa::load(c.path("ca.pem"), c.path("ca.key"));
    {
        std::ofstream m(scratch.file(kManifest));
        store.read([&](StoreSession &s) {
            m << "created=" << isoNow() << "\n"
              << "ca_fingerprint=" << ca.fingerprint() << "\n"
              << "store_version=" << kStoreVersion << "\n"
              << "schools=" << count(s, "SELECT count(*) FROM schools WHERE deleted = 0") << "\n"
              << "pupils=" << count(s, "SELECT count(*) FROM students WHERE deleted = 0") << "\n"
              << "devices=" << count(s, "SELECT count(*) FROM devices") << "\n";
        });
        if (!m)
            throw std::runtime_error("cannot write the backup's manifest");
    }
    std::vector<backup::Source> sources = {{kManifest, scratch.file(kManifest)}, {"emis.db", scratch.file("emis.db")}};
    for (const char *name : kCountyFiles)
        sources.push_back({name, c.path(name)});
    try {
        backup::write(file, *pass, sources);
    } catch (...) {
        std::error_code ignored;
        fs::remove(file, ignored);
        throw;
    }
    store.write([&](StoreSession &s) {
        s.audit(AuditEntry{nowMs(), kActor, {}, "backup", "to " + file + " (encrypted, CA " + ca.fingerprint() + ")"});
    });
    std::cout << "backed up to " << file << " (" << fs::file_size(file) << " bytes, encrypted)\n"
              << "keep the passphrase apart from the file: without it the county cannot be restored\n";
    return 0;
}

int backupVerify(const std::string &file, const std::string &passphraseFile, const std::string &dir)
{
    const auto pass = passphrase(passphraseFile, false);
    if (!pass)
        return 2;
    Scratch scratch(fs::temp_directory_path(), "emis-verify-");
    const auto manifest = openBackup(file, *pass, scratch);
    if (!dir.empty()) {
        SqliteStore store(ServerConfig::load(dir).path("emis.db"));
        store.write([&](StoreSession &s) {
            s.audit(AuditEntry{nowMs(), kActor, {}, "backup_verify", file + (manifest ? ": whole" : ": refused")});
        });
    }
    if (!manifest)
        return 1;
    std::cout << file << ": a whole county backup, intact\n";
    printManifest(*manifest);
    return 0;
}

int restore(const std::string &dir, const std::string &file, const std::string &passphraseFile)
{
    const fs::path target = fs::absolute(dir).lexically_normal();
    if (fs::exists(target) && (!fs::is_directory(target) || !fs::is_empty(target))) {
        std::cerr << "emisctl: " << dir << " is not empty; restore onto an empty or new directory "
                  << "(move the old one aside first)\n";
        return 1;
    }
    if (!fs::exists(file)) {
        std::cerr << "emisctl: " << file << " not found\n";
        return 1;
    }
    const auto pass = passphrase(passphraseFile, false);
    if (!pass)
        return 2;
    fs::create_directories(target.parent_path());
    // Everything is opened and checked in a scratch folder beside the target, then moved into
    // place at once: a refused backup leaves no half-restored county behind.
    Scratch scratch(target.parent_path(), ".emis-restore-");
    const auto manifest = openBackup(file, *pass, scratch);
    if (!manifest)
        return 1;
    {
        SqliteStore store(scratch.file("emis.db"));  // migrates a backup of an older version
        store.write([&](StoreSession &s) {
            // A new feed: the restored one will hand out again seqs the lost server had handed
            // out after the backup, and devices must pull from the start (HelloAck.feed_epoch).
            s.setMeta("feed_epoch", sync::newUuidV7());
            const auto created = manifest->find("created");
            s.audit(AuditEntry{nowMs(), kActor, {}, "restore",
                               "from " + file + " (backup of " + (created == manifest->end() ? "?" : created->second) + ")"});
        });
    }
    fs::remove(scratch.file(kManifest));
    std::error_code ignored;
    fs::remove(target, ignored);  // the empty folder, if there was one
    fs::rename(scratch.path(), target);
    scratch.keep();
    fs::permissions(target, fs::perms::owner_all, fs::perm_options::replace);
    std::cout << "restored the county into " << dir << " from " << file << "\n";
    printManifest(*manifest);
    std::cout << "Devices enrolled before the backup sync as before and send again what the backup lacks.\n"
              << "Devices enrolled after it must enroll again; revoke again any device revoked after it\n"
              << "(emisctl device list), and repeat the bureau's decisions made after it.\n";
    return 0;
}

} // namespace emis::server::ctl
