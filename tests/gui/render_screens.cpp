// Renders each main screen of emis-school into PNGs on the offscreen platform, from a demo data
// folder (a store with the sample rosters' 90 pupils imported from tests/data): for reviewing layouts and fonts.
// Usage: emis-school-screens OUT_DIR [zh_CN|en]
#include "AttachmentsDialog.h"
#include "ClassesPage.h"
#include "ExportActions.h"
#include "ImportWizard.h"
#include "IssuesPage.h"
#include "MainWindow.h"
#include "StocktakePage.h"
#include "ScoreGridModel.h"
#include "ScoresPage.h"
#include "store/RefResolver.h"
#include "ProblemsPage.h"
#include "RecordDialog.h"
#include "RecordFilterProxy.h"
#include "RecordForm.h"
#include "RecordPage.h"
#include "SchoolFixture.h"
#include "StatusChangeDialog.h"
#include "register/StatusChangeService.h"
#include "TransferRequestDialog.h"
#include "TransfersPage.h"
#include "sync/Uuid.h"
#include "EnrollWizard.h"
#include "emis.pb.h"
#include "Translations.h"
#include "UiLanguage.h"

#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QImage>
#include <QDir>
#include <QLineEdit>
#include <QPainter>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;

namespace {

// Screens of empty lists review nothing: a screen not saved, a sample roster missing or an import that
// brought in no rows makes the run fail (exit 1) after it has rendered what it could.
int g_failures = 0;

bool save(QWidget *w, const QString &dir, const QString &name)
{
    QApplication::processEvents();
    const bool ok = w->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
    qInfo("%s %s", qPrintable(name), ok ? "saved" : "FAILED");
    if (!ok)
        ++g_failures;
    return ok;
}

bool waitIdle(school::ImportWizard &w)
{
    return QTest::qWaitFor([&] { return !w.busy(); }, 30000);
}

QString fixture(const char *name)
{
    const QString path = QStringLiteral(EMIS_FIXTURES_DIR "/") + QString::fromUtf8(name);
    if (!QFile::exists(path)) {
        qCritical("missing sample roster %s", qPrintable(path));
        ++g_failures;
    }
    return path;
}

// Runs an import wizard through to its last page and checks that it brought rows in.
void importAll(school::ImportWizard &w, const char *name)
{
    w.setFile(fixture(name));
    w.next();
    (void)waitIdle(w);
    w.next();
    (void)waitIdle(w);
    w.next();
    (void)QTest::qWaitFor([&] { return w.currentId() == school::ImportWizard::DonePage; }, 30000);
    if (w.outcome().added + w.outcome().updated + w.outcome().unchanged == 0) {
        qCritical("importing %s brought in no rows: %s", name, qPrintable(w.errorShown()));
        ++g_failures;
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("screens");
    const QString lang = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("zh_CN");
    school::setUiLanguage(i18n::installTranslations(app, lang));
    QDir().mkpath(out);
    QTemporaryDir dir;
    auto session = testing::enrolledSession(dir.path());

    {
        QTemporaryDir fresh;
        school::EnrollWizard enroll(fresh.path());
        enroll.resize(620, 380);
        enroll.show();
        save(&enroll, out, QStringLiteral("1_enroll"));
    }
    {
        school::ImportWizard import(*schema::findTable("students"), session->storePath());
        import.show();
        import.setFile(fixture("students_dirty.csv"));
        save(&import, out, QStringLiteral("5a_import_file"));
        import.next();
        (void)waitIdle(import);
        save(&import, out, QStringLiteral("5b_import_mapping"));
        import.next();
        (void)waitIdle(import);
        save(&import, out, QStringLiteral("5c_import_preview"));
        import.next();
        (void)QTest::qWaitFor([&] { return import.currentId() == school::ImportWizard::DonePage; }, 30000);
        save(&import, out, QStringLiteral("5d_import_done"));
        if (import.outcome().added == 0) {
            qCritical("importing students_dirty.csv brought in no rows: %s", qPrintable(import.errorShown()));
            ++g_failures;
        }
    }
    school::ImportWizard more(*schema::findTable("students"), session->storePath());
    more.show();
    importAll(more, "students_openpyxl.xlsx");

    // One refused change, as the server would report it, for the problems page.
    if (auto rows = session->repository(*schema::findTable("students")).list(); rows && !rows->empty()) {
        wire::Rejection r;
        r.set_device_seq(3);
        r.set_table("students");
        r.set_row_id(rows->front().id.toStdString());
        r.set_field("id_number");
        r.set_code("duplicate_in_store");
        r.set_message_zh("身份证件号已登记在城关镇第二小学");
        r.set_message_en("ID number is already registered for 城关镇第二小学");
        (void)session->issueStore().addRejection(r);
    }
    school::ImportWizard staff(*schema::findTable("staff"), session->storePath());
    staff.show();
    importAll(staff, "staff_openpyxl.xlsx");
    school::ImportWizard rooms(*schema::findTable("rooms"), session->storePath());
    rooms.show();
    importAll(rooms, "rooms_clerk.csv");
    {
        // The asset ledger: its preview shows the row whose price cannot be read, with what was read.
        school::ImportWizard assets(*schema::findTable("assets"), session->storePath());
        assets.resize(900, 560);
        assets.show();
        assets.setFile(fixture("assets_clerk.csv"));
        assets.next();
        (void)waitIdle(assets);
        assets.next();
        (void)waitIdle(assets);
        save(&assets, out, QStringLiteral("5e_import_assets_preview"));
        assets.next();
        (void)QTest::qWaitFor([&] { return assets.currentId() == school::ImportWizard::DonePage; }, 30000);
    }
    school::MainWindow window(*session, nullptr);
    window.resize(1280, 800);
    window.show();
    save(&window, out, QStringLiteral("2_pupils"));
    testing::typeText(window.studentsPage()->filterBox(), QStringLiteral("七年级"));
    save(&window, out, QStringLiteral("2b_pupils_filtered"));
    window.studentsPage()->filterBox()->clear();

    window.studentsPage()->addRecord();
    if (auto *d = window.studentsPage()->findChild<school::RecordDialog *>()) {
        (void)QTest::qWaitForWindowExposed(d);
        testing::typeText(d->form()->editor(QStringLiteral("name")), QStringLiteral("王小明"));
        testing::typeText(d->form()->editor(QStringLiteral("id_number")), QStringLiteral("360429201503150110"));
        testing::typeText(d->form()->editor(QStringLiteral("birth_date")), QStringLiteral("2015-03-16"));
        save(d, out, QStringLiteral("3_pupil_form"));
        d->reject();
    }
    {
        // A table with a reference, on a page built from its description: the pupil picked by name.
        school::RecordPage changesPage(*session, *schema::findTable("status_changes"), {});
        changesPage.resize(1100, 700);
        changesPage.show();
        changesPage.reload();
        changesPage.addRecord();
        if (auto *d = changesPage.findChild<school::RecordDialog *>()) {
            (void)QTest::qWaitForWindowExposed(d);
            if (auto *picker = qobject_cast<QComboBox *>(d->form()->editor(QStringLiteral("student_id"))))
                picker->setCurrentIndex(0);
            save(d, out, QStringLiteral("3b_reference_picker"));
            d->reject();
        }
    }
    // A pupil with some history: an immediate class change, a pending 休学 with its evidence.
    if (auto rows = session->repository(*schema::findTable("students")).list(); rows && !rows->empty()) {
        const QString id = rows->front().id;
        client::StatusChangeService changes(session->store());
        (void)changes.record(id, {QStringLiteral("08"), QStringLiteral("2025-09-01"), QStringLiteral("家长申请"), {},
                                  QStringLiteral("3班")});
        QImage scan(320, 240, QImage::Format_RGB32);
        scan.fill(QColor(230, 230, 220));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        scan.save(&buffer, "PNG");
        std::vector<client::EvidenceFile> files;
        if (auto file = client::Attachments::check(QStringLiteral("诊断证明.png"), png))
            files.push_back(*file);
        (void)changes.record(id, {QStringLiteral("03"), QStringLiteral("2026-03-01"), QStringLiteral("病休一年"), {}, {}},
                             files);
        window.reloadAll();
        if (auto *d = window.openStatusChange(id)) {
            (void)QTest::qWaitForWindowExposed(d);
            d->selectKind(QStringLiteral("08"));
            testing::typeText(d->reasonEdit(), QStringLiteral("分班调整"));
            const QString scanPath = QDir(out).filePath(QStringLiteral("scan.png"));
            scan.save(scanPath);
            d->addEvidence(scanPath);
            QFile::remove(scanPath);
            save(d, out, QStringLiteral("8_status_change"));
            d->reject();
        }
    }
    window.tabs()->setCurrentWidget(window.classesPage());
    save(&window, out, QStringLiteral("9_classes"));
    window.tabs()->setCurrentWidget(window.staffPage());
    save(&window, out, QStringLiteral("4_staff"));
    window.showIssues();
    save(&window, out, QStringLiteral("6_problems"));

    // Transfers: a request for one of this school's pupils, one of its own, a pupil gone, and a
    // problem record, as the server would send them.
    if (auto rows = session->repository(*schema::findTable("students")).list(); rows && rows->size() > 3) {
        const auto transfer = [&](const client::StoredRow &p, const char *state) {
            return std::map<std::string, Value>{{"id_number", p.values.at("id_number")},
                                                {"student_name", p.values.at("name")},
                                                {"student_id", Value{p.id.toStdString()}},
                                                {"from_school_id", Value{p.schoolId.toStdString()}},
                                                {"to_grade", p.values.at("grade")},
                                                {"request_date", Value{std::string("2026-03-02")}},
                                                {"reason", Value{std::string("随父母务工迁居")}},
                                                {"state", Value{std::string(state)}}};
        };
        std::uint64_t seq = 1000;
        (void)testing::pullRow(*session, "transfers", sync::newUuidV7(), "school-2", transfer((*rows)[0], "1"), ++seq);
        (void)testing::pullRow(*session, "transfers", sync::newUuidV7(), "school-2", transfer((*rows)[1], "5"), ++seq);
        (void)testing::pullRow(*session, "problems", sync::newUuidV7(), "school-1",
                               {{"kind", Value{std::string("1")}},
                                {"student_id", Value{(*rows)[2].id.toStdString()}},
                                {"other_student_id", Value{sync::newUuidV7()}},
                                {"other_school_id", Value{std::string("school-2")}},
                                {"state", Value{std::string("1")}}},
                               ++seq);
        client::TransferRequest own{testing::idNumber(QStringLiteral("20140101"), 5), QStringLiteral("李雷"),
                                    QStringLiteral("五年级"), QStringLiteral("2班"), QStringLiteral("随迁"), {}};
        (void)client::TransferService(session->store()).request(own);
    }
    window.studentsPage()->reload();
    window.transfersPage()->reload();
    window.problemsPage()->reload();
    window.tabs()->setCurrentWidget(window.transfersPage());
    save(&window, out, QStringLiteral("8a_transfers_in"));
    window.transfersPage()->tabs()->setCurrentIndex(1);
    save(&window, out, QStringLiteral("8b_transfers_out"));
    window.transfersPage()->tabs()->setCurrentIndex(2);
    save(&window, out, QStringLiteral("8c_transferred_out"));
    window.tabs()->setCurrentWidget(window.problemsPage());
    save(&window, out, QStringLiteral("9_problem_records"));
    {
        school::TransferRequestDialog dialog(*session, &window);
        dialog.show();
        testing::typeText(dialog.idNumberEdit(), QStringLiteral("360429201003227201"));
        testing::typeText(dialog.nameEdit(), QStringLiteral("韩梅梅"));
        (void)dialog.save();
        save(&dialog, out, QStringLiteral("8d_transfer_request"));
    }
    // Equipment: the asset register, then a stocktake of the computer room part done.
    window.reloadAll();
    window.tabs()->setCurrentWidget(window.equipmentTabs());
    window.equipmentTabs()->setCurrentIndex(0);
    save(&window, out, QStringLiteral("10a_assets"));
    if (auto *assets = qobject_cast<school::RecordPage *>(window.equipmentTabs()->widget(0)); assets && assets->visibleCount()) {
        assets->view()->setCurrentIndex(assets->proxy()->index(0, 0));
        if (school::AttachmentsDialog *files = assets->openFiles()) {
            (void)QTest::qWaitForWindowExposed(files);
            QImage photo(1600, 1200, QImage::Format_RGB32);
            QPainter paint(&photo);
            paint.fillRect(photo.rect(), QColor(70, 110, 160));
            paint.fillRect(QRect(300, 250, 1000, 650), QColor(30, 30, 35));
            paint.fillRect(QRect(340, 290, 920, 570), QColor(120, 180, 230));
            paint.fillRect(QRect(700, 900, 200, 150), QColor(60, 60, 60));
            paint.end();
            const QString photoPath = QDir(out).filePath(QStringLiteral("IMG_0815.jpg"));
            const QString pdfPath = QDir(out).filePath(QStringLiteral("发票.pdf"));
            photo.save(photoPath, "JPEG", 90);
            QFile pdf(pdfPath);
            if (pdf.open(QIODevice::WriteOnly))
                pdf.write("%PDF-1.4\n");
            pdf.close();
            QSignalSpy added(files, &school::AttachmentsDialog::filesAdded);
            files->addFiles({photoPath, pdfPath});
            (void)added.wait(20000);
            QFile::remove(photoPath);
            QFile::remove(pdfPath);
            save(files, out, QStringLiteral("10d_asset_photos"));
            files->close();
        }
    }
    {
        school::StocktakePage *take = window.stocktakePage();
        window.equipmentTabs()->setCurrentWidget(take);
        client::RefResolver refs(session->store());
        QString lab;
        if (auto choices = refs.choices(*schema::findTable("rooms")))
            for (const auto &[label, id] : *choices)
                if (label.contains(QStringLiteral("计算机教室1")))
                    lab = id;
        (void)take->start(lab, QStringLiteral("2026-11-30"), QStringLiteral("李老师"));
        if (take->checklist()->rowCount() > 1) {
            take->checklist()->selectRow(0);
            (void)take->markSelected(QStringLiteral("1"));
            take->checklist()->selectRow(1);
            (void)take->markSelected(QStringLiteral("3"));
        }
        save(&window, out, QStringLiteral("10b_stocktake"));
        (void)take->finish();
        save(&window, out, QStringLiteral("10c_stocktake_finished"));
    }
    {
        // 成绩录入 of a school's own exam: a class typed (one cell above full marks, red), saved,
        // then its warnings, the school's analysis and the exams list.
        (void)testing::ownExam(session->store(),
                               {{QStringLiteral("1班"), {QStringLiteral("王子涵"), QStringLiteral("李欣怡"), QStringLiteral("张浩然"),
                                                         QStringLiteral("刘梓轩"), QStringLiteral("陈雨桐")}},
                                {QStringLiteral("2班"), {QStringLiteral("杨宇航"), QStringLiteral("黄思远")}}});
        window.reloadAll();
        window.tabs()->setCurrentWidget(window.teachingTabs());
        window.teachingTabs()->setCurrentWidget(window.scoresPage());
        school::ScoresPage *page = window.scoresPage();
        page->classes()->setCurrentIndex(page->classes()->findText(QStringLiteral("1班")));
        page->grid()->setCurrentIndex(page->model()->index(0, school::ScoreGridModel::kFirstSubject));
        page->grid()->paste(QStringLiteral("98\t87\n缺考\t92\n45\t38\n130\t76\n88.5\t免考\n"));
        save(&window, out, QStringLiteral("11a_scores_typed"));
        (void)page->save();
        save(&window, out, QStringLiteral("11b_scores_saved"));
        const std::pair<QWidget *(school::ScoresPage::*)(), const char *> dialogs[] = {
            {&school::ScoresPage::openWarnings, "11c_warnings"}, {&school::ScoresPage::openAnalysis, "11d_analysis"}};
        for (const auto &[open, name] : dialogs) {
            QWidget *d = (page->*open)();
            if (!d) {
                ++g_failures;
                continue;
            }
            (void)QTest::qWaitForWindowExposed(d);
            save(d, out, QString::fromLatin1(name));
            d->close();
        }
        window.teachingTabs()->setCurrentIndex(1);
        save(&window, out, QStringLiteral("11e_exams"));
    }
    window.tabs()->setCurrentIndex(0);
    school::ExportSource roster;
    roster.table = &window.studentsPage()->table();
    roster.fields = {"student_no", "name", "sex", "birth_date", "id_number", "ethnicity", "grade", "class_name", "status"};
    roster.rows = window.studentsPage()->records(false);
    roster.title = QStringLiteral("城关镇中心小学 学生名册");
    const QString pdfError = school::ExportActions::writePdf(QDir(out).filePath(QStringLiteral("7_roster.pdf")), roster);
    qInfo("7_roster.pdf %s", pdfError.isEmpty() ? "saved" : qPrintable(pdfError));
    if (!pdfError.isEmpty())
        ++g_failures;
    if (g_failures > 0)
        qCritical("%d screen(s) or input(s) failed; see above", g_failures);
    return g_failures == 0 ? 0 : 1;
}
