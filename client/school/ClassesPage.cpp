#include "ClassesPage.h"

#include "RecordDialog.h"
#include "RecordForm.h"
#include "SchoolSession.h"
#include "UiLanguage.h"
#include "register/ClassRoster.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace emis::school {
namespace {

const schema::Table &classesTable() { return *schema::findTable("classes"); }

} // namespace

ClassesPage::ClassesPage(SchoolSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("classesPage"));
    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(QStringLiteral("classes"));
    m_table->setHorizontalHeaderLabels(
        {tr("Grade"), tr("Class"), tr("Head teacher"), tr("Entry year"), tr("Pupils"), tr("Boys"), tr("Girls")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    connect(m_table, &QTableWidget::activated, this, &ClassesPage::editCurrent);

    auto *add = new QPushButton(tr("&Add"), this);
    add->setObjectName(QStringLiteral("add"));
    auto *edit = new QPushButton(tr("&Edit"), this);
    auto *remove = new QPushButton(tr("&Delete"), this);
    connect(add, &QPushButton::clicked, this, &ClassesPage::addClass);
    connect(edit, &QPushButton::clicked, this, &ClassesPage::editCurrent);
    connect(remove, &QPushButton::clicked, this, &ClassesPage::removeCurrent);
    auto *bar = new QHBoxLayout;
    bar->addStretch(1);
    bar->addWidget(add);
    bar->addWidget(edit);
    bar->addWidget(remove);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
}

void ClassesPage::reload()
{
    auto classes = client::classSummaries(m_session.store());
    if (!classes) {
        QMessageBox::warning(this, tr("Cannot load the classes"), classes.error().message);
        return;
    }
    const schema::Field &grade = *classesTable().field("grade");
    m_table->setRowCount(static_cast<int>(classes->size()));
    for (int i = 0; i < static_cast<int>(classes->size()); ++i) {
        const auto &c = (*classes)[static_cast<std::size_t>(i)];
        const QStringList cells = {codeName(grade, QString::number(c.grade)),
                                   c.name,
                                   c.id.isEmpty() ? tr("(no class record)") : c.headTeacher,
                                   c.entryYear ? QString::number(c.entryYear) : QString(),
                                   QString::number(c.pupils),
                                   QString::number(c.boys),
                                   QString::number(c.girls)};
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells[col]);
            if (col == 0) {
                item->setData(Qt::UserRole, c.id);
                item->setData(Qt::UserRole + 1, c.grade);
                item->setData(Qt::UserRole + 2, c.name);
            }
            if (col >= 4)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(i, col, item);
        }
    }
    m_table->resizeColumnsToContents();
    for (int c = 0; c < m_table->columnCount(); ++c)
        m_table->setColumnWidth(c, std::max(m_table->columnWidth(c), fontMetrics().horizontalAdvance(QLatin1Char('0')) * 10));
}

QString ClassesPage::currentId() const
{
    const int row = m_table->currentRow();
    return row < 0 ? QString() : m_table->item(row, 0)->data(Qt::UserRole).toString();
}

RecordDialog *ClassesPage::openRecord(const QString &id)
{
    auto *dialog = new RecordDialog(m_session.repository(classesTable()), id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        reload();
        Q_EMIT saved();
    });
    dialog->open();
    return dialog;
}

void ClassesPage::addClass()
{
    RecordDialog *dialog = openRecord(QString());
    // A class only the pupils name: the form starts from its grade and name.
    const int row = m_table->currentRow();
    if (row >= 0 && m_table->item(row, 0)->data(Qt::UserRole).toString().isEmpty()) {
        validate::Record start{{"grade", std::int64_t{m_table->item(row, 0)->data(Qt::UserRole + 1).toInt()}},
                               {"name", ss(m_table->item(row, 0)->data(Qt::UserRole + 2).toString())}};
        dialog->form()->setRecord(start);
    }
}

void ClassesPage::editCurrent()
{
    const QString id = currentId();
    if (id.isEmpty())
        return addClass();
    openRecord(id);
}

void ClassesPage::removeCurrent()
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    const int row = m_table->currentRow();
    const QString label = m_table->item(row, 0)->text() + QLatin1Char(' ') + m_table->item(row, 1)->text();
    if (QMessageBox::question(this, tr("Delete class"),
                              tr("Delete the class record %1? The pupils keep their grade and class.").arg(label)) !=
        QMessageBox::Yes)
        return;
    auto removed = m_session.repository(classesTable()).remove(id);
    if (!removed) {
        QMessageBox::warning(this, tr("Delete class"), removed.error().message);
        return;
    }
    reload();
    Q_EMIT saved();
}

} // namespace emis::school
