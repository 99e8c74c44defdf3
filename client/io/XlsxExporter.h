#pragma once

#include "IoResult.h"
#include "validate/RecordValidator.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QVariant>

#include <string>
#include <vector>

namespace emis::io {

// Writes records as an .xlsx roster with libxlsxwriter: the Chinese labels as headers, values as
// clerks read them (ExportText). Text, ID numbers and phone numbers included, is written as text
// cells in columns formatted "@", so Excel can neither turn an ID number into a float nor do so
// when a clerk types a new one in; dates are text YYYY-MM-DD, so they read back the same in
// every program. Rows stream to disk (constant memory), so a county-wide list is no problem.
// A table that is not a schema table (a county report): headers, rows of numbers and text, and
// optionally a chart as a PNG placed below the rows.
struct PlainTable {
    QString sheetName;
    QString title;     // row 1, bold
    QString subtitle;  // row 2 (what part of the county, when it was run)
    QStringList headers;
    QList<QVariantList> rows;  // int, qint64 and double are written as numbers, the rest as text
    QByteArray chartPng;
};

class XlsxExporter {
    Q_DECLARE_TR_FUNCTIONS(XlsxExporter)
public:
    struct Options {
        QString sheetName;                // empty: the table's Chinese label + 名册
        std::vector<std::string> fields;  // empty: every field of the table
    };

    static Status write(const QString &path, const schema::Table &table, const std::vector<validate::Record> &rows,
                        const Options &options);
    static Status write(const QString &path, const schema::Table &table, const std::vector<validate::Record> &rows)
    {
        return write(path, table, rows, Options());
    }
    // The title and subtitle in rows 1–2, the headers in row 4, the rows below, the chart under them.
    static Status writeTable(const QString &path, const PlainTable &table);
};

} // namespace emis::io
