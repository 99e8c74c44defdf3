#pragma once

#include "IoResult.h"
#include "Sheet.h"
#include "XlsxStyles.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

#include <memory>

class QIODevice;
class QuaZip;
class QXmlStreamReader;

namespace emis::io {

// Reads .xlsx workbooks as Excel, WPS, LibreOffice and openpyxl write them: follows
// _rels/.rels and workbook.xml.rels (absolute and relative targets), shared strings (rich text
// runs joined, phonetic runs left out) or inline strings, formula results, booleans, and number
// cells whose style is a date format (converted to YYYY-MM-DD, 1900 and 1904 date systems).
// Each sheet is read in one pass over its XML, straight from the zip stream.
class XlsxReader {
    Q_DECLARE_TR_FUNCTIONS(XlsxReader)
public:
    static constexpr qsizetype kMaxCells = 5'000'000;  // bounds memory on hostile files
    static constexpr int kMaxColumns = 16384;          // Excel's own limit (XFD)
    static constexpr int kMaxRows = 1048576;

    XlsxReader();
    ~XlsxReader();
    XlsxReader(const XlsxReader &) = delete;
    XlsxReader &operator=(const XlsxReader &) = delete;

    Status open(const QString &path);
    Status open(QIODevice *device);  // the device must outlive the reader (tests, fuzzing)

    QStringList sheetNames() const;
    Result<Sheet> read(int index);
    Result<Sheet> read(const QString &sheetName);

private:
    struct SheetEntry {
        QString name;
        QString part;  // path inside the zip, e.g. xl/worksheets/sheet1.xml
    };
    Status load(const QString &label);
    QHash<QString, QString> readRelationships(const QString &relsPart, const QString &baseDir,
                                              QHash<QString, QString> *targetsByType);
    Status readWorkbook(const QString &workbookPart);
    Status readSharedStrings(const QString &part);
    Result<Sheet> readSheet(const SheetEntry &entry);
    Cell readCell(QXmlStreamReader &xml, QString *error);
    QString damaged(const QString &what) const;

    std::unique_ptr<QuaZip> m_zip;
    QString m_label;  // the file's name, for messages
    QList<SheetEntry> m_sheets;
    QStringList m_sharedStrings;
    XlsxStyles m_styles;
    bool m_date1904 = false;
};

} // namespace emis::io
