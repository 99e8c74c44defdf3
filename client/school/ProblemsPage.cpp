#include "ProblemsPage.h"

#include "SchoolSession.h"
#include "register/ProblemService.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace emis::school {

ProblemsPage::ProblemsPage(SchoolSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("problemsPage"));
    m_view = new QTableWidget(0, 6, this);
    m_view->setObjectName(QStringLiteral("problems"));
    m_view->setHorizontalHeaderLabels({tr("Problem"), tr("Pupil"), tr("ID number"), tr("Other school"),
                                       tr("State"), tr("What to do")});
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_all = new QCheckBox(tr("Show &resolved ones too"), this);
    connect(m_all, &QCheckBox::toggled, this, &ProblemsPage::reload);
    m_empty = new QLabel(tr("No problem records: every pupil here is enrolled once in the county."), this);
    auto *open = new QPushButton(tr("&Open the pupil"), this);
    open->setObjectName(QStringLiteral("openPupil"));
    const auto openCurrent = [this] {
        const auto *item = m_view->item(m_view->currentRow(), 0);
        if (item)
            Q_EMIT openPupilRequested(QStringLiteral("students"), item->data(Qt::UserRole).toString(), 0, false);
    };
    connect(open, &QPushButton::clicked, this, openCurrent);
    connect(m_view, &QTableWidget::cellActivated, this, openCurrent);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_empty);
    buttons->addWidget(m_all);
    buttons->addStretch(1);
    buttons->addWidget(open);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Problem records the county server found (一人一籍). Nothing is merged or "
                                    "removed for you: prove the record is right, correct it, or remove it; the "
                                    "problem closes on the next sync."),
                                 this));
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
}

void ProblemsPage::reload()
{
    m_view->setRowCount(0);
    auto list = client::ProblemService(m_session.store()).list(m_all->isChecked());
    if (!list)
        return;
    for (const auto &p : *list) {
        const int r = m_view->rowCount();
        m_view->insertRow(r);
        const QStringList cells{p.kindText, p.studentName, p.idNumber, p.otherSchool,
                                p.open ? tr("open") : tr("resolved"), p.advice};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setData(Qt::UserRole, p.studentId);
            item->setToolTip(cells[c]);
            m_view->setItem(r, c, item);
        }
    }
    m_empty->setVisible(m_view->rowCount() == 0);
    m_view->resizeColumnsToContents();
    m_view->resizeRowsToContents();
}

} // namespace emis::school
