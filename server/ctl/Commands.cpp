#include "ctl/Commands.h"

#include "ctl/SchoolCsv.h"
#include "enroll/CountyCa.h"
#include "enroll/EnrollCode.h"
#include "net/ServerConfig.h"
#include "schema/CodeTables.h"
#include "schema/Schema.h"
#include "store/SqliteStore.h"
#include "store/StoreSession.h"
#include "text/JsonWriter.h"
#include "sync/CountyWriter.h"
#include "sync/Hlc.h"

#include <sys/stat.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace emis::server::ctl {
namespace fs = std::filesystem;

namespace {

constexpr const char *kActor = "emisctl";

std::int64_t nowMs() { return static_cast<std::int64_t>(sync::systemNowMs()); }

// Written with 0600 from the start: a key must never be readable by others, even briefly.
void writeFile(const std::string &path, const std::string &content, bool secret)
{
    const mode_t old = umask(secret ? 077 : 022);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    umask(old);
    out << content;
    if (!out)
        throw std::runtime_error("cannot write " + path);
    if (secret)
        fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
}

ServerConfig config(const std::string &dir) { return ServerConfig::load(dir); }

std::string isoTime(std::int64_t ms)
{
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string text(const validate::Record &r, const char *field)
{
    const auto it = r.find(field);
    return it == r.end() ? std::string() : displayText(it->second);
}

void printIssues(const std::string &prefix, const std::vector<Issue> &issues)
{
    for (const auto &i : issues)
        std::cerr << prefix << i.text() << " [" << i.code() << (i.field.empty() ? "" : " " + i.field) << "]\n";
}

} // namespace

int init(const std::string &dir, const std::string &listen, const std::vector<std::string> &sans)
{
    ServerConfig c;
    c.dir = dir;
    if (!listen.empty() && !c.setListen(listen)) {
        std::cerr << "emisctl: --listen must be host:port\n";
        return 2;
    }
    if (fs::exists(c.path("ca.key")) || fs::exists(c.path("emis.conf"))) {
        std::cerr << "emisctl: " << dir << " already holds a county server; not overwriting it\n";
        return 1;
    }
    fs::create_directories(dir);
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);
    const CountyCa ca = CountyCa::create("CountyEMIS County CA");
    const auto server = ca.issueServer(c.host, sans);
    writeFile(c.path("ca.key"), ca.keyPem(), true);
    writeFile(c.path("ca.pem"), ca.certificatePem(), false);
    writeFile(c.path("server.key"), server.keyPem, true);
    // The chain includes the CA so a client can pin it by fingerprint on first contact.
    writeFile(c.path("server.pem"), server.certificatePem + ca.certificatePem(), false);
    {
        SqliteStore store(c.path("emis.db"));
        store.write([&](StoreSession &s) {
            s.audit(AuditEntry{nowMs(), kActor, {}, "init", "county CA " + ca.fingerprint()});
        });
    }
    c.save();
    std::cout << "county server initialised in " << dir << "\n"
              << "listen: " << c.host << ':' << c.port << "\n"
              << "CA fingerprint: " << ca.fingerprint() << "\n";
    return 0;
}

int schoolAdd(const std::string &dir, const std::string &code, const std::string &name, const std::string &type,
              const std::string &township)
{
    SqliteStore store(config(dir).path("emis.db"));
    sync::HlcClock clock("server");
    std::variant<std::string, std::vector<Issue>> result;
    store.write([&](StoreSession &s) {
        result = CountyWriter(s, clock, kActor, nowMs())
                     .addSchool({{"code", code}, {"name", name}, {"school_type", type}, {"township", township}});
    });
    if (const auto *issues = std::get_if<std::vector<Issue>>(&result)) {
        printIssues("emisctl: school not added: ", *issues);
        return 1;
    }
    std::cout << std::get<std::string>(result) << "\n";
    return 0;
}

int schoolImport(const std::string &dir, const std::string &file)
{
    const SchoolCsv csv = SchoolCsv::read(file);
    if (!csv.error.empty()) {
        std::cerr << "emisctl: " << file << ": " << csv.error << "\n";
        return 1;
    }
    for (const auto &c : csv.unknownColumns)
        std::cerr << "emisctl: column ignored: " << c << "\n";
    SqliteStore store(config(dir).path("emis.db"));
    sync::HlcClock clock("server");
    int added = 0;
    int rejected = 0;
    // One transaction for the file; a rejected row writes nothing and takes no good row down.
    store.write([&](StoreSession &s) {
        CountyWriter writer(s, clock, kActor, nowMs());
        for (const auto &row : csv.rows) {
            auto result = writer.addSchool(row.raw);
            if (const auto *issues = std::get_if<std::vector<Issue>>(&result)) {
                printIssues(file + ":" + std::to_string(row.line) + ": ", *issues);
                ++rejected;
            } else {
                ++added;
            }
        }
    });
    std::cout << "imported " << added << " schools, rejected " << rejected << "\n";
    return rejected ? 3 : 0;
}

