#pragma once

#include <QSqlDatabase>
#include <QString>

#include <atomic>

namespace emis::client {

// Rolls back unless commit() was called, so an early return never leaves half a save behind.
// Transactions nest: the outermost is BEGIN ... COMMIT, one inside it a SAVEPOINT that rolls back
// alone (an import's saves run in one outer transaction: one durable commit, not one per row).
// The outermost one is BEGIN IMMEDIATE: it takes the write lock before it reads, waiting
// for it (LocalStore's busy handler) while another connection writes, where a deferred one would
// read first and then fail at once on its first write ("database is locked") when the other
// connection had committed meanwhile.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isOpen() const { return m_open; }
    bool commit();

private:
    bool run(const QString &statement);

    QSqlDatabase m_db;
    QString m_name;  // unique, never user data
    bool m_open = false;
    bool m_outermost = false;
    static inline std::atomic<quint64> s_counter{0};
};

} // namespace emis::client
