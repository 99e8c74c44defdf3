#pragma once

#include <QIODevice>
#include <QStringView>

#include <vector>

namespace emis::io {

// The part of xl/styles.xml an importer needs: which cell styles (the s attribute of a cell) show
// a number as a date. Excel stores a date as a serial day number; only the style says it is one.
class XlsxStyles {
public:
    // Reads styles.xml; a damaged or missing part leaves every style "not a date", which costs at
    // worst a date shown as its serial number (the import then names the date as invalid).
    void load(QIODevice *device);
    bool isDate(int styleIndex) const
    {
        return styleIndex >= 0 && std::size_t(styleIndex) < m_dateStyles.size() && m_dateStyles[std::size_t(styleIndex)];
    }

    // Built-in ids 14-22, 27-36, 45-47, 50-58 (the East Asian date formats among them), or a
    // format code with a year, month or day part outside quotes and [brackets].
    static bool isDateFormat(int numFmtId, QStringView formatCode);

private:
    std::vector<bool> m_dateStyles;
};

} // namespace emis::io
