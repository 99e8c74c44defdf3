// emis-bureau against the real emis-server holding a small county (BureauFixture.h): the login
// dialog typed into (a wrong password says so; the CA is pinned by its fingerprint on first
// contact and remembered), the dashboard's county figures, a drill-down from the county to one
// class, that class exported to .xlsx (read back with XlsxReader) and PDF (text and chart), the
// equipment replacement plan exported as the page shows it, and the approval queue without
// buttons for 督导室.
#include "ApprovalsPage.h"
#include "BureauClient.h"
#include "BureauFixture.h"
#include "BureauWindow.h"
#include "StaffPage.h"
#include "DashboardPage.h"
#include "DrillPage.h"
#include "LoginDialog.h"
#include "ReportPage.h"
#include "ReportView.h"
#include "Translations.h"
#include "XlsxReader.h"
#include "sync/ServerConnection.h"

#include <QApplication>
#include <QDate>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;

class TestBureau : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void login_wrongFingerprint_trustsNotTheServer();
    void login_wrongPassword_saysSo();
    void login_fifthWrongPassword_saysWait();
    void login_typed_pinsTheCaAndRemembersServerAndUser();
    void dashboard_showsTheCountyFigures();
    void drillDown_fromCountyToOneClass();
    void export_classToXlsxAndPdf();
    void equipmentReplacement_exportedAsShown();
    void schools_showLastSyncAndTheSilentOne();
    void approvals_inspectorSeesNoButtons_officerDoes();
    void approvals_evidenceShown_approvedWithNote();
    void staffFiles_forThePersonnelOffice_findATeacherAndPrintTheFile();
    void unreachableServer_saysSo();
    void session_logsInAgainAfterTheServerClosedItIdle();

private:
    bool logIn(bureau::BureauClient &client, const char *user, const char *password, QString *error = nullptr);
    // Exports what the page shows to `path` (.xlsx or .pdf); the error shown, empty when none.
    QString exportPage(bureau::ReportView *view, const QString &path);
    QString fingerprint() const;

    QTemporaryDir m_settings;
    QTemporaryDir m_out;
    testing::BureauCounty m_county;
    std::unique_ptr<bureau::BureauClient> m_client;
    std::unique_ptr<bureau::BureauWindow> m_window;
};

void TestBureau::initTestCase()
{
    testing::useTestSettings(m_settings.path());
    QVERIFY(m_county.start());
}

QString TestBureau::exportPage(bureau::ReportView *view, const QString &path)
{
    QSignalSpy exported(view, &bureau::ReportView::exported);
    view->exportTo(path);
    if (!exported.wait(30000))
        return QStringLiteral("no export in 30 s");
    return exported.first().at(1).toString();
}

// A PDF's text laid out (pdftotext, poppler-utils); null when the tool is not installed.
static QString pdfText(const QString &pdf)
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        return {};
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    text.waitForFinished(30000);
    return QString::fromUtf8(text.readAllStandardOutput());
}

QString TestBureau::fingerprint() const
{
    return client::caFingerprint(QSslCertificate::fromData(m_county.server.caPem()).constFirst());
}

bool TestBureau::logIn(bureau::BureauClient &client, const char *user, const char *password, QString *error)
{
    return testing::logInTyped(client, m_county, user, password, error);
}

void TestBureau::login_wrongFingerprint_trustsNotTheServer()
{
    bureau::BureauClient client;
    bureau::LoginDialog dialog(client);
    const auto type = [&](const char *field, const QString &text) {
        auto *edit = dialog.findChild<QLineEdit *>(QLatin1String(field));
        edit->clear();
        QTest::keyClicks(edit, text);
    };
    type("server", m_county.address());
    type("user", QStringLiteral("wang"));
    type("password", QLatin1String(testing::kOfficerPassword));
    type("fingerprint", QStringLiteral("00112233445566778899aabbccddeeff"));
    dialog.login();
    QVERIFY(QTest::qWaitFor([&] { return !dialog.busy(); }, 30000));
    QVERIFY2(dialog.errorShown().contains(QStringLiteral("not the county server")), qPrintable(dialog.errorShown()));
    QVERIFY(bureau::pinnedCa(m_county.address()).isNull());  // nothing is kept from a failed login
    type("fingerprint", QStringLiteral("not hex"));
    dialog.login();
    QVERIFY2(dialog.errorShown().contains(QStringLiteral("county CA fingerprint")), qPrintable(dialog.errorShown()));
}

