#pragma once

#include "ReportTableModel.h"

#include <QWidget>

class QChartView;
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

    ReportTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    void setReport(ReportData report, const QString &scope);
    void showError(const QString &message);  // also clears the table
    void showBusy();
    QString errorShown() const;
    // The chart shown beside the table and drawn into the exports; owned by the view.
    void setChartView(QChartView *chart);
    QChartView *chartView() const { return m_chart; }

    // Writes the report on a worker thread; exported() says when and how it went.
    void exportTo(const QString &path);

Q_SIGNALS:
    void exported(const QString &path, const QString &error);
    void rowActivated(int row);

private:
    void askAndExport(const QString &suffix, const QString &filter);

    ReportTableModel *m_model;
    QTableView *m_table;
    QLabel *m_title;
    QLabel *m_scope;
    QLabel *m_message;
    QPushButton *m_xlsx;
    QPushButton *m_pdf;
    QWidget *m_chartHolder;
    QChartView *m_chart = nullptr;
};

} // namespace emis::bureau
