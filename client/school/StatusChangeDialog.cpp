#include "StatusChangeDialog.h"

#include "SchoolSession.h"
#include "UiLanguage.h"
#include "schema/CodeTables.h"
#include "validate/StatusChangeRules.h"

#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace emis::school {
namespace {

const schema::Table &changes() { return *schema::findTable("status_changes"); }
const schema::Table &pupils() { return *schema::findTable("students"); }

QString textOf(const validate::Record &r, const char *field)
{
    auto it = r.find(field);
    return it == r.end() ? QString() : qs(displayText(it->second));
}

QString gradeAndClass(const validate::Record &r, const char *grade, const char *cls)
{
    const QString g = textOf(r, grade);
    return QString((g.isEmpty() ? QString() : codeName(*pupils().field("grade"), g)) + QLatin1Char(' ') + textOf(r, cls))
        .trimmed();
}

// The kinds that may take the pupil to another grade or class.
bool movesPupil(const QString &code)
{
    for (const char *k : {"04", "06", "07", "08", "14"})
        if (code == QLatin1String(k))
            return true;
    return false;
}

} // namespace

StatusChangeDialog::StatusChangeDialog(SchoolSession &session, const QString &studentId, QWidget *parent)
    : QDialog(parent), m_session(session), m_studentId(studentId)
{
    setWindowTitle(tr("Status change"));
    setObjectName(QStringLiteral("statusChangeDialog"));
    auto *layout = new QVBoxLayout(this);
    m_pupil = new QLabel(this);
    m_pupil->setObjectName(QStringLiteral("pupil"));
    layout->addWidget(m_pupil);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("saveError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#b00020; font-weight:bold"));
    m_error->hide();
    layout->addWidget(m_error);

    auto *form = new QFormLayout;
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    const schema::Field &kindField = *changes().field("kind");
    for (const auto &e : schema::findCodeTable("change_kind")->entries)
        if (validate::recordedByHand(e.code))
            m_kind->addItem(QStringLiteral("%1 %2").arg(qs(e.code), codeName(kindField, qs(e.code))), qs(e.code));
    m_kindNote = new QLabel(this);
    m_kindNote->setWordWrap(true);
    m_date = new QLineEdit(QDate::currentDate().toString(Qt::ISODate), this);
    m_date->setObjectName(QStringLiteral("date"));
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setMaxLength(changes().field("reason")->maxLength);
    m_toGrade = new QComboBox(this);
    m_toGrade->setObjectName(QStringLiteral("toGrade"));
    m_toGrade->addItem(tr("(as the rule says)"), QString());
    for (const auto &e : schema::findCodeTable("grade")->entries)
        m_toGrade->addItem(codeName(*pupils().field("grade"), qs(e.code)), qs(e.code));
    m_toClass = new QLineEdit(this);
    m_toClass->setObjectName(QStringLiteral("toClass"));
    m_toClass->setMaxLength(changes().field("to_class")->maxLength);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(QString(), m_kindNote);
    form->addRow(tr("&Date:"), m_date);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("New &grade:"), m_toGrade);
    form->addRow(tr("New c&lass:"), m_toClass);
    layout->addLayout(form);

    auto *evidenceBox = new QGroupBox(tr("Evidence images (JPG, PNG, BMP or GIF, at most 2 MB each)"), this);
    auto *evidenceLayout = new QHBoxLayout(evidenceBox);
    m_evidence = new QListWidget(evidenceBox);
    m_evidence->setObjectName(QStringLiteral("evidence"));
    m_evidence->setViewMode(QListView::IconMode);
    m_evidence->setIconSize(QSize(72, 72));
    m_evidence->setMaximumHeight(110);
    auto *attach = new QPushButton(tr("&Attach image…"), evidenceBox);
    connect(attach, &QPushButton::clicked, this, &StatusChangeDialog::chooseEvidence);
    evidenceLayout->addWidget(m_evidence, 1);
    evidenceLayout->addWidget(attach);
    layout->addWidget(evidenceBox);

    auto *historyBox = new QGroupBox(tr("History"), this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    m_history = new QTableWidget(0, 6, historyBox);
    m_history->setObjectName(QStringLiteral("history"));
    m_history->setHorizontalHeaderLabels({tr("Date"), tr("Kind"), tr("From"), tr("To"), tr("Approval"), tr("Reason")});
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->setSelectionMode(QAbstractItemView::SingleSelection);
    m_history->horizontalHeader()->setStretchLastSection(true);
    m_history->verticalHeader()->hide();
    m_withdraw = new QPushButton(tr("&Withdraw the selected request"), historyBox);
    m_withdraw->setObjectName(QStringLiteral("withdraw"));
    m_withdraw->setEnabled(false);
    connect(m_withdraw, &QPushButton::clicked, this, &StatusChangeDialog::withdrawSelected);
    connect(m_history, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto *item = m_history->currentRow() >= 0 ? m_history->item(m_history->currentRow(), 0) : nullptr;
        m_withdraw->setEnabled(item && item->data(Qt::UserRole + 1).toString() == QLatin1String("1"));
    });
    historyLayout->addWidget(m_history);
    historyLayout->addWidget(m_withdraw, 0, Qt::AlignRight);
    layout->addWidget(historyBox, 1);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *save = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("save"));
    save->setDefault(true);
    buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &StatusChangeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &StatusChangeDialog::reject);
    layout->addWidget(buttons);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &StatusChangeDialog::kindChanged);
    setTabOrder(m_kind, m_date);
    setTabOrder(m_date, m_reason);
    setTabOrder(m_reason, m_toGrade);
    setTabOrder(m_toGrade, m_toClass);

    reloadHistory();
    kindChanged();
    m_kind->setFocus();
    resize(720, 640);
}

