#include "ZipPartDevice.h"

#include "XlsxLimits.h"

#include <quazip.h>
#include <quazipfile.h>
#include <quazipfileinfo.h>

#include <algorithm>

namespace emis::io {

ZipPartDevice::ZipPartDevice(QuaZip &zip, qint64 &workbookBytes, qint64 packageBytes)
    : m_zip(zip), m_workbookBytes(workbookBytes), m_packageBytes(packageBytes)
{
}

ZipPartDevice::~ZipPartDevice() = default;

bool ZipPartDevice::openPart(const QString &part)
{
    close();
    m_part = part;
    m_refusal = Refusal::None;
    m_inflated = 0;
    m_run = 0;
    m_attributes = 0;
    m_quote = 0;
    m_inTag = m_tagStart = m_elementTag = false;
    if (part.isEmpty() || !m_zip.setCurrentFile(part, QuaZip::csInsensitive))
        return false;
    QuaZipFileInfo64 info;
    if (!m_zip.getCurrentFileInfo(&info))
        return false;
    // Compressed data cannot be longer than the package; a header claiming more is not believed.
    m_compressed = qint64(std::min<quint64>(info.compressedSize, quint64(std::max<qint64>(m_packageBytes, 1))));
    const qint64 declared = qint64(std::min<quint64>(info.uncompressedSize, quint64(XlsxLimits::kMaxWorkbookBytes) + 1));
    if (declared > XlsxLimits::kMaxPartBytes)
        m_refusal = Refusal::PartTooLarge;
    else if (m_workbookBytes + declared > XlsxLimits::kMaxWorkbookBytes)
        m_refusal = Refusal::WorkbookTooLarge;
    else if (declared > XlsxLimits::kRatioFloor && declared > XlsxLimits::kMaxRatio * std::max<qint64>(m_compressed, 1))
        m_refusal = Refusal::TooCompressed;
    if (m_refusal == Refusal::None) {
        m_file = std::make_unique<QuaZipFile>(&m_zip);
        if (!m_file->open(QIODevice::ReadOnly)) {
            m_file.reset();
            return false;
        }
    }
    return QIODevice::open(QIODevice::ReadOnly);
}

bool ZipPartDevice::atEnd() const
{
    return m_refusal != Refusal::None || !m_file || (QIODevice::atEnd() && m_file->atEnd());
}

void ZipPartDevice::close()
{
    if (m_file)
        m_file->close();
    m_file.reset();
    QIODevice::close();
}

void ZipPartDevice::refuse(Refusal why)
{
    m_refusal = why;
    setErrorString(QStringLiteral("refused"));
}

ZipPartDevice::Refusal ZipPartDevice::judgeSize() const
{
    if (m_inflated > XlsxLimits::kMaxPartBytes)
        return Refusal::PartTooLarge;
    if (m_workbookBytes > XlsxLimits::kMaxWorkbookBytes)
        return Refusal::WorkbookTooLarge;
    if (m_inflated > XlsxLimits::kRatioFloor && m_inflated > XlsxLimits::kMaxRatio * std::max<qint64>(m_compressed, 1))
        return Refusal::TooCompressed;
    return Refusal::None;
}

// A lexical pass just deep enough to bound what the XML parser must hold at once: a tag runs
// from '<' to the first '>' outside quotes, text from there to the next '<'. Comments, CDATA and
// processing instructions (<!...>, <?...?>) end at their first '>' here; what follows counts as
// text, which only makes runs shorter.
ZipPartDevice::Refusal ZipPartDevice::scanMarkup(const char *data, qint64 size)
{
    for (qint64 i = 0; i < size; ++i) {
        const char c = data[i];
        if (!m_inTag) {
            if (c == '<') {
                m_inTag = m_tagStart = true;
                m_run = 0;
                m_attributes = 0;
                m_quote = 0;
            } else if (++m_run > XlsxLimits::kMaxRunBytes) {
                return Refusal::RunTooLong;
            }
            continue;
        }
        if (m_tagStart) {
            m_tagStart = false;
            m_elementTag = c != '!' && c != '?';
        }
        if (m_quote) {
            if (c == m_quote)
                m_quote = 0;
        } else if (c == '>') {
            m_inTag = false;
            m_run = 0;
            continue;
        } else if (m_elementTag && (c == '"' || c == '\'')) {
            m_quote = c;
        } else if (m_elementTag && c == '=' && ++m_attributes > XlsxLimits::kMaxAttributes) {
            return Refusal::TooManyAttributes;
        }
        if (++m_run > XlsxLimits::kMaxRunBytes)
            return Refusal::RunTooLong;
    }
    return Refusal::None;
}

qint64 ZipPartDevice::readData(char *data, qint64 maxSize)
{
    if (m_refusal != Refusal::None || !m_file)
        return -1;
    const qint64 n = m_file->read(data, maxSize);
    if (n <= 0)
        return n;
    m_inflated += n;
    m_workbookBytes += n;
    Refusal why = judgeSize();
    if (why == Refusal::None)
        why = scanMarkup(data, n);
    if (why != Refusal::None) {
        refuse(why);
        return -1;
    }
    return n;
}

} // namespace emis::io
