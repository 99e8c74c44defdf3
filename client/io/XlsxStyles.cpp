#include "XlsxStyles.h"

#include <QHash>
#include <QXmlStreamReader>

#include <algorithm>

namespace emis::io {

bool XlsxStyles::isDateFormat(int id, QStringView code)
{
    if (code.isEmpty())
        return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
    bool y = false, m = false, d = false, hs = false;
    bool quoted = false;
    int bracket = 0;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code[i].toLower();
        if (quoted) {
            quoted = c != u'"';
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u'\\' || c == u'_' || c == u'*') {
            ++i;  // an escaped or padding character, not a format letter
        } else if (c == u'[') {
            ++bracket;  // [Red], [$-804], [h]: colours, locales and elapsed time
        } else if (c == u']') {
            bracket = std::max(0, bracket - 1);
        } else if (bracket == 0) {
            y = y || c == u'y';
            m = m || c == u'm';
            d = d || c == u'd';
            hs = hs || c == u'h' || c == u's';
        }
    }
    // Letters of "General" and of "0.00E+00" are none of y, m, d, so numbers stay numbers.
    // "mm:ss" is a duration, not a date: m counts only beside a year or a day, or without h/s.
    return y || d || (m && !hs);
}

void XlsxStyles::load(QIODevice *device)
{
    m_dateStyles.clear();
    QHash<int, QString> formats;  // custom numFmt id -> format code
    QXmlStreamReader xml(device);
    bool inCellXfs = false;
    while (!xml.atEnd() && !xml.hasError()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const auto name = xml.name();
            if (name == u"numFmt") {
                const auto a = xml.attributes();
                formats.insert(a.value(QLatin1String("numFmtId")).toInt(), a.value(QLatin1String("formatCode")).toString());
            } else if (name == u"cellXfs") {
                inCellXfs = true;
            } else if (name == u"xf" && inCellXfs) {
                const int id = xml.attributes().value(QLatin1String("numFmtId")).toInt();
                m_dateStyles.push_back(isDateFormat(id, formats.value(id)));
                if (m_dateStyles.size() > 65536)  // Excel's own limit on cell formats
                    break;
            }
        } else if (token == QXmlStreamReader::EndElement && xml.name() == u"cellXfs") {
            break;
        }
    }
}

} // namespace emis::io
