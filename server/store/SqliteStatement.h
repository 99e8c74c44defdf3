#pragma once

#include "store/SqliteDb.h"

#include <string_view>

namespace emis::server {

// A prepared statement, taken from the connection's cache and given back when done. Values are
// only ever bound, never pasted into the SQL text. It comes with every parameter NULL: the cache
// clears the bindings when a statement is given back.
class SqliteStatement {
public:
    SqliteStatement(SqliteDb &db, std::string_view sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    SqliteStatement &bind(int index, const Value &value);  // 1-based
    SqliteStatement &bind(int index, const std::string &text);
    SqliteStatement &bind(int index, const char *text) { return bind(index, std::string(text)); }
    SqliteStatement &bind(int index, std::int64_t number);
    SqliteStatement &bindNull(int index);
    // Binds without a copy: `value` must stay as it is until the statement has run (a bulk
    // insert's values, held by the caller across run()).
    SqliteStatement &bindView(int index, const Value &value);
    SqliteStatement &bindView(int index, std::string_view text);
    SqliteStatement &bindView(int index, const std::string &text) { return bindView(index, std::string_view(text)); }
    SqliteStatement &bindView(int index, std::string &&) = delete;  // a temporary would not outlive run()
    // True while a row is available; false when done.
    bool step();
    void run();  // steps a statement that returns no rows
    void reset();

    bool isNull(int column) const;
    Value value(int column) const;  // by the column's stored type
    // The same into `into`, reusing the text it holds: no allocation when the text fits.
    void read(int column, Value &into) const;
    std::string text(int column) const;
    std::int64_t integer(int column) const;
    int columnCount() const;

private:
    SqliteStatement &bind(int index, const Value &value, void (*lifetime)(void *));

    SqliteDb &m_db;
    SqliteDb::CachedStatement m_cached;
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace emis::server
