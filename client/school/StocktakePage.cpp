#include "StocktakePage.h"

#include "SchoolSession.h"
#include "schema/Schema.h"
#include "store/RefResolver.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <map>

namespace emis::school {
namespace {

// The result codes of the stocktake_result code table.
const QString kFound = QStringLiteral("1");
const QString kMissing = QStringLiteral("2");
const QString kDamaged = QStringLiteral("3");

} // namespace

StocktakePage::StocktakePage(SchoolSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("stocktakePage"));
    m_takes = new QComboBox(this);
    m_takes->setObjectName(QStringLiteral("stocktakes"));
    m_takes->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *newButton = new QPushButton(tr("&New stocktake…"), this);
    newButton->setObjectName(QStringLiteral("newStocktake"));
    connect(newButton, &QPushButton::clicked, this, &StocktakePage::newStocktake);
    connect(m_takes, &QComboBox::currentIndexChanged, this, &StocktakePage::showCurrent);

    m_lines = new QTableWidget(0, 7, this);
    m_lines->setObjectName(QStringLiteral("checklist"));
    m_lines->setHorizontalHeaderLabels(
        {tr("Asset no."), tr("Name"), tr("Model"), tr("Room"), tr("Keeper"), tr("Found"), tr("Note")});
    m_lines->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_lines->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->verticalHeader()->setVisible(false);
    m_lines->horizontalHeader()->setStretchLastSection(true);

    m_scan = new QLineEdit(this);
    m_scan->setObjectName(QStringLiteral("scan"));
    m_scan->setPlaceholderText(tr("Type or scan an asset number, then Enter: it is marked found"));
    connect(m_scan, &QLineEdit::returnPressed, this, [this] { markScanned(); });
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setPlaceholderText(tr("Note for the lines marked next (optional)"));

    auto *found = new QPushButton(tr("&Found"), this);
    found->setObjectName(QStringLiteral("markFound"));
    auto *missing = new QPushButton(tr("&Missing"), this);
    missing->setObjectName(QStringLiteral("markMissing"));
    auto *damaged = new QPushButton(tr("&Damaged"), this);
    damaged->setObjectName(QStringLiteral("markDamaged"));
    auto *finishButton = new QPushButton(tr("F&inish…"), this);
    finishButton->setObjectName(QStringLiteral("finish"));
    connect(found, &QPushButton::clicked, this, [this] { markSelected(kFound); });
    connect(missing, &QPushButton::clicked, this, [this] { markSelected(kMissing); });
    connect(damaged, &QPushButton::clicked, this, [this] { markSelected(kDamaged); });
    connect(finishButton, &QPushButton::clicked, this, &StocktakePage::askToFinish);
    m_steps = {found, missing, damaged, finishButton};

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_missing = new QLabel(this);
    m_missing->setObjectName(QStringLiteral("missing"));
    m_missing->setWordWrap(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Stocktake:"), this));
    top->addWidget(m_takes, 1);
    top->addWidget(newButton);
    auto *marks = new QHBoxLayout;
    marks->addWidget(m_scan, 2);
    marks->addWidget(m_note, 1);
    for (QPushButton *b : m_steps)
        marks->addWidget(b);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Check each asset the register holds in the room. What is not marked when "
                                    "you finish is recorded missing. Every mark is saved at once and syncs."),
                                 this));
    layout->addLayout(top);
    layout->addWidget(m_lines, 1);
    layout->addLayout(marks);
    layout->addWidget(m_summary);
    layout->addWidget(m_missing);
    layout->addWidget(m_message);
}

QString StocktakePage::currentId() const { return m_takes->currentData().toString(); }

void StocktakePage::reload()
{
    const QString keep = currentId();
    auto takes = client::StocktakeService(m_session.store()).list();
    {
        const QSignalBlocker quiet(m_takes);
        m_takes->clear();
        if (takes)
            for (const auto &t : *takes) {
                QString label = tr("%1 · %2").arg(t.date, t.room);
                if (!t.taker.isEmpty())
                    label = tr("%1 · %2").arg(label, t.taker);
                m_takes->addItem(t.finished ? tr("%1 (finished)").arg(label) : tr("%1 (open)").arg(label), t.id);
            }
        const int at = m_takes->findData(keep);
        m_takes->setCurrentIndex(at >= 0 ? at : (m_takes->count() > 0 ? 0 : -1));
    }
    if (!takes)
        m_message->setText(takes.error().message);
    showCurrent();
}

