#include "store/Sql.h"

#include <QCoreApplication>
#include <QSqlError>

namespace emis::client {

Sql::Sql(const QSqlDatabase &db, const QString &text) : m_query(db), m_text(text)
{
    m_prepared = m_query.prepare(text);
}

Sql &Sql::bind(const QVariant &value)
{
    m_query.addBindValue(value);
    return *this;
}

Status Sql::exec()
{
    if (!m_prepared || !m_query.exec())
        return makeError(ErrorKind::Other,
                         QCoreApplication::translate("emis::client::Sql", "The local database failed: %1 (%2)")
                             .arg(m_query.lastError().text(), m_text.left(80)));
    return Ok{};
}

Status execSql(const QSqlDatabase &db, const QString &text) { return Sql(db, text).exec(); }

} // namespace emis::client
