#pragma once

#include "RecordDialog.h"
#include "schema/Schema.h"
#include "validate/RecordValidator.h"

#include <QWidget>

#include <vector>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QTableView;

namespace emis::school {

class AttachmentsDialog;
class RecordFilterProxy;
class RecordTableModel;
class SchoolSession;

// One table's list (pupils, staff): a filter box that narrows as the clerk types, the sortable
// table, Add and Edit. The same widget serves every table; the schema decides the columns.
class RecordPage : public QWidget {
    Q_OBJECT
public:
    RecordPage(SchoolSession &session, const schema::Table &table, const std::vector<std::string> &columns,
               QWidget *parent = nullptr);

    const schema::Table &table() const { return m_table; }
    void reload();  // from the store, once (after start, a sync or an import)
    // `saver` replaces the plain edit (see RecordDialog::Saver).
    void openRecord(const QString &id, RecordDialog::Saver saver = {});

    RecordTableModel *model() const { return m_model; }
    RecordFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterBox() const { return m_filter; }
    int visibleCount() const;
    // A further button beside Add and Edit (the pupils' status change).
    void addButton(QWidget *button);
    QString currentId() const;
    // The record changed elsewhere (a status change): its row shown anew, saved() emitted.
    void refreshRecord(const QString &id) { showSaved(id); }
    // What an export writes: every row, or only those the filter shows, in the shown order.
    std::vector<validate::Record> records(bool filteredOnly) const;

public Q_SLOTS:
    void addRecord();
    void editCurrent();
    // The files kept with the current record (null when none is chosen).
    AttachmentsDialog *openFiles();

Q_SIGNALS:
    void saved();

private:
    void updateCount();
    void showSaved(const QString &id);

    SchoolSession &m_session;
    const schema::Table &m_table;
    RecordTableModel *m_model = nullptr;
    RecordFilterProxy *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_count = nullptr;
    QHBoxLayout *m_bar = nullptr;
};

} // namespace emis::school