int schoolList(const std::string &dir, bool json)
{
    SqliteStore store(config(dir).path("emis.db"));
    std::vector<StoredRow> rows;
    store.read([&](StoreSession &s) { rows = s.allRows(*schema::findTable("schools")); });
    const auto *types = schema::findCodeTable("school_type");
    if (json)
        std::cout << "[";
    bool first = true;
    for (const auto &r : rows) {
        if (r.deleted)
            continue;
        const std::string type = text(r.values, "school_type");
        if (json) {
            std::cout << (first ? "" : ",") << "\n  {\"id\":" << text::jsonEscape(r.id)
                      << ",\"code\":" << text::jsonEscape(text(r.values, "code"))
                      << ",\"name\":" << text::jsonEscape(text(r.values, "name")) << ",\"type\":" << text::jsonEscape(type)
                      << ",\"type_name\":" << text::jsonEscape(types ? types->nameOf(type) : type)
                      << ",\"township\":" << text::jsonEscape(text(r.values, "township")) << "}";
        } else {
            std::cout << text(r.values, "code") << '\t' << text(r.values, "name") << '\t'
                      << (types ? types->nameOf(type) : type) << '\t' << text(r.values, "township") << '\t' << r.id
                      << "\n";
        }
        first = false;
    }
    if (json)
        std::cout << (first ? "]\n" : "\n]\n");
    return 0;
}

int caInfo(const std::string &dir, bool json)
{
    const ServerConfig c = config(dir);
    const CountyCa ca = CountyCa::load(c.path("ca.pem"), c.path("ca.key"));
    if (json)
        std::cout << "{\"fingerprint\":" << text::jsonEscape(ca.fingerprint())
                  << ",\"file\":" << text::jsonEscape(c.path("ca.pem")) << "}\n";
    else
        std::cout << "CA fingerprint: " << ca.fingerprint() << "\n"
                  << "CA certificate: " << c.path("ca.pem") << "\n";
    return 0;
}

int enrollCode(const std::string &dir, const std::string &schoolCode, int hours, bool json)
{
    const ServerConfig c = config(dir);
    if (hours <= 0) {
        std::cerr << "emisctl: --hours must be positive\n";
        return 2;
    }
    const CountyCa ca = CountyCa::load(c.path("ca.pem"), c.path("ca.key"));
    SqliteStore store(c.path("emis.db"));
    const std::string code = EnrollCode::generate();
    const std::int64_t now = nowMs();
    const std::int64_t expires = now + std::int64_t{hours} * 3600 * 1000;
    bool found = false;
    store.write([&](StoreSession &s) {
        const auto school = s.schoolByCode(schoolCode);
        if (!school)
            return;
        found = true;
        s.addEnrollCode(EnrollCodeRecord{EnrollCode::hash(*EnrollCode::normalize(code)), school->id, now, expires, {}});
        s.audit(AuditEntry{now, kActor, school->id, "enroll_code", "code for " + schoolCode + " until " + isoTime(expires)});
    });
    if (!found) {
        std::cerr << "emisctl: no school with code " << schoolCode << "\n";
        return 1;
    }
    const std::string printed = code + "." + ca.fingerprint();
    if (json)
        std::cout << "{\"code\":" << text::jsonEscape(printed) << ",\"school\":" << text::jsonEscape(schoolCode)
                  << ",\"expires\":" << text::jsonEscape(isoTime(expires)) << "}\n";
    else
        std::cout << printed << "\n";
    return 0;
}

int deviceList(const std::string &dir, bool json)
{
    SqliteStore store(config(dir).path("emis.db"));
    std::vector<DeviceRecord> devices;
    std::map<std::string, std::string> codes;
    store.read([&](StoreSession &s) {
        devices = s.devices();
        for (const auto &d : devices)
            if (const auto school = s.loadRow(*schema::findTable("schools"), d.schoolId))
                codes[d.id] = text(school->values, "code");
    });
    if (json)
        std::cout << "[";
    bool first = true;
    for (const auto &d : devices) {
        const std::string state = d.revokedMs ? "revoked" : "active";
        if (json) {
            std::cout << (first ? "" : ",") << "\n  {\"id\":" << text::jsonEscape(d.id) << ",\"school_id\":"
                      << text::jsonEscape(d.schoolId) << ",\"school\":" << text::jsonEscape(codes[d.id])
                      << ",\"name\":" << text::jsonEscape(d.name) << ",\"enrolled\":" << text::jsonEscape(isoTime(d.enrolledMs))
                      << ",\"last_seen\":" << (d.lastSeenMs ? text::jsonEscape(isoTime(*d.lastSeenMs)) : "null")
                      << ",\"state\":" << text::jsonEscape(state) << "}";
        } else {
            std::cout << d.id << '\t' << codes[d.id] << '\t' << d.name << '\t' << isoTime(d.enrolledMs) << '\t'
                      << state << "\n";
        }
        first = false;
    }
    if (json)
        std::cout << (first ? "]\n" : "\n]\n");
    return 0;
}

int deviceRevoke(const std::string &dir, const std::string &deviceId)
{
    SqliteStore store(config(dir).path("emis.db"));
    bool revoked = false;
    store.write([&](StoreSession &s) {
        const auto device = s.device(deviceId);
        revoked = s.revokeDevice(deviceId, nowMs());
        if (revoked)
            s.audit(AuditEntry{nowMs(), kActor, device->schoolId, "revoke", "device " + deviceId});
    });
    if (!revoked) {
        std::cerr << "emisctl: no active device " << deviceId << "\n";
        return 1;
    }
    std::cout << "revoked " << deviceId << "\n";
    return 0;
}

} // namespace emis::server::ctl
