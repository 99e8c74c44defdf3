#include "XlsxCellText.h"

#include "XlsxLimits.h"
#include "XlsxReader.h"

#include <QXmlStreamReader>

namespace emis::io::xlsx {

bool readElementText(QXmlStreamReader &xml, QString &text, bool includeChildren)
{
    int depth = 0;
    while (!xml.atEnd() && !xml.hasError()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
        } else if (token == QXmlStreamReader::EndElement) {
            if (depth-- == 0)
                break;
        } else if ((token == QXmlStreamReader::Characters || token == QXmlStreamReader::EntityReference) &&
                   (depth == 0 || includeChildren)) {
            text += xml.text();
            if (text.size() > XlsxLimits::kMaxCellChars) {
                text.truncate(XlsxLimits::kMaxCellChars);
                return false;
            }
        }
    }
    return true;
}

bool readRichText(QXmlStreamReader &xml, QStringView endName, QString &text)
{
    int phonetic = 0;
    while (!xml.atEnd() && !xml.hasError()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == u"rPh")
                ++phonetic;
            else if (xml.name() == u"t" && phonetic == 0 && !readElementText(xml, text, true))
                return false;
        } else if (token == QXmlStreamReader::EndElement) {
            if (xml.name() == u"rPh")
                --phonetic;
            else if (xml.name() == endName)
                break;
        }
    }
    return true;
}

int columnOf(QStringView ref)
{
    int col = 0;
    qsizetype i = 0;
    for (; i < ref.size() && i < 4; ++i) {
        const char16_t c = ref[i].toUpper().unicode();
        if (c < u'A' || c > u'Z')
            break;
        col = col * 26 + (c - u'A' + 1);
    }
    return i == 0 || col > XlsxReader::kMaxColumns ? -1 : col - 1;
}

QString columnName(int column)
{
    QString name;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        name.prepend(QChar(u'A' + (n - 1) % 26));
    return name;
}

} // namespace emis::io::xlsx
