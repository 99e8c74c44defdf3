#pragma once

#include <QMainWindow>

class QTabWidget;

namespace emis::bureau {

class ApprovalsPage;
class BureauClient;
class DashboardPage;
class DrillPage;
class ExamPage;
class ReportPage;
class StaffPage;

// emis-bureau's main window after the login: the county figures, the drill-down, the county's
// exams, the schools' data freshness, the approval queue, the problem records and, for 管理员 and 人事股, the staff
// files, one tab each. The window's size and
// place are kept between runs.
class BureauWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit BureauWindow(BureauClient &client, QWidget *parent = nullptr);

    DashboardPage *dashboard() const { return m_dashboard; }
    DrillPage *drill() const { return m_drill; }
    ExamPage *exams() const { return m_exams; }
    ReportPage *schools() const { return m_schools; }
    ApprovalsPage *approvals() const { return m_approvals; }
    ReportPage *problems() const { return m_problems; }
    StaffPage *staff() const { return m_staff; }  // null for roles that do not read staff files
    QTabWidget *tabs() const { return m_tabs; }
    void refreshAll();

    static QString roleName(const QString &role);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setLanguage(const QString &language);

    BureauClient &m_client;
    QTabWidget *m_tabs;
    DashboardPage *m_dashboard;
    DrillPage *m_drill;
    ExamPage *m_exams;
    ReportPage *m_schools;
    ApprovalsPage *m_approvals;
    ReportPage *m_problems;
    StaffPage *m_staff = nullptr;
};

} // namespace emis::bureau
