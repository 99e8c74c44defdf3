#include "ApprovalsPage.h"

#include "BureauClient.h"
#include "ReportPage.h"
#include "ReportView.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace emis::bureau {

ApprovalsPage::ApprovalsPage(BureauClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    m_page = new ReportPage(client, QStringLiteral("approval_queue"), {}, this);
    m_page->view()->setTitle(tr("Requests awaiting the bureau"));
    auto *side = new QGroupBox(tr("The selected request"), this);
    m_selected = new QLabel(tr("Select a request in the list."), side);
    m_selected->setWordWrap(true);
    m_evidence = new QListWidget(side);
    m_evidence->setObjectName(QStringLiteral("evidence"));
    m_evidence->setViewMode(QListView::IconMode);
    m_evidence->setIconSize(QSize(120, 120));
    m_evidence->setResizeMode(QListView::Adjust);
    m_evidence->setMovement(QListView::Static);
    m_evidence->setMinimumHeight(150);
    connect(m_evidence, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { showImage(m_evidence->row(item)); });
    m_note = new QPlainTextEdit(side);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setPlaceholderText(tr("审批意见: the bureau's note (required to refuse)"));
    m_note->setMaximumHeight(80);
    m_approve = new QPushButton(tr("Approve"), side);
    m_approve->setObjectName(QStringLiteral("approve"));
    m_refuse = new QPushButton(tr("Refuse"), side);
    m_refuse->setObjectName(QStringLiteral("refuse"));
    connect(m_approve, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_refuse, &QPushButton::clicked, this, [this] { decide(false); });
    m_message = new QLabel(side);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_approve);
    buttons->addWidget(m_refuse);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->addWidget(m_selected);
    sideLayout->addWidget(new QLabel(tr("Evidence (佐证材料); double-click to enlarge:"), side));
    sideLayout->addWidget(m_evidence, 1);
    sideLayout->addWidget(m_note);
    sideLayout->addLayout(buttons);
    sideLayout->addWidget(m_message);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_page);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    QTableView *table = m_page->view()->table();
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { showSelected(); });
    connect(m_page, &ReportPage::loaded, this, [this] {
        m_table.clear();
        m_rowId.clear();
        showSelected();
    });
    updateButtons();
}

void ApprovalsPage::refresh() { m_page->refresh(); }

bool ApprovalsPage::busy() const { return m_pending > 0 || m_page->busy(); }

QString ApprovalsPage::messageShown() const { return m_message->text(); }

void ApprovalsPage::selectRow(int row) { m_page->view()->table()->selectRow(row); }

void ApprovalsPage::updateButtons()
{
    // 督导室 reads only: no buttons at all.
    const bool may = m_client.user().mayDecide();
    m_approve->setVisible(may);
    m_refuse->setVisible(may);
    m_note->setVisible(may);
    m_approve->setEnabled(!m_rowId.isEmpty());
    m_refuse->setEnabled(!m_rowId.isEmpty());
}

void ApprovalsPage::showSelected()
{
    const report::ReportTableModel *model = m_page->view()->model();
    const int row = m_page->view()->table()->currentIndex().row();
    const QJsonObject *o = model->rowObject(row);
    m_evidence->clear();
    m_images.clear();
    m_table = o ? o->value(QLatin1String("table")).toString() : QString();
    m_rowId = o ? o->value(QLatin1String("row_id")).toString() : QString();
    if (o && m_rowId.isEmpty())
        m_rowId = o->value(QLatin1String("key")).toString();
    m_selected->setText(o ? o->value(QLatin1String("label")).toString() : tr("Select a request in the list."));
    updateButtons();
    if (m_rowId.isEmpty())
        return;
    ++m_pending;
    const QString owner = m_rowId;
    m_client.evidence(owner, this, [this, owner](const Result<QList<EvidenceImage>> &r) {
        --m_pending;
        if (owner != m_rowId)
            return;
        if (!r) {
            m_message->setText(describeError(r.error()));
        } else {
            m_images = *r;
            for (const auto &img : m_images) {
                QPixmap pixmap;
                pixmap.loadFromData(img.data);
                auto *item = new QListWidgetItem(QIcon(pixmap), img.fileName, m_evidence);
                item->setToolTip(img.fileName);
            }
            if (m_images.isEmpty())
                m_message->setText(tr("No evidence images are attached to this request."));
            else
                m_message->clear();
        }
        Q_EMIT evidenceLoaded();
    });
}

void ApprovalsPage::showImage(int index)
{
    if (index < 0 || index >= m_images.size())
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(m_images[index].fileName);
    auto *label = new QLabel;
    QPixmap pixmap;
    pixmap.loadFromData(m_images[index].data);
    label->setPixmap(pixmap);
    auto *scroll = new QScrollArea(&dialog);
    scroll->setWidget(label);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(close, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(scroll);
    layout->addWidget(close);
    dialog.resize(900, 700);
    dialog.exec();
}

void ApprovalsPage::decide(bool approve)
{
    if (m_rowId.isEmpty() || !m_client.user().mayDecide())
        return;
    const QString note = m_note->toPlainText().trimmed();
    if (!approve && note.isEmpty()) {
        m_message->setText(tr("Write the reason for refusing in the note first."));
        return;
    }
    ++m_pending;
    m_approve->setEnabled(false);
    m_refuse->setEnabled(false);
    m_client.decide(m_table, m_rowId, approve, note, this, [this, approve](const Result<QString> &r) {
        --m_pending;
        if (!r) {
            m_message->setText(describeError(r.error()));
            updateButtons();
            Q_EMIT decided(false);
            return;
        }
        m_message->setText(approve ? tr("Approved.") : tr("Refused."));
        m_note->clear();
        Q_EMIT decided(true);
        refresh();
    });
}

} // namespace emis::bureau
