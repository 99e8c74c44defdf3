#pragma once

#include "IoResult.h"
#include "Sheet.h"

#include <QCoreApplication>
#include <QStringList>

namespace emis::io {

// Opens a file a clerk picked, whatever its name says: a zip package is read as .xlsx, an OLE2
// file is refused as encrypted or old .xls (with what to do about it), anything else as CSV.
class SheetFile {
    Q_DECLARE_TR_FUNCTIONS(SheetFile)
public:
    enum class Format { Csv, Xlsx, Encrypted };

    static Result<Format> detect(const QString &path);
    // A CSV file has one sheet, named after the file.
    static Result<QStringList> sheetNames(const QString &path);
    static Result<Sheet> read(const QString &path, int sheetIndex = 0);
    static Result<Sheet> read(const QString &path, const QString &sheetName);
};

} // namespace emis::io
