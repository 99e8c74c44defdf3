#include "CsvReader.h"

#include <QFile>
#include <QFileInfo>

#include <utility>

namespace emis::io {
namespace {

constexpr int kLinesForDelimiter = 20;

void finishRow(Sheet &sheet, SheetRow &row)
{
    while (!row.cells.isEmpty() && row.cells.last().isEmpty())
        row.cells.removeLast();
    if (!row.cells.isEmpty())  // a blank row carries nothing: skip it, keep the line numbers
        sheet.rows.append(std::move(row));
    row = SheetRow{};
}

void finishCell(SheetRow &row, QString &text)
{
    Cell cell;
    cell.kind = text.isEmpty() ? CellKind::Empty : CellKind::Text;
    cell.text = std::move(text);
    row.cells.append(std::move(cell));
}

} // namespace

QChar CsvReader::detectDelimiter(QStringView text)
{
    int counts[3] = {0, 0, 0};  // , \t ;
    int lines = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == u',')
            ++counts[0];
        else if (c == u'\t')
            ++counts[1];
        else if (c == u';')
            ++counts[2];
        else if (c == u'\n' && ++lines >= kLinesForDelimiter)
            break;
    }
    if (counts[1] > counts[0] && counts[1] >= counts[2])
        return u'\t';
    if (counts[2] > counts[0] && counts[2] > counts[1])
        return u';';
    return u',';
}

Result<Sheet> CsvReader::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<Sheet>::failure(tr("Cannot open %1: %2").arg(path, file.errorString()));
    if (file.size() > kMaxBytes)
        return Result<Sheet>::failure(tr("%1 is larger than %2 MB; split it into smaller files.")
                                          .arg(path).arg(kMaxBytes / (1024 * 1024)));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Result<Sheet>::failure(tr("Cannot read %1: %2").arg(path, file.errorString()));
    return parse(bytes, QFileInfo(path).completeBaseName());
}

Result<Sheet> CsvReader::parse(const QByteArray &bytes, const QString &sheetName)
{
    QString text = decodeText(bytes);
    Sheet sheet;
    sheet.name = sheetName;

    int line = 1;
    qsizetype pos = 0;
    const qsizetype n = text.size();
    // Excel's own hint for the delimiter, "sep=;" on the first line.
    QChar delimiter;
    if (text.startsWith(QLatin1String("sep="), Qt::CaseInsensitive) && n >= 5 &&
        (n == 5 || text[5] == u'\r' || text[5] == u'\n')) {
        delimiter = text[4];
        pos = 5;
        if (pos < n && text[pos] == u'\r')
            ++pos;
        if (pos < n && text[pos] == u'\n')
            ++pos;
        line = 2;
    } else {
        delimiter = detectDelimiter(text);
    }

    SheetRow row;
    row.line = line;
    // An unquoted cell is a slice of the text (one allocation); only a quoted cell is built up.
    QString quoted;
    qsizetype cellStart = pos;
    bool inQuotes = false;
    bool wasQuoted = false;  // the current cell started with a quote
    int quoteLine = 0;
    const auto endCell = [&](qsizetype end) {
        QString cell = wasQuoted ? std::exchange(quoted, QString()) : text.mid(cellStart, end - cellStart);
        finishCell(row, cell);
        wasQuoted = false;
        cellStart = end + 1;
    };
    for (; pos < n; ++pos) {
        const QChar c = text[pos];
        if (inQuotes) {
            if (c == u'"') {
                if (pos + 1 < n && text[pos + 1] == u'"') {
                    quoted += u'"';
                    ++pos;
                } else {
                    inQuotes = false;
                }
            } else if (c == u'\r') {  // a CRLF inside a quoted cell is one line break
                ++line;
                quoted += u'\n';
                if (pos + 1 < n && text[pos + 1] == u'\n')
                    ++pos;
            } else {
                if (c == u'\n')
                    ++line;
                quoted += c;
            }
        } else if (c == delimiter) {
            endCell(pos);
        } else if (c == u'\r' || c == u'\n') {
            endCell(pos);
            if (c == u'\r' && pos + 1 < n && text[pos + 1] == u'\n')
                cellStart = ++pos + 1;
            finishRow(sheet, row);
            row.line = ++line;
        } else if (c == u'"' && pos == cellStart && !wasQuoted) {
            inQuotes = true;
            wasQuoted = true;
            quoteLine = line;
        } else if (wasQuoted) {
            quoted += c;  // text after the closing quote, kept as Excel does
        }
        // else: part of an unquoted cell's slice (a stray quote inside it included, as in Excel)
    }
    if (inQuotes)
        return Result<Sheet>::failure(
            tr("Line %1: a quoted cell is never closed (a \" is missing).").arg(quoteLine));
    if (cellStart < n || wasQuoted || !row.cells.isEmpty()) {
        endCell(n);
        finishRow(sheet, row);
    }
    return sheet;
}

} // namespace emis::io
