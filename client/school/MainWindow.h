#pragma once

#include <QMainWindow>

#include <initializer_list>
#include <utility>
#include <vector>

class QTabWidget;

namespace emis::client {
class SyncEngine;
}

namespace emis::school {

class ClassesPage;
class ExportActions;
class PromotionAction;
class StatusChangeDialog;
class IssuesPage;
class ProblemsPage;
class TransfersPage;
class RecordPage;
class ScoresPage;
class SchoolSession;
class StocktakePage;
class SyncPanel;

// The clerk's window: pupils, staff and the problems page as tabs, import and export in the
// menu, and the sync panel always in the status bar. Works with no network at all.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `engine` may be null (a demo or a test without a server).
    MainWindow(SchoolSession &session, client::SyncEngine *engine, QWidget *parent = nullptr);

    RecordPage *studentsPage() const { return m_students; }
    RecordPage *staffPage() const { return m_staff; }
    IssuesPage *issuesPage() const { return m_issues; }
    ClassesPage *classesPage() const { return m_classes; }
    // 装备: the rooms, the asset register, its moves and the rooms' use, as the engine's pages.
    QTabWidget *equipmentTabs() const { return m_equipment; }
    StocktakePage *stocktakePage() const { return m_stocktake; }
    // 教学: score entry, then the exams, their subjects, teaching assignments and terms.
    QTabWidget *teachingTabs() const { return m_teaching; }
    ScoresPage *scoresPage() const { return m_scores; }
    PromotionAction *promotion() const { return m_promotion; }
    // 学籍异动 for the pupil selected in the list (or `studentId`); null when none is selected.
    StatusChangeDialog *openStatusChange(const QString &studentId = {});
    TransfersPage *transfersPage() const { return m_transfers; }
    ProblemsPage *problemsPage() const { return m_problems; }
    SyncPanel *syncPanel() const { return m_sync; }
    QTabWidget *tabs() const { return m_tabs; }
    ExportActions *exportActions() const { return m_export; }

    void showIssues();
    // From the problems page: saving the corrected record resends it and closes the issue.
    void openRecord(const QString &table, const QString &rowId, qint64 issueId = 0, bool conflict = false);
    RecordPage *currentRecordPage() const;  // the page shown, inside the equipment tab too
    void reloadAll();  // every list from the store (after a sync, an import or a promotion)

public Q_SLOTS:
    void importFile(const QString &path = {});

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    // A module's tables, each a page from its description, as tabs of `tabs`.
    void addModulePages(QTabWidget *tabs, std::initializer_list<const char *> tables);
    void chooseLanguage(const QString &language);

    SchoolSession &m_session;
    QTabWidget *m_tabs = nullptr;
    RecordPage *m_students = nullptr;
    RecordPage *m_staff = nullptr;
    IssuesPage *m_issues = nullptr;
    ClassesPage *m_classes = nullptr;
    PromotionAction *m_promotion = nullptr;
    TransfersPage *m_transfers = nullptr;
    ProblemsPage *m_problems = nullptr;
    QTabWidget *m_equipment = nullptr;
    QTabWidget *m_teaching = nullptr;
    ScoresPage *m_scores = nullptr;
    std::vector<std::pair<QTabWidget *, RecordPage *>> m_modulePages;
    StocktakePage *m_stocktake = nullptr;
    SyncPanel *m_sync = nullptr;
    ExportActions *m_export = nullptr;
};

} // namespace emis::school