void TestBureau::login_wrongPassword_saysSo()
{
    bureau::BureauClient client;
    QString error;
    QVERIFY(!logIn(client, "wang", "not the password", &error));
    QVERIFY2(error.contains(QStringLiteral("Wrong user name or password")), qPrintable(error));
}

void TestBureau::login_fifthWrongPassword_saysWait()
{
    bureau::BureauClient client;
    QString error;
    for (int i = 0; i < 4; ++i) {
        QVERIFY(!logIn(client, "sun", "a wrong guess", &error));
        QVERIFY2(error.contains(QStringLiteral("Wrong user name or password")), qPrintable(error));
    }
    QVERIFY(!logIn(client, "sun", "a wrong guess", &error));
    QVERIFY2(error.contains(QStringLiteral("Too many wrong passwords")), qPrintable(error));
    // Throttled from this computer for a while, even with the right password.
    QVERIFY(!logIn(client, "sun", testing::kOfficerPassword, &error));
    QVERIFY2(error.contains(QStringLiteral("Too many wrong passwords")), qPrintable(error));
}

void TestBureau::login_typed_pinsTheCaAndRemembersServerAndUser()
{
    QVERIFY(bureau::pinnedCa(m_county.address()).isNull());
    m_client = std::make_unique<bureau::BureauClient>();
    QString error;
    QVERIFY2(logIn(*m_client, "wang", testing::kOfficerPassword, &error), qPrintable(error));
    QCOMPARE(m_client->user().role, QStringLiteral("enrolment"));
    QCOMPARE(client::caFingerprint(bureau::pinnedCa(m_county.address())), fingerprint());
    // The next start offers the same server, user and CA; only the password is typed.
    bureau::BureauClient other;
    bureau::LoginDialog dialog(other);
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("server"))->text(), m_county.address());
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("user"))->text(), QStringLiteral("wang"));
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("fingerprint"))->text(), fingerprint());
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("password"))->text().isEmpty());
}

void TestBureau::dashboard_showsTheCountyFigures()
{
    QVERIFY(m_client);
    m_window = std::make_unique<bureau::BureauWindow>(*m_client);
    m_window->show();
    auto *dashboard = m_window->dashboard();
    QSignalSpy loaded(dashboard, &bureau::DashboardPage::loaded);
    dashboard->refresh();
    QVERIFY(loaded.wait(30000));
    QVERIFY2(dashboard->errorShown().isEmpty(), qPrintable(dashboard->errorShown()));
    QCOMPARE(dashboard->figure(QStringLiteral("pupils")), QStringLiteral("72"));
    QCOMPARE(dashboard->figure(QStringLiteral("primary")), QStringLiteral("14"));
    QCOMPARE(dashboard->figure(QStringLiteral("junior")), QStringLiteral("58"));
    QCOMPARE(dashboard->figure(QStringLiteral("senior")), QStringLiteral("0"));
    QCOMPARE(dashboard->figure(QStringLiteral("classes")), QStringLiteral("3"));
    QCOMPARE(dashboard->figure(QStringLiteral("large")), QStringLiteral("1"));
    QCOMPARE(dashboard->figure(QStringLiteral("very_large")), QStringLiteral("0"));
    QCOMPARE(dashboard->figure(QStringLiteral("teachers")), QStringLiteral("7"));
    QCOMPARE(dashboard->figure(QStringLiteral("ratio_primary")), QStringLiteral("4.67"));
    QCOMPARE(dashboard->figure(QStringLiteral("ratio_junior")), QStringLiteral("14.50"));
    QCOMPARE(dashboard->figure(QStringLiteral("left_behind")), QStringLiteral("4"));
    QCOMPARE(dashboard->figure(QStringLiteral("boarding")), QStringLiteral("2"));
    QVERIFY(dashboard->findChild<QLabel *>(QStringLiteral("note_ratio_junior"))->text().contains(QStringLiteral("over the norm of 13.5")));
    QVERIFY(dashboard->view()->chartView());
}

