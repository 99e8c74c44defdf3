#include "store/SqliteDb.h"

namespace emis::server {

SqliteDb::SqliteDb(const std::string &path, Mode mode)
{
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string msg = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw SqliteError("cannot open " + path + ": " + msg, rc);
    }
    // Another process (emisctl beside a running server) may hold the write lock for a moment.
    sqlite3_busy_timeout(m_db, 10000);
    sqlite3_extended_result_codes(m_db, 1);
}

SqliteDb::~SqliteDb()
{
    for (auto &[sql, idle] : m_statements)
        for (sqlite3_stmt *stmt : idle)
            sqlite3_finalize(stmt);
    sqlite3_close_v2(m_db);
}

SqliteDb::CachedStatement SqliteDb::acquireStatement(std::string_view sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end())
        it = m_statements.emplace(std::string(sql), std::vector<sqlite3_stmt *>{}).first;
    auto &idle = it->second;
    if (!idle.empty()) {
        sqlite3_stmt *stmt = idle.back();
        idle.pop_back();
        --m_idleCount;
        return {stmt, &idle};
    }
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        fail("prepare " + std::string(sql.substr(0, 200)), rc);
    }
    return {stmt, &idle};
}

void SqliteDb::releaseStatement(const CachedStatement &statement)
{
    // Copies made while others were in use are not all worth keeping.
    constexpr std::size_t kMaxIdle = 128;
    sqlite3_reset(statement.stmt);
    sqlite3_clear_bindings(statement.stmt);
    if (m_idleCount >= kMaxIdle) {
        sqlite3_finalize(statement.stmt);
        return;
    }
    statement.idle->push_back(statement.stmt);
    ++m_idleCount;
}

void SqliteDb::exec(const std::string &sql)
{
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw SqliteError(msg + " in: " + sql.substr(0, 200), rc);
    }
}

std::int64_t SqliteDb::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }

void SqliteDb::fail(const std::string &context, int rc) const
{
    throw SqliteError(context + ": " + sqlite3_errmsg(m_db), rc);
}

} // namespace emis::server
