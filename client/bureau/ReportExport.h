#pragma once

#include "XlsxExporter.h"

#include <QImage>
#include <QString>

namespace emis::bureau {

// Writes a report as the officer sees it: an .xlsx sheet (numbers as numbers, the chart as a
// picture under the rows) or an A4 PDF (title, table, chart) in WenQuanYi Micro Hei, the Chinese
// font shipped with the program. Any thread; an empty string when it worked, else the reason.
QString writeReportXlsx(const QString &path, io::PlainTable table, const QImage &chart);
QString writeReportPdf(const QString &path, const io::PlainTable &table, const QImage &chart);
// By the file's suffix (.xlsx or .pdf).
QString writeReport(const QString &path, const io::PlainTable &table, const QImage &chart);

} // namespace emis::bureau
