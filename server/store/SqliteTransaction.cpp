#include "store/SqliteTransaction.h"

namespace emis::server {

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

} // namespace emis::server
