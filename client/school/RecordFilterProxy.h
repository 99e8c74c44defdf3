#pragma once

#include <QSortFilterProxyModel>

namespace emis::school {

class RecordTableModel;

// Sorting and the filter box over a RecordTableModel. Every word the clerk types must appear in
// the row's search text (name, ID number, 学籍号, grade, class), so "七年级 2班" narrows to one class.
class RecordFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RecordFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void setFilterWords(const QString &text);
    // Rows numbered as shown (1..n), not by their place in the unfiltered list.
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    RecordTableModel *m_records = nullptr;
    QStringList m_words;
};

} // namespace emis::school
