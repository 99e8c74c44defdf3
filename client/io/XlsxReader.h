#pragma once

#include "IoResult.h"
#include "Sheet.h"
#include "XlsxStyles.h"
#include "ZipPartDevice.h"

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
// Each sheet is read in one pass over its XML, straight from the zip stream, and no part is
// inflated past the bounds of XlsxLimits: a zip bomb is refused in words, in bounded time and
// memory.
class XlsxReader {
    Q_DECLARE_TR_FUNCTIONS(XlsxReader)
public:
    // Cells of one sheet, and shared strings: 13 times a 5,000-pupil roster of 30 columns. A cell
    // costs about 70 bytes held, so a sheet at this bound stays under about 200 MB.
    static constexpr qsizetype kMaxCells = 2'000'000;
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
    Status load(const QString &label, qint64 packageBytes);
    std::unique_ptr<ZipPartDevice> openPart(const QString &part);
    bool refused(const ZipPartDevice &part);  // records the first refusal's message
    QString refusal(ZipPartDevice::Refusal why, const QString &part) const;
    QString cellTooLong(const QString &where) const;
    QHash<QString, QString> readRelationships(const QString &relsPart, const QString &baseDir,
                                              QHash<QString, QString> *targetsByType);
    Status readWorkbook(const QString &workbookPart);
    Status readSharedStrings(const QString &part);
    Result<Sheet> readSheet(const SheetEntry &entry);
    Cell readCell(QXmlStreamReader &xml, QString *error, bool *tooLong);
    QString damaged(const QString &what) const;

    std::unique_ptr<QuaZip> m_zip;
    QString m_label;  // the file's name, for messages
    qint64 m_packageBytes = 0;
    qint64 m_inflated = 0;  // by every part read from this workbook
    QString m_refused;      // why a part was refused, in the clerk's words
    QList<SheetEntry> m_sheets;
    QStringList m_sharedStrings;
    XlsxStyles m_styles;
    bool m_date1904 = false;
};

} // namespace emis::io
