#pragma once

#include "store/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace emis::client {

// A prepared statement that only binds values: the SQL text holds identifiers from the schema and
// placeholders, never a value.
class Sql {
public:
    Sql(const QSqlDatabase &db, const QString &text);

    Sql &bind(const QVariant &value);
    Status exec();
    bool next() { return m_query.next(); }
    QVariant value(int i) const { return m_query.value(i); }
    QSqlQuery &query() { return m_query; }

private:
    QSqlQuery m_query;
    QString m_text;
    bool m_prepared = false;
};

// Runs one statement with no values (DDL, pragmas).
Status execSql(const QSqlDatabase &db, const QString &text);

} // namespace emis::client
