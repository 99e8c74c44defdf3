// SqliteSession: what is kept for review — rejected changes, conflicts and the audit log.
#include "store/SqliteSession.h"

#include "store/SqliteStatement.h"

namespace emis::server {

void SqliteSession::addRejection(const RejectionRecord &r, std::int64_t atMs)
{
    SqliteStatement q(m_db, "INSERT OR REPLACE INTO rejections (device_id, device_seq, tbl, row_id, field, code, "
                            "message_zh, message_en, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, r.deviceId).bind(2, static_cast<std::int64_t>(r.deviceSeq)).bind(3, r.table).bind(4, r.rowId).bind(5, r.field);
    q.bind(6, r.code).bind(7, r.messageZh).bind(8, r.messageEn).bind(9, atMs).run();
}

std::vector<RejectionRecord> SqliteSession::rejections(const std::string &deviceId, std::uint64_t fromSeq,
                                                       std::uint64_t toSeq)
{
    SqliteStatement q(m_db, "SELECT device_id, device_seq, tbl, row_id, field, code, message_zh, message_en "
                            "FROM rejections WHERE device_id = ? AND device_seq BETWEEN ? AND ? ORDER BY device_seq");
    q.bind(1, deviceId).bind(2, static_cast<std::int64_t>(fromSeq)).bind(3, static_cast<std::int64_t>(toSeq));
    std::vector<RejectionRecord> out;
    while (q.step())
        out.push_back(RejectionRecord{q.text(0), static_cast<std::uint64_t>(q.integer(1)), q.text(2), q.text(3),
                                      q.text(4), q.text(5), q.text(6), q.text(7)});
    return out;
}

void SqliteSession::addConflict(const ConflictRecord &c, std::int64_t atMs)
{
    SqliteStatement q(m_db, "INSERT INTO conflicts (tbl, row_id, field, winner_value, winner_hlc, loser_value, "
                            "loser_hlc, device_id, device_seq, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, c.table).bind(2, c.rowId).bind(3, c.field).bind(4, c.winner).bind(5, c.winnerHlc);
    q.bind(6, c.loser).bind(7, c.loserHlc).bind(8, c.deviceId).bind(9, static_cast<std::int64_t>(c.deviceSeq)).bind(10, atMs).run();
}

std::vector<ConflictRecord> SqliteSession::conflicts(const std::string &deviceId, std::uint64_t fromSeq,
                                                     std::uint64_t toSeq)
{
    SqliteStatement q(m_db, "SELECT tbl, row_id, field, winner_value, winner_hlc, loser_value, loser_hlc, device_id, "
                            "device_seq FROM conflicts WHERE device_id = ? AND device_seq BETWEEN ? AND ? ORDER BY id");
    q.bind(1, deviceId).bind(2, static_cast<std::int64_t>(fromSeq)).bind(3, static_cast<std::int64_t>(toSeq));
    std::vector<ConflictRecord> out;
    while (q.step())
        out.push_back(ConflictRecord{q.text(0), q.text(1), q.text(2), q.value(3), q.text(4), q.value(5), q.text(6),
                                     q.text(7), static_cast<std::uint64_t>(q.integer(8))});
    return out;
}

void SqliteSession::audit(const AuditEntry &e)
{
    SqliteStatement q(m_db, "INSERT INTO audit (at_ms, actor, school_id, action, detail) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, e.atMs).bind(2, e.actor).bind(3, e.schoolId).bind(4, e.action).bind(5, e.detail).run();
}

std::vector<AuditEntry> SqliteSession::auditLog(int limit)
{
    SqliteStatement q(m_db, "SELECT at_ms, actor, school_id, action, detail FROM audit ORDER BY id DESC LIMIT ?");
    q.bind(1, std::int64_t{limit});
    std::vector<AuditEntry> out;
    while (q.step())
        out.push_back(AuditEntry{q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4)});
    return out;
}

} // namespace emis::server
