#include "TestWorkbook.h"

#include <quazip.h>
#include <quazipfile.h>
#include <quazipnewinfo.h>

namespace testsupport {

bool writeZip(const QString &path, const QList<Part> &parts)
{
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdCreate))
        return false;
    for (const auto &[name, data] : parts) {
        QuaZipFile file(&zip);
        if (!file.open(QIODevice::WriteOnly, QuaZipNewInfo(name)))
            return false;
        file.write(data);
        file.close();
    }
    zip.close();
    return zip.getZipError() == 0;
}

QList<Part> minimalWorkbook(const QByteArray &sheetData, const QByteArray &sharedStrings, const QByteArray &numFmts,
                            const QByteArray &cellXfs, const QByteArray &workbookPr)
{
    const QByteArray ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
    const QByteArray relNs = "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    const QByteArray relType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    QList<Part> parts;
    parts.append({QStringLiteral("[Content_Types].xml"), QByteArray("<Types/>")});
    parts.append({QStringLiteral("_rels/.rels"),
                  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                  "<Relationship Id=\"rId1\" Type=\"" + relType + "officeDocument\" Target=\"xl/workbook.xml\"/>"
                  "</Relationships>"});
    parts.append({QStringLiteral("xl/workbook.xml"),
                  "<workbook " + ns + " " + relNs + ">" + workbookPr +
                      "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"});
    QByteArray rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                      "<Relationship Id=\"rId1\" Type=\"" + relType + "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                      "<Relationship Id=\"rId2\" Type=\"" + relType + "styles\" Target=\"styles.xml\"/>";
    if (!sharedStrings.isNull())
        rels += "<Relationship Id=\"rId3\" Type=\"" + relType + "sharedStrings\" Target=\"sharedStrings.xml\"/>";
    rels += "</Relationships>";
    parts.append({QStringLiteral("xl/_rels/workbook.xml.rels"), rels});
    parts.append({QStringLiteral("xl/styles.xml"),
                  "<styleSheet " + ns + "><numFmts>" + numFmts + "</numFmts><cellXfs>" +
                      (cellXfs.isEmpty() ? QByteArray("<xf numFmtId=\"0\"/>") : cellXfs) + "</cellXfs></styleSheet>"});
    if (!sharedStrings.isNull())
        parts.append({QStringLiteral("xl/sharedStrings.xml"), "<sst " + ns + ">" + sharedStrings + "</sst>"});
    parts.append({QStringLiteral("xl/worksheets/sheet1.xml"),
                  "<worksheet " + ns + "><sheetData>" + sheetData + "</sheetData></worksheet>"});
    return parts;
}

} // namespace testsupport
