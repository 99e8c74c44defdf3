#include "ImportWizard.h"

#include "UiLanguage.h"
#include "SheetFile.h"
#include "store/LocalStore.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace emis::school {

ImportWizard::ImportWizard(const schema::Table &table, const QString &storePath, QWidget *parent)
    : QWizard(parent), m_table(table), m_storePath(storePath)
{
    setWindowTitle(tr("Import %1 from a spreadsheet").arg(tableLabel(table)));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(FilePage, makeFilePage());
    setPage(MappingPage, makeMappingPage());
    setPage(PreviewPage, makePreviewPage());
    setPage(DonePage, makeDonePage());
    setButtonText(QWizard::CommitButton, tr("Import"));

    // The work bar moves to whichever page is showing: progress and Cancel for the worker.
    m_workLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_cancelButton = new QPushButton(tr("Stop"), this);
    m_cancelButton->setObjectName(QStringLiteral("stopWork"));
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportWizard::cancelWork);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("importError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#b00020"));
    for (QWidget *w : {static_cast<QWidget *>(m_workLabel), static_cast<QWidget *>(m_progress),
                       static_cast<QWidget *>(m_cancelButton)})
        w->hide();
    resize(880, 620);
}

ImportWizard::~ImportWizard()
{
    m_cancel->store(true);
    m_running.waitForFinished();
}

QString ImportWizard::errorShown() const { return m_error->text(); }

void ImportWizard::setError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QWizardPage *ImportWizard::makeFilePage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Choose the file"));
    page->setSubTitle(tr("An Excel workbook (.xlsx) or a CSV file, as exported from the school's roster."));
    m_file = new QLineEdit(page);
    m_file->setObjectName(QStringLiteral("file"));
    auto *browseButton = new QPushButton(tr("&Browse…"), page);
    connect(browseButton, &QPushButton::clicked, this, &ImportWizard::browse);
    connect(m_file, &QLineEdit::editingFinished, this, &ImportWizard::fileChanged);
    m_sheetBox = new QComboBox(page);
    m_sheetBox->setObjectName(QStringLiteral("sheet"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browseButton);
    auto *form = new QFormLayout;
    form->addRow(tr("File:"), fileRow);
    form->addRow(tr("Sheet:"), m_sheetBox);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addStretch(1);
    return page;
}

QWizardPage *ImportWizard::makeMappingPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Match the columns"));
    page->setSubTitle(tr("Each column of the file was matched by its header. Change a match where it is wrong."));
    m_columns = new QTableWidget(0, 3, page);
    m_columns->setObjectName(QStringLiteral("columns"));
    m_columns->setHorizontalHeaderLabels({tr("Column in the file"), tr("Imported as"), tr("First value")});
    m_columns->horizontalHeader()->setStretchLastSection(true);
    m_columns->verticalHeader()->hide();
    m_mappingNote = new QLabel(page);
    m_mappingNote->setWordWrap(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_columns, 1);
    layout->addWidget(m_mappingNote);
    return page;
}

QWizardPage *ImportWizard::makePreviewPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Check before importing"));
    page->setCommitPage(true);
    m_summary = new QLabel(page);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_rejected = new QTableWidget(0, 3, page);
    m_rejected->setObjectName(QStringLiteral("rejected"));
    m_rejected->setHorizontalHeaderLabels({tr("Line"), tr("Name"), tr("Why it is not imported")});
    m_rejected->horizontalHeader()->setStretchLastSection(true);
    m_rejected->verticalHeader()->hide();
    m_rejected->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rejected->setWordWrap(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_summary);
    layout->addWidget(m_rejected, 1);
    return page;
}

QWizardPage *ImportWizard::makeDonePage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Import finished"));
    m_result = new QLabel(page);
    m_result->setObjectName(QStringLiteral("result"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_result);
    layout->addStretch(1);
    return page;
}

