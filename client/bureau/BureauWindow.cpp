#include "BureauWindow.h"

#include "ApprovalsPage.h"
#include "BureauClient.h"
#include "DashboardPage.h"
#include "DrillPage.h"
#include "ExamPage.h"
#include "ReportPage.h"
#include "ReportView.h"
#include "StaffPage.h"
#include "schema/Roles.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>

namespace emis::bureau {

QString BureauWindow::roleName(const QString &role)
{
    const schema::Role *r = schema::findRole(role.toStdString());
    if (!r)
        return role;
    //: %1 the office's Chinese name, %2 its English name
    const QString name = tr("%1 %2", "role").arg(QString::fromStdString(r->zh), QString::fromStdString(r->en));
    return r->readOnly ? tr("%1, read only").arg(name) : name;
}

BureauWindow::BureauWindow(BureauClient &client, QWidget *parent) : QMainWindow(parent), m_client(client)
{
    setWindowTitle(tr("CountyEMIS — education bureau"));
    m_tabs = new QTabWidget(this);
    m_dashboard = new DashboardPage(client, m_tabs);
    m_drill = new DrillPage(client, m_tabs);
    m_schools = new ReportPage(client, QStringLiteral("data_quality"), {{QStringLiteral("silent_days"), QStringLiteral("7")}},
                               m_tabs);
    m_schools->view()->setTitle(tr("How fresh each school's data is"));
    auto *days = new QSpinBox(m_schools);
    days->setObjectName(QStringLiteral("silentDays"));
    days->setRange(1, 365);
    days->setValue(7);
    days->setSuffix(tr(" days"));
    connect(days, &QSpinBox::valueChanged, this, [this](int n) {
        m_schools->setParam(QStringLiteral("silent_days"), QString::number(n));
        m_schools->refresh();
    });
    m_schools->controls()->insertWidget(0, new QLabel(tr("Silent when the last sync is older than"), m_schools));
    m_schools->controls()->insertWidget(1, days);
    m_exams = new ExamPage(client, m_tabs);
    m_approvals = new ApprovalsPage(client, m_tabs);
    m_problems = new ReportPage(client, QStringLiteral("problem_records"), {}, m_tabs);
    m_problems->view()->setTitle(tr("Problem records (一人多籍, likely duplicates)"));
    // The server's problem queue, or the live 一人一籍 check it is built from.
    auto *problemKind = new QComboBox(m_problems);
    problemKind->setObjectName(QStringLiteral("problemReport"));
    problemKind->addItem(tr("Problem records awaiting the schools"), QStringLiteral("problem_records"));
    problemKind->addItem(tr("One person, one record: the check as of now"), QStringLiteral("duplicates"));
    connect(problemKind, &QComboBox::currentIndexChanged, this, [this, problemKind] {
        m_problems->setReportName(problemKind->currentData().toString());
        m_problems->refresh();
    });
    m_problems->controls()->insertWidget(0, problemKind);
    m_tabs->addTab(m_dashboard, tr("County figures"));
    m_tabs->addTab(m_drill, tr("Drill down"));
    m_tabs->addTab(m_exams, tr("Exams"));
    m_tabs->addTab(m_schools, tr("Schools' data"));
    m_tabs->addTab(m_approvals, tr("Approvals"));
    m_tabs->addTab(m_problems, tr("Problem records"));
    // Single teachers' files are for the roles that read them (管理员, 人事股).
    if (const schema::Role *r = schema::findRole(client.user().role.toStdString()); r && r->readsStaffFiles) {
        m_staff = new StaffPage(client, m_tabs);
        m_tabs->addTab(m_staff, tr("Staff files"));
    }
    setCentralWidget(m_tabs);

    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Refresh all"), QKeySequence::Refresh, this, &BureauWindow::refreshAll);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    auto *language = menuBar()->addMenu(tr("&Language"));
    language->addAction(QStringLiteral("中文"), this, [this] { setLanguage(QStringLiteral("zh_CN")); });
    language->addAction(QStringLiteral("English"), this, [this] { setLanguage(QStringLiteral("en")); });

    const LoginInfo &user = client.user();
    auto *who = new QLabel(tr("Logged in as %1 (%2)").arg(user.displayName.isEmpty() ? user.user : user.displayName,
                                                          roleName(user.role)),
                           this);
    who->setObjectName(QStringLiteral("who"));
    statusBar()->addPermanentWidget(who);
    auto *busy = new QLabel(this);
    statusBar()->addWidget(busy);
    connect(&client, &BureauClient::busyChanged, busy,
            [busy](bool b) { busy->setText(b ? tr("Asking the county server…") : QString()); });

    resize(1280, 820);
    restoreGeometry(QSettings().value(QStringLiteral("window/geometry")).toByteArray());
}

void BureauWindow::refreshAll()
{
    m_dashboard->refresh();
    m_drill->refresh();
    m_exams->refresh();
    m_schools->refresh();
    m_approvals->refresh();
    m_problems->refresh();
}

void BureauWindow::setLanguage(const QString &language)
{
    QSettings().setValue(QStringLiteral("ui/language"), language);
    QMessageBox::information(this, tr("Language"), tr("The language changes when the program starts next time."));
}

void BureauWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace emis::bureau