void TestBureau::drillDown_fromCountyToOneClass()
{
    QVERIFY(m_window);
    auto *drill = m_window->drill();
    m_window->tabs()->setCurrentWidget(drill);
    QSignalSpy loaded(drill, &bureau::DrillPage::loaded);
    const auto openRow = [&](const QString &label) {
        const auto *model = drill->view()->model();
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->rowLabel(r) == label) {
                loaded.clear();
                // A double click, as the officer does it.
                QTableView *table = drill->view()->table();
                const QRect cell = table->visualRect(model->index(r, 0));
                // QTest's double click carries no press of its own: press first, as a mouse does.
                QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
                QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
                return loaded.wait(30000);
            }
        qWarning("no row %s", qPrintable(label));
        return false;
    };
    drill->refresh();
    QVERIFY(loaded.wait(30000));
    QCOMPARE(drill->view()->model()->rowCount(), 3);  // two townships and the total
    QVERIFY(openRow(QStringLiteral("双钟镇")));
    QCOMPARE(drill->level(), int(bureau::DrillPage::Township));
    QVERIFY(openRow(QStringLiteral("湖口县第一中学")));
    QCOMPARE(drill->level(), int(bureau::DrillPage::School));
    QCOMPARE(drill->view()->model()->rowCount(), 3);  // 一年级, 七年级, total
    QVERIFY(openRow(QStringLiteral("七年级")));
    QCOMPARE(drill->level(), int(bureau::DrillPage::Grade));
    QVERIFY(openRow(QStringLiteral("七年级1班")));
    QCOMPARE(drill->level(), int(bureau::DrillPage::Class));
    const auto &report = drill->view()->model()->report();
    QCOMPARE(report.totals.value(QLatin1String("total")).toInt(), 58);
    QCOMPARE(report.totals.value(QLatin1String("male")).toInt(), 29);
    QCOMPARE(report.rows.size(), 1);
    QCOMPARE(report.rows[0].value(QLatin1String("label")).toString(), QStringLiteral("汉族"));
    QCOMPARE(drill->view()->findChild<QLabel *>(QStringLiteral("scope"))->text(),
             QStringLiteral("County › 双钟镇 › 湖口县第一中学 › 七年级 › 1班"));
}

void TestBureau::export_classToXlsxAndPdf()
{
    QVERIFY(m_window);
    auto *view = m_window->drill()->view();
    const QString xlsx = m_out.filePath(QStringLiteral("class.xlsx"));
    const QString xlsxError = exportPage(view, xlsx);
    QVERIFY2(xlsxError.isEmpty(), qPrintable(xlsxError));
    io::XlsxReader reader;
    QVERIFY(reader.open(xlsx).ok());
    auto sheet = reader.read(0);
    QVERIFY(sheet.ok());
    const auto cell = [&](int row, int col) { return sheet->rows.value(row).cells.value(col).text; };
    QCOMPARE(cell(0, 0), QStringLiteral("Enrolment"));
    QVERIFY2(cell(1, 0).contains(QStringLiteral("七年级 › 1班")), qPrintable(cell(1, 0)));
    QCOMPARE(cell(2, 0), QStringLiteral("Ethnicity"));  // the header row (the blank row is left out)
    QCOMPARE(cell(2, 1), QStringLiteral("Total"));
    QCOMPARE(cell(3, 0), QStringLiteral("汉族"));
    QCOMPARE(cell(3, 1), QStringLiteral("58"));
    QCOMPARE(sheet->rows.value(3).cells.value(1).kind, io::CellKind::Number);
    QCOMPARE(cell(3, 2), QStringLiteral("29"));
    QCOMPARE(cell(4, 0), QStringLiteral("Total"));
    QCOMPARE(cell(4, 1), QStringLiteral("58"));
    QFile workbook(xlsx);
    QVERIFY(workbook.open(QIODevice::ReadOnly));
    QVERIFY2(workbook.readAll().contains("xl/media/image1.png"), "the chart is in the workbook");

    const QString pdf = m_out.filePath(QStringLiteral("class.pdf"));
    const QString pdfError = exportPage(view, pdf);
    QVERIFY2(pdfError.isEmpty(), qPrintable(pdfError));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    QVERIFY2(bytes.contains("/Subtype /Image"), "the chart is in the PDF");
    const QString out = pdfText(pdf);
    if (out.isNull())
        QSKIP("pdftotext (poppler-utils) is not installed: the PDF's text is not checked");
    QVERIFY2(out.contains(QStringLiteral("湖口县第一中学")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("汉族")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("58")), qPrintable(out));
}

