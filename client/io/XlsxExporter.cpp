#include "XlsxExporter.h"

#include "ExportText.h"
#include "XlsxWriterApi.h"

#include <QFile>

#include <algorithm>

namespace emis::io {
namespace {

// Excel refuses sheet names over 31 characters or with []:*?/\ in them.
QString safeSheetName(QString name)
{
    for (const QChar bad : {u'[', u']', u':', u'*', u'?', u'/', u'\\'})
        name.replace(bad, u'_');
    name = name.left(31);
    return name.isEmpty() ? QStringLiteral("Sheet1") : name;
}

bool writesAsNumber(const schema::Field &f)
{
    return (f.type == schema::FieldType::Integer && f.codeTable.empty()) || f.type == schema::FieldType::Real;
}

} // namespace

Status XlsxExporter::write(const QString &path, const schema::Table &table, const std::vector<validate::Record> &rows,
                           const Options &options)
{
    QString unavailable;
    const XlsxWriterApi *lxw = XlsxWriterApi::get(&unavailable);
    if (!lxw)
        return Status::failure(unavailable);
    const auto fields = exportFields(table, options.fields);
    lxw_workbook_options wbOptions{};
    wbOptions.constant_memory = LXW_TRUE;
    const QByteArray fileName = QFile::encodeName(path);
    lxw_workbook *workbook = lxw->workbook_new_opt(fileName.constData(), &wbOptions);
    if (!workbook)
        return Status::failure(tr("Cannot create %1.").arg(path));

    // 学生名册, 教职工名册: the sheet names of the county's templates, the same in every UI language.
    const QString name = options.sheetName.isEmpty()
                             ? QString::fromStdString(table.labelZh) + QStringLiteral("名册")
                             : options.sheetName;
    lxw_worksheet *sheet = lxw->workbook_add_worksheet(workbook, safeSheetName(name).toUtf8().constData());
    lxw_format *textFormat = lxw->workbook_add_format(workbook);
    lxw->format_set_num_format(textFormat, "@");
    lxw_format *headerFormat = lxw->workbook_add_format(workbook);
    lxw->format_set_num_format(headerFormat, "@");
    lxw->format_set_bold(headerFormat);

    Status status;
    const auto check = [&](lxw_error e) {
        if (e != LXW_NO_ERROR && status.ok())
            status = Status::failure(tr("Cannot write %1: %2").arg(path, QString::fromUtf8(lxw->lxw_strerror(e))));
    };
    for (std::size_t c = 0; sheet && c < fields.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        // Wide enough for an 18-character ID number; text format for what a clerk types later.
        const double width = fields[c]->check == schema::Check::IdNumber ? 21 : std::max(10.0, double(fields[c]->labelZh.size()) / 1.5);
        check(lxw->worksheet_set_column(sheet, col, col, width, writesAsNumber(*fields[c]) ? nullptr : textFormat));
        check(lxw->worksheet_write_string(sheet, 0, col, fields[c]->labelZh.c_str(), headerFormat));
    }
    for (std::size_t r = 0; sheet && r < rows.size() && status.ok(); ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < fields.size(); ++c) {
            const schema::Field &f = *fields[c];
            auto it = rows[r].find(f.name);
            if (it == rows[r].end() || isNull(it->second))
                continue;
            const auto col = static_cast<lxw_col_t>(c);
            if (writesAsNumber(f)) {
                const Value &v = it->second;
                const double d = std::holds_alternative<double>(v) ? std::get<double>(v)
                                 : std::holds_alternative<std::int64_t>(v) ? double(std::get<std::int64_t>(v))
                                                                            : exportText(f, v).toDouble();
                check(lxw->worksheet_write_number(sheet, row, col, d, nullptr));
            } else {
                check(lxw->worksheet_write_string(sheet, row, col, exportText(f, it->second).toUtf8().constData(), textFormat));
            }
        }
    }
    if (sheet)
        lxw->worksheet_freeze_panes(sheet, 1, 0);
    const lxw_error closed = lxw->workbook_close(workbook);  // writes the file; frees the workbook
    if (!sheet)
        return Status::failure(tr("Cannot write %1: the sheet could not be created.").arg(path));
    if (!status.ok())
        return status;
    if (closed != LXW_NO_ERROR)
        return Status::failure(tr("Cannot write %1: %2").arg(path, QString::fromUtf8(lxw->lxw_strerror(closed))));
    return {};
}

