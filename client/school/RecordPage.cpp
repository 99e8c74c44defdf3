#include "RecordPage.h"

#include "AttachmentsDialog.h"
#include "RecordDialog.h"
#include "RecordFilterProxy.h"
#include "RecordTableModel.h"
#include "SchoolSession.h"
#include "store/RefResolver.h"
#include "UiLanguage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace emis::school {

RecordPage::RecordPage(SchoolSession &session, const schema::Table &table, const std::vector<std::string> &columns,
                       QWidget *parent)
    : QWidget(parent), m_session(session), m_table(table)
{
    setObjectName(qs(table.name) + QStringLiteral("Page"));
    m_model = new RecordTableModel(table, columns, this);
    m_proxy = new RecordFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(table.name == "students" ? tr("Filter by name, ID number, student number, grade or class")
                                 : table.name == "staff"  ? tr("Filter by name, ID number or staff number")
                                                          : tr("Filter by any word in the list"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterWords(text);
        updateCount();
    });
    auto *add = new QPushButton(tr("&Add"), this);
    add->setObjectName(QStringLiteral("add"));
    auto *edit = new QPushButton(tr("&Edit"), this);
    edit->setObjectName(QStringLiteral("edit"));
    connect(add, &QPushButton::clicked, this, &RecordPage::addRecord);
    connect(edit, &QPushButton::clicked, this, &RecordPage::editCurrent);
    m_count = new QLabel(this);

    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);  // the store's order until the clerk picks a column
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setDefaultSectionSize(110);
    // Fixed widths by field, not resizeColumnsToContents(): measuring every row of a big school
    // would cost more than the whole load.
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const std::string &name = m_model->columnField(c)->name;
        const bool longText = name == "id_number" || name == "student_no" || name == "staff_no" || name == "phone";
        m_view->setColumnWidth(c, m_view->fontMetrics().horizontalAdvance(QLatin1Char('0')) * (longText ? 23 : 12));
    }
    connect(m_view, &QTableView::activated, this, &RecordPage::editCurrent);  // Enter or double click

    m_bar = new QHBoxLayout;
    m_bar->addWidget(new QLabel(tr("Filter:"), this));
    m_bar->addWidget(m_filter, 1);
    m_bar->addWidget(m_count);
    m_bar->addWidget(add);
    m_bar->addWidget(edit);
    if (schema::attachable(table)) {  // an asset's photo, a certificate's scan
        auto *files = new QPushButton(tr("Attac&hments…"), this);
        files->setObjectName(QStringLiteral("files"));
        connect(files, &QPushButton::clicked, this, &RecordPage::openFiles);
        m_bar->addWidget(files);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_bar);
    layout->addWidget(m_view, 1);
    setTabOrder(m_filter, m_view);
}

void RecordPage::reload()
{
    auto rows = m_session.repository(m_table).list();
    if (!rows) {
        QMessageBox::warning(this, tr("Cannot load the list"), rows.error().message);
        return;
    }
    // A fresh resolver per load: the rows a reference names may have changed since.
    auto refs = std::make_shared<client::RefResolver>(m_session.store());
    m_model->setReferenceLabels([refs](const schema::Table &target, const QString &id) { return refs->label(target, id); });
    m_model->setRows(std::move(*rows));
    updateCount();
}

int RecordPage::visibleCount() const { return m_proxy->rowCount(); }

void RecordPage::updateCount()
{
    m_count->setText(tr("%1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

std::vector<validate::Record> RecordPage::records(bool filteredOnly) const
{
    std::vector<validate::Record> out;
    if (!filteredOnly) {
        for (int i = 0; i < m_model->rowCount(); ++i)
            out.push_back(m_model->storedRow(i).values);
        return out;
    }
    for (int i = 0; i < m_proxy->rowCount(); ++i)
        out.push_back(m_model->storedRow(m_proxy->mapToSource(m_proxy->index(i, 0)).row()).values);
    return out;
}

void RecordPage::openRecord(const QString &id, RecordDialog::Saver saver)
{
    // Window-modal but not exec(): the event loop stays the application's (and tests can type).
    auto *dialog = new RecordDialog(m_session.repository(m_table), id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (saver)
        dialog->setSaver(std::move(saver));
    connect(dialog, &QDialog::accepted, this, [this, dialog] { showSaved(dialog->savedId()); });
    dialog->open();
}

void RecordPage::showSaved(const QString &id)
{
    auto row = m_session.repository(m_table).get(id);
    if (row && row->has_value())
        m_model->upsert(**row);
    updateCount();
    const int at = m_model->rowOf(id);
    if (at >= 0)
        m_view->setCurrentIndex(m_proxy->mapFromSource(m_model->index(at, 0)));
    Q_EMIT saved();
}

void RecordPage::addRecord() { openRecord(QString()); }

AttachmentsDialog *RecordPage::openFiles()
{
    const QString id = currentId();
    if (id.isEmpty()) {
        QMessageBox::information(this, tr("Attached files"), tr("Choose a record in the list first."));
        return nullptr;
    }
    auto *dialog = new AttachmentsDialog(m_session, m_table, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AttachmentsDialog::changed, this, &RecordPage::saved);
    dialog->open();
    return dialog;
}

void RecordPage::addButton(QWidget *button) { m_bar->addWidget(button); }

QString RecordPage::currentId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(RecordTableModel::RowIdRole).toString() : QString();
}

void RecordPage::editCurrent()
{
    if (const QString id = currentId(); !id.isEmpty())
        openRecord(id);
}

} // namespace emis::school