// The replacement plan (电教站): the county's townships with the items past their service life and
// due each year; the workbook holds every figure the page shows, cell for cell, as numbers, with
// the chart; the PDF names the township and carries the chart.
void TestBureau::equipmentReplacement_exportedAsShown()
{
    QVERIFY(m_window);
    auto *drill = m_window->drill();
    m_window->tabs()->setCurrentWidget(drill);
    QSignalSpy loaded(drill, &bureau::DrillPage::loaded);
    drill->setReportName(QStringLiteral("equipment_replacement"));  // the choice reloads the page
    QVERIFY(loaded.count() > 0 || loaded.wait(30000));
    const auto *model = drill->view()->model();
    const report::ReportData report = model->report();
    QCOMPARE(report.name, QStringLiteral("equipment_replacement"));
    const int overdue = report.columnOf(QStringLiteral("overdue"));
    QVERIFY(overdue >= 0);
    // Each school of the fixture holds two pupils' computers of 2016: past their six years.
    QVERIFY2(report.totals.value(QLatin1String("overdue")).toInt() >= 2, qPrintable(QJsonDocument(report.totals).toJson()));
    QVERIFY(!report.rows.isEmpty());

    auto *view = drill->view();
    const QString xlsx = m_out.filePath(QStringLiteral("replacement.xlsx"));
    const QString xlsxError = exportPage(view, xlsx);
    QVERIFY2(xlsxError.isEmpty(), qPrintable(xlsxError));
    io::XlsxReader reader;
    QVERIFY(reader.open(xlsx).ok());
    auto sheet = reader.read(0);
    QVERIFY(sheet.ok());
    const auto cell = [&](int row, int col) { return sheet->rows.value(row).cells.value(col); };
    QCOMPARE(cell(0, 0).text, report.title());
    int header = -1;
    for (int r = 0; r < sheet->rows.size() && header < 0; ++r)
        if (cell(r, 0).text == report.columnTitle(0))
            header = r;
    QVERIFY2(header >= 0, "the header row is in the workbook");
    for (int c = 0; c < report.columns.size(); ++c)
        QCOMPARE(cell(header, c).text, report.columnTitle(c));
    for (int r = 0; r < report.rows.size(); ++r)
        for (int c = 0; c < report.columns.size(); ++c) {
            const auto got = cell(header + 1 + r, c);
            QCOMPARE(got.text, report.text(report.rows[r], c));
            if (report.value(report.rows[r], c).typeId() != QMetaType::QString && !got.text.isEmpty())
                QCOMPARE(got.kind, io::CellKind::Number);
        }
    const int totalRow = header + 1 + static_cast<int>(report.rows.size());
    QCOMPARE(cell(totalRow, overdue).text, report.text(report.totals, overdue));
    QFile workbook(xlsx);
    QVERIFY(workbook.open(QIODevice::ReadOnly));
    QVERIFY2(workbook.readAll().contains("xl/media/image1.png"), "the chart is in the workbook");

    const QString pdf = m_out.filePath(QStringLiteral("replacement.pdf"));
    const QString pdfError = exportPage(view, pdf);
    QVERIFY2(pdfError.isEmpty(), qPrintable(pdfError));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY2(f.readAll().contains("/Subtype /Image"), "the chart is in the PDF");
    drill->setReportName(QStringLiteral("enrolment"));
    QVERIFY(loaded.wait(30000));
    const QString out = pdfText(pdf);
    if (out.isNull())
        QSKIP("pdftotext (poppler-utils) is not installed: the PDF's text is not checked");
    QVERIFY2(out.contains(report.rows[0].value(QLatin1String("label")).toString()), qPrintable(out));
}

