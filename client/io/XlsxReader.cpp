#include "XlsxReader.h"

#include "XlsxCellText.h"
#include "validate/DateText.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QXmlStreamReader>
#include <quazip.h>

namespace emis::io {
namespace {

constexpr char kCfbMagic[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";  // OLE2: encrypted .xlsx or old .xls
constexpr double kDays1904 = 1462;  // 1904-01-01 is serial 1462 in the 1900 system

// A relationship target is relative to the folder of the part that owns it, or absolute from
// the package root (openpyxl writes "/xl/worksheets/sheet1.xml").
QString resolveTarget(const QString &baseDir, QString target)
{
    if (target.startsWith(u'/'))
        return QDir::cleanPath(target.mid(1));
    return QDir::cleanPath(baseDir.isEmpty() ? target : baseDir + u'/' + target);
}

QString dirOf(const QString &part)
{
    const auto slash = part.lastIndexOf(u'/');
    return slash < 0 ? QString() : part.left(slash);
}

} // namespace

// Every loop over a part stops at the first XML error too: on a damaged zip stream the reader
// reports a premature end and, reading from a device, would otherwise wait for more data forever.

XlsxReader::XlsxReader() = default;
XlsxReader::~XlsxReader() = default;

Status XlsxReader::open(const QString &path)
{
    QFile probe(path);
    if (!probe.open(QIODevice::ReadOnly))
        return Status::failure(tr("Cannot open %1: %2").arg(path, probe.errorString()));
    const QByteArray head = probe.read(8);
    probe.close();
    if (head == QByteArray(kCfbMagic, 8))
        m_zip.reset();
    else
        m_zip = std::make_unique<QuaZip>(path);
    return load(QFileInfo(path).fileName(), QFileInfo(path).size());
}

Status XlsxReader::open(QIODevice *device)
{
    m_zip.reset();
    m_sheets.clear();
    if (!device || !device->isOpen() || !device->isReadable())
        return Status::failure(tr("The workbook cannot be read: it is not open for reading."));
    if (device->peek(8) != QByteArray(kCfbMagic, 8))
        m_zip = std::make_unique<QuaZip>(device);
    return load(tr("the workbook"), device->size());
}

Status XlsxReader::load(const QString &label, qint64 packageBytes)
{
    m_label = label;
    m_packageBytes = packageBytes;
    m_inflated = 0;
    m_refused.clear();
    m_sheets.clear();
    m_sharedStrings.clear();
    m_styles = XlsxStyles();
    m_date1904 = false;
    if (!m_zip)
        return Status::failure(tr("%1 is protected with a password or is an old .xls file. Open it in Excel or "
                                  "WPS, remove the password and save it as .xlsx.").arg(m_label));
    if (!m_zip->open(QuaZip::mdUnzip)) {
        m_zip.reset();
        return Status::failure(damaged(tr("not a zip package")));
    }
    QHash<QString, QString> rootTypes;
    readRelationships(QStringLiteral("_rels/.rels"), QString(), &rootTypes);
    QString workbook = rootTypes.value(QStringLiteral("officeDocument"));
    if (workbook.isEmpty())
        workbook = QStringLiteral("xl/workbook.xml");
    Status s = readWorkbook(workbook);
    if (!m_refused.isEmpty()) {
        m_sheets.clear();  // nothing more is read from a workbook that was refused
        return Status::failure(m_refused);
    }
    return s;
}

std::unique_ptr<ZipPartDevice> XlsxReader::openPart(const QString &part)
{
    auto device = std::make_unique<ZipPartDevice>(*m_zip, m_inflated, m_packageBytes);
    if (!device->openPart(part))
        return nullptr;
    return device;
}

bool XlsxReader::refused(const ZipPartDevice &part)
{
    if (part.refusal() == ZipPartDevice::Refusal::None)
        return false;
    if (m_refused.isEmpty())
        m_refused = refusal(part.refusal(), part.part());
    return true;
}

QHash<QString, QString> XlsxReader::readRelationships(const QString &relsPart, const QString &baseDir,
                                                      QHash<QString, QString> *targetsByType)
{
    QHash<QString, QString> byId;
    auto file = openPart(relsPart);
    if (!file)
        return byId;
    QXmlStreamReader xml(file.get());
    while (!xml.atEnd() && !xml.hasError()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != u"Relationship")
            continue;
        const auto a = xml.attributes();
        if (a.value(QLatin1String("TargetMode")) == u"External")
            continue;
        const QString target = resolveTarget(baseDir, a.value(QLatin1String("Target")).toString());
        byId.insert(a.value(QLatin1String("Id")).toString(), target);
        if (targetsByType) {
            const QString type = a.value(QLatin1String("Type")).toString().section(u'/', -1);
            if (!targetsByType->contains(type))
                targetsByType->insert(type, target);
        }
    }
    refused(*file);
    return byId;
}

Status XlsxReader::readWorkbook(const QString &workbookPart)
{
    const QString baseDir = dirOf(workbookPart);
    QHash<QString, QString> types;
    const auto byId = readRelationships(baseDir + QStringLiteral("/_rels/") + workbookPart.section(u'/', -1) +
                                            QStringLiteral(".rels"),
                                        baseDir, &types);
    if (!m_refused.isEmpty())
        return Status::failure(m_refused);
    auto file = openPart(workbookPart);
    if (!file)
        return Status::failure(damaged(tr("%1 is missing").arg(workbookPart)));
    QXmlStreamReader xml(file.get());
    while (!xml.atEnd() && !xml.hasError()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto a = xml.attributes();
        if (xml.name() == u"workbookPr") {
            const auto v = a.value(QLatin1String("date1904"));
            m_date1904 = v == u"1" || v == u"true";
        } else if (xml.name() == u"sheet") {
            // r:id, whatever prefix the writer bound to the relationships namespace
            QString rid;
            for (const auto &attr : a)
                if (attr.name() == u"id")
                    rid = attr.value().toString();
            QString part = byId.value(rid);
            if (part.isEmpty() && byId.isEmpty())  // no rels at all: the usual layout
                part = baseDir + QStringLiteral("/worksheets/sheet%1.xml").arg(m_sheets.size() + 1);
            if (!part.isEmpty())
                m_sheets.append({a.value(QLatin1String("name")).toString(), part});
        }
    }
    if (refused(*file))
        return Status::failure(m_refused);
    if (xml.hasError())
        return Status::failure(damaged(xml.errorString()));
    if (m_sheets.isEmpty())
        return Status::failure(damaged(tr("it has no worksheet")));
    if (auto styles = openPart(types.value(QStringLiteral("styles"), baseDir + QStringLiteral("/styles.xml")))) {
        m_styles.load(styles.get());
        if (refused(*styles))
            return Status::failure(m_refused);
    }
    return readSharedStrings(types.value(QStringLiteral("sharedStrings"), baseDir + QStringLiteral("/sharedStrings.xml")));
}

Status XlsxReader::readSharedStrings(const QString &part)
{
    auto file = openPart(part);
    if (!file)
        return {};  // openpyxl and other writers use inline strings only
    QXmlStreamReader xml(file.get());
    while (!xml.atEnd() && !xml.hasError()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"si") {
            QString text;
            if (!xlsx::readRichText(xml, u"si", text))
                return Status::failure(cellTooLong(tr("text number %1 of the workbook's shared strings")
                                                       .arg(m_sharedStrings.size() + 1)));
            m_sharedStrings.append(std::move(text));
            if (m_sharedStrings.size() > kMaxCells)
                return Status::failure(damaged(tr("too many strings")));
        }
    }
    if (refused(*file))
        return Status::failure(m_refused);
    if (xml.hasError())
        return Status::failure(damaged(xml.errorString()));
    return {};
}

