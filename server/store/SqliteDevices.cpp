// SqliteSession: the store's meta facts, enrolled devices, their push watermarks and the enrollment codes.
#include "store/SqliteSession.h"

#include "store/SqliteStatement.h"

namespace emis::server {

std::string SqliteSession::meta(const std::string &key)
{
    SqliteStatement q(m_db, "SELECT value FROM meta WHERE key = ?");
    q.bind(1, key);
    return q.step() ? q.text(0) : std::string();
}

void SqliteSession::setMeta(const std::string &key, const std::string &value)
{
    SqliteStatement q(m_db, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    q.bind(1, key);
    q.bind(2, value);
    q.step();
}

std::uint64_t SqliteSession::watermark(const std::string &deviceId)
{
    SqliteStatement q(m_db, "SELECT seq FROM watermarks WHERE device_id = ?");
    q.bind(1, deviceId);
    return q.step() ? static_cast<std::uint64_t>(q.integer(0)) : 0;
}

void SqliteSession::setWatermark(const std::string &deviceId, std::uint64_t seq)
{
    SqliteStatement q(m_db, "INSERT INTO watermarks (device_id, seq) VALUES (?, ?) "
                            "ON CONFLICT (device_id) DO UPDATE SET seq = excluded.seq");
    q.bind(1, deviceId).bind(2, static_cast<std::int64_t>(seq)).run();
}

void SqliteSession::addDevice(const DeviceRecord &d)
{
    SqliteStatement q(m_db, "INSERT INTO devices (id, school_id, name, cert_serial, enrolled_ms) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, d.id).bind(2, d.schoolId).bind(3, d.name).bind(4, d.certSerial).bind(5, d.enrolledMs).run();
}

namespace {
DeviceRecord readDevice(const SqliteStatement &q)
{
    DeviceRecord d{q.text(0), q.text(1), q.text(2), q.text(3), q.integer(4), {}, {}};
    if (!q.isNull(5))
        d.revokedMs = q.integer(5);
    if (!q.isNull(6))
        d.lastSeenMs = q.integer(6);
    return d;
}
constexpr const char *kDeviceColumns =
    "SELECT id, school_id, name, cert_serial, enrolled_ms, revoked_ms, last_seen_ms FROM devices";
} // namespace

std::optional<DeviceRecord> SqliteSession::device(const std::string &id)
{
    SqliteStatement q(m_db, std::string(kDeviceColumns) + " WHERE id = ?");
    q.bind(1, id);
    if (!q.step())
        return std::nullopt;
    return readDevice(q);
}

std::vector<DeviceRecord> SqliteSession::devices()
{
    SqliteStatement q(m_db, std::string(kDeviceColumns) + " ORDER BY enrolled_ms, id");
    std::vector<DeviceRecord> out;
    while (q.step())
        out.push_back(readDevice(q));
    return out;
}

bool SqliteSession::revokeDevice(const std::string &id, std::int64_t atMs)
{
    SqliteStatement q(m_db, "UPDATE devices SET revoked_ms = ? WHERE id = ? AND revoked_ms IS NULL");
    q.bind(1, atMs).bind(2, id).run();
    return sqlite3_changes(m_db.handle()) > 0;
}

void SqliteSession::touchDevice(const std::string &id, std::int64_t atMs)
{
    SqliteStatement q(m_db, "UPDATE devices SET last_seen_ms = ? WHERE id = ?");
    q.bind(1, atMs).bind(2, id).run();
}

void SqliteSession::addEnrollCode(const EnrollCodeRecord &c)
{
    SqliteStatement q(m_db, "INSERT INTO enroll_codes (code_hash, school_id, created_ms, expires_ms) VALUES (?, ?, ?, ?)");
    q.bind(1, c.codeHash).bind(2, c.schoolId).bind(3, c.createdMs).bind(4, c.expiresMs).run();
}

std::optional<EnrollCodeRecord> SqliteSession::enrollCode(const std::string &codeHash)
{
    SqliteStatement q(m_db, "SELECT code_hash, school_id, created_ms, expires_ms, used_ms FROM enroll_codes "
                            "WHERE code_hash = ?");
    q.bind(1, codeHash);
    if (!q.step())
        return std::nullopt;
    EnrollCodeRecord c{q.text(0), q.text(1), q.integer(2), q.integer(3), {}};
    if (!q.isNull(4))
        c.usedMs = q.integer(4);
    return c;
}

void SqliteSession::markEnrollCodeUsed(const std::string &codeHash, const std::string &deviceId, std::int64_t atMs)
{
    SqliteStatement q(m_db, "UPDATE enroll_codes SET used_ms = ?, device_id = ? WHERE code_hash = ?");
    q.bind(1, atMs).bind(2, deviceId).bind(3, codeHash).run();
}

} // namespace emis::server