void TestBureau::schools_showLastSyncAndTheSilentOne()
{
    QVERIFY(m_window);
    auto *page = m_window->schools();
    m_window->tabs()->setCurrentWidget(page);
    QSignalSpy loaded(page, &bureau::ReportPage::loaded);
    page->refresh();
    QVERIFY(loaded.wait(30000));
    const auto *model = page->view()->model();
    QCOMPARE(model->rowCount(), 3);
    const int lastSync = model->report().columnOf(QStringLiteral("last_sync_ms"));
    const int silent = model->report().columnOf(QStringLiteral("silent"));
    const int days = model->report().columnOf(QStringLiteral("days_silent"));
    QVERIFY(lastSync >= 0 && silent >= 0 && days >= 0);
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    for (int r = 0; r < 2; ++r) {  // synced a moment ago by the fixture's devices
        QVERIFY(model->index(r, lastSync).data().toString().startsWith(today));
        QCOMPARE(model->index(r, silent).data().toString(), QStringLiteral("No"));
        QCOMPARE(model->index(r, days).data().toString(), QStringLiteral("0"));
    }
    QCOMPARE(model->rowKey(2), QLatin1String(testing::kSilentSchool));
    QCOMPARE(model->index(2, lastSync).data().toString(), QStringLiteral("never"));
    QCOMPARE(model->index(2, silent).data().toString(), QStringLiteral("Yes"));
    QVERIFY(model->index(2, 0).data(Qt::BackgroundRole).isValid());  // marked
    QVERIFY(!model->index(0, 0).data(Qt::BackgroundRole).isValid());
}

void TestBureau::approvals_inspectorSeesNoButtons_officerDoes()
{
    QVERIFY(m_window);
    auto *page = m_window->approvals();
    m_window->tabs()->setCurrentWidget(page);
    QVERIFY(page->approveButton()->isVisible());
    QVERIFY(page->refuseButton()->isVisible());
    QSignalSpy loaded(page->page(), &bureau::ReportPage::loaded);
    page->refresh();
    QVERIFY(loaded.wait(30000));
    // Until the server has the queue, the page says so in words; once it has, it lists it.
    if (!loaded.first().at(0).toBool())
        QVERIFY2(page->page()->view()->errorShown().contains(QStringLiteral("does not offer the report “approval_queue”")),
                 qPrintable(page->page()->view()->errorShown()));
    else
        QVERIFY(page->page()->view()->model()->columnCount() > 0);

    bureau::BureauClient inspector;
    QString error;
    QVERIFY2(logIn(inspector, "li", testing::kOfficerPassword, &error), qPrintable(error));
    QCOMPARE(inspector.user().role, QStringLiteral("inspector"));
    bureau::BureauWindow window(inspector);
    window.show();
    window.tabs()->setCurrentWidget(window.approvals());
    QVERIFY(!window.approvals()->approveButton()->isVisible());
    QVERIFY(!window.approvals()->refuseButton()->isVisible());
    QVERIFY(!window.approvals()->noteEdit()->isVisible());
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("who"))->text().contains(QStringLiteral("read only")));
}

