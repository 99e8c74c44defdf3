#pragma once

#include "store/SqliteDb.h"

namespace emis::server {

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

} // namespace emis::server
