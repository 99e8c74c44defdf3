#pragma once

#include <QAbstractTableModel>
#include <QDateTime>

#include <vector>

namespace emis::school {

class SchoolSession;

// Open rejections (the server refused a change) and conflicts (the same field changed here and
// elsewhere) as one list in plain words: which table, which record, which field, and why.
class IssuesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KindColumn, TableColumn, RecordColumn, FieldColumn, ReasonColumn, WhenColumn, ColumnCount };

    struct Entry {
        bool conflict = false;
        qint64 id = 0;
        QString table;   // schema name
        QString rowId;
        QString cells[ColumnCount];
    };

    explicit IssuesModel(SchoolSession &session, QObject *parent = nullptr);

    void reload();
    const Entry &entry(int row) const { return m_entries.at(std::size_t(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString recordName(const QString &table, const QString &rowId) const;

    SchoolSession &m_session;
    std::vector<Entry> m_entries;
};

} // namespace emis::school