void TestBureau::staffFiles_forThePersonnelOffice_findATeacherAndPrintTheFile()
{
    QVERIFY(m_window);
    QVERIFY(!m_window->staff());  // 基教股 reads no single teacher's file
    bureau::BureauClient personnel;
    QString error;
    QVERIFY2(logIn(personnel, "zhou", testing::kOfficerPassword, &error), qPrintable(error));
    bureau::BureauWindow window(personnel);
    window.show();
    bureau::StaffPage *page = window.staff();
    QVERIFY(page);
    window.tabs()->setCurrentWidget(page);
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("staffFind")), Qt::LeftButton);
    QVERIFY(page->view()->errorShown().contains(QStringLiteral("Type a name")));
    page->findChild<QLineEdit *>(QStringLiteral("staffQuery"))->setText(QStringLiteral("教师"));  // a surname's like: the beginning
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("staffFind")), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return page->view()->model()->rowCount() == 7; }, 30000));  // every teacher
    page->openFile(0);
    auto *dialog = page->findChild<bureau::StaffFileDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitFor([&] { return dialog->loaded(); }, 30000));
    QVERIFY2(dialog->html().contains(QStringLiteral("湖口县第一中学")), qPrintable(dialog->html()));
    QVERIFY(dialog->html().contains(QStringLiteral("培训记录")));
    const QString pdf = m_out.filePath(QStringLiteral("teacher.pdf"));
    QCOMPARE(dialog->writePdf(pdf), QString());
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(5) == "%PDF-");
    dialog->close();
}

void TestBureau::approvals_evidenceShown_approvedWithNote()
{
    QVERIFY(m_window);
    auto *page = m_window->approvals();
    m_window->tabs()->setCurrentWidget(page);
    QSignalSpy loaded(page->page(), &bureau::ReportPage::loaded);
    page->refresh();
    QVERIFY(loaded.wait(30000));
    QVERIFY2(loaded.first().at(0).toBool(), qPrintable(page->page()->view()->errorShown()));
    const auto *model = page->page()->view()->model();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->rowKey(0), QString::fromStdString(m_county.pendingChange));

    QSignalSpy evidence(page, &bureau::ApprovalsPage::evidenceLoaded);
    page->selectRow(0);
    QVERIFY(evidence.wait(30000));
    QCOMPARE(page->evidenceList()->count(), 1);
    QCOMPARE(page->evidenceList()->item(0)->text(), QStringLiteral("诊断证明.png"));
    QVERIFY(!page->evidenceList()->item(0)->icon().isNull());  // a thumbnail of the real image

    // Refusing needs a note; the page says so and sends nothing.
    QTest::mouseClick(page->refuseButton(), Qt::LeftButton);
    QVERIFY(page->messageShown().contains(QStringLiteral("reason for refusing")));
    QCOMPARE(m_county.server.query(QStringLiteral("SELECT approval FROM status_changes WHERE id = ?"),
                                   {QString::fromStdString(m_county.pendingChange)})
                 .toString(),
             QStringLiteral("1"));

    // 督导室 sees the same queue, without buttons; asked anyway, the server says no, in words.
    bureau::BureauClient inspector;
    QString error;
    QVERIFY2(logIn(inspector, "li", testing::kOfficerPassword, &error), qPrintable(error));
    bureau::BureauWindow readOnly(inspector);
    readOnly.show();
    readOnly.tabs()->setCurrentWidget(readOnly.approvals());
    QSignalSpy readOnlyLoaded(readOnly.approvals()->page(), &bureau::ReportPage::loaded);
    readOnly.approvals()->refresh();
    QVERIFY(readOnlyLoaded.wait(30000));
    QCOMPARE(readOnly.approvals()->page()->view()->model()->rowCount(), 1);
    QVERIFY(!readOnly.approvals()->approveButton()->isVisible());
    QString refused;
    inspector.decide(QStringLiteral("status_changes"), QString::fromStdString(m_county.pendingChange), true, {}, this,
                     [&](const client::Result<QString> &r) { refused = r ? QString() : bureau::describeError(r.error()); });
    QVERIFY(QTest::qWaitFor([&] { return !inspector.busy(); }, 30000));
    QVERIFY2(refused.contains(QStringLiteral("not allowed")), qPrintable(refused));

    QTest::keyClicks(page->noteEdit(), QStringLiteral("agreed"));
    QSignalSpy decided(page, &bureau::ApprovalsPage::decided);
    loaded.clear();
    QTest::mouseClick(page->approveButton(), Qt::LeftButton);
    QVERIFY(decided.wait(30000));
    QVERIFY2(decided.first().at(0).toBool(), qPrintable(page->messageShown()));
    QVERIFY(loaded.wait(30000));  // the queue is asked again
    QCOMPARE(page->page()->view()->model()->rowCount(), 0);
    QCOMPARE(m_county.server.query(QStringLiteral("SELECT approval FROM status_changes WHERE id = ?"),
                                   {QString::fromStdString(m_county.pendingChange)})
                 .toString(),
             QStringLiteral("2"));
    QCOMPARE(m_county.server.query(QStringLiteral("SELECT approval_note FROM status_changes WHERE id = ?"),
                                   {QString::fromStdString(m_county.pendingChange)})
                 .toString(),
             QStringLiteral("agreed"));
    QCOMPARE(m_county.server.query(QStringLiteral("SELECT status FROM students WHERE id = ?"),
                                   {QString::fromStdString(m_county.pendingPupil)})
                 .toString(),
             QStringLiteral("2"));  // 休学
}

