#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <atomic>

namespace emis::client {

// Rolls back unless commit() was called, so an early return never leaves half a save behind.
// Built on SAVEPOINT so transactions nest: an import wraps thousands of saves in one outer
// transaction (one durable commit, not one per row), and a save that fails inside it rolls back
// alone. At the outermost level SAVEPOINT/RELEASE are BEGIN/COMMIT.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db)
        : m_db(std::move(db))
        , m_name(QStringLiteral("tx") + QString::number(++s_counter))
    {
        QSqlQuery q(m_db);
        m_open = q.exec(QStringLiteral("SAVEPOINT ") + m_name);
    }
    ~Transaction()
    {
        if (!m_open)
            return;
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("ROLLBACK TO ") + m_name);
        q.exec(QStringLiteral("RELEASE ") + m_name);
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isOpen() const { return m_open; }
    bool commit()
    {
        if (!m_open)
            return false;
        m_open = false;
        QSqlQuery q(m_db);
        return q.exec(QStringLiteral("RELEASE ") + m_name);
    }

private:
    QSqlDatabase m_db;
    QString m_name;  // unique, never user data
    bool m_open = false;
    static inline std::atomic<quint64> s_counter{0};
};

} // namespace emis::client
