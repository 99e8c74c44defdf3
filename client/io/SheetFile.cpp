#include "SheetFile.h"

#include "CsvReader.h"
#include "XlsxReader.h"

#include <QFile>
#include <QFileInfo>

namespace emis::io {

Result<SheetFile::Format> SheetFile::detect(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<Format>::failure(tr("Cannot open %1: %2").arg(path, file.errorString()));
    const QByteArray head = file.read(8);
    if (head.startsWith("PK\x03\x04"))
        return Format::Xlsx;
    if (head == QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        return Format::Encrypted;
    return Format::Csv;
}

Result<QStringList> SheetFile::sheetNames(const QString &path)
{
    auto format = detect(path);
    if (!format)
        return Result<QStringList>::failure(format.error());
    if (format.value() == Format::Csv)
        return QStringList{QFileInfo(path).completeBaseName()};
    XlsxReader reader;  // also words the refusal of an encrypted file
    if (Status s = reader.open(path); !s)
        return Result<QStringList>::failure(s.error());
    return reader.sheetNames();
}

Result<Sheet> SheetFile::read(const QString &path, int sheetIndex)
{
    auto format = detect(path);
    if (!format)
        return Result<Sheet>::failure(format.error());
    if (format.value() == Format::Csv) {
        if (sheetIndex != 0)
            return Result<Sheet>::failure(tr("A CSV file has one sheet only."));
        return CsvReader::readFile(path);
    }
    XlsxReader reader;
    if (Status s = reader.open(path); !s)
        return Result<Sheet>::failure(s.error());
    return reader.read(sheetIndex);
}

Result<Sheet> SheetFile::read(const QString &path, const QString &sheetName)
{
    auto format = detect(path);
    if (!format)
        return Result<Sheet>::failure(format.error());
    if (format.value() == Format::Csv)
        return CsvReader::readFile(path);
    XlsxReader reader;
    if (Status s = reader.open(path); !s)
        return Result<Sheet>::failure(s.error());
    return reader.read(sheetName);
}

} // namespace emis::io