QStringList XlsxReader::sheetNames() const
{
    QStringList names;
    for (const auto &s : m_sheets)
        names.append(s.name);
    return names;
}

Result<Sheet> XlsxReader::read(int index)
{
    if (!m_zip)
        return Result<Sheet>::failure(tr("No workbook is open."));
    if (index < 0 || index >= m_sheets.size())
        return Result<Sheet>::failure(tr("%1 has no sheet number %2.").arg(m_label).arg(index + 1));
    return readSheet(m_sheets[index]);
}

Result<Sheet> XlsxReader::read(const QString &sheetName)
{
    for (const auto &s : m_sheets)
        if (s.name == sheetName)
            return readSheet(s);
    return Result<Sheet>::failure(tr("%1 has no sheet named \"%2\".").arg(m_label, sheetName));
}

Cell XlsxReader::readCell(QXmlStreamReader &xml, QString *error, bool *tooLong)
{
    const auto a = xml.attributes();
    const QString type = a.value(QLatin1String("t")).toString();
    const int style = a.value(QLatin1String("s")).toInt();
    Cell cell;
    QString value;
    bool inlineText = false;
    while (!xml.atEnd() && !xml.hasError()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == u"v") {
                value.clear();
                if (!xlsx::readElementText(xml, value, false))
                    *tooLong = true;
            } else if (xml.name() == u"is") {
                value.clear();
                if (!xlsx::readRichText(xml, u"is", value))
                    *tooLong = true;
                inlineText = true;
            } else {
                xml.skipCurrentElement();  // <f> formulas, <extLst>: the cached value is what counts
            }
        } else if (token == QXmlStreamReader::EndElement && xml.name() == u"c") {
            break;
        }
        if (*tooLong)
            return cell;
    }
    if (type == u"s") {
        bool ok = false;
        const int i = value.trimmed().toInt(&ok);
        if (!ok || i < 0 || i >= m_sharedStrings.size()) {
            *error = tr("a cell refers to a missing shared string");
            return cell;
        }
        cell.text = m_sharedStrings[i];
        cell.kind = CellKind::Text;
    } else if (type == u"inlineStr" || type == u"str" || type == u"e" || inlineText) {
        cell.text = value;
        cell.kind = CellKind::Text;
    } else if (type == u"b") {
        cell.text = value.trimmed() == u"1" ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
        cell.kind = CellKind::Bool;
    } else if (type == u"d") {  // ISO 8601 date cell (strict OOXML)
        cell.text = value.trimmed().left(10);
        cell.kind = CellKind::Date;
    } else {
        cell.text = value.trimmed();
        cell.kind = CellKind::Number;
        if (!cell.text.isEmpty() && m_styles.isDate(style)) {
            bool ok = false;
            const double serial = cell.text.toDouble(&ok) + (m_date1904 ? kDays1904 : 0);
            if (auto date = ok ? validate::dateFromExcelSerial(serial) : std::nullopt) {
                cell.text = QString::fromStdString(date->toText());
                cell.kind = CellKind::Date;
            }
        }
    }
    if (cell.text.isEmpty())
        cell.kind = CellKind::Empty;
    return cell;
}

