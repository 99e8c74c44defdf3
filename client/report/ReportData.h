#pragma once

#include "store/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariant>

namespace emis::report {

struct ReportColumn {
    QString key;
    QString zh;
    QString en;
};

// One county report as the server sent it (server/report/ReportEngine.h has the JSON shape):
// columns with their names in both languages, rows carrying a "key" to drill down with, totals.
struct ReportData {
    Q_DECLARE_TR_FUNCTIONS(ReportData)
public:
    QString name;
    QString titleZh;
    QString titleEn;
    QJsonObject params;
    QList<ReportColumn> columns;
    QList<QJsonObject> rows;
    QJsonObject totals;

    static client::Result<ReportData> parse(const QByteArray &json);

    QString title() const;                 // in the UI language
    QString columnTitle(int column) const;  // in the UI language
    int columnOf(const QString &key) const;  // -1 when absent
    // A total row goes under the table when the totals carry the first figure column.
    bool hasTotalRow() const;
    // The value of a cell as it is kept (numbers stay numbers), and as a person reads it.
    QVariant value(const QJsonObject &row, int column) const;
    QString text(const QJsonObject &row, int column) const;
    qint64 number(int row, const QString &key) const;
};

// "是" or "Yes" for a true flag, in the UI language; the data itself stays Chinese.
QString yesNo(bool value);

} // namespace emis::report
