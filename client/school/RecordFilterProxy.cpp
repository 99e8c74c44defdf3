#include "RecordFilterProxy.h"

#include "RecordTableModel.h"

namespace emis::school {

RecordFilterProxy::RecordFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortLocaleAware(true);  // pinyin-ish order for names on a Chinese system
}

void RecordFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_records = qobject_cast<RecordTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void RecordFilterProxy::setFilterWords(const QString &text)
{
    const QStringList words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

QVariant RecordFilterProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical && role == Qt::DisplayRole)
        return section + 1;
    return QSortFilterProxyModel::headerData(section, orientation, role);
}

bool RecordFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty() || !m_records)
        return true;
    Q_UNUSED(sourceParent)
    const QString &haystack = m_records->searchText(sourceRow);
    for (const QString &w : m_words)
        if (!haystack.contains(w))
            return false;
    return true;
}

} // namespace emis::school
