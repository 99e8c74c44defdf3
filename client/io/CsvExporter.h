#pragma once

#include "IoResult.h"
#include "TextEncoding.h"
#include "validate/RecordValidator.h"

#include <QCoreApplication>

#include <string>
#include <vector>

namespace emis::io {

// Writes records as CSV with the Chinese labels as headers and values as clerks read them
// (ExportText). UTF-8 with a BOM by default, so Excel shows Chinese text; GB18030 for old tools
// that only read the system code page. CRLF line ends; cells quoted only when they must be.
class CsvExporter {
    Q_DECLARE_TR_FUNCTIONS(CsvExporter)
public:
    struct Options {
        TextEncoding encoding = TextEncoding::Utf8Bom;
        QChar delimiter = u',';
        std::vector<std::string> fields;  // empty: every field of the table
    };

    static QString toText(const schema::Table &table, const std::vector<validate::Record> &rows, const Options &options);
    static Status write(const QString &path, const schema::Table &table, const std::vector<validate::Record> &rows,
                        const Options &options);
    static Status write(const QString &path, const schema::Table &table, const std::vector<validate::Record> &rows)
    {
        return write(path, table, rows, Options());
    }

    // A cell as CSV: quoted when it holds the delimiter, a quote, a line break or outer blanks.
    static QString quoted(const QString &cell, QChar delimiter = u',');
};

} // namespace emis::io
