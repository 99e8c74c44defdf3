#include "MainWindow.h"

#include "ClassesPage.h"
#include "ExportActions.h"
#include "ImportWizard.h"
#include "IssuesPage.h"
#include "ProblemsPage.h"
#include "PromotionAction.h"
#include "RecordPage.h"
#include "RecordTableModel.h"
#include "ScoresPage.h"
#include "SchoolSession.h"
#include "StatusChangeDialog.h"
#include "StocktakePage.h"
#include "SyncPanel.h"
#include "TransfersPage.h"
#include "store/IssueService.h"
#include "UiLanguage.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

#include <algorithm>

namespace emis::school {
namespace {

// The columns a clerk scans a list by; the form shows every field.
const std::vector<std::string> kStudentColumns = {"student_no", "name", "sex", "birth_date", "id_number",
                                                  "ethnicity", "grade", "class_name", "status"};
const std::vector<std::string> kStaffColumns = {"staff_no", "name", "sex", "birth_date", "id_number",
                                                "post_category", "subject", "title", "phone"};

} // namespace

MainWindow::MainWindow(SchoolSession &session, client::SyncEngine *engine, QWidget *parent)
    : QMainWindow(parent), m_session(session)
{
    const client::DeviceIdentity id = session.identity();
    setWindowTitle(id.schoolName.isEmpty() ? tr("CountyEMIS — school") : tr("CountyEMIS — %1").arg(id.schoolName));
    m_tabs = new QTabWidget(this);
    m_students = new RecordPage(session, *schema::findTable("students"), kStudentColumns, this);
    m_staff = new RecordPage(session, *schema::findTable("staff"), kStaffColumns, this);
    m_issues = new IssuesPage(session, this);
    m_classes = new ClassesPage(session, this);
    m_promotion = new PromotionAction(session, this);
    m_tabs->addTab(m_students, tr("&Pupils"));
    m_tabs->addTab(m_classes, tr("&Classes"));
    m_tabs->addTab(m_staff, tr("S&taff"));
    auto *change = new QPushButton(tr("&Status change…"), m_students);
    change->setObjectName(QStringLiteral("statusChange"));
    m_students->addButton(change);
    connect(change, &QPushButton::clicked, this, [this] { openStatusChange(); });
    connect(m_promotion, &PromotionAction::finished, this, &MainWindow::reloadAll);
    m_transfers = new TransfersPage(session, this);
    m_problems = new ProblemsPage(session, this);
    // Equipment: each table a page from its description (its list columns, its form, import and
    // export), the asset register first.
    m_equipment = new QTabWidget(this);
    m_equipment->setObjectName(QStringLiteral("equipmentTabs"));
    addModulePages(m_equipment, {"assets", "rooms", "asset_moves", "room_usage"});
    m_stocktake = new StocktakePage(session, m_equipment);
    m_equipment->addTab(m_stocktake, tr("Stocktake"));
    connect(m_stocktake, &StocktakePage::changed, this, [this] {
        for (const auto &[tabs, p] : m_modulePages)
            if (tabs == m_equipment)
                p->reload();
        m_sync->refresh();
    });
    m_tabs->addTab(m_equipment, tr("&Equipment"));
    // Teaching: score entry first, then the exams, their subjects and who teaches what.
    m_teaching = new QTabWidget(this);
    m_teaching->setObjectName(QStringLiteral("teachingTabs"));
    m_scores = new ScoresPage(session, m_teaching);
    m_teaching->addTab(m_scores, tr("Scores"));
    addModulePages(m_teaching, {"exams", "exam_subjects", "teaching_assignments", "terms"});
    connect(m_scores, &ScoresPage::saved, this, [this] { m_sync->refresh(); });
    m_tabs->addTab(m_teaching, tr("Teac&hing"));
    m_tabs->addTab(m_transfers, tr("Trans&fers"));
    m_tabs->addTab(m_problems, tr("Problem &records"));
    m_tabs->addTab(m_issues, tr("P&roblems to look at"));
    setCentralWidget(m_tabs);

    m_sync = new SyncPanel(session, engine, this);
    statusBar()->addPermanentWidget(m_sync, 1);
    connect(m_sync, &SyncPanel::issuesRequested, this, &MainWindow::showIssues);
    connect(m_sync, &SyncPanel::synced, this, &MainWindow::reloadAll);
    connect(m_students, &RecordPage::saved, m_sync, &SyncPanel::refresh);
    connect(m_staff, &RecordPage::saved, m_sync, &SyncPanel::refresh);
    connect(m_classes, &ClassesPage::saved, m_sync, &SyncPanel::refresh);
    connect(m_issues, &IssuesPage::changed, m_sync, &SyncPanel::refresh);
    connect(m_students, &RecordPage::saved, m_issues, &IssuesPage::reload);
    connect(m_staff, &RecordPage::saved, m_issues, &IssuesPage::reload);
    connect(m_issues, &IssuesPage::openRecordRequested, this, &MainWindow::openRecord);
    connect(m_transfers, &TransfersPage::changed, m_sync, &SyncPanel::refresh);
    connect(m_problems, &ProblemsPage::openPupilRequested, this, &MainWindow::openRecord);

    m_export = new ExportActions(this, [this, id](bool filteredOnly) {
        ExportSource s;
        RecordPage *page = currentRecordPage();
        if (!page)
            return s;
        s.table = &page->table();
        for (int c = 0; c < page->model()->columnCount(); ++c)
            s.fields.push_back(page->model()->columnField(c)->name);
        s.rows = page->records(filteredOnly);
        s.title = tr("%1 roster").arg(tableLabel(page->table()));
        if (!id.schoolName.isEmpty())
            s.title = id.schoolName + QLatin1Char(' ') + s.title;
        return s;
    });
    buildMenus();
    reloadAll();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1180, 760);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *import = file->addAction(tr("&Import from a spreadsheet…"), this, [this] { importFile(); });
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    file->addSeparator();
    file->addAction(m_export->xlsxAction());
    file->addAction(m_export->csvAction());
    file->addAction(m_export->pdfAction());
    file->addAction(m_export->filteredOnlyAction());
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *records = menuBar()->addMenu(tr("&Records"));
    QAction *add = records->addAction(tr("&New record…"), this, [this] {
        if (RecordPage *p = currentRecordPage())
            p->addRecord();
    });
    add->setShortcut(QKeySequence::New);
    QAction *find = records->addAction(tr("&Find"), this, [this] {
        if (RecordPage *p = currentRecordPage())
            p->filterBox()->setFocus();
    });
    find->setShortcut(QKeySequence::Find);
    records->addSeparator();
    QAction *change = records->addAction(tr("&Status change of the pupil…"), this, [this] { openStatusChange(); });
    change->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    records->addAction(tr("&Year-end promotion…"), m_promotion, &PromotionAction::promote);
    records->addAction(tr("&Undo the last promotion…"), m_promotion, &PromotionAction::undo);

