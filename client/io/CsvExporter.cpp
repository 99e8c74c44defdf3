#include "CsvExporter.h"

#include "ExportText.h"

#include <QSaveFile>

namespace emis::io {

QString CsvExporter::quoted(const QString &cell, QChar delimiter)
{
    const bool needs = cell.contains(delimiter) || cell.contains(u'"') || cell.contains(u'\n') ||
                       cell.contains(u'\r') || (!cell.isEmpty() && (cell.front().isSpace() || cell.back().isSpace()));
    if (!needs)
        return cell;
    QString out = cell;
    out.replace(u'"', QStringLiteral("\"\""));
    return u'"' + out + u'"';
}

QString CsvExporter::toText(const schema::Table &table, const std::vector<validate::Record> &rows, const Options &options)
{
    const auto fields = exportFields(table, options.fields);
    QString out;
    const auto line = [&](auto cellOf) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i)
                out += options.delimiter;
            out += quoted(cellOf(*fields[i]), options.delimiter);
        }
        out += QStringLiteral("\r\n");
    };
    line([](const schema::Field &f) { return QString::fromStdString(f.labelZh); });
    for (const auto &record : rows)
        line([&](const schema::Field &f) {
            auto it = record.find(f.name);
            return it == record.end() ? QString() : exportText(f, it->second);
        });
    return out;
}

Status CsvExporter::write(const QString &path, const schema::Table &table, const std::vector<validate::Record> &rows,
                          const Options &options)
{
    // QSaveFile: a clerk's earlier export is replaced only once the new one is complete.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(tr("Cannot write %1: %2").arg(path, file.errorString()));
    file.write(encodeText(toText(table, rows, options), options.encoding));
    if (!file.commit())
        return Status::failure(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace emis::io
