#pragma once

#include "TestWorkbook.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// Hand-made zip packages whose one big part inflates to gigabytes while the test writes only
// kilobytes: the part is deflated piece by piece (`fill` is compressed once, with a full flush,
// and its compressed bytes repeated), so neither the test's memory nor its time grows with what
// the reader would unpack.
namespace testsupport {

struct BombPart {
    QString name;               // e.g. xl/worksheets/sheet1.xml
    QByteArray head;            // the part starts with this
    QByteArray fill;            // then this, `repeat` times
    qint64 repeat = 0;
    QByteArray tail;            // and ends with this
    // The uncompressed size the local header and the central directory claim; the true size
    // when unset. A lying header is how a bomb hides from a reader that trusts it.
    std::optional<quint32> declaredSize;

    qint64 inflatedSize() const { return head.size() + fill.size() * repeat + tail.size(); }
};

// Writes a zip holding `parts` (deflated as they are) and `bomb`, in that order; false when it
// could not. The bomb's true size must stay under 4 GiB (no zip64).
bool writeBombZip(const QString &path, const QList<Part> &parts, const BombPart &bomb);

// The start and the end of a worksheet part, around what a test puts in its sheetData.
QByteArray worksheetHead();
QByteArray worksheetTail();

} // namespace testsupport
