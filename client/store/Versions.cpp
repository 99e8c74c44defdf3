#include "store/Versions.h"

#include "schema/SqlGen.h"
#include "store/Sql.h"

#include <QHash>
#include <QStringList>

#include <algorithm>

namespace emis::client {
namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

} // namespace

QString versionHlcExpr(const schema::Table &table, const QString &field)
{
    if (field.isEmpty() || field == QLatin1String("deleted"))
        return QStringLiteral("v.deleted_hlc");
    const schema::Field *f = table.field(field.toStdString());
    const QString column = q(schema::versionHlcColumn(*f));
    return QStringLiteral("(CASE WHEN v.id IS NOT NULL THEN v.%1 WHEN r.%2 IS NOT NULL THEN r.hlc END)").arg(column, field);
}

QString versionsJoin(const schema::Table &table)
{
    return QStringLiteral("FROM %1 r LEFT JOIN %2 v ON v.id = r.id").arg(q(table.name), q(schema::versionsTable(table)));
}

Result<bool> materializeVersionsFor(const QSqlDatabase &db, const schema::Table &table, const QString &id,
                                    const std::vector<std::string> &changed, const QString &hlc)
{
    thread_local QHash<QString, QString> texts;
    QString key = q(table.name);
    for (const auto &name : changed)
        key += QLatin1Char(',') + q(name);
    QString &text = texts[key];
    if (text.isEmpty()) {
        QStringList columns{QStringLiteral("id")}, values{QStringLiteral("r.id")};
        for (const auto &f : table.fields) {
            columns << q(schema::versionHlcColumn(f));
            const bool written = std::find(changed.begin(), changed.end(), f.name) != changed.end();
            values << (written ? QStringLiteral("?1") : QStringLiteral("CASE WHEN r.%1 IS NOT NULL THEN r.hlc END").arg(q(f.name)));
        }
        text = QStringLiteral("INSERT INTO %1 (%2) SELECT %3 %4 WHERE v.id IS NULL AND r.id = ?2")
                   .arg(q(schema::versionsTable(table)), columns.join(QStringLiteral(", ")),
                        values.join(QStringLiteral(", ")), versionsJoin(table));
    }
    Sql insert(db, text);
    if (auto st = insert.bind(hlc).bind(id).exec(); !st)
        return st.error();
    return insert.rowsAffected() > 0;
}

Status materializeVersions(const QSqlDatabase &db, const schema::Table &table, const QString &id)
{
    // One text per table and form, made once: this runs before every first change of a row.
    thread_local QHash<QString, QString> texts;
    const QString key = q(table.name) + (id.isEmpty() ? QStringLiteral("*") : QString());
    QString &text = texts[key];
    if (text.isEmpty()) {
        QStringList columns{QStringLiteral("id")}, values{QStringLiteral("r.id")};
        for (const auto &f : table.fields) {
            columns << q(schema::versionHlcColumn(f));
            values << QStringLiteral("CASE WHEN r.%1 IS NOT NULL THEN r.hlc END").arg(q(f.name));
        }
        text = QStringLiteral("INSERT INTO %1 (%2) SELECT %3 %4 WHERE v.id IS NULL%5")
                   .arg(q(schema::versionsTable(table)), columns.join(QStringLiteral(", ")),
                        values.join(QStringLiteral(", ")), versionsJoin(table),
                        id.isEmpty() ? QString() : QStringLiteral(" AND r.id = ?"));
    }
    Sql insert(db, text);
    if (!id.isEmpty())
        insert.bind(id);
    return insert.exec();
}

} // namespace emis::client
