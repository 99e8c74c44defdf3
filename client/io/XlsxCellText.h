#pragma once

#include <QString>
#include <QStringView>

class QXmlStreamReader;

namespace emis::io::xlsx {

// Reading the text of cells and shared strings as a worksheet's XML holds it, never more than
// XlsxLimits::kMaxCellChars: each returns false, with `text` cut there, once a text is longer.

// The text of the element just started, up to its end: of child elements too, or not.
bool readElementText(QXmlStreamReader &xml, QString &text, bool includeChildren);
// The text of a <si> or <is> just started: <t> directly or inside rich-text runs <r>; phonetic
// guides (<rPh>, furigana/pinyin) are not part of the value.
bool readRichText(QXmlStreamReader &xml, QStringView endName, QString &text);

// "BC12" -> column 54 (0-based); -1 when there are no letters or too many.
int columnOf(QStringView ref);
// 54 -> "BC".
QString columnName(int column);

} // namespace emis::io::xlsx
