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

} // namespace emis::server
