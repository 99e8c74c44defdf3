#include "AttachmentsDialog.h"

#include "SchoolSession.h"
#include "UiLanguage.h"
#include "validate/References.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace emis::school {
namespace {

constexpr int kThumb = 120;

QIcon thumbnail(const QByteArray &data)
{
    const QImage image = client::Attachments::decoded(data, kThumb);
    return image.isNull() ? QIcon() : QIcon(QPixmap::fromImage(image));
}

QString kilobytes(qint64 bytes) { return AttachmentsDialog::tr("%1 KB").arg((bytes + 1023) / 1024); }

} // namespace

AttachmentsDialog::AttachmentsDialog(SchoolSession &session, const schema::Table &table, const QString &rowId, QWidget *parent)
    : QDialog(parent), m_session(session), m_table(table), m_rowId(rowId)
{
    setObjectName(QStringLiteral("attachmentsDialog"));
    QString label;
    if (auto row = m_session.repository(m_table).get(rowId); row && row->has_value())
        label = qs(validate::rowLabel(m_table, (*row)->values));
    setWindowTitle(tr("Attached files — %1 %2").arg(tableLabel(m_table), label));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("attachments"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(QSize(kThumb, kThumb));
    m_list->setGridSize(QSize(kThumb + 40, kThumb + 48));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setWordWrap(true);
    m_list->setMinimumSize(560, 320);
    connect(m_list, &QListWidget::currentRowChanged, this, &AttachmentsDialog::updateButtons);
    connect(m_list, &QListWidget::itemActivated, this, &AttachmentsDialog::saveCurrent);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setText(tr("Photos (JPG, PNG, BMP, GIF). A photo over 2 MB is scaled down before it is kept."));
    m_progress = new QProgressBar(this);
    m_progress->hide();

    m_add = new QPushButton(tr("&Add…"), this);
    m_add->setObjectName(QStringLiteral("add"));
    m_save = new QPushButton(tr("&Save as…"), this);
    m_save->setObjectName(QStringLiteral("save"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("remove"));
    connect(m_add, &QPushButton::clicked, this, &AttachmentsDialog::chooseFiles);
    connect(m_save, &QPushButton::clicked, this, &AttachmentsDialog::saveCurrent);
    connect(m_remove, &QPushButton::clicked, this, &AttachmentsDialog::removeCurrent);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_save);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_progress);
    layout->addLayout(buttons);

    connect(&m_watcher, &QFutureWatcher<Fitted>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<Fitted>::finished, this, [this] { attachFitted(m_watcher.future().results()); });
    reload();
}

void AttachmentsDialog::reload()
{
    m_list->clear();
    client::Attachments files(m_session.store());
    auto list = files.of(m_table, m_rowId);
    if (!list) {
        m_message->setText(list.error().message);
        return;
    }
    for (const auto &a : *list) {
        auto *item = new QListWidgetItem(a.fileName + QLatin1Char('\n') + kilobytes(a.size), m_list);
        item->setData(Qt::UserRole, a.id);
        item->setToolTip(a.fileName);
        if (auto file = files.read(a.id))
            item->setIcon(thumbnail(file->data));
    }
    updateButtons();
}

void AttachmentsDialog::updateButtons()
{
    const bool chosen = !currentId().isEmpty();
    m_save->setEnabled(chosen && !busy());
    m_remove->setEnabled(chosen && !busy());
    m_add->setEnabled(!busy());
}

QString AttachmentsDialog::currentId() const
{
    const auto *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void AttachmentsDialog::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach files"), QString(),
                                                            tr("Images (*.jpg *.jpeg *.png *.bmp *.gif);;All files (*)"));
    if (!paths.isEmpty())
        addFiles(paths);
}

void AttachmentsDialog::addFiles(const QStringList &paths)
{
    if (busy() || paths.isEmpty())
        return;
    m_progress->setRange(0, static_cast<int>(paths.size()));
    m_progress->setValue(0);
    m_progress->show();
    m_message->setText(tr("Reading %n file(s)…", nullptr, static_cast<int>(paths.size())));
    // Decoding and scaling a phone's photo takes a moment: off the window's thread. Only the
    // save, quick, runs here (the store is this thread's).
    m_watcher.setFuture(QtConcurrent::run([](QPromise<Fitted> &promise, const QStringList &files) {
        promise.setProgressRange(0, static_cast<int>(files.size()));
        for (int i = 0; i < files.size(); ++i) {
            auto file = client::Attachments::readFile(files.at(i));
            promise.addResult(file ? Fitted{QString(), std::move(*file)} : Fitted{file.error().message, {}});
            promise.setProgressValue(i + 1);
        }
    }, paths));
    updateButtons();
}

void AttachmentsDialog::attachFitted(const QList<Fitted> &fitted)
{
    m_progress->hide();
    QStringList refused;
    int attached = 0;
    client::Attachments files(m_session.store());
    for (const auto &f : fitted) {
        if (!f.error.isEmpty()) {
            refused << f.error;
            continue;
        }
        if (auto saved = files.attach(m_table, m_rowId, f.file); !saved)
            refused << saved.error().message;
        else
            ++attached;
    }
    reload();
    // The files refused are named with their reasons, under the count of those attached.
    QString text = tr("%n file(s) attached.", nullptr, attached);
    if (!refused.isEmpty())
        text += QLatin1Char('\n') + tr("Not attached:") + QLatin1Char('\n') + refused.join(QLatin1Char('\n'));
    m_message->setText(text);
    m_message->setStyleSheet(refused.isEmpty() ? QString() : QStringLiteral("color:#b00020"));
    if (attached)
        Q_EMIT changed();
    updateButtons();
    Q_EMIT filesAdded();
}

void AttachmentsDialog::saveCurrent()
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    auto file = client::Attachments(m_session.store()).read(id);
    if (!file) {
        QMessageBox::warning(this, tr("Cannot read the file"), file.error().message);
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the attached file"), file->fileName);
    if (path.isEmpty())
        return;
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(file->data) != file->data.size() || !out.flush())
        QMessageBox::warning(this, tr("Cannot save the file"), tr("Cannot write %1: %2").arg(path, out.errorString()));
}

void AttachmentsDialog::removeCurrent()
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    const QString name = m_list->currentItem()->toolTip();
    if (QMessageBox::question(this, tr("Remove the file"), tr("Remove %1 from this record?").arg(name)) != QMessageBox::Yes)
        return;
    if (auto removed = client::Attachments(m_session.store()).remove(id); !removed) {
        QMessageBox::warning(this, tr("Cannot remove the file"), removed.error().message);
        return;
    }
    reload();
    m_message->setText(tr("%1 removed.").arg(name));
    Q_EMIT changed();
}

} // namespace emis::school