void ImportWizard::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose the file to import"), QString(),
                                                      tr("Spreadsheets (*.xlsx *.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

void ImportWizard::setFile(const QString &path)
{
    m_file->setText(path);
    fileChanged();
}

void ImportWizard::fileChanged()
{
    m_sheetBox->clear();
    setError({});
    if (m_file->text().isEmpty())
        return;
    // Only the workbook's directory is read here: small, and the clerk wants to pick a sheet.
    auto names = io::SheetFile::sheetNames(m_file->text());
    if (!names) {
        setError(names.error());
        return;
    }
    m_sheetBox->addItems(names.value());
}

void ImportWizard::runInBackground(const QString &what, std::function<void()> work, std::function<void()> done)
{
    m_busy = true;
    m_cancel->store(false);
    if (QWizardPage *p = currentPage(); p && p->layout()) {
        for (QWidget *w : {static_cast<QWidget *>(m_workLabel), static_cast<QWidget *>(m_progress),
                           static_cast<QWidget *>(m_cancelButton), static_cast<QWidget *>(m_error)}) {
            w->setParent(p);
            p->layout()->addWidget(w);
        }
    }
    m_workLabel->setText(what);
    m_progress->setRange(0, 0);
    for (QWidget *w : {static_cast<QWidget *>(m_workLabel), static_cast<QWidget *>(m_progress),
                       static_cast<QWidget *>(m_cancelButton)})
        w->show();
    button(QWizard::NextButton)->setEnabled(false);
    button(QWizard::CommitButton)->setEnabled(false);
    button(QWizard::BackButton)->setEnabled(false);
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, done = std::move(done)] {
        watcher->deleteLater();
        m_busy = false;
        for (QWidget *w : {static_cast<QWidget *>(m_workLabel), static_cast<QWidget *>(m_progress),
                           static_cast<QWidget *>(m_cancelButton)})
            w->hide();
        button(QWizard::NextButton)->setEnabled(true);
        button(QWizard::CommitButton)->setEnabled(true);
        button(QWizard::BackButton)->setEnabled(true);
        done();
    });
    m_running = QtConcurrent::run(std::move(work));
    watcher->setFuture(m_running);
}

void ImportWizard::initializePage(int id)
{
    QWizard::initializePage(id);
    setError({});
    if (id == MappingPage) {
        const QString path = m_file->text();
        const int sheet = std::max(0, m_sheetBox->currentIndex());
        const schema::Table *table = &m_table;
        runInBackground(tr("Reading the file…"),
                        [this, path, sheet, table] {
                            auto read = io::SheetFile::read(path, sheet);
                            if (!read) {
                                m_workError = read.error();
                                return;
                            }
                            m_workError.clear();
                            io::ColumnMapping::locateHeader(read.value(), *table);
                            m_sheet = std::move(read).value();
                            m_mapping = io::ColumnMapping::fromSheet(*table, m_sheet);
                        },
                        [this] {
                            setError(m_workError);
                            showMapping();
                        });
    } else if (id == PreviewPage) {
        auto progress = [this](int done, int total) {
            QMetaObject::invokeMethod(this, [this, done, total] { m_progress->setRange(0, total); m_progress->setValue(done); });
        };
        runInBackground(tr("Checking every row…"),
                        [this, progress, cancel = m_cancel] {
                            auto plan = io::ImportPlan::build(m_sheet, m_mapping, io::ImportOptions{progress, cancel.get()});
                            m_workError = plan ? QString() : plan.error();
                            m_plan = plan ? std::move(plan).value() : io::ImportPlan();
                        },
                        [this] {
                            setError(m_workError);
                            showPlan();
                        });
    }
}

bool ImportWizard::validateCurrentPage()
{
    if (m_busy)
        return false;
    switch (currentId()) {
    case FilePage:
        if (m_sheetBox->count() == 0) {
            setError(m_error->text().isEmpty() ? tr("Choose a file first.") : m_error->text());
            return false;
        }
        return true;
    case MappingPage:
        return m_workError.isEmpty() && m_mapping.missingRequired().empty();
    case PreviewPage: {
        if (!m_workError.isEmpty() || m_plan.accepted.empty())
            return false;
        if (m_saved)
            return true;
        auto progress = [this](int done, int total) {
            QMetaObject::invokeMethod(this, [this, done, total] { m_progress->setRange(0, total); m_progress->setValue(done); });
        };
        const schema::Table *table = &m_table;
        runInBackground(tr("Saving…"),
                        [this, table, progress, cancel = m_cancel] {
                            // Its own connection: this runs on a worker thread.
                            auto store = client::LocalStore::open(m_storePath);
                            if (!store) {
                                m_saveError = store.error().message;
                                return;
                            }
                            auto saved = client::ImportService(**store).save(*table, m_plan.accepted, progress,
                                                                             cancel.get());
                            if (saved)
                                m_outcome = *saved;
                            else
                                m_saveError = saved.error().message;
                        },
                        [this] {
                            m_saved = true;
                            QString text = tr("%1 added, %2 updated, %3 already up to date, %4 not imported because of errors in the file.")
                                               .arg(m_outcome.added)
                                               .arg(m_outcome.updated)
                                               .arg(m_outcome.unchanged)
                                               .arg(m_plan.rejected.size());
                            if (m_outcome.cancelled)
                                text += QLatin1Char('\n') + tr("Stopped before the end: nothing of this import was saved.");
                            if (!m_saveError.isEmpty())
                                text += QLatin1Char('\n') + m_saveError;
                            if (!m_outcome.failures.isEmpty())
                                text += QLatin1Char('\n') + tr("Refused while saving:") + QLatin1Char('\n') + m_outcome.failures.join(QLatin1Char('\n'));
                            m_result->setText(text);
                            Q_EMIT imported();
                            next();
                        });
        return false;
    }
    default:
        return true;
    }
}

