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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    RecordTableModel *m_records = nullptr;
    QStringList m_words;
};

} // namespace emis::school
