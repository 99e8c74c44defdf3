#pragma once

#include "schema/Value.h"

#include <sqlite3.h>

#include <stdexcept>
#include <string>

namespace emis::server {

// A failure of the SQLite C API. Thrown only for the unexpected (disk full, a broken file);
// expected outcomes (a row not found, a code already used) are values.
class SqliteError : public std::runtime_error {
public:
    SqliteError(const std::string &what, int code) : std::runtime_error(what), m_code(code) {}
    int code() const { return m_code; }

private:
    int m_code;
};

// One open connection. Not thread-safe: one owner at a time.
class SqliteDb {
public:
    enum class Mode { ReadWrite, ReadOnly };
    SqliteDb(const std::string &path, Mode mode);
    ~SqliteDb();
    SqliteDb(const SqliteDb &) = delete;
    SqliteDb &operator=(const SqliteDb &) = delete;

    sqlite3 *handle() const { return m_db; }
    // Runs statements with no bound values (schema, pragmas, BEGIN/COMMIT): never user data.
    void exec(const std::string &sql);
    std::int64_t lastInsertRowId() const;
    [[noreturn]] void fail(const std::string &context, int rc) const;

private:
    sqlite3 *m_db = nullptr;
};

// A prepared statement. Values are only ever bound, never pasted into the SQL text.
class SqliteStatement {
public:
    SqliteStatement(SqliteDb &db, const std::string &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    SqliteStatement &bind(int index, const Value &value);  // 1-based
    SqliteStatement &bind(int index, const std::string &text);
    SqliteStatement &bind(int index, const char *text) { return bind(index, std::string(text)); }
    SqliteStatement &bind(int index, std::int64_t number);
    SqliteStatement &bindNull(int index);
    // True while a row is available; false when done.
    bool step();
    void run();  // steps a statement that returns no rows
    void reset();

    bool isNull(int column) const;
    Value value(int column) const;  // by the column's stored type
    std::string text(int column) const;
    std::int64_t integer(int column) const;

private:
    SqliteDb &m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

// RAII transaction: rolls back unless commit() was called. BEGIN IMMEDIATE takes the write lock
// up front, so a writer never fails half-way on SQLITE_BUSY.
class SqliteTransaction {
public:
    enum class Kind { Deferred, Immediate };
    SqliteTransaction(SqliteDb &db, Kind kind);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction &) = delete;
    SqliteTransaction &operator=(const SqliteTransaction &) = delete;
    void commit();

private:
    SqliteDb &m_db;
    bool m_open = true;
};

// RAII savepoint inside a transaction: one job of a group commit, or one change of a batch,
// rolls back alone.
class SqliteSavepoint {
public:
    SqliteSavepoint(SqliteDb &db, std::string name);
    ~SqliteSavepoint();
    SqliteSavepoint(const SqliteSavepoint &) = delete;
    SqliteSavepoint &operator=(const SqliteSavepoint &) = delete;
    void release();
    void rollback();

private:
    SqliteDb &m_db;
    std::string m_name;
    bool m_open = true;
};

} // namespace emis::server