Status XlsxExporter::writeTable(const QString &path, const PlainTable &table)
{
    QString unavailable;
    const XlsxWriterApi *lxw = XlsxWriterApi::get(&unavailable);
    if (!lxw)
        return Status::failure(unavailable);
    const QByteArray fileName = QFile::encodeName(path);
    lxw_workbook *workbook = lxw->workbook_new(fileName.constData());
    if (!workbook)
        return Status::failure(tr("Cannot create %1.").arg(path));
    lxw_worksheet *sheet = lxw->workbook_add_worksheet(workbook, safeSheetName(table.sheetName).toUtf8().constData());
    lxw_format *bold = lxw->workbook_add_format(workbook);
    lxw->format_set_bold(bold);
    Status status;
    const auto check = [&](lxw_error e) {
        if (e != LXW_NO_ERROR && status.ok())
            status = Status::failure(tr("Cannot write %1: %2").arg(path, QString::fromUtf8(lxw->lxw_strerror(e))));
    };
    constexpr lxw_row_t kHeaderRow = 3;
    if (sheet) {
        check(lxw->worksheet_write_string(sheet, 0, 0, table.title.toUtf8().constData(), bold));
        check(lxw->worksheet_write_string(sheet, 1, 0, table.subtitle.toUtf8().constData(), nullptr));
        for (qsizetype c = 0; c < table.headers.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            check(lxw->worksheet_set_column(sheet, col, col, c == 0 ? 22 : std::max(10.0, table.headers[c].size() * 2.2),
                                            nullptr));
            check(lxw->worksheet_write_string(sheet, kHeaderRow, col, table.headers[c].toUtf8().constData(), bold));
        }
    }
    for (qsizetype r = 0; sheet && r < table.rows.size(); ++r) {
        const auto row = static_cast<lxw_row_t>(kHeaderRow + 1 + r);
        for (qsizetype c = 0; c < table.rows[r].size(); ++c) {
            const QVariant &v = table.rows[r][c];
            const auto col = static_cast<lxw_col_t>(c);
            const auto type = v.typeId();
            if (type == QMetaType::Int || type == QMetaType::LongLong || type == QMetaType::Double)
                check(lxw->worksheet_write_number(sheet, row, col, v.toDouble(), nullptr));
            else if (!v.toString().isEmpty())
                check(lxw->worksheet_write_string(sheet, row, col, v.toString().toUtf8().constData(), nullptr));
        }
    }
    if (sheet && !table.chartPng.isEmpty()) {
        lxw_image_options options{};
        options.x_scale = 0.75;
        options.y_scale = 0.75;
        // libxlsxwriter copies the buffer when the image is inserted.
        check(lxw->worksheet_insert_image_buffer_opt(
            sheet, static_cast<lxw_row_t>(kHeaderRow + table.rows.size() + 3), 0,
            reinterpret_cast<const unsigned char *>(table.chartPng.constData()),
            static_cast<std::size_t>(table.chartPng.size()), &options));
    }
    if (sheet)
        lxw->worksheet_freeze_panes(sheet, kHeaderRow + 1, 0);
    const lxw_error closed = lxw->workbook_close(workbook);
    if (!sheet)
        return Status::failure(tr("Cannot write %1: the sheet could not be created.").arg(path));
    if (!status.ok())
        return status;
    if (closed != LXW_NO_ERROR)
        return Status::failure(tr("Cannot write %1: %2").arg(path, QString::fromUtf8(lxw->lxw_strerror(closed))));
    return {};
}

} // namespace emis::io
