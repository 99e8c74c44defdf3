#pragma once

#include "ReportData.h"

#include <QAbstractTableModel>

namespace emis::io {
struct PlainTable;
}

namespace emis::report {

// A report as a table: its columns in the UI language, numbers right-aligned, a bold total row
// under the rows when the report has one. Row i's drill-down key is rowKey(i).
class ReportTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setReport(ReportData report);
    void clear();
    const ReportData &report() const { return m_report; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    bool isTotalRow(int row) const { return row >= int(m_report.rows.size()); }
    QString rowKey(int row) const;
    QString rowLabel(int row) const;
    const QJsonObject *rowObject(int row) const;

    // What the table shows, as the exports write it (values as kept: numbers stay numbers).
    io::PlainTable toPlainTable(const QString &title, const QString &subtitle) const;

private:
    ReportData m_report;
};

} // namespace emis::report
