#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// Builds small .xlsx packages part by part, so a test can say exactly which XML a reader meets
// (relative targets, booleans, the 1904 date system, a broken part) without a spreadsheet program.
namespace testsupport {

using Part = QPair<QString, QByteArray>;  // path inside the zip, contents

// Writes a zip holding `parts`; returns false when it could not.
bool writeZip(const QString &path, const QList<Part> &parts);

// A minimal workbook with one sheet "Sheet1" whose sheetData is `sheetData`, with styles.xml
// holding `cellXfs` (the <xf> elements) and `numFmts`, and shared strings when given.
QList<Part> minimalWorkbook(const QByteArray &sheetData, const QByteArray &sharedStrings = {},
                            const QByteArray &numFmts = {}, const QByteArray &cellXfs = {},
                            const QByteArray &workbookPr = {});

} // namespace testsupport
