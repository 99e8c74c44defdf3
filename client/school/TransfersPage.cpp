#include "TransfersPage.h"

#include "SchoolSession.h"
#include "TransferRequestDialog.h"
#include "schema/CodeTables.h"
#include "store/SqlValue.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace emis::school {
namespace {

QTableWidget *makeTable(QWidget *parent, const QStringList &headers, const char *name)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(QLatin1String(name));
    t->setHorizontalHeaderLabels(headers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->setVisible(false);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

QWidget *withButtons(QWidget *parent, QWidget *table, const QList<QPushButton *> &buttons)
{
    auto *w = new QWidget(parent);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    for (auto *b : buttons)
        row->addWidget(b);
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(table, 1);
    layout->addLayout(row);
    return w;
}

} // namespace

TransfersPage::TransfersPage(SchoolSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("transfersPage"));
    const QStringList headers{tr("Name"), tr("ID number"), tr("Other school"), tr("Where it stands"),
                              tr("Grade and class"), tr("Requested"), tr("Notes")};
    m_incoming = makeTable(this, headers, "incoming");
    m_outgoing = makeTable(this, headers, "outgoing");
    m_traces = makeTable(this, {tr("Name"), tr("ID number"), tr("Grade"), tr("Class")}, "traces");

    auto *request = new QPushButton(tr("&New request…"), this);
    request->setObjectName(QStringLiteral("newRequest"));
    auto *withdrawButton = new QPushButton(tr("&Withdraw"), this);
    withdrawButton->setObjectName(QStringLiteral("withdraw"));
    auto *agreeButton = new QPushButton(tr("&Agree"), this);
    agreeButton->setObjectName(QStringLiteral("agree"));
    auto *refuseButton = new QPushButton(tr("&Refuse…"), this);
    refuseButton->setObjectName(QStringLiteral("refuse"));
    connect(request, &QPushButton::clicked, this, &TransfersPage::newRequest);
    connect(withdrawButton, &QPushButton::clicked, this, [this] { withdraw(m_incoming->currentRow()); });
    connect(agreeButton, &QPushButton::clicked, this, [this] { agree(m_outgoing->currentRow()); });
    connect(refuseButton, &QPushButton::clicked, this, [this] {
        if (m_outgoing->currentRow() < 0)
            return;
        bool ok = false;
        const QString reason = QInputDialog::getText(this, tr("Refuse the transfer"),
                                                     tr("Why does the pupil not leave? The receiving school reads this."),
                                                     QLineEdit::Normal, QString(), &ok);
        if (ok)
            refuse(m_outgoing->currentRow(), reason);
    });

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(withButtons(this, m_incoming, {request, withdrawButton}), tr("Transfers in"));
    m_tabs->addTab(withButtons(this, m_outgoing, {agreeButton, refuseButton}), tr("Transfers out"));
    m_tabs->addTab(withButtons(this, m_traces, {}), tr("Pupils transferred out"));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("The receiving school requests a pupil, the sending school agrees or refuses, "
                                    "the bureau approves. Each step is saved here and reaches the others on sync."),
                                 this));
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_message);
}

void TransfersPage::reload()
{
    fill(m_incoming, true);
    fill(m_outgoing, false);
    m_traces->setRowCount(0);
    auto traces = client::TransferService(m_session.store()).transferredOut();
    if (!traces)
        return;
    const schema::Table &students = *schema::findTable("students");
    for (const auto &row : *traces) {
        const int r = m_traces->rowCount();
        m_traces->insertRow(r);
        int c = 0;
        for (const char *f : {"name", "id_number", "grade", "class_name"}) {
            const auto *field = students.field(f);
            const auto &v = row.values.at(f);
            QString text = client::qs(displayText(v));
            if (!field->codeTable.empty() && !isNull(v))
                text = client::qs(schema::findCodeTable(field->codeTable)->nameOf(displayText(v)));
            auto *item = new QTableWidgetItem(text);
            item->setData(Qt::UserRole, row.id);
            m_traces->setItem(r, c++, item);
        }
    }
    m_traces->resizeColumnsToContents();
}

void TransfersPage::fill(QTableWidget *view, bool incoming)
{
    view->setRowCount(0);
    auto list = client::TransferService(m_session.store()).list();
    if (!list) {
        m_message->setText(list.error().message);
        return;
    }
    for (const auto &t : *list) {
        if (t.incoming != incoming)
            continue;
        const int r = view->rowCount();
        view->insertRow(r);
        QStringList notes;
        if (!t.reason.isEmpty())
            notes << tr("reason: %1").arg(t.reason);
        if (!t.fromNote.isEmpty())
            notes << tr("sending school: %1").arg(t.fromNote);
        if (!t.bureauNote.isEmpty())
            notes << tr("bureau: %1").arg(t.bureauNote);
        const QString where = t.waitingForUs ? tr("%1 — your answer is needed").arg(t.stateText) : t.stateText;
        const QStringList cells{t.name,  t.idNumber, t.otherSchool, where,
                                QString(t.toGrade + QLatin1Char(' ') + t.toClass).trimmed(), t.requestDate,
                                notes.join(QStringLiteral("; "))};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setData(Qt::UserRole, t.id);
            view->setItem(r, c, item);
        }
    }
    view->resizeColumnsToContents();
}

QString TransfersPage::idAt(QTableWidget *view, int row) const
{
    const auto *item = row >= 0 ? view->item(row, 0) : nullptr;
    return item ? item->data(Qt::UserRole).toString() : QString();
}

bool TransfersPage::done(const client::Result<client::SaveOutcome> &r)
{
    if (!r) {
        m_message->setText(r.error().message);
        return false;
    }
    m_message->setText(tr("Saved. It reaches the other school and the bureau on the next sync."));
    reload();
    Q_EMIT changed();
    return true;
}

bool TransfersPage::agree(int row)
{
    const QString id = idAt(m_outgoing, row);
    return !id.isEmpty() && done(client::TransferService(m_session.store()).agree(id));
}

bool TransfersPage::refuse(int row, const QString &reason)
{
    const QString id = idAt(m_outgoing, row);
    return !id.isEmpty() && done(client::TransferService(m_session.store()).refuse(id, reason));
}

bool TransfersPage::withdraw(int row)
{
    const QString id = idAt(m_incoming, row);
    return !id.isEmpty() && done(client::TransferService(m_session.store()).withdraw(id));
}

void TransfersPage::newRequest()
{
    auto *dialog = new TransferRequestDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        m_message->setText(tr("Saved. It reaches the other school and the bureau on the next sync."));
        reload();
        Q_EMIT changed();
    });
    dialog->open();
}

} // namespace emis::school
