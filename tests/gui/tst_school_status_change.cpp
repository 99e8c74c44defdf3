// 学籍异动 from the pupil list as a clerk does it: select a pupil, open the status-change dialog
// with the keyboard, pick the kind, type the date and reason, attach an evidence image (a
// thumbnail shows; a PDF is refused with the reason), save with Enter, see the history with the
// approval state in words, withdraw the pending request; an immediate change moves the pupil at
// once; the classes screen counts the pupils per class.
#include "ClassesPage.h"
#include "MainWindow.h"
#include "RecordPage.h"
#include "RecordTableModel.h"
#include "SchoolFixture.h"
#include "StatusChangeDialog.h"
#include "UiLanguage.h"

#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;

class TestSchoolStatusChange : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { school::setUiLanguage(QStringLiteral("zh_CN")); }
    void init();
    void cleanup();
    void suspension_typedAndSaved_pendingInHistory_pupilUnchanged();
    void badEvidence_refusedWithReason();
    void classChange_movesThePupilAtOnce();
    void pending_withdrawnFromHistory();
    void classesScreen_countsPupilsPerClass();

private:
    school::StatusChangeDialog *openForFirstPupil();
    QString firstPupilId() const;
    QString pupilValue(const QString &id, const char *field) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<school::SchoolSession> m_session;
    std::unique_ptr<school::MainWindow> m_window;
};

void TestSchoolStatusChange::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_session = testing::enrolledSession(m_dir->path());
    const auto &students = *schema::findTable("students");
    client::RecordStore records(m_session->store());
    for (int i = 0; i < 4; ++i) {
        auto r = testing::pupilRecord(i);
        r["grade"] = std::int64_t{3};
        r["class_name"] = std::string(i < 3 ? "三(1)班" : "三(2)班");
        QVERIFY(records.save(students, QString(), r).ok());
    }
    m_window = std::make_unique<school::MainWindow>(*m_session, nullptr);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestSchoolStatusChange::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_dir.reset();
}

QString TestSchoolStatusChange::firstPupilId() const
{
    return m_window->studentsPage()->model()->index(0, 0).data(school::RecordTableModel::RowIdRole).toString();
}

QString TestSchoolStatusChange::pupilValue(const QString &id, const char *field) const
{
    auto row = m_session->repository(*schema::findTable("students")).get(id);
    return row && row->has_value() ? school::qs(displayText((*row)->values.at(field))) : QString();
}

school::StatusChangeDialog *TestSchoolStatusChange::openForFirstPupil()
{
    QTableView *view = m_window->studentsPage()->view();
    view->setFocus();
    view->setCurrentIndex(view->model()->index(0, 0));
    // Ctrl+T: the status change of the selected pupil.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);  // dialogs closed before
    m_window->activateWindow();
    (void)QTest::qWaitForWindowActive(m_window.get());
    QTest::keyClick(m_window.get(), Qt::Key_T, Qt::ControlModifier);
    for (auto *dialog : m_window->findChildren<school::StatusChangeDialog *>())
        if (dialog->isVisible()) {
            (void)QTest::qWaitForWindowExposed(dialog);
            return dialog;
        }
    return nullptr;
}

