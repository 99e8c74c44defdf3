// XlsxReader's sentences for the clerk: a damaged workbook, and one refused for what it would
// unpack to.
#include "XlsxLimits.h"
#include "XlsxReader.h"

namespace emis::io {

QString XlsxReader::damaged(const QString &what) const
{
    return tr("%1 is not a readable Excel workbook (%2). Open it in Excel or WPS and save it again as .xlsx.")
        .arg(m_label, what);
}

QString XlsxReader::refusal(ZipPartDevice::Refusal why, const QString &part) const
{
    constexpr qint64 kMB = 1024 * 1024;
    QString what;
    switch (why) {
    case ZipPartDevice::Refusal::None:
        return {};
    case ZipPartDevice::Refusal::PartTooLarge:
        what = tr("its part %1 unpacks to more than %2 MB").arg(part).arg(XlsxLimits::kMaxPartBytes / kMB);
        break;
    case ZipPartDevice::Refusal::WorkbookTooLarge:
        what = tr("its parts unpack to more than %1 MB in all").arg(XlsxLimits::kMaxWorkbookBytes / kMB);
        break;
    case ZipPartDevice::Refusal::TooCompressed:
        what = tr("its part %1 is packed more than %2 times tighter than a spreadsheet ever is")
                   .arg(part)
                   .arg(XlsxLimits::kMaxRatio);
        break;
    case ZipPartDevice::Refusal::RunTooLong:
        what = tr("its part %1 holds more than %2 MB of text or markup without a break")
                   .arg(part)
                   .arg(XlsxLimits::kMaxRunBytes / kMB);
        break;
    case ZipPartDevice::Refusal::TooManyAttributes:
        what = tr("its part %1 holds an element with more than %2 attributes").arg(part).arg(XlsxLimits::kMaxAttributes);
        break;
    }
    return tr("%1 is not imported: %2. A real roster never does this: the file is damaged or was made to overload "
              "the computer. Ask for the roster again, saved from Excel or WPS.")
        .arg(m_label, what);
}

QString XlsxReader::cellTooLong(const QString &where) const
{
    return tr("%1 is not imported: %2 holds more than %3 characters, more than Excel allows in one cell. Open the "
              "file in Excel or WPS, shorten that cell and save it again.")
        .arg(m_label, where)
        .arg(XlsxLimits::kMaxCellChars);
}

} // namespace emis::io
