#pragma once

#include "store/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <memory>

namespace emis::client {

// A prepared statement that only binds values: the SQL text holds identifiers from the schema and
// placeholders, never a value. Statements are prepared once per connection and text and kept
// (preparing anew was the largest part of a save); while one is in use, the same text asked for
// again gets a statement of its own. A statement is reset when its Sql goes, so a SELECT read
// part-way never keeps a read transaction open.
class Sql {
public:
    Sql(const QSqlDatabase &db, const QString &text);
    ~Sql();
    Sql(const Sql &) = delete;
    Sql &operator=(const Sql &) = delete;

    Sql &bind(const QVariant &value);
    Status exec();
    bool next() { return m_query->next(); }
    QVariant value(int i) const { return m_query->value(i); }
    QSqlQuery &query() { return *m_query; }

    // Drops the kept statements of a connection (before it closes).
    static void forgetConnection(const QString &connectionName);

    struct Kept;  // a statement kept for its connection

private:
    std::unique_ptr<QSqlQuery> m_own;  // when the kept one is in use
    QSqlQuery *m_query = nullptr;
    Kept *m_kept = nullptr;
    QString m_text;
    bool m_prepared = false;
};

// Runs one statement with no values (DDL, pragmas).
Status execSql(const QSqlDatabase &db, const QString &text);

// Whether the connection is inside a transaction (SQLite's autocommit is off).
bool inTransaction(const QSqlDatabase &db);
// While another connection holds the write lock, this one retries every half millisecond, up to
// `timeoutMs`, instead of SQLite's sleeps that grow to 100 ms (a save waiting on a sync commit
// of 20 ms would sleep far beyond it).
void setBusyWait(const QSqlDatabase &db, int timeoutMs);

} // namespace emis::client