void TestSchoolStatusChange::suspension_typedAndSaved_pendingInHistory_pupilUnchanged()
{
    const QString id = firstPupilId();
    auto *d = openForFirstPupil();
    QVERIFY(d);
    // The kind by keyboard: down from the first entry (休学 03) once to 复学, back up again.
    QCOMPARE(d->kindBox()->currentData().toString(), QStringLiteral("03"));
    QTest::keyClick(d->kindBox(), Qt::Key_Down);
    QCOMPARE(d->kindBox()->currentData().toString(), QStringLiteral("04"));
    QTest::keyClick(d->kindBox(), Qt::Key_Up);
    QCOMPARE(d->kindBox()->currentData().toString(), QStringLiteral("03"));
    QVERIFY(!d->toClassEdit()->isEnabled());  // 休学 keeps grade and class
    d->dateEdit()->selectAll();
    QTest::keyClicks(d->dateEdit(), "2026/3/9");
    testing::typeText(d->reasonEdit(), QStringLiteral("病休一年"));

    QImage image(40, 30, QImage::Format_RGB32);
    image.fill(Qt::darkGreen);
    const QString png = m_dir->filePath(QStringLiteral("诊断证明.png"));
    QVERIFY(image.save(png));
    QVERIFY(d->addEvidence(png));
    QCOMPARE(d->evidenceList()->count(), 1);
    QVERIFY(!d->evidenceList()->item(0)->icon().isNull());  // a thumbnail

    QTest::keyClick(d->reasonEdit(), Qt::Key_Return);  // Enter saves
    QTRY_VERIFY(!d->isVisible());
    QCOMPARE(pupilValue(id, "status"), QStringLiteral("1"));  // waits for the bureau

    auto *again = openForFirstPupil();
    QVERIFY(again);
    QCOMPARE(again->historyTable()->rowCount(), 1);
    QCOMPARE(again->historyTable()->item(0, 0)->text(), QStringLiteral("2026-03-09"));
    QCOMPARE(again->historyTable()->item(0, 1)->text(), QStringLiteral("休学"));
    QCOMPARE(again->historyTable()->item(0, 4)->text(), QStringLiteral("待审批"));
    QVERIFY(again->historyTable()->item(0, 5)->text().startsWith(QStringLiteral("病休一年")));
    again->reject();
}

void TestSchoolStatusChange::badEvidence_refusedWithReason()
{
    auto *d = openForFirstPupil();
    QVERIFY(d);
    const QString pdf = m_dir->filePath(QStringLiteral("证明.pdf"));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("%PDF-1.4\n");
    f.close();
    QVERIFY(!d->addEvidence(pdf));
    QVERIFY(d->errorShown().contains(QStringLiteral("佐证材料应为图片")));
    QCOMPARE(d->evidenceList()->count(), 0);
    d->reject();
}

void TestSchoolStatusChange::classChange_movesThePupilAtOnce()
{
    const QString id = firstPupilId();
    auto *d = openForFirstPupil();
    QVERIFY(d);
    d->selectKind(QStringLiteral("08"));
    QVERIFY(d->toClassEdit()->isEnabled());
    d->toClassEdit()->setFocus();
    testing::typeText(d->toClassEdit(), QStringLiteral("三(2)班"));
    QTest::keyClick(d->toClassEdit(), Qt::Key_Return);
    QTRY_VERIFY(!d->isVisible());
    QCOMPARE(pupilValue(id, "class_name"), QStringLiteral("三(2)班"));
}

void TestSchoolStatusChange::pending_withdrawnFromHistory()
{
    auto *d = openForFirstPupil();
    QVERIFY(d);
    d->selectKind(QStringLiteral("05"));
    testing::typeText(d->reasonEdit(), QStringLiteral("随父母外出"));
    QTest::keyClick(d->reasonEdit(), Qt::Key_Return);
    QTRY_VERIFY(!d->isVisible());
    auto *again = openForFirstPupil();
    QVERIFY(again);
    again->historyTable()->setFocus();
    again->historyTable()->selectRow(0);
    auto *withdraw = again->findChild<QPushButton *>(QStringLiteral("withdraw"));
    QVERIFY(withdraw->isEnabled());
    QTest::mouseClick(withdraw, Qt::LeftButton);
    QCOMPARE(again->historyTable()->item(0, 4)->text(), QStringLiteral("已撤回"));
    again->reject();
}

void TestSchoolStatusChange::classesScreen_countsPupilsPerClass()
{
    m_window->classesPage()->reload();
    QTableWidget *t = m_window->classesPage()->table();
    QCOMPARE(t->rowCount(), 2);
    QCOMPARE(t->item(0, 0)->text(), QStringLiteral("三年级"));
    QCOMPARE(t->item(0, 1)->text(), QStringLiteral("三(1)班"));
    QCOMPARE(t->item(0, 4)->text(), QStringLiteral("3"));
    QCOMPARE(t->item(1, 4)->text(), QStringLiteral("1"));
}

QTEST_MAIN(TestSchoolStatusChange)
#include "tst_school_status_change.moc"
