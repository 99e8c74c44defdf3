#include "store/Transaction.h"

#include "store/Sql.h"

#include <QSqlQuery>

namespace emis::client {

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db)), m_name(QStringLiteral("tx") + QString::number(++s_counter))
{
    m_outermost = !inTransaction(m_db);
    // The outermost needs no savepoint of its own (ROLLBACK undoes it all), and one open for the
    // whole transaction made SQLite copy each page it changed into a temporary sub-journal first.
    m_open = run(m_outermost ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("SAVEPOINT ") + m_name);
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    if (m_outermost) {
        run(QStringLiteral("ROLLBACK"));
        return;
    }
    run(QStringLiteral("ROLLBACK TO ") + m_name);
    run(QStringLiteral("RELEASE ") + m_name);
}

bool Transaction::commit()
{
    if (!m_open)
        return false;
    m_open = false;
    if (!m_outermost)
        return run(QStringLiteral("RELEASE ") + m_name);
    if (!run(QStringLiteral("COMMIT"))) {
        run(QStringLiteral("ROLLBACK"));
        return false;
    }
    return true;
}

bool Transaction::run(const QString &statement)
{
    QSqlQuery q(m_db);
    return q.exec(statement);
}

} // namespace emis::client
