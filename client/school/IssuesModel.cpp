#include "IssuesModel.h"

#include "SchoolSession.h"
#include "UiLanguage.h"

namespace emis::school {

IssuesModel::IssuesModel(SchoolSession &session, QObject *parent) : QAbstractTableModel(parent), m_session(session) {}

QString IssuesModel::recordName(const QString &table, const QString &rowId) const
{
    const schema::Table *t = schema::findTable(ss(table));
    if (!t)
        return rowId;
    auto row = m_session.repository(*t).get(rowId);
    if (!row || !row->has_value())
        return rowId;
    const auto &values = (*row)->values;
    auto it = values.find("name");
    return it != values.end() && !isNull(it->second) ? qs(displayText(it->second)) : rowId;
}

void IssuesModel::reload()
{
    beginResetModel();
    m_entries.clear();
    const client::IssueStore store = m_session.issueStore();
    auto labels = [](const QString &table, const QString &field, Entry &e) {
        const schema::Table *t = schema::findTable(ss(table));
        e.cells[TableColumn] = t ? tableLabel(*t) : table;
        const schema::Field *f = t ? t->field(ss(field)) : nullptr;
        e.cells[FieldColumn] = f ? fieldLabel(*f) : field;
    };
    auto when = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")); };
    if (auto rejections = store.rejections(true)) {
        for (const auto &r : *rejections) {
            Entry e;
            e.id = r.id;
            e.table = r.table;
            e.rowId = r.rowId;
            e.cells[KindColumn] = tr("Refused by the server");
            labels(r.table, r.field, e);
            e.cells[RecordColumn] = recordName(r.table, r.rowId);
            e.cells[ReasonColumn] = uiIsChinese() ? r.messageZh : (r.messageEn.isEmpty() ? r.messageZh : r.messageEn);
            e.cells[WhenColumn] = when(r.createdMs);
            m_entries.push_back(std::move(e));
        }
    }
    if (auto conflicts = store.conflicts(true)) {
        for (const auto &c : *conflicts) {
            Entry e;
            e.conflict = true;
            e.id = c.id;
            e.table = c.table;
            e.rowId = c.rowId;
            e.cells[KindColumn] = tr("Changed in two places");
            labels(c.table, c.field, e);
            e.cells[RecordColumn] = recordName(c.table, c.rowId);
            e.cells[ReasonColumn] = tr("Kept \"%1\" (the later change); \"%2\" was not kept.").arg(c.winnerText, c.loserText);
            e.cells[WhenColumn] = when(c.createdMs);
            m_entries.push_back(std::move(e));
        }
    }
    endResetModel();
}

int IssuesModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_entries.size()); }
int IssuesModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant IssuesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    return m_entries.at(std::size_t(index.row())).cells[index.column()];
}

QVariant IssuesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn: return tr("Kind");
    case TableColumn: return tr("Table");
    case RecordColumn: return tr("Record");
    case FieldColumn: return tr("Field");
    case ReasonColumn: return tr("Reason");
    case WhenColumn: return tr("When");
    default: return {};
    }
}

} // namespace emis::school
