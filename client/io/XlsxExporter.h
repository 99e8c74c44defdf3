#pragma once

#include "IoResult.h"
#include "validate/RecordValidator.h"

#include <QCoreApplication>

#include <string>
#include <vector>

namespace emis::io {

// Writes records as an .xlsx roster with libxlsxwriter: the Chinese labels as headers, values as
// clerks read them (ExportText). Text, ID numbers and phone numbers included, is written as text
// cells in columns formatted "@", so Excel can neither turn an ID number into a float nor do so
// when a clerk types a new one in; dates are text YYYY-MM-DD, so they read back the same in
// every program. Rows stream to disk (constant memory), so a county-wide list is no problem.
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
};

} // namespace emis::io