void ImportWizard::showMapping()
{
    m_columns->setRowCount(m_mapping.columnCount());
    for (int c = 0; c < m_mapping.columnCount(); ++c) {
        m_columns->setItem(c, 0, new QTableWidgetItem(m_mapping.header(c)));
        auto *combo = new QComboBox(m_columns);
        combo->addItem(tr("(do not import)"), QString());
        for (const auto &f : m_table.fields)
            combo->addItem(fieldLabel(f), qs(f.name));
        if (const schema::Field *f = m_mapping.field(c))
            combo->setCurrentIndex(combo->findData(qs(f->name)));
        connect(combo, &QComboBox::currentIndexChanged, this, [this, c](int index) { mappingEdited(c, index); });
        m_columns->setCellWidget(c, 1, combo);
        const QString sample = m_sheet.dataRowCount() > 0 ? m_sheet.dataRow(0).cells.value(c).text : QString();
        m_columns->setItem(c, 2, new QTableWidgetItem(sample));
    }
    m_columns->resizeColumnsToContents();
    m_columns->setColumnWidth(1, std::max(m_columns->columnWidth(1), 200));
    QStringList missing;
    for (const schema::Field *f : m_mapping.missingRequired())
        missing << fieldLabel(*f);
    m_mappingNote->setText(missing.isEmpty()
                               ? tr("%1 of %2 columns will be imported.").arg(m_mapping.mappedCount()).arg(m_mapping.columnCount())
                               : tr("No column gives: %1. Match a column to each, or the rows cannot be imported.")
                                     .arg(missing.join(QStringLiteral(", "))));
    m_mappingNote->setStyleSheet(missing.isEmpty() ? QString() : QStringLiteral("color:#b00020"));
}

void ImportWizard::mappingEdited(int column, int comboIndex)
{
    auto *combo = qobject_cast<QComboBox *>(m_columns->cellWidget(column, 1));
    if (!combo)
        return;
    m_mapping.setField(column, ss(combo->itemData(comboIndex).toString()));
    // Another column may have lost its field to this one: show the mapping as it now is.
    for (int c = 0; c < m_mapping.columnCount(); ++c)
        if (auto *other = qobject_cast<QComboBox *>(m_columns->cellWidget(c, 1)); other && c != column) {
            const schema::Field *f = m_mapping.field(c);
            QSignalBlocker block(other);
            other->setCurrentIndex(f ? other->findData(qs(f->name)) : 0);
        }
}

void ImportWizard::showPlan()
{
    m_summary->setText(tr("%1 rows can be imported; %2 rows have errors and will be left out (listed below). "
                          "Correct them in the file and import it again later: rows already imported are not doubled.")
                           .arg(m_plan.accepted.size())
                           .arg(m_plan.rejected.size()));
    m_rejected->setRowCount(int(m_plan.rejected.size()));
    for (int i = 0; i < int(m_plan.rejected.size()); ++i) {
        const auto &r = m_plan.rejected[std::size_t(i)];
        QStringList reasons;
        for (const Issue &issue : r.issues) {
            const std::string value = r.valueOf(issue);
            reasons << (value.empty() ? issueText(issue)
                                      : tr("%1 (read: %2)").arg(issueText(issue), QString::fromStdString(value)));
        }
        m_rejected->setItem(i, 0, new QTableWidgetItem(QString::number(r.line)));
        m_rejected->setItem(i, 1, new QTableWidgetItem(QString::fromStdString(r.name)));
        m_rejected->setItem(i, 2, new QTableWidgetItem(reasons.join(QStringLiteral("; "))));
    }
    m_rejected->resizeRowsToContents();
}

} // namespace emis::school
