// SqliteSession: bureau users' accounts.
#include "store/SqliteSession.h"

#include "store/SqliteStatement.h"

namespace emis::server {
namespace {

constexpr const char *kUserColumns =
    "SELECT name, display_name, role, password_hash, failures, locked, created_ms, last_login_ms FROM users";

UserRecord readUser(const SqliteStatement &q)
{
    UserRecord u;
    u.name = q.text(0);
    u.displayName = q.text(1);
    u.role = q.text(2);
    u.passwordHash = q.text(3);
    u.failures = static_cast<int>(q.integer(4));
    u.locked = q.integer(5) != 0;
    u.createdMs = q.integer(6);
    if (!q.isNull(7))
        u.lastLoginMs = q.integer(7);
    return u;
}

} // namespace

void SqliteSession::addUser(const UserRecord &u)
{
    SqliteStatement q(m_db, "INSERT INTO users (name, display_name, role, password_hash, created_ms) "
                            "VALUES (?, ?, ?, ?, ?)");
    q.bind(1, u.name).bind(2, u.displayName).bind(3, u.role).bind(4, u.passwordHash).bind(5, u.createdMs).run();
}

std::optional<UserRecord> SqliteSession::user(const std::string &name)
{
    SqliteStatement q(m_db, std::string(kUserColumns) + " WHERE name = ?");
    q.bind(1, name);
    if (!q.step())
        return std::nullopt;
    return readUser(q);
}

std::vector<UserRecord> SqliteSession::users()
{
    SqliteStatement q(m_db, std::string(kUserColumns) + " ORDER BY name");
    std::vector<UserRecord> out;
    while (q.step())
        out.push_back(readUser(q));
    return out;
}

void SqliteSession::updateUser(const UserRecord &u)
{
    SqliteStatement q(m_db, "UPDATE users SET display_name = ?, role = ?, password_hash = ?, failures = ?, locked = ?, "
                            "last_login_ms = ? WHERE name = ?");
    q.bind(1, u.displayName).bind(2, u.role).bind(3, u.passwordHash).bind(4, std::int64_t{u.failures});
    q.bind(5, std::int64_t{u.locked ? 1 : 0});
    if (u.lastLoginMs)
        q.bind(6, *u.lastLoginMs);
    else
        q.bindNull(6);
    q.bind(7, u.name).run();
}

void SqliteSession::countLoginFailure(const std::string &name)
{
    SqliteStatement q(m_db, "UPDATE users SET failures = failures + 1 WHERE name = ?");
    q.bind(1, name).run();
}

void SqliteSession::recordLogin(const std::string &name, std::int64_t atMs)
{
    SqliteStatement q(m_db, "UPDATE users SET failures = 0, last_login_ms = ? WHERE name = ?");
    q.bind(1, atMs).bind(2, name).run();
}

} // namespace emis::server
