// Renders each screen of emis-bureau into PNGs, against the real emis-server holding the small
// county of BureauFixture.h: for reviewing layouts, charts and fonts. Not a test.
// Usage: emis-bureau-screens OUT_DIR [zh_CN|en]
#include "ApprovalsPage.h"
#include "BureauClient.h"
#include "BureauFixture.h"
#include "BureauWindow.h"
#include "DashboardPage.h"
#include "DrillPage.h"
#include "ExamPage.h"
#include "LoginDialog.h"
#include "ReportPage.h"
#include "ReportView.h"
#include "StaffPage.h"
#include "Translations.h"
#include "sync/ServerConnection.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;

namespace {

bool save(QWidget *w, const QString &dir, const QString &name)
{
    QApplication::processEvents();
    const bool ok = w->grab().save(QDir(dir).filePath(QStringLiteral("bureau_") + name + QStringLiteral(".png")));
    qInfo("%s %s", qPrintable(name), ok ? "saved" : "FAILED");
    return ok;
}

void type(QWidget *dialog, const char *field, const QString &text)
{
    auto *edit = dialog->findChild<QLineEdit *>(QLatin1String(field));
    edit->clear();
    QTest::keyClicks(edit, text);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("screens");
    const QString lang = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("zh_CN");
    QTemporaryDir settings;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    i18n::installTranslations(app, lang);
    QDir().mkpath(out);
    testing::BureauCounty county;
    if (!county.start())
        qFatal("the county server did not start");
    if (county.scoreExam().empty())
        qFatal("the county's exam was not scored");
    const QString fp =
        client::caFingerprint(QSslCertificate::fromData(county.server.caPem()).constFirst());

    bureau::BureauClient client;
    const auto login = [&](bureau::BureauClient &c, const char *user, const char *password, const QString &shot) {
        bureau::LoginDialog dialog(c);
        dialog.show();
        type(&dialog, "server", county.address());
        type(&dialog, "user", QLatin1String(user));
        type(&dialog, "password", QLatin1String(password));
        if (dialog.findChild<QLineEdit *>(QStringLiteral("fingerprint"))->text().isEmpty())
            type(&dialog, "fingerprint", fp);
        if (!shot.isEmpty())
            save(&dialog, out, shot + QStringLiteral("a"));
        dialog.login();
        (void)QTest::qWaitFor([&] { return !dialog.busy(); }, 30000);
        if (!shot.isEmpty())
            save(&dialog, out, shot + QStringLiteral("b"));
    };
    login(client, "wang", "wrong password", QStringLiteral("1_login_wrong"));
    login(client, "wang", testing::kOfficerPassword, {});

    bureau::BureauWindow window(client);
    window.resize(1366, 820);
    window.show();
    {
        QSignalSpy loaded(window.dashboard(), &bureau::DashboardPage::loaded);
        window.dashboard()->refresh();
        loaded.wait(30000);
        save(&window, out, QStringLiteral("2_dashboard"));
    }
    auto *drill = window.drill();
    window.tabs()->setCurrentWidget(drill);
    QSignalSpy drilled(drill, &bureau::DrillPage::loaded);
    const auto waitDrill = [&] {
        drilled.clear();
        (void)drilled.wait(30000);
    };
    drill->refresh();
    waitDrill();
    save(&window, out, QStringLiteral("3a_drill_county"));
    drill->drillInto(0);
    waitDrill();
    drill->drillInto(0);
    waitDrill();
    save(&window, out, QStringLiteral("3b_drill_school"));
    drill->drillInto(1);
    waitDrill();
    drill->drillInto(0);
    waitDrill();
    save(&window, out, QStringLiteral("3c_drill_class"));
    drill->view()->exportTo(QDir(out).filePath(QStringLiteral("bureau_3c_drill_class.pdf")));
    drill->view()->exportTo(QDir(out).filePath(QStringLiteral("bureau_3c_drill_class.xlsx")));
    drill->goBack(0);
    waitDrill();
    drill->setReportName(QStringLiteral("class_size"));
    waitDrill();
    save(&window, out, QStringLiteral("3d_drill_class_size"));

    // 考试成绩: the joint exam by township for 总分, then 语文 in the school's classes, then its bands.
    {
        bureau::ExamPage *exams = window.exams();
        window.tabs()->setCurrentWidget(exams);
        QSignalSpy loaded(exams, &bureau::ExamPage::loaded);
        const auto waitExam = [&] {
            (void)QTest::qWaitFor([&] { return !exams->busy() && !loaded.isEmpty(); }, 30000);
            loaded.clear();
        };
        exams->refresh();
        waitExam();
        save(&window, out, QStringLiteral("10a_exam_county"));
        exams->subjects()->setCurrentIndex(1);
        waitExam();
        exams->drillInto(0);
        waitExam();
        exams->drillInto(0);
        waitExam();
        save(&window, out, QStringLiteral("10b_exam_class"));
        exams->views()->setCurrentIndex(1);
        waitExam();
        save(&window, out, QStringLiteral("10c_exam_bands"));
    }

    window.tabs()->setCurrentWidget(window.schools());
    {
        QSignalSpy loaded(window.schools(), &bureau::ReportPage::loaded);
        window.schools()->refresh();
        loaded.wait(30000);
    }
    save(&window, out, QStringLiteral("4_schools"));
    window.tabs()->setCurrentWidget(window.approvals());
    {
        QSignalSpy loaded(window.approvals()->page(), &bureau::ReportPage::loaded);
        window.approvals()->refresh();
        loaded.wait(30000);
    }
    {
        QSignalSpy evidence(window.approvals(), &bureau::ApprovalsPage::evidenceLoaded);
        window.approvals()->selectRow(0);
        evidence.wait(30000);
    }
    save(&window, out, QStringLiteral("5a_approvals"));
    window.tabs()->setCurrentWidget(window.problems());
    {
        QSignalSpy loaded(window.problems(), &bureau::ReportPage::loaded);
        window.problems()->refresh();
        loaded.wait(30000);
    }
    save(&window, out, QStringLiteral("6a_problems"));
    {
        QSignalSpy loaded(window.problems(), &bureau::ReportPage::loaded);
        auto *kind = window.problems()->findChild<QComboBox *>(QStringLiteral("problemReport"));
        kind->setCurrentIndex(1);
        loaded.wait(30000);
    }
    save(&window, out, QStringLiteral("6b_problems_duplicates"));

    bureau::BureauClient inspector;
    login(inspector, "li", testing::kOfficerPassword, {});
    bureau::BureauWindow readOnly(inspector);
    readOnly.resize(1366, 820);
    readOnly.show();
    readOnly.tabs()->setCurrentWidget(readOnly.approvals());
    {
        QSignalSpy loaded(readOnly.approvals()->page(), &bureau::ReportPage::loaded);
        readOnly.approvals()->refresh();
        loaded.wait(30000);
    }
    save(&readOnly, out, QStringLiteral("5b_approvals_inspector"));

    // 人事股: the staff search, a teacher's file, and the staff structure in the drill-down.
    bureau::BureauClient personnel;
    login(personnel, "sun", testing::kOfficerPassword, {});
    bureau::BureauWindow staffWindow(personnel);
    staffWindow.resize(1366, 820);
    staffWindow.show();
    if (bureau::StaffPage *page = staffWindow.staff()) {
        staffWindow.tabs()->setCurrentWidget(page);
        page->findChild<QLineEdit *>(QStringLiteral("staffQuery"))->setText(QStringLiteral("教师"));
        page->search();
        (void)QTest::qWaitFor([&] { return page->view()->model()->rowCount() > 0; }, 30000);
        save(&staffWindow, out, QStringLiteral("7a_staff_search"));
        page->openFile(0);
        if (auto *file = page->findChild<bureau::StaffFileDialog *>()) {
            (void)QTest::qWaitFor([&] { return file->loaded(); }, 30000);
            save(file, out, QStringLiteral("7b_staff_file"));
            (void)file->writePdf(QDir(out).filePath(QStringLiteral("bureau_7c_staff_file.pdf")));
            file->close();
        }
    }
    staffWindow.tabs()->setCurrentWidget(staffWindow.drill());
    staffWindow.drill()->setReportName(QStringLiteral("staff_structure"));
    {
        QSignalSpy loaded(staffWindow.drill(), &bureau::DrillPage::loaded);
        (void)loaded.wait(30000);
    }
    save(&staffWindow, out, QStringLiteral("7d_staff_structure"));
    // 装备: the replacement plan by year, and the ratios against the norms.
    for (const auto &[report, name] : {std::pair{"equipment_replacement", "8a_equipment_replacement"},
                                       std::pair{"equipment", "8b_equipment"}}) {
        QSignalSpy loaded(staffWindow.drill(), &bureau::DrillPage::loaded);
        staffWindow.drill()->setReportName(QLatin1String(report));
        (void)loaded.wait(30000);
        save(&staffWindow, out, QLatin1String(name));
    }
    (void)QTest::qWaitFor([&] { return !client.busy(); }, 30000);
    QTest::qWait(500);  // the exports run on workers
    return 0;
}
