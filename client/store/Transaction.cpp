#include "store/Transaction.h"

#include "store/Sql.h"

#include <QSqlQuery>

namespace emis::client {

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db)), m_name(QStringLiteral("tx") + QString::number(++s_counter))
{
    m_outermost = !inTransaction(m_db);
    if (m_outermost && !run(QStringLiteral("BEGIN IMMEDIATE")))
        return;
    m_open = run(QStringLiteral("SAVEPOINT ") + m_name);
    if (!m_open && m_outermost)
        run(QStringLiteral("ROLLBACK"));
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
    if (!run(QStringLiteral("RELEASE ") + m_name))
        return false;
    if (m_outermost && !run(QStringLiteral("COMMIT"))) {
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
