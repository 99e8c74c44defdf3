// The problems page: a change the server refused is listed in plain words; "open the record"
// lets the clerk correct it and the save resends it and closes the rejection; "discard on
// purpose" closes it with the clerk's note.
#include "IssuesModel.h"
#include "IssuesPage.h"
#include "MainWindow.h"
#include "RecordDialog.h"
#include "RecordForm.h"
#include "RecordPage.h"
#include "SchoolFixture.h"
#include "UiLanguage.h"
#include "emis.pb.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;

class TestSchoolIssues : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { school::setUiLanguage(QStringLiteral("zh_CN")); }
    void init();
    void cleanup();
    void rejection_isListedInPlainWords();
    void openTheRecord_correctAndSave_resendsAndCloses();
    void discardOnPurpose_closesWithTheNote();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<school::SchoolSession> m_session;
    QString m_rowId;
};

void TestSchoolIssues::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_session = testing::enrolledSession(m_dir->path());
    client::RawFields raw{{QStringLiteral("name"), QStringLiteral("钱八")},
                          {QStringLiteral("sex"), QStringLiteral("1")},
                          {QStringLiteral("birth_date"), QStringLiteral("2015-03-15")},
                          {QStringLiteral("id_number"), testing::idNumber(QStringLiteral("20150315"), 11)},
                          {QStringLiteral("grade"), QStringLiteral("3")},
                          {QStringLiteral("class_name"), QStringLiteral("2班")}};
    auto saved = m_session->repository(*schema::findTable("students")).add(raw);
    QVERIFY(saved.ok());
    m_rowId = saved->id;
    // What a PushAck would have carried for that change.
    wire::Rejection r;
    r.set_device_seq(saved->deviceSeq);
    r.set_table("students");
    r.set_row_id(m_rowId.toStdString());
    r.set_field("id_number");
    r.set_code("duplicate_in_store");
    r.set_message_zh("身份证件号已登记在城关镇第二小学");
    r.set_message_en("ID number is already registered for another school");
    QVERIFY(m_session->issueStore().addRejection(r).ok());
}

void TestSchoolIssues::cleanup()
{
    m_session.reset();
    m_dir.reset();
}

void TestSchoolIssues::rejection_isListedInPlainWords()
{
    school::IssuesPage page(*m_session);
    page.reload();
    QCOMPARE(page.model()->rowCount(), 1);
    const auto cell = [&](int c) { return page.model()->index(0, c).data().toString(); };
    QCOMPARE(cell(school::IssuesModel::TableColumn), QStringLiteral("学生"));
    QCOMPARE(cell(school::IssuesModel::RecordColumn), QStringLiteral("钱八"));
    QCOMPARE(cell(school::IssuesModel::FieldColumn), QStringLiteral("身份证件号"));
    QCOMPARE(cell(school::IssuesModel::ReasonColumn), QStringLiteral("身份证件号已登记在城关镇第二小学"));
}

void TestSchoolIssues::openTheRecord_correctAndSave_resendsAndCloses()
{
    school::MainWindow window(*m_session, nullptr);
    window.show();
    window.showIssues();
    QTableView *view = window.issuesPage()->view();
    view->setCurrentIndex(window.issuesPage()->model()->index(0, 0));
    const int pendingBefore = m_session->pendingChanges();
    QTest::mouseClick(window.issuesPage()->findChild<QPushButton *>(QStringLiteral("openRecord")), Qt::LeftButton);
    auto *dialog = window.studentsPage()->findChild<school::RecordDialog *>();
    QVERIFY(dialog);
    QCOMPARE(window.tabs()->currentWidget(), window.studentsPage());
    auto *id = qobject_cast<QLineEdit *>(dialog->form()->editor(QStringLiteral("id_number")));
    id->selectAll();
    testing::typeText(id, testing::idNumber(QStringLiteral("20150315"), 13));
    QTest::keyClick(id, Qt::Key_Return);
    QTRY_VERIFY(window.studentsPage()->findChild<school::RecordDialog *>() == nullptr);
    QCOMPARE(m_session->issueStore().openRejectionCount(), 0);
    QCOMPARE(m_session->pendingChanges(), pendingBefore + 1);
    QCOMPARE(window.issuesPage()->model()->rowCount(), 0);
}

void TestSchoolIssues::discardOnPurpose_closesWithTheNote()
{
    school::IssuesPage page(*m_session);
    page.reload();
    QVERIFY(page.discard(0, QStringLiteral("该生已在第二小学登记，本校不再登记")));
    QCOMPARE(page.model()->rowCount(), 0);
    auto all = m_session->issueStore().rejections(false);
    QVERIFY(all.ok());
    QCOMPARE(all->size(), std::size_t(1));
    QCOMPARE(all->front().state, QStringLiteral("discarded"));
    QCOMPARE(all->front().note, QStringLiteral("该生已在第二小学登记，本校不再登记"));
}

QTEST_MAIN(TestSchoolIssues)
#include "tst_school_issues.moc"
