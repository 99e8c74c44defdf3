// emisctl user add|passwd|lock|unlock|list: the bureau officers' accounts.
#include "auth/Passwords.h"
#include "ctl/Commands.h"
#include "ctl/Secret.h"
#include "net/ServerConfig.h"
#include "schema/Roles.h"
#include "store/SqliteStore.h"
#include "store/StoreSession.h"
#include "sync/Hlc.h"
#include "text/JsonWriter.h"

#include <iostream>

namespace emis::server::ctl {
namespace {

std::int64_t now() { return static_cast<std::int64_t>(sync::systemNowMs()); }

std::optional<std::string> newPassword()
{
    auto pw = readSecret("Password", true);
    if (pw && pw->size() < kMinPasswordLength) {
        std::cerr << "emisctl: a password needs at least " << kMinPasswordLength << " characters\n";
        return std::nullopt;
    }
    return pw;
}

int withUser(const std::string &dir, const std::string &name, const std::string &action,
             const std::function<void(UserRecord &)> &change)
{
    SqliteStore store(ServerConfig::load(dir).path("emis.db"));
    bool found = false;
    store.write([&](StoreSession &s) {
        auto user = s.user(name);
        if (!user)
            return;
        found = true;
        change(*user);
        s.updateUser(*user);
        s.audit(AuditEntry{now(), "emisctl", {}, action, "user " + name});
    });
    if (!found) {
        std::cerr << "emisctl: no user " << name << "\n";
        return 1;
    }
    std::cout << "user " << name << ": " << action << "\n";
    return 0;
}

} // namespace

int userAdd(const std::string &dir, const std::string &name, const std::string &role, const std::string &display)
{
    if (!schema::findRole(role)) {
        std::cerr << "emisctl: role is one of";
        for (const auto &r : schema::roles())
            std::cerr << (&r == &schema::roles().front() ? " " : ", ") << r.name << " (" << r.zh << ")";
        std::cerr << "\n";
        return 2;
    }
    if (name.empty() || name.size() > 64) {
        std::cerr << "emisctl: a user name has 1 to 64 characters\n";
        return 2;
    }
    const auto pw = newPassword();
    if (!pw)
        return 2;
    UserRecord u{name, display, role, hashPassword(*pw), 0, false, now(), std::nullopt};
    SqliteStore store(ServerConfig::load(dir).path("emis.db"));
    bool exists = false;
    store.write([&](StoreSession &s) {
        if ((exists = s.user(name).has_value()))
            return;
        s.addUser(u);
        s.audit(AuditEntry{now(), "emisctl", {}, "user_add", "user " + name + " role " + role});
    });
    if (exists) {
        std::cerr << "emisctl: user " << name << " exists already\n";
        return 1;
    }
    std::cout << "user " << name << " added (" << schema::roleNameZh(role) << ")\n";
    return 0;
}

int userPasswd(const std::string &dir, const std::string &name)
{
    const auto pw = newPassword();
    if (!pw)
        return 2;
    const std::string hash = hashPassword(*pw);
    // A new password also lifts a lock-out.
    return withUser(dir, name, "password set", [&](UserRecord &u) {
        u.passwordHash = hash;
        u.failures = 0;
        u.locked = false;
    });
}

int userLock(const std::string &dir, const std::string &name, bool locked)
{
    return withUser(dir, name, locked ? "locked" : "unlocked", [&](UserRecord &u) {
        u.locked = locked;
        u.failures = 0;
    });
}

int userList(const std::string &dir, bool json)
{
    SqliteStore store(ServerConfig::load(dir).path("emis.db"));
    std::vector<UserRecord> users;
    store.read([&](StoreSession &s) { users = s.users(); });
    if (json) {
        text::JsonWriter w;
        w.beginArray();
        for (const auto &u : users) {
            w.beginObject().field("name", u.name).field("display_name", u.displayName).field("role", u.role);
            w.field("failures", u.failures).field("locked", u.locked).key("last_login_ms");
            if (u.lastLoginMs)
                w.value(*u.lastLoginMs);
            else
                w.null();
            w.endObject();
        }
        std::cout << w.endArray().str() << "\n";
        return 0;
    }
    for (const auto &u : users)
        std::cout << u.name << "\t" << schema::roleNameZh(u.role) << "\t" << u.displayName << (u.locked ? "\tlocked" : "")
                  << "\n";
    return 0;
}

} // namespace emis::server::ctl
