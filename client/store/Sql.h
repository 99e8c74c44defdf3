#pragma once

#include "schema/Value.h"
#include "store/Result.h"

#include <QSqlDatabase>
#include <QVariant>

#include <memory>

struct sqlite3_stmt;

namespace emis::client {

// A prepared statement that only binds values: the SQL text holds identifiers from the schema and
// placeholders, never a value. It runs on the SQLite statement of the QtSql connection's own
// handle (same connection, same transaction): preparing a QSqlQuery anew and QtSql's binding and
// row caching were most of a save and of a pulled row. Statements are prepared once per
// connection and text and kept; while one is in use, the same text asked for again gets a
// statement of its own. A statement is reset when its Sql goes, so a SELECT read part-way never
// keeps a read transaction open.
class Sql {
public:
    Sql(const QSqlDatabase &db, const QString &text);
    ~Sql();
    Sql(const Sql &) = delete;
    Sql &operator=(const Sql &) = delete;

    // Values bind as QtSql binds them: a null QVariant, QString or QByteArray as NULL.
    Sql &bind(const QVariant &value);
    // A field's value as it is (text as UTF-8, no QString in between): a save binds ~25 a row.
    Sql &bindValue(const Value &value);
    Status exec();
    bool next();
    // Reads as QtSql reads: INTEGER as qlonglong, REAL as double, TEXT as QString, BLOB as
    // QByteArray, NULL as a null QString.
    QVariant value(int i) const;
    int rowsAffected() const { return m_changes; }

    // Drops the kept statements of a connection (before it closes).
    static void forgetConnection(const QString &connectionName);

    struct Kept;  // a statement kept for its connection

private:
    Status failure(const QString &message) const;

    sqlite3_stmt *m_stmt = nullptr;
    Kept *m_kept = nullptr;  // or the statement is this Sql's own
    void *m_db = nullptr;    // sqlite3*
    QString m_text;
    QString m_error;
    int m_bindIndex = 0;
    int m_changes = 0;
    bool m_rowWaiting = false;  // exec() stepped onto the first row
    bool m_done = false;
};

// Runs one statement with no values (DDL, pragmas).
Status execSql(const QSqlDatabase &db, const QString &text);

// Whether the connection is inside a transaction (SQLite's autocommit is off).
bool inTransaction(const QSqlDatabase &db);
// How many rows the connection's statements have written since it opened (sqlite3_total_changes64).
qint64 totalChanges(const QSqlDatabase &db);
// While another connection holds the write lock, this one retries every half millisecond, up to
// `timeoutMs`, instead of SQLite's sleeps that grow to 100 ms (a save waiting on a sync commit
// of 20 ms would sleep far beyond it).
void setBusyWait(const QSqlDatabase &db, int timeoutMs);
// How many times a connection of this process has waited for the write lock so far: a long
// writer checks it to let a waiting save in.
quint64 busyWaits();

} // namespace emis::client