QString StatusChangeDialog::errorShown() const { return m_error->isVisible() ? m_error->text() : QString(); }

void StatusChangeDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void StatusChangeDialog::selectKind(const QString &code)
{
    const int at = m_kind->findData(code);
    if (at >= 0)
        m_kind->setCurrentIndex(at);
}

void StatusChangeDialog::kindChanged()
{
    const QString code = m_kind->currentData().toString();
    const bool moves = movesPupil(code);
    m_toGrade->setEnabled(moves);
    m_toClass->setEnabled(moves);
    m_kindNote->setText(validate::needsApproval(ss(code))
                            ? tr("Sent to the bureau for approval: the pupil's record changes only once it is approved.")
                            : tr("Takes effect at once when saved."));
}

void StatusChangeDialog::reloadHistory()
{
    client::StatusChangeService service(m_session.store());
    auto pupil = m_session.repository(pupils()).get(m_studentId);
    if (pupil && pupil->has_value()) {
        const auto &v = (*pupil)->values;
        m_pupil->setText(tr("<b>%1</b> — %2, %3").arg(textOf(v, "name").toHtmlEscaped(),
                                                       gradeAndClass(v, "grade", "class_name").toHtmlEscaped(),
                                                       codeName(*pupils().field("status"), textOf(v, "status"))));
    }
    auto history = service.history(m_studentId);
    if (!history) {
        showError(history.error().message);
        return;
    }
    m_history->setRowCount(static_cast<int>(history->size()));
    const schema::Field &approval = *changes().field("approval");
    for (int i = 0; i < static_cast<int>(history->size()); ++i) {
        const auto &e = (*history)[static_cast<std::size_t>(i)];
        const auto &v = e.change.values;
        QString state = codeName(approval, e.approval());
        if (const QString note = textOf(v, "approval_note"); !note.isEmpty())
            state += QStringLiteral("：") + note;
        const QStringList cells = {e.date(), codeName(*changes().field("kind"), textOf(v, "kind")),
                                   gradeAndClass(v, "from_grade", "from_class"), gradeAndClass(v, "to_grade", "to_class"),
                                   state,
                                   textOf(v, "reason") + (e.evidenceCount ? tr(" (%n image(s))", nullptr, e.evidenceCount)
                                                                         : QString())};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c == 0) {
                item->setData(Qt::UserRole, e.change.id);
                item->setData(Qt::UserRole + 1, e.approval());
            }
            m_history->setItem(i, c, item);
        }
    }
    m_history->resizeColumnsToContents();
}

bool StatusChangeDialog::addEvidence(const QString &path)
{
    auto file = client::Attachments::readFile(path);
    if (!file) {
        showError(file.error().message);
        return false;
    }
    QImage image;
    image.loadFromData(file->data);
    auto *item = new QListWidgetItem(file->fileName, m_evidence);
    if (!image.isNull())
        item->setIcon(QPixmap::fromImage(image.scaled(m_evidence->iconSize(), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    m_files.push_back(std::move(*file));
    showError(QString());
    return true;
}

void StatusChangeDialog::chooseEvidence()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach evidence images"), QString(),
                                                            tr("Images (*.jpg *.jpeg *.png *.bmp *.gif)"));
    for (const QString &p : paths)
        if (!addEvidence(p))
            break;
}

void StatusChangeDialog::accept()
{
    const client::ChangeInput input{m_kind->currentData().toString(), m_date->text(), m_reason->text(),
                                    m_toGrade->isEnabled() ? m_toGrade->currentData().toString() : QString(),
                                    m_toClass->isEnabled() ? m_toClass->text() : QString()};
    auto saved = client::StatusChangeService(m_session.store()).record(m_studentId, input, m_files);
    if (!saved) {
        showError(tr("The status change was not saved: %1").arg(saved.error().message));
        return;
    }
    m_savedId = saved->id;
    Q_EMIT changed();
    QDialog::accept();
}

void StatusChangeDialog::withdrawSelected()
{
    const int row = m_history->currentRow();
    if (row < 0)
        return;
    const QString id = m_history->item(row, 0)->data(Qt::UserRole).toString();
    auto done = client::StatusChangeService(m_session.store()).withdraw(id);
    if (!done) {
        showError(done.error().message);
        return;
    }
    showError(QString());
    reloadHistory();
    Q_EMIT changed();
}

} // namespace emis::school
