#include "ReportTableModel.h"

#include "XlsxExporter.h"

#include <QColor>
#include <QFont>

namespace emis::report {

void ReportTableModel::setReport(ReportData report)
{
    beginResetModel();
    m_report = std::move(report);
    endResetModel();
}

void ReportTableModel::clear() { setReport(ReportData{}); }

int ReportTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_report.rows.size()) + (m_report.hasTotalRow() && !m_report.rows.isEmpty() ? 1 : 0);
}

int ReportTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.columns.size());
}

const QJsonObject *ReportTableModel::rowObject(int row) const
{
    return row >= 0 && row < m_report.rows.size() ? &m_report.rows[row] : nullptr;
}

QString ReportTableModel::rowKey(int row) const
{
    const QJsonObject *o = rowObject(row);
    return o ? o->value(QLatin1String("key")).toString() : QString();
}

QString ReportTableModel::rowLabel(int row) const
{
    const QJsonObject *o = rowObject(row);
    return o ? o->value(QLatin1String("label")).toString() : QString();
}

QVariant ReportTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const bool total = isTotalRow(index.row());
    const QJsonObject &row = total ? m_report.totals : m_report.rows[index.row()];
    if (role == Qt::DisplayRole) {
        if (total && index.column() == 0)
            return tr("Total");
        return m_report.text(row, index.column());
    }
    if (role == Qt::EditRole)
        return total && index.column() == 0 ? QVariant(tr("Total")) : m_report.value(row, index.column());
    if (role == Qt::TextAlignmentRole) {
        const auto t = m_report.value(row, index.column()).typeId();
        const bool number = t == QMetaType::LongLong || t == QMetaType::Double;
        return QVariant::fromValue(Qt::AlignVCenter | (number ? Qt::AlignRight : Qt::AlignLeft));
    }
    if (role == Qt::BackgroundRole && !total && row.value(QLatin1String("silent")).toBool())
        return QColor(0xfd, 0xe2, 0xe1);  // a school silent for too long
    if (role == Qt::FontRole && total) {
        QFont f;
        f.setBold(true);
        return f;
    }
    return {};
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return section < m_report.columns.size() ? m_report.columnTitle(section) : QVariant();
    return isTotalRow(section) ? QVariant() : QVariant(section + 1);
}

io::PlainTable ReportTableModel::toPlainTable(const QString &title, const QString &subtitle) const
{
    io::PlainTable t;
    t.sheetName = m_report.title();
    t.title = title;
    t.subtitle = subtitle;
    for (int c = 0; c < columnCount(); ++c)
        t.headers << m_report.columnTitle(c);
    for (int r = 0; r < rowCount(); ++r) {
        QVariantList cells;
        for (int c = 0; c < columnCount(); ++c)
            cells << data(index(r, c), Qt::EditRole);
        t.rows << cells;
    }
    return t;
}

} // namespace emis::report
