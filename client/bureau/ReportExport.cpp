#include "ReportExport.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace emis::bureau {
namespace {

QString tr(const char *text) { return QCoreApplication::translate("emis::bureau", text); }

QString cellText(const QVariant &v)
{
    if (v.typeId() == QMetaType::Double)
        return QString::number(v.toDouble(), 'f', 2);
    return v.toString();
}

} // namespace

QString writeReportXlsx(const QString &path, io::PlainTable table, const QImage &chart)
{
    if (!chart.isNull()) {
        QBuffer buffer(&table.chartPng);
        buffer.open(QIODevice::WriteOnly);
        chart.save(&buffer, "PNG");
    }
    const io::Status st = io::XlsxExporter::writeTable(path, table);
    return st ? QString() : st.error();
}

QString writeReportPdf(const QString &path, const io::PlainTable &table, const QImage &chart)
{
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageOrientation(table.headers.size() > 6 ? QPageLayout::Landscape : QPageLayout::Portrait);
    pdf.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    pdf.setResolution(150);
    pdf.setTitle(table.title);
    QPainter p;
    if (!p.begin(&pdf))
        return tr("Cannot write %1.").arg(path);
    // Named explicitly: without a CJK font the Chinese text silently vanishes from the PDF.
    QFont font(QStringLiteral("WenQuanYi Micro Hei"));
    font.setPointSizeF(9);
    QFont bold = font;
    bold.setBold(true);
    QFont big = bold;
    big.setPointSizeF(14);
    const QRect page = p.viewport();
    const int rowHeight = QFontMetrics(font, &pdf).height() + 10;
    const int columns = int(table.headers.size());
    // The label column gets twice the room of a figure.
    std::vector<int> left{0}, width;
    for (int c = 0; c < columns; ++c) {
        width.push_back(int(page.width() * (c == 0 ? 2.0 : 1.0) / (columns + 1.0)));
        left.push_back(left.back() + width.back());
    }
    int y = 0;
    p.setFont(big);
    const int titleHeight = QFontMetrics(big, &pdf).height() + 8;
    p.drawText(QRect(0, y, page.width(), titleHeight), Qt::AlignLeft | Qt::AlignVCenter, table.title);
    y += titleHeight;
    p.setFont(font);
    p.drawText(QRect(0, y, page.width(), rowHeight), Qt::AlignLeft | Qt::AlignVCenter, table.subtitle);
    y += rowHeight + 6;
    const QFontMetrics metrics(font, &pdf);
    auto drawRow = [&](const QStringList &cells, const QFont &f, const QList<bool> &right) {
        p.setFont(f);
        for (int c = 0; c < columns && c < cells.size(); ++c)
            p.drawText(QRect(left[c] + 4, y, width[c] - 8, rowHeight),
                       Qt::AlignVCenter | (right.value(c) ? Qt::AlignRight : Qt::AlignLeft),
                       metrics.elidedText(cells[c], Qt::ElideRight, width[c] - 8));
        y += rowHeight;
    };
    // Figures sit right-aligned, their headings too; the kind is the first row's.
    QList<bool> numeric;
    for (const auto &v : table.rows.value(0)) {
        const auto t = v.typeId();
        numeric << (t == QMetaType::Int || t == QMetaType::LongLong || t == QMetaType::Double);
    }
    auto header = [&] {
        drawRow(table.headers, bold, numeric);
        p.drawLine(0, y, page.width(), y);
    };
    header();
    for (const auto &row : table.rows) {
        if (y + rowHeight > page.height()) {
            pdf.newPage();
            y = 0;
            header();
        }
        QStringList cells;
        for (const auto &v : row)
            cells << cellText(v);
        drawRow(cells, font, numeric);
    }
    if (!chart.isNull()) {
        const QSize fitted = chart.size().scaled(page.width(), page.height() / 2, Qt::KeepAspectRatio);
        if (y + 20 + fitted.height() > page.height()) {
            pdf.newPage();
            y = 0;
        }
        p.drawImage(QRect(QPoint(0, y + 20), fitted), chart);
    }
    return p.end() ? QString() : tr("Cannot write %1.").arg(path);
}

QString writeReport(const QString &path, const io::PlainTable &table, const QImage &chart)
{
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        return writeReportPdf(path, table, chart);
    return writeReportXlsx(path, table, chart);
}

} // namespace emis::bureau