void TestBureau::unreachableServer_saysSo()
{
    bureau::BureauClient client;
    bureau::LoginDialog dialog(client);
    auto *server = dialog.findChild<QLineEdit *>(QStringLiteral("server"));
    server->clear();
    QTest::keyClicks(server, QStringLiteral("127.0.0.1:1"));
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("user"));
    name->clear();
    QTest::keyClicks(name, QStringLiteral("wang"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("password")), QStringLiteral("x"));
    auto *fp = dialog.findChild<QLineEdit *>(QStringLiteral("fingerprint"));
    fp->clear();
    QTest::keyClicks(fp, fingerprint());
    dialog.login();
    QVERIFY(QTest::qWaitFor([&] { return !dialog.busy(); }, 30000));
    QVERIFY2(dialog.errorShown().contains(QStringLiteral("cannot be reached")), qPrintable(dialog.errorShown()));
}

void TestBureau::session_logsInAgainAfterTheServerClosedItIdle()
{
    // An officer reads a table for longer than the server's idle timeout, then asks again.
    ServerFixture server;
    QVERIFY(server.init());
    QVERIFY(server.setConfig(QStringLiteral("idle_timeout_s"), QStringLiteral("1")));
    QCOMPARE(server.ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--dir"), server.dir(),
                         QStringLiteral("--name"), QStringLiteral("wang"), QStringLiteral("--role"),
                         QStringLiteral("enrolment")},
                        QByteArray(testing::kOfficerPassword) + "\n")
                 .exitCode,
             0);
    QVERIFY(server.start());
    bureau::BureauSession session(10000);
    const auto ca = QSslCertificate::fromData(server.caPem()).constFirst();
    const auto login = session.login({QStringLiteral("127.0.0.1:%1").arg(server.port()), ca, QStringLiteral("wang"),
                                      QLatin1String(testing::kOfficerPassword)});
    QVERIFY2(login.ok(), qPrintable(login.ok() ? QString() : login.error().message));
    QTest::qWait(2500);
    const auto report = session.report(QStringLiteral("enrolment"), {{QStringLiteral("by"), QStringLiteral("school")}});
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
    QVERIFY(report->contains("\"report\":\"enrolment\""));
    QCOMPARE(server.query(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'login' AND actor = 'wang'")).toInt(), 2);
}

QTEST_MAIN(TestBureau)
#include "tst_bureau.moc"
