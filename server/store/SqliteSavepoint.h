#pragma once

#include "store/SqliteDb.h"

#include <string>

namespace emis::server {

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
