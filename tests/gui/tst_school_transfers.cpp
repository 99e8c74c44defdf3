// The transfers screen and the problem-record list on the offscreen platform: rows pulled as the
// server sends them, the clerk's steps through the buttons and the request dialog (typed with
// QTest), a wrong ID number explained in the dialog, the transferred-out pupil read-only.
#include "SchoolFixture.h"

#include "MainWindow.h"
#include "ProblemsPage.h"
#include "RecordPage.h"
#include "RecordTableModel.h"
#include "TransferRequestDialog.h"
#include "TransfersPage.h"
#include "register/TransferService.h"
#include "sync/Uuid.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;


class TestSchoolTransfers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void outgoing_agreeFromTheList_showsWhereItStands();
    void request_typedInDialog_wrongIdExplained_thenSavedAndWithdrawn();
    void completedTransferOut_listedReadOnly_notInRegister();
    void problems_listedWithWhatToDo();

private:
    QString addPupil(int seq, const QString &name);
    void pull(const char *table, const std::string &id, const char *owner, const std::map<std::string, Value> &values);
    std::map<std::string, Value> transferOf(const QString &pupil, const char *state);

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<school::SchoolSession> m_session;
    std::unique_ptr<school::MainWindow> m_window;
    std::uint64_t m_seq = 1;
};

void TestSchoolTransfers::init()
{
    m_dir = new QTemporaryDir;
    m_session = testing::enrolledSession(m_dir->path());
    m_window = std::make_unique<school::MainWindow>(*m_session, nullptr);
    m_window->show();
}

void TestSchoolTransfers::cleanup()
{
    m_window.reset();
    m_session.reset();
    delete m_dir;
}

QString TestSchoolTransfers::addPupil(int seq, const QString &name)
{
    validate::Record r = testing::pupilRecord(seq);
    r["name"] = name.toStdString();
    auto saved = client::RecordStore(m_session->store()).save(*schema::findTable("students"), QString(), r);
    return saved ? saved->id : QString();
}

void TestSchoolTransfers::pull(const char *table, const std::string &id, const char *owner,
                               const std::map<std::string, Value> &values)
{
    QVERIFY(testing::pullRow(*m_session, table, id, owner, values, ++m_seq));
}

std::map<std::string, Value> TestSchoolTransfers::transferOf(const QString &pupil, const char *state)
{
    return {{"id_number", Value{testing::pupilRecord(1).at("id_number")}},
            {"student_name", Value{std::string("王子涵")}},
            {"student_id", Value{pupil.toStdString()}},
            {"from_school_id", Value{std::string("school-1")}},
            {"to_grade", Value{std::int64_t{3}}},
            {"request_date", Value{std::string("2026-03-02")}},
            {"reason", Value{std::string("随迁")}},
            {"state", Value{std::string(state)}}};
}

void TestSchoolTransfers::outgoing_agreeFromTheList_showsWhereItStands()
{
    const QString pupil = addPupil(1, QStringLiteral("王子涵"));
    QVERIFY(!pupil.isEmpty());
    pull("transfers", sync::newUuidV7(), "school-2", transferOf(pupil, "1"));
    school::TransfersPage *page = m_window->transfersPage();
    page->reload();
    QCOMPARE(page->incomingView()->rowCount(), 0);
    QCOMPARE(page->outgoingView()->rowCount(), 1);
    QVERIFY(page->outgoingView()->item(0, 3)->text().contains(client::TransferService::stateText(QStringLiteral("1"))));
    page->tabs()->setCurrentIndex(1);
    page->outgoingView()->selectRow(0);
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("agree")), Qt::LeftButton);
    QCOMPARE(page->outgoingView()->item(0, 3)->text(), client::TransferService::stateText(QStringLiteral("2")));
    // A second answer is refused with the reason shown, nothing changes.
    QVERIFY(!page->refuse(0, QStringLiteral("不同意")));
    QVERIFY(!page->findChild<QLabel *>(QStringLiteral("message"))->text().isEmpty());
    QCOMPARE(page->outgoingView()->item(0, 3)->text(), client::TransferService::stateText(QStringLiteral("2")));
}

void TestSchoolTransfers::request_typedInDialog_wrongIdExplained_thenSavedAndWithdrawn()
{
    school::TransfersPage *page = m_window->transfersPage();
    school::TransferRequestDialog dialog(*m_session, page);
    dialog.show();
    QTest::keyClicks(dialog.idNumberEdit(), QStringLiteral("360429201003227201"));
    testing::typeText(dialog.nameEdit(), QStringLiteral("李雷"));
    testing::typeText(dialog.gradeEdit(), QStringLiteral("五年级"));
    QVERIFY(!dialog.save());
    const QString why = dialog.messageLabel()->text();
    QVERIFY2(!why.isEmpty(), "the wrong check character is explained");
    QCOMPARE(client::TransferService(m_session->store()).list()->size(), std::size_t(0));

    dialog.idNumberEdit()->clear();
    QTest::keyClicks(dialog.idNumberEdit(), testing::idNumber(QStringLiteral("20140101"), 5));
    QVERIFY(dialog.save());
    page->reload();
    QCOMPARE(page->incomingView()->rowCount(), 1);
    QCOMPARE(page->incomingView()->item(0, 0)->text(), QStringLiteral("李雷"));
    QCOMPARE(page->incomingView()->item(0, 3)->text(), client::TransferService::stateText(QStringLiteral("1")));
    page->incomingView()->selectRow(0);
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("withdraw")), Qt::LeftButton);
    QCOMPARE(page->incomingView()->item(0, 3)->text(), client::TransferService::stateText(QStringLiteral("4")));
}

void TestSchoolTransfers::completedTransferOut_listedReadOnly_notInRegister()
{
    const QString gone = addPupil(1, QStringLiteral("王子涵"));
    QVERIFY(!addPupil(2, QStringLiteral("李欣怡")).isEmpty());
    pull("transfers", sync::newUuidV7(), "school-2", transferOf(gone, "5"));
    m_window->transfersPage()->reload();
    m_window->studentsPage()->reload();
    QCOMPARE(m_window->transfersPage()->tracesView()->rowCount(), 1);
    QCOMPARE(m_window->transfersPage()->tracesView()->item(0, 0)->text(), QStringLiteral("王子涵"));
    QCOMPARE(m_window->transfersPage()->tracesView()->editTriggers(), QAbstractItemView::NoEditTriggers);
    QCOMPARE(m_window->studentsPage()->model()->rowCount(), 1);
}

void TestSchoolTransfers::problems_listedWithWhatToDo()
{
    const QString pupil = addPupil(3, QStringLiteral("张浩然"));
    pull("problems", sync::newUuidV7(), "school-1",
         {{"kind", Value{std::string("1")}},
          {"student_id", Value{pupil.toStdString()}},
          {"other_student_id", Value{sync::newUuidV7()}},
          {"other_school_id", Value{std::string("school-2")}},
          {"state", Value{std::string("1")}}});
    school::ProblemsPage *page = m_window->problemsPage();
    page->reload();
    QCOMPARE(page->view()->rowCount(), 1);
    QCOMPARE(page->view()->item(0, 1)->text(), QStringLiteral("张浩然"));
    QVERIFY(!page->view()->item(0, 5)->text().isEmpty());
}

QTEST_MAIN(TestSchoolTransfers)
#include "tst_school_transfers.moc"
