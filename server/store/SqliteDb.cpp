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

SqliteDb::~SqliteDb() { sqlite3_close_v2(m_db); }

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

SqliteStatement::SqliteStatement(SqliteDb &db, const std::string &sql) : m_db(db)
{
    const int rc = sqlite3_prepare_v2(db.handle(), sql.c_str(), static_cast<int>(sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        db.fail("prepare " + sql.substr(0, 200), rc);
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(m_stmt); }

SqliteStatement &SqliteStatement::bind(int index, const Value &value)
{
    int rc = SQLITE_OK;
    if (const auto *s = std::get_if<std::string>(&value))
        rc = sqlite3_bind_text(m_stmt, index, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
    else if (const auto *i = std::get_if<std::int64_t>(&value))
        rc = sqlite3_bind_int64(m_stmt, index, *i);
    else if (const auto *d = std::get_if<double>(&value))
        rc = sqlite3_bind_double(m_stmt, index, *d);
    else if (const auto *b = std::get_if<Bytes>(&value))
        rc = sqlite3_bind_blob(m_stmt, index, b->data(), static_cast<int>(b->size()), SQLITE_TRANSIENT);
    else
        rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK)
        m_db.fail("bind", rc);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, const std::string &text) { return bind(index, Value{text}); }
SqliteStatement &SqliteStatement::bind(int index, std::int64_t number) { return bind(index, Value{number}); }
SqliteStatement &SqliteStatement::bindNull(int index) { return bind(index, Value{}); }

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    m_db.fail(std::string("step ") + sqlite3_sql(m_stmt), rc);
}

void SqliteStatement::run()
{
    while (step()) {
    }
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool SqliteStatement::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

Value SqliteStatement::value(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER: return std::int64_t{sqlite3_column_int64(m_stmt, column)};
    case SQLITE_FLOAT: return sqlite3_column_double(m_stmt, column);
    case SQLITE_TEXT: return text(column);
    case SQLITE_BLOB: {
        const auto *p = static_cast<const unsigned char *>(sqlite3_column_blob(m_stmt, column));
        return Bytes(p, p + sqlite3_column_bytes(m_stmt, column));
    }
    default: return Value{};
    }
}

std::string SqliteStatement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))) : std::string();
}

std::int64_t SqliteStatement::integer(int column) const { return sqlite3_column_int64(m_stmt, column); }

SqliteTransaction::SqliteTransaction(SqliteDb &db, Kind kind) : m_db(db)
{
    db.exec(kind == Kind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

SqliteTransaction::~SqliteTransaction()
{
    if (m_open)
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void SqliteTransaction::commit()
{
    m_db.exec("COMMIT");
    m_open = false;
}

SqliteSavepoint::SqliteSavepoint(SqliteDb &db, std::string name) : m_db(db), m_name(std::move(name))
{
    db.exec("SAVEPOINT " + m_name);
}

SqliteSavepoint::~SqliteSavepoint()
{
    if (m_open) {
        const std::string sql = "ROLLBACK TO " + m_name + "; RELEASE " + m_name;
        sqlite3_exec(m_db.handle(), sql.c_str(), nullptr, nullptr, nullptr);
    }
}

void SqliteSavepoint::release()
{
    m_db.exec("RELEASE " + m_name);
    m_open = false;
}

void SqliteSavepoint::rollback()
{
    m_db.exec("ROLLBACK TO " + m_name + "; RELEASE " + m_name);
    m_open = false;
}

} // namespace emis::server
