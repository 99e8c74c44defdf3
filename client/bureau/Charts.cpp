#include "Charts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QStackedBarSeries>
#include <QValueAxis>

namespace emis::bureau {

QChartView *makeBarChart(const QString &title, const QStringList &categories, const QList<ChartSeries> &series,
                         bool stacked)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setVisible(series.size() > 1);
    QAbstractBarSeries *bars = stacked ? static_cast<QAbstractBarSeries *>(new QStackedBarSeries)
                                       : static_cast<QAbstractBarSeries *>(new QBarSeries);
    double top = 0;
    QList<double> sums(categories.size(), 0.0);
    for (const auto &s : series) {
        auto *set = new QBarSet(s.name);
        for (qsizetype i = 0; i < s.values.size(); ++i) {
            *set << s.values[i];
            sums[i] += s.values[i];
            top = std::max(top, stacked ? sums[i] : s.values[i]);
        }
        bars->append(set);
    }
    chart->addSeries(bars);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    if (categories.size() > 8)
        x->setLabelsAngle(-60);
    chart->addAxis(x, Qt::AlignBottom);
    bars->attachAxis(x);
    auto *y = new QValueAxis;
    y->setRange(0, top > 0 ? top * 1.05 : 1);
    y->applyNiceNumbers();
    y->setLabelFormat(top >= 10 ? QStringLiteral("%d") : QStringLiteral("%.1f"));
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(y);
    auto *view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(360, 280);
    return view;
}

} // namespace emis::bureau
