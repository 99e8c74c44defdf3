#pragma once

#include "ReportTableModel.h"

#include <QChartView>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace emis::bureau {

// One report on screen: its title, what part of the county it covers, the table, an optional
// chart beside it, a line saying what went wrong (in words), and the two exports. The owner
// runs the request and hands the result over.
class ReportView : public QWidget {
    Q_OBJECT
public:
    explicit ReportView(QWidget *parent = nullptr);

    report::ReportTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    void setReport(report::ReportData report, const QString &scope);
    void setTitle(const QString &title);  // before the report has come
    // The chart drawn into the exports: shown beside the table and owned by the view, or
    // (besideTable false) placed and owned by the caller.
    void setChartView(QChartView *chart, bool besideTable = true);
    void setTableVisible(bool visible);
    void showError(const QString &message);  // also clears the table
    void showBusy();
    QString errorShown() const;
    QString scopeShown() const;  // the line under the title: what part of the county, and notes
    QChartView *chartView() const { return m_chart; }

    // Writes the report on a worker thread; exported() says when and how it went.
    void exportTo(const QString &path);

Q_SIGNALS:
    void exported(const QString &path, const QString &error);
    void rowActivated(int row);

private:
    void askAndExport(const QString &suffix, const QString &filter);

    report::ReportTableModel *m_model;
    QTableView *m_table;
    QLabel *m_title;
    QLabel *m_scope;
    QLabel *m_message;
    QPushButton *m_xlsx;
    QPushButton *m_pdf;
    QWidget *m_chartHolder;
    QPointer<QChartView> m_chart;
    bool m_error = false;  // the message line says what went wrong (not "nothing to list")
};

} // namespace emis::bureau
