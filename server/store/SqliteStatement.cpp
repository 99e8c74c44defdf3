#include "store/SqliteStatement.h"

namespace emis::server {

SqliteStatement::SqliteStatement(SqliteDb &db, std::string_view sql)
    : m_db(db)
    , m_cached(db.acquireStatement(sql))
    , m_stmt(m_cached.stmt)
{
}

SqliteStatement::~SqliteStatement() { m_db.releaseStatement(m_cached); }

SqliteStatement &SqliteStatement::bind(int index, const Value &value) { return bind(index, value, SQLITE_TRANSIENT); }

SqliteStatement &SqliteStatement::bindView(int index, const Value &value) { return bind(index, value, SQLITE_STATIC); }

SqliteStatement &SqliteStatement::bindView(int index, std::string_view text)
{
    if (const int rc = sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
        rc != SQLITE_OK)
        m_db.fail("bind", rc);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, const Value &value, void (*lifetime)(void *))
{
    int rc = SQLITE_OK;
    if (const auto *s = std::get_if<std::string>(&value))
        rc = sqlite3_bind_text(m_stmt, index, s->data(), static_cast<int>(s->size()), lifetime);
    else if (const auto *i = std::get_if<std::int64_t>(&value))
        rc = sqlite3_bind_int64(m_stmt, index, *i);
    else if (const auto *d = std::get_if<double>(&value))
        rc = sqlite3_bind_double(m_stmt, index, *d);
    else if (const auto *b = std::get_if<Bytes>(&value))
        rc = sqlite3_bind_blob(m_stmt, index, b->data(), static_cast<int>(b->size()), lifetime);
    else
        rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK)
        m_db.fail("bind", rc);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, const std::string &text)
{
    if (const int rc = sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        rc != SQLITE_OK)
        m_db.fail("bind", rc);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, std::int64_t number)
{
    if (const int rc = sqlite3_bind_int64(m_stmt, index, number); rc != SQLITE_OK)
        m_db.fail("bind", rc);
    return *this;
}

SqliteStatement &SqliteStatement::bindNull(int index)
{
    if (const int rc = sqlite3_bind_null(m_stmt, index); rc != SQLITE_OK)
        m_db.fail("bind", rc);
    return *this;
}

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

void SqliteStatement::read(int column, Value &into) const
{
    if (sqlite3_column_type(m_stmt, column) != SQLITE_TEXT) {
        into = value(column);
        return;
    }
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    const auto n = static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column));
    if (auto *held = std::get_if<std::string>(&into))
        held->assign(p ? p : "", p ? n : 0);
    else
        into = std::string(p ? p : "", p ? n : 0);
}

std::string SqliteStatement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))) : std::string();
}

std::int64_t SqliteStatement::integer(int column) const { return sqlite3_column_int64(m_stmt, column); }

int SqliteStatement::columnCount() const { return sqlite3_column_count(m_stmt); }

} // namespace emis::server