    QMenu *language = menuBar()->addMenu(tr("&Language"));
    auto *group = new QActionGroup(this);
    for (const auto &[code, name] : {std::pair{QStringLiteral("zh_CN"), QStringLiteral("中文")},
                                     std::pair{QStringLiteral("en"), QStringLiteral("English")}}) {
        QAction *a = language->addAction(name, this, [this, c = code] { chooseLanguage(c); });
        a->setCheckable(true);
        a->setChecked(uiIsChinese() == (code == QLatin1String("zh_CN")));
        group->addAction(a);
    }
}

void MainWindow::chooseLanguage(const QString &language)
{
    QSettings().setValue(QStringLiteral("ui/language"), language);
    QMessageBox::information(this, tr("Language"), tr("The new language is used from the next start of the program."));
}

void MainWindow::reloadAll()
{
    m_students->reload();
    m_classes->reload();
    m_staff->reload();
    m_issues->reload();
    m_transfers->reload();
    m_problems->reload();
    for (const auto &[tabs, page] : m_modulePages)
        page->reload();
    m_stocktake->reload();
    m_scores->reload();
    m_sync->refresh();
}

StatusChangeDialog *MainWindow::openStatusChange(const QString &studentId)
{
    const QString id = studentId.isEmpty() ? m_students->currentId() : studentId;
    if (id.isEmpty()) {
        m_tabs->setCurrentWidget(m_students);
        statusBar()->showMessage(tr("Select a pupil in the list first."), 5000);
        return nullptr;
    }
    // Window-modal but not exec(): the event loop stays the application's (and tests can type).
    auto *dialog = new StatusChangeDialog(m_session, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &StatusChangeDialog::changed, this, [this, id] {
        m_students->refreshRecord(id);
        m_classes->reload();
    });
    dialog->open();
    return dialog;
}

RecordPage *MainWindow::currentRecordPage() const
{
    if (auto *module = qobject_cast<QTabWidget *>(m_tabs->currentWidget()))
        return qobject_cast<RecordPage *>(module->currentWidget());
    return qobject_cast<RecordPage *>(m_tabs->currentWidget());
}

void MainWindow::addModulePages(QTabWidget *tabs, std::initializer_list<const char *> tables)
{
    for (const char *name : tables) {
        const schema::Table &t = *schema::findTable(name);
        auto *page = new RecordPage(m_session, t, t.listFields, tabs);
        tabs->addTab(page, tableLabel(t));
        m_modulePages.emplace_back(tabs, page);
        connect(page, &RecordPage::saved, this, [this, tabs] {
            for (const auto &[in, p] : m_modulePages)
                if (in == tabs)
                    p->reload();  // a 领用 saved among the moves changes the asset's keeper
            if (tabs == m_teaching)
                m_scores->reload();  // a new exam or subject is one to score
            m_sync->refresh();
        });
    }
}

void MainWindow::showIssues()
{
    m_issues->reload();
    m_tabs->setCurrentWidget(m_issues);
}

void MainWindow::openRecord(const QString &table, const QString &rowId, qint64 issueId, bool conflict)
{
    RecordPage *page = table == QLatin1String("staff") ? m_staff : table == QLatin1String("students") ? m_students : nullptr;
    QTabWidget *module = nullptr;
    for (const auto &[tabs, p] : m_modulePages)
        if (!page && table == QLatin1String(p->table().name.c_str())) {
            page = p;
            module = tabs;
        }
    if (!page)
        return;
    if (module) {
        m_tabs->setCurrentWidget(module);
        module->setCurrentWidget(page);
    } else {
        m_tabs->setCurrentWidget(page);
    }
    RecordDialog::Saver saver;
    if (issueId > 0)
        saver = [this, issueId, conflict](const client::RawFields &raw) {
            client::IssueService service(m_session.store());
            const QString note = tr("corrected in the form");
            return conflict ? service.resolveConflict(issueId, raw, note) : service.resolveRejection(issueId, raw, note);
        };
    page->openRecord(rowId, std::move(saver));
}

void MainWindow::importFile(const QString &path)
{
    RecordPage *page = currentRecordPage();
    if (!page)
        page = m_students;
    auto *wizard = new ImportWizard(page->table(), m_session.storePath(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ImportWizard::imported, this, &MainWindow::reloadAll);
    if (!path.isEmpty())
        wizard->setFile(path);
    wizard->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    event->accept();
}

} // namespace emis::school
