#pragma once

#include "IoResult.h"
#include "Sheet.h"
#include "TextEncoding.h"

#include <QCoreApplication>
#include <QStringView>

namespace emis::io {

// Reads the CSV files clerks bring: UTF-8 (with or without BOM) or GB18030/GBK as Excel on a
// Chinese Windows saves them; LF or CRLF; RFC 4180 quoting (commas, line breaks and doubled
// quotes inside quotes); comma-separated unless the first lines are clearly tab- or
// semicolon-separated, or start with Excel's "sep=;" line. Blank rows are skipped; every cell is
// Text. Row lines are physical lines of the file, so a clerk finds line 12 in a text editor.
class CsvReader {
    Q_DECLARE_TR_FUNCTIONS(CsvReader)
public:
    static constexpr qint64 kMaxBytes = 256LL * 1024 * 1024;

    static Result<Sheet> readFile(const QString &path);
    static Result<Sheet> parse(const QByteArray &bytes, const QString &sheetName = {});
    // The delimiter used in the first lines: ',' unless tabs or semicolons outnumber commas.
    static QChar detectDelimiter(QStringView text);
};

} // namespace emis::io
