#include "RecordTableModel.h"

#include "ExportText.h"
#include "UiLanguage.h"
#include "validate/References.h"

#include <algorithm>

namespace emis::school {

RecordTableModel::RecordTableModel(const schema::Table &table, const std::vector<std::string> &columns, QObject *parent)
    : QAbstractTableModel(parent), m_table(table)
{
    for (const auto &f : table.fields)
        if (columns.empty() || std::find(columns.begin(), columns.end(), f.name) != columns.end())
            if (f.type != schema::FieldType::Blob)
                m_fields.push_back(&f);
    // The filter box searches what names a row: its label and its lookup keys (schema).
    const auto search = [&](const std::string &name) {
        const schema::Field *f = table.field(name);
        if (f && std::find(m_searchFields.begin(), m_searchFields.end(), f) == m_searchFields.end())
            m_searchFields.push_back(f);
    };
    for (const auto &name : table.labelFields)
        search(name);
    for (const auto &key : table.lookupKeys)
        for (const auto &name : key)
            search(name);
    if (m_searchFields.empty() && !table.fields.empty())
        search(table.fields.front().name);
}

QString RecordTableModel::displayValue(const schema::Field &field, const Value &value)
{
    if (isNull(value))
        return {};
    if (!field.codeTable.empty()) {
        const QString code = qs(displayText(value));
        return codeName(field, code);
    }
    if (field.type == schema::FieldType::Bool)
        return std::get_if<std::int64_t>(&value) && std::get<std::int64_t>(value) ? tr("Yes") : tr("No");
    return io::exportText(field, value);
}

void RecordTableModel::setReferenceLabels(ReferenceLabels labels) { m_labels = std::move(labels); }

void RecordTableModel::render(std::size_t row)
{
    const auto &values = m_rows[row].values;
    QStringList cells;
    cells.reserve(qsizetype(m_fields.size()));
    for (const schema::Field *f : m_fields) {
        auto it = values.find(f->name);
        const schema::Table *target = m_labels ? validate::refTarget(*f, values) : nullptr;
        if (it == values.end())
            cells << QString();
        else if (target && !isNull(it->second))
            cells << m_labels(*target, qs(displayText(it->second)));  // the pupil's name, not the id
        else
            cells << displayValue(*f, it->second);
    }
    QString search;
    for (const schema::Field *f : m_searchFields) {
        auto it = values.find(f->name);
        if (it == values.end() || isNull(it->second))
            continue;
        search += displayValue(*f, it->second) % QLatin1Char('\n');
        if (!f->codeTable.empty())  // "7" finds 七年级 too
            search += qs(displayText(it->second)) % QLatin1Char('\n');
    }
    m_cells[row] = std::move(cells);
    m_search[row] = search.toLower();
}

void RecordTableModel::setRows(std::vector<client::StoredRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_cells.assign(m_rows.size(), {});
    m_search.assign(m_rows.size(), {});
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        render(i);
    endResetModel();
}

int RecordTableModel::rowOf(const QString &id) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == id)
            return int(i);
    return -1;
}

void RecordTableModel::upsert(const client::StoredRow &row)
{
    const int existing = rowOf(row.id);
    if (existing >= 0) {
        m_rows[std::size_t(existing)] = row;
        render(std::size_t(existing));
        Q_EMIT dataChanged(index(existing, 0), index(existing, columnCount() - 1));
        return;
    }
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.push_back(row);
    m_cells.emplace_back();
    m_search.emplace_back();
    render(std::size_t(at));
    endInsertRows();
}

int RecordTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int RecordTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_fields.size()); }

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const auto row = std::size_t(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return m_cells[row].value(index.column());
    case RowIdRole:
        return m_rows[row].id;
    case SearchRole:
        return m_search[row];
    default:
        return {};
    }
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return fieldLabel(*m_fields.at(std::size_t(section)));
}

} // namespace emis::school
