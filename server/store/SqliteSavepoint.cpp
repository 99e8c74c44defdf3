#include "store/SqliteSavepoint.h"

namespace emis::server {

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
