#pragma once

#include "BureauSession.h"
#include "ReportData.h"

#include <QMap>
#include <QWidget>

#include <functional>

class QGridLayout;
class QLabel;
class QHBoxLayout;

namespace emis::bureau {

class BureauClient;
class ReportView;

// This morning's county figures: pupils by stage, classes with 大班额 and 超大班额, full-time
// teachers and pupils per teacher against 19 / 13.5 / 12.5, the special groups; a chart of the
// pupils by township and one of the ratios against their norms; the figures as a table that
// exports like any report.
class DashboardPage : public QWidget {
    Q_OBJECT
public:
    DashboardPage(BureauClient &client, QWidget *parent = nullptr);

    void refresh();
    bool busy() const { return m_pending > 0; }
    // A figure as shown on its card ("37051", "18.52"); keys: pupils, primary, junior, senior,
    // classes, large, very_large, teachers, ratio_primary, ratio_junior, ratio_senior,
    // left_behind, migrant, poverty_registered, boarding.
    QString figure(const QString &key) const;
    ReportView *view() const { return m_view; }
    QString errorShown() const { return m_error; }

Q_SIGNALS:
    void loaded();

private:
    void ask(const QString &name, const Params &params, std::function<void(const report::ReportData &)> use);
    void setFigure(const QString &key, const QString &title, const QString &value, const QString &note = {});
    void finish();

    BureauClient &m_client;
    QGridLayout *m_cards;
    QHBoxLayout *m_charts;
    ReportView *m_view;
    QMap<QString, QLabel *> m_values;
    QStringList m_order;
    QMap<QString, QStringList> m_rows;  // key → title, value, note, for the table
    report::ReportData m_townships;
    report::ReportData m_teachers;
    QString m_error;
    int m_pending = 0;
};

} // namespace emis::bureau
