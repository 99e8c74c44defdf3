#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QChartView;

namespace emis::bureau {

struct ChartSeries {
    QString name;
    QList<double> values;  // one per category
};

// A bar chart (stacked or side by side) with a legend, no animation (the exports grab it at once).
QChartView *makeBarChart(const QString &title, const QStringList &categories, const QList<ChartSeries> &series,
                         bool stacked);

} // namespace emis::bureau
