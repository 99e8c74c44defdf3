#include "ExportActions.h"

#include "CsvExporter.h"
#include "RecordTableModel.h"
#include "UiLanguage.h"
#include "XlsxExporter.h"

#include <QAction>
#include <QDateTime>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace emis::school {

ExportActions::ExportActions(QWidget *window, std::function<ExportSource(bool)> source)
    : QObject(window), m_window(window), m_source(std::move(source))
{
    m_xlsx = new QAction(tr("Export to &Excel (.xlsx)…"), this);
    m_csv = new QAction(tr("Export to &CSV…"), this);
    m_pdf = new QAction(tr("Export to &PDF…"), this);
    m_filteredOnly = new QAction(tr("Export only the &filtered rows"), this);
    m_filteredOnly->setCheckable(true);
    connect(m_xlsx, &QAction::triggered, this, [this] { run(Format::Xlsx); });
    connect(m_csv, &QAction::triggered, this, [this] { run(Format::Csv); });
    connect(m_pdf, &QAction::triggered, this, [this] { run(Format::Pdf); });
}

QString ExportActions::writeXlsx(const QString &path, const ExportSource &source)
{
    io::XlsxExporter::Options options;
    options.fields = source.fields;
    const io::Status st = io::XlsxExporter::write(path, *source.table, source.rows, options);
    return st ? QString() : st.error();
}

QString ExportActions::writeCsv(const QString &path, const ExportSource &source)
{
    io::CsvExporter::Options options;
    options.fields = source.fields;
    const io::Status st = io::CsvExporter::write(path, *source.table, source.rows, options);
    return st ? QString() : st.error();
}

QString ExportActions::writePdf(const QString &path, const ExportSource &source)
{
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageOrientation(QPageLayout::Landscape);
    pdf.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter);
    pdf.setResolution(150);
    pdf.setTitle(source.title);
    QPainter p;
    if (!p.begin(&pdf))
        return tr("Cannot write %1.").arg(path);
    // Named explicitly: without a CJK font the Chinese text silently vanishes from the PDF.
    QFont font(QStringLiteral("WenQuanYi Micro Hei"));
    font.setPointSizeF(8.5);
    QFont bold = font;
    bold.setBold(true);
    std::vector<const schema::Field *> fields;
    for (const auto &f : source.table->fields)
        if (source.fields.empty() || std::find(source.fields.begin(), source.fields.end(), f.name) != source.fields.end())
            fields.push_back(&f);
    const QRect page = p.viewport();
    const int rowHeight = QFontMetrics(font, &pdf).height() + 12;
    // ID numbers need their 18 characters whole; short codes need little room.
    std::vector<int> left{0}, width;
    {
        double total = 0;
        std::vector<double> weights;
        for (const schema::Field *f : fields) {
            const bool wide = f->name == "id_number" || f->name == "student_no" || f->name == "staff_no" ||
                              f->name == "address" || f->name == "hukou";
            weights.push_back(wide ? 2.4 : 1.0);
            total += weights.back();
        }
        for (double w : weights) {
            width.push_back(int(page.width() * w / total));
            left.push_back(left.back() + width.back());
        }
    }
    int pageNo = 1;
    int y = 0;
    auto header = [&] {
        p.setFont(bold);
        p.drawText(QRect(0, 0, page.width(), rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("%1 — %2 rows — printed %3 — page %4")
                       .arg(source.title)
                       .arg(source.rows.size())
                       .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                       .arg(pageNo));
        y = rowHeight + 6;
        for (std::size_t c = 0; c < fields.size(); ++c)
            p.drawText(QRect(left[c] + 4, y, width[c] - 8, rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                       fieldLabel(*fields[c]));
        y += rowHeight;
        p.drawLine(0, y, page.width(), y);
        p.setFont(font);
    };
    header();
    const QFontMetrics metrics(font, &pdf);
    for (const auto &row : source.rows) {
        if (y + rowHeight > page.height()) {
            pdf.newPage();
            ++pageNo;
            header();
        }
        for (std::size_t c = 0; c < fields.size(); ++c) {
            auto it = row.find(fields[c]->name);
            const QString text = it == row.end() ? QString() : RecordTableModel::displayValue(*fields[c], it->second);
            p.drawText(QRect(left[c] + 4, y, width[c] - 8, rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                       metrics.elidedText(text, Qt::ElideRight, width[c] - 8));
        }
        y += rowHeight;
    }
    return p.end() ? QString() : tr("Cannot write %1.").arg(path);
}

void ExportActions::run(Format format)
{
    ExportSource source = m_source(m_filteredOnly->isChecked());
    if (!source.table)
        return;
    const QString filter = format == Format::Xlsx ? tr("Excel workbook (*.xlsx)")
                           : format == Format::Csv ? tr("CSV file (*.csv)")
                                                   : tr("PDF document (*.pdf)");
    const QString suffix = format == Format::Xlsx ? QStringLiteral(".xlsx")
                           : format == Format::Csv ? QStringLiteral(".csv")
                                                   : QStringLiteral(".pdf");
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export"), source.title + suffix, filter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(suffix, Qt::CaseInsensitive))
        path += suffix;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path, count = source.rows.size()] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (!error.isEmpty())
            QMessageBox::warning(m_window, tr("Export failed"), error);
        else if (auto *bar = m_window->findChild<QStatusBar *>())
            bar->showMessage(tr("%1 rows written to %2").arg(count).arg(path), 8000);
    });
    watcher->setFuture(QtConcurrent::run([format, path, source = std::move(source)] {
        switch (format) {
        case Format::Xlsx: return writeXlsx(path, source);
        case Format::Csv: return writeCsv(path, source);
        case Format::Pdf: return writePdf(path, source);
        }
        return QString();
    }));
}

} // namespace emis::school
