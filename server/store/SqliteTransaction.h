#pragma once

#include "store/SqliteDb.h"

namespace emis::server {

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

} // namespace emis::server