void StocktakePage::showCurrent()
{
    const QString id = currentId();
    m_lines->setRowCount(0);
    m_summary->clear();
    m_missing->clear();
    for (QPushButton *b : m_steps)
        b->setEnabled(false);
    m_scan->setEnabled(false);
    if (id.isEmpty()) {
        m_summary->setText(tr("No stocktake yet: start one with New stocktake."));
        return;
    }
    auto view = client::StocktakeService(m_session.store()).show(id);
    if (!view) {
        m_message->setText(view.error().message);
        return;
    }
    int checked = 0, missing = 0, damaged = 0;
    std::map<QString, QStringList> missingByKeeper;
    m_lines->setRowCount(int(view->lines.size()));
    for (int r = 0; r < int(view->lines.size()); ++r) {
        const client::StocktakeLine &line = view->lines[size_t(r)];
        const QStringList cells{line.assetNo, line.name, line.model, line.room, line.keeper,
                                line.result.isEmpty() ? tr("not checked") : line.resultText, line.note};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setData(Qt::UserRole, line.assetId);
            m_lines->setItem(r, c, item);
        }
        if (!line.result.isEmpty())
            ++checked;
        if (line.result == kMissing) {
            ++missing;
            missingByKeeper[line.keeper.isEmpty() ? tr("no keeper") : line.keeper]
                << tr("%1 %2").arg(line.assetNo, line.name);
        }
        if (line.result == kDamaged)
            ++damaged;
    }
    m_lines->resizeColumnsToContents();
    const int total = int(view->lines.size());
    m_summary->setText((view->finished ? tr("%1 of %2 checked; %3 missing, %4 damaged. This stocktake is finished.")
                                       : tr("%1 of %2 checked; %3 missing, %4 damaged."))
                           .arg(checked)
                           .arg(total)
                           .arg(missing)
                           .arg(damaged));
    QStringList byKeeper;
    for (const auto &[keeper, items] : missingByKeeper)
        byKeeper << tr("%1: %2").arg(keeper, items.join(QStringLiteral("、")));
    if (!byKeeper.isEmpty())
        m_missing->setText(tr("Missing, by keeper — %1").arg(byKeeper.join(QStringLiteral("; "))));
    for (QPushButton *b : m_steps)
        b->setEnabled(!view->finished);
    m_scan->setEnabled(!view->finished);
}

bool StocktakePage::failed(const client::Error &error)
{
    m_message->setText(error.message);
    return false;
}

bool StocktakePage::start(const QString &room, const QString &date, const QString &taker)
{
    auto started = client::StocktakeService(m_session.store()).start(room, date, taker);
    if (!started)
        return failed(started.error());
    m_message->setText(tr("Stocktake started. Mark what you find; finish it when the room is done."));
    {
        const QSignalBlocker quiet(m_takes);
        m_takes->addItem(QString(), started->id);
        m_takes->setCurrentIndex(m_takes->count() - 1);
    }
    reload();
    Q_EMIT changed();
    return true;
}

bool StocktakePage::markSelected(const QString &result)
{
    const QString id = currentId();
    QStringList assets;
    for (const QModelIndex &row : m_lines->selectionModel()->selectedRows())
        assets << row.data(Qt::UserRole).toString();
    if (id.isEmpty() || assets.isEmpty()) {
        m_message->setText(tr("Select the lines to mark first."));
        return false;
    }
    client::StocktakeService service(m_session.store());
    for (const QString &asset : assets)
        if (auto marked = service.mark(id, asset, result, m_note->text()); !marked)
            return failed(marked.error());
    m_message->setText(tr("%n asset(s) marked.", nullptr, int(assets.size())));
    m_note->clear();
    showCurrent();
    Q_EMIT changed();
    return true;
}

bool StocktakePage::markScanned()
{
    const QString asset = m_scan->text().trimmed();
    if (currentId().isEmpty() || asset.isEmpty())
        return false;
    auto marked = client::StocktakeService(m_session.store()).mark(currentId(), asset, kFound, m_note->text());
    if (!marked)
        return failed(marked.error());
    m_message->setText(tr("%1 found.").arg(asset));
    m_scan->clear();
    m_note->clear();
    showCurrent();
    Q_EMIT changed();
    return true;
}

bool StocktakePage::finish()
{
    const QString id = currentId();
    if (id.isEmpty())
        return false;
    auto finished = client::StocktakeService(m_session.store()).finish(id);
    if (!finished)
        return failed(finished.error());
    m_message->setText(tr("Stocktake finished: %n asset(s) not marked were recorded missing.", nullptr, *finished));
    reload();
    Q_EMIT changed();
    return true;
}

void StocktakePage::askToFinish()
{
    const auto answer = QMessageBox::question(
        this, tr("Finish the stocktake"),
        tr("Every asset not marked yet is recorded missing, and the stocktake is closed. Finish it?"));
    if (answer == QMessageBox::Yes)
        finish();
}

void StocktakePage::newStocktake()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New stocktake"));
    auto *room = new QComboBox(&dialog);
    room->setObjectName(QStringLiteral("room"));
    room->addItem(tr("Whole school"), QString());
    client::RefResolver refs(m_session.store());
    if (auto rooms = refs.choices(*schema::findTable("rooms")))
        for (const auto &[label, id] : *rooms)
            room->addItem(label, id);
    auto *date = new QDateEdit(QDate::currentDate(), &dialog);
    date->setCalendarPopup(true);
    date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    auto *taker = new QLineEdit(&dialog);
    taker->setPlaceholderText(tr("who counts (optional)"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Room:"), room);
    form->addRow(tr("Date:"), date);
    form->addRow(tr("Counted by:"), taker);
    form->addRow(buttons);
    if (dialog.exec() == QDialog::Accepted)
        start(room->currentData().toString(), date->date().toString(Qt::ISODate), taker->text());
}

} // namespace emis::school