Result<Sheet> XlsxReader::readSheet(const SheetEntry &entry)
{
    if (!m_refused.isEmpty())
        return Result<Sheet>::failure(m_refused);
    auto file = openPart(entry.part);
    if (!file)
        return Result<Sheet>::failure(damaged(tr("sheet \"%1\" is missing").arg(entry.name)));
    Sheet sheet;
    sheet.name = entry.name;
    QXmlStreamReader xml(file.get());
    SheetRow row;
    int column = -1;
    qsizetype cells = 0;
    QString error;
    while (!xml.atEnd() && !xml.hasError() && error.isEmpty()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == u"row") {
                bool ok = false;
                const int r = xml.attributes().value(QLatin1String("r")).toInt(&ok);
                row = SheetRow{};
                row.line = ok ? r : (sheet.rows.isEmpty() ? 1 : sheet.rows.last().line + 1);
                if (row.line < 1 || row.line > kMaxRows)
                    error = tr("row number %1 is out of range").arg(row.line);
                column = -1;
            } else if (xml.name() == u"c") {
                const auto ref = xml.attributes().value(QLatin1String("r"));
                column = ref.isEmpty() ? column + 1 : xlsx::columnOf(ref);
                if (column < 0 || column >= kMaxColumns) {
                    error = tr("cell reference %1 is out of range").arg(ref.toString());
                    break;
                }
                bool tooLong = false;
                Cell cell = readCell(xml, &error, &tooLong);
                if (tooLong)
                    return Result<Sheet>::failure(cellTooLong(tr("cell %1%2 of sheet \"%3\"")
                                                                  .arg(xlsx::columnName(column))
                                                                  .arg(row.line)
                                                                  .arg(entry.name)));
                if (cell.kind == CellKind::Empty)
                    continue;
                if (column >= row.cells.size()) {
                    cells += column + 1 - row.cells.size();
                    if (cells > kMaxCells) {
                        error = tr("more than %1 cells").arg(kMaxCells);
                        break;
                    }
                    row.cells.resize(column + 1);
                }
                row.cells[column] = std::move(cell);
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (xml.name() == u"row") {
                if (!row.cells.isEmpty())
                    sheet.rows.append(std::move(row));
                row = SheetRow{};
            } else if (xml.name() == u"sheetData") {
                break;
            }
        }
    }
    if (refused(*file))
        return Result<Sheet>::failure(m_refused);
    if (error.isEmpty() && xml.hasError())
        error = xml.errorString();
    if (!error.isEmpty())
        return Result<Sheet>::failure(damaged(tr("sheet \"%1\": %2").arg(entry.name, error)));
    return sheet;
}

} // namespace emis::io
