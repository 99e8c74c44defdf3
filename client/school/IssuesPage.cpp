#include "IssuesPage.h"

#include "IssuesModel.h"
#include "SchoolSession.h"
#include "store/IssueService.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace emis::school {

IssuesPage::IssuesPage(SchoolSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("issuesPage"));
    m_model = new IssuesModel(session, this);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(true);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(IssuesModel::ReasonColumn, QHeaderView::Stretch);
    connect(m_view, &QTableView::activated, this, &IssuesPage::openCurrent);

    m_empty = new QLabel(tr("Nothing to look at: every change was accepted by the server."), this);
    auto *open = new QPushButton(tr("&Open the record"), this);
    open->setObjectName(QStringLiteral("openRecord"));
    auto *discard = new QPushButton(tr("&Discard the change on purpose…"), this);
    discard->setObjectName(QStringLiteral("discard"));
    connect(open, &QPushButton::clicked, this, &IssuesPage::openCurrent);
    connect(discard, &QPushButton::clicked, this, &IssuesPage::discardCurrent);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_empty);
    buttons->addStretch(1);
    buttons->addWidget(open);
    buttons->addWidget(discard);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Changes the server refused and fields changed in two places. "
                                    "Correct the record and save it again, or discard the change on purpose."),
                                 this));
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
}

void IssuesPage::reload()
{
    m_model->reload();
    m_empty->setVisible(m_model->rowCount() == 0);
    m_view->resizeColumnsToContents();
    // Readable widths even for an empty list: the headers alone would make the columns slivers.
    const int em = m_view->fontMetrics().horizontalAdvance(QStringLiteral("中"));
    for (int c = 0; c < IssuesModel::ColumnCount; ++c)
        if (c != IssuesModel::ReasonColumn)
            m_view->setColumnWidth(c, std::max(m_view->columnWidth(c), em * (c == IssuesModel::WhenColumn ? 9 : 6)));
    m_view->resizeRowsToContents();
    m_view->horizontalHeader()->setSectionResizeMode(IssuesModel::ReasonColumn, QHeaderView::Stretch);
}

void IssuesPage::openCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const auto &e = m_model->entry(current.row());
    Q_EMIT openRecordRequested(e.table, e.rowId, e.id, e.conflict);
}

bool IssuesPage::discard(int row, const QString &note)
{
    const auto &e = m_model->entry(row);
    client::IssueService service(m_session.store());
    const client::Status st = e.conflict ? client::Status(service.discardConflict(e.id, note))
                                         : service.discardRejection(e.id, note);
    if (!st) {
        QMessageBox::warning(this, tr("Not discarded"), st.error().message);
        return false;
    }
    reload();
    Q_EMIT changed();
    return true;
}

void IssuesPage::discardCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    bool ok = false;
    const QString note = QInputDialog::getText(this, tr("Discard the change"),
                                               tr("The server's value will come back on the next sync. Why is the change given up?"),
                                               QLineEdit::Normal, QString(), &ok);
    if (ok)
        discard(current.row(), note);
}

} // namespace emis::school
