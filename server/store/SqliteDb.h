#pragma once

#include "schema/Value.h"

#include <sqlite3.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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

    // Prepared statements are kept per connection and reused: preparing the same INSERT for
    // every row of a bulk push cost more than running it. SqliteStatement takes one (a fresh one
    // when the cached copies are all in use) and gives it back reset. The cache is keyed by the
    // SQL text; the server's SQL texts are a fixed set (values are bound, never pasted in).
    struct CachedStatement {
        sqlite3_stmt *stmt = nullptr;
        std::vector<sqlite3_stmt *> *idle = nullptr;  // where it goes back; stable while the connection lives
    };
    CachedStatement acquireStatement(std::string_view sql);
    void releaseStatement(const CachedStatement &statement);

private:
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    sqlite3 *m_db = nullptr;
    std::unordered_map<std::string, std::vector<sqlite3_stmt *>, TextHash, std::equal_to<>> m_statements;
    std::size_t m_idleCount = 0;
};

} // namespace emis::server
