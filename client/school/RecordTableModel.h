#pragma once

#include "store/RecordStore.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <functional>
#include <vector>

namespace emis::school {

// The rows of one schema table as a read-only grid. Rows are loaded once (from the store through
// a repository) and the text of every cell is rendered then, so painting, sorting and filtering a
// few thousand pupils never goes back to the store or re-formats a value.
class RecordTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { RowIdRole = Qt::UserRole + 1, SearchRole };

    // `columns`: the fields shown, by name, in order; empty shows every field of the table.
    RecordTableModel(const schema::Table &table, const std::vector<std::string> &columns, QObject *parent = nullptr);

    const schema::Table &table() const { return m_table; }
    const schema::Field *columnField(int column) const { return m_fields.at(std::size_t(column)); }

    // How a reference cell is shown: the label of the row it names (set before setRows()).
    using ReferenceLabels = std::function<QString(const schema::Table &target, const QString &id)>;
    void setReferenceLabels(ReferenceLabels labels);
    void setRows(std::vector<client::StoredRow> rows);
    // Inserts a new row or replaces the one with the same id (after a save).
    void upsert(const client::StoredRow &row);
    int rowOf(const QString &id) const;
    const client::StoredRow &storedRow(int row) const { return m_rows.at(std::size_t(row)); }
    // Lowercase text the filter box searches: the table's label and lookup-key fields.
    const QString &searchText(int row) const { return m_search.at(std::size_t(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A value as the clerk reads it: code names, yes/no, dates as YYYY-MM-DD.
    static QString displayValue(const schema::Field &field, const Value &value);

private:
    void render(std::size_t row);

    const schema::Table &m_table;
    std::vector<const schema::Field *> m_fields;
    std::vector<const schema::Field *> m_searchFields;
    std::vector<client::StoredRow> m_rows;
    std::vector<QStringList> m_cells;
    std::vector<QString> m_search;
    ReferenceLabels m_labels;
};

} // namespace emis::school
