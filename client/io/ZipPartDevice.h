#pragma once

#include <QIODevice>
#include <QString>

#include <memory>

class QuaZip;
class QuaZipFile;

namespace emis::io {

// One part of a zip package, inflated as it is read and refused as soon as it passes the bounds
// of XlsxLimits: its size as the central directory declares it and as it actually inflates (the
// header may lie), the workbook's running total, the compression ratio, the longest run of
// bytes inside a tag or between tags, and the attributes in a tag. A refused part reads as an
// error from then on, so the XML parser on top stops; refusal() says why.
class ZipPartDevice : public QIODevice {
public:
    enum class Refusal { None, PartTooLarge, WorkbookTooLarge, TooCompressed, RunTooLong, TooManyAttributes };

    // `workbookBytes` counts what every part of the package inflated so far; `packageBytes`
    // is the zip file's size, the most compressed data a part can really have.
    ZipPartDevice(QuaZip &zip, qint64 &workbookBytes, qint64 packageBytes);
    ~ZipPartDevice() override;

    // False when the package has no such part (case-insensitive) or it cannot be opened. A part
    // whose declared size is refused opens (true) with refusal() set and reads nothing.
    bool openPart(const QString &part);
    const QString &part() const { return m_part; }
    Refusal refusal() const { return m_refusal; }

    bool isSequential() const override { return true; }
    bool atEnd() const override;
    void close() override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    void refuse(Refusal why);
    Refusal judgeSize() const;
    Refusal scanMarkup(const char *data, qint64 size);

    QuaZip &m_zip;
    qint64 &m_workbookBytes;
    qint64 m_packageBytes;
    std::unique_ptr<QuaZipFile> m_file;
    QString m_part;
    Refusal m_refusal = Refusal::None;
    qint64 m_compressed = 0;
    qint64 m_inflated = 0;
    // The markup scan, carried from one read to the next.
    qint64 m_run = 0;        // bytes since the last '<' or the end of the last tag
    int m_attributes = 0;    // '=' outside quotes in the current tag
    char m_quote = 0;        // the quote an attribute value is open with
    bool m_inTag = false;
    bool m_tagStart = false; // the byte after '<' comes next
    bool m_elementTag = false;  // not <!...> or <?...?>, whose quotes mean nothing
};

} // namespace emis::io
