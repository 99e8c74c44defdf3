// The pupil form as a clerk uses it: typing with the keyboard, reasons beside the fields as they
// type, Save refused while anything is wrong, Enter saves, Esc cancels, the saved pupil in the list.
#include "RecordDialog.h"
#include "RecordFilterProxy.h"
#include "RecordForm.h"
#include "RecordPage.h"
#include "RecordTableModel.h"
#include "SchoolFixture.h"
#include "UiLanguage.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;

class TestSchoolForm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { school::setUiLanguage(QStringLiteral("zh_CN")); }
    void init();
    void cleanup();
    void badIdCheckCharacter_showsReasonBesideField_andSaveIsRefused();
    void birthDateDisagreeingWithId_isShown();
    void goodPupil_isSavedWithEnter_andAppearsInTheTable();
    void escape_cancelsWithoutSaving();
    void editingAPupil_changesTheRowInPlace();
    void tab_walksTheFieldsInSchemaOrder();
    void english_showsEnglishLabelsAndReasons();
    void reference_pickedByLabel_savedAsId_listedByName();

private:
    school::RecordDialog *openAdd();
    void typePupil(school::RecordForm *form, const QString &name, const QString &birth, const QString &id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<school::SchoolSession> m_session;
    std::unique_ptr<school::RecordPage> m_page;
};

void TestSchoolForm::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_session = testing::enrolledSession(m_dir->path());
    m_page = std::make_unique<school::RecordPage>(*m_session, *schema::findTable("students"), std::vector<std::string>{});
    m_page->show();
    m_page->reload();
}

void TestSchoolForm::cleanup()
{
    m_page.reset();
    m_session.reset();
    m_dir.reset();
}

school::RecordDialog *TestSchoolForm::openAdd()
{
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("add")), Qt::LeftButton);
    auto *dialog = m_page->findChild<school::RecordDialog *>();
    if (dialog)
        (void)QTest::qWaitForWindowExposed(dialog);
    return dialog;
}

void TestSchoolForm::typePupil(school::RecordForm *form, const QString &name, const QString &birth, const QString &id)
{
    testing::typeText(form->editor(QStringLiteral("name")), name);
    QTest::keyClick(form->editor(QStringLiteral("sex")), Qt::Key_Down);  // 男
    testing::typeText(form->editor(QStringLiteral("birth_date")), birth);
    testing::typeText(form->editor(QStringLiteral("id_number")), id);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(form->editor(QStringLiteral("grade")), Qt::Key_Down);  // 三年级
    testing::typeText(form->editor(QStringLiteral("class_name")), QStringLiteral("2班"));
}

void TestSchoolForm::badIdCheckCharacter_showsReasonBesideField_andSaveIsRefused()
{
    auto *dialog = openAdd();
    QVERIFY(dialog);
    QString id = testing::idNumber(QStringLiteral("20150315"), 11);
    id[17] = id[17] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
    typePupil(dialog->form(), QStringLiteral("王小明"), QStringLiteral("2015-03-15"), id);
    QVERIFY2(dialog->form()->issueShown(QStringLiteral("id_number")).contains(QStringLiteral("校验位")),
             qPrintable(dialog->form()->issueShown(QStringLiteral("id_number"))));
    QVERIFY(dialog->form()->issueShown(QStringLiteral("name")).isEmpty());
    QTest::keyClick(dialog->form()->editor(QStringLiteral("class_name")), Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->errorShown().isEmpty());
    QCOMPARE(QApplication::focusWidget(), dialog->form()->editor(QStringLiteral("id_number")));
    QCOMPARE(m_page->model()->rowCount(), 0);
    QCOMPARE(m_session->repository(*schema::findTable("students")).list()->size(), std::size_t(0));
}

void TestSchoolForm::birthDateDisagreeingWithId_isShown()
{
    auto *dialog = openAdd();
    QVERIFY(dialog);
    typePupil(dialog->form(), QStringLiteral("李小红"), QStringLiteral("2015-03-16"), testing::idNumber(QStringLiteral("20150315"), 11));
    const QString shown = dialog->form()->issueShown(QStringLiteral("id_number")) + dialog->form()->issueShown(QStringLiteral("birth_date")) +
                          dialog->form()->recordIssueShown();
    QVERIFY2(shown.contains(QStringLiteral("出生日期")), qPrintable(shown));
    QVERIFY(!dialog->form()->isValid());
}

void TestSchoolForm::goodPupil_isSavedWithEnter_andAppearsInTheTable()
{
    auto *dialog = openAdd();
    QVERIFY(dialog);
    typePupil(dialog->form(), QStringLiteral("张三丰"), QStringLiteral("2015-03-15"), testing::idNumber(QStringLiteral("20150315"), 11));
    QVERIFY2(dialog->form()->isValid(), qPrintable(dialog->form()->issueShown(QStringLiteral("id_number"))));
    QTest::keyClick(dialog->form()->editor(QStringLiteral("class_name")), Qt::Key_Return);
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    const int nameColumn = 1;  // 学籍号, 姓名, ...
    QCOMPARE(m_page->model()->index(0, nameColumn).data().toString(), QStringLiteral("张三丰"));
    QCOMPARE(m_session->repository(*schema::findTable("students")).list()->size(), std::size_t(1));
    QCOMPARE(m_session->pendingChanges(), 1);
}

void TestSchoolForm::escape_cancelsWithoutSaving()
{
    auto *dialog = openAdd();
    QVERIFY(dialog);
    typePupil(dialog->form(), QStringLiteral("赵六"), QStringLiteral("2015-03-15"), testing::idNumber(QStringLiteral("20150315"), 13));
    QTest::keyClick(dialog->form()->editor(QStringLiteral("class_name")), Qt::Key_Escape);
    QTRY_VERIFY(m_page->findChild<school::RecordDialog *>() == nullptr || !m_page->findChild<school::RecordDialog *>()->isVisible());
    QCOMPARE(m_page->model()->rowCount(), 0);
}

void TestSchoolForm::editingAPupil_changesTheRowInPlace()
{
    auto *dialog = openAdd();
    QVERIFY(dialog);
    typePupil(dialog->form(), QStringLiteral("孙七"), QStringLiteral("2015-03-15"), testing::idNumber(QStringLiteral("20150315"), 15));
    QTest::keyClick(dialog->form()->editor(QStringLiteral("class_name")), Qt::Key_Return);
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    QTRY_VERIFY(m_page->findChild<school::RecordDialog *>() == nullptr);

    m_page->view()->setCurrentIndex(m_page->proxy()->index(0, 0));
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("edit")), Qt::LeftButton);
    auto *edit = m_page->findChild<school::RecordDialog *>();
    QVERIFY(edit);
    auto *cls = qobject_cast<QLineEdit *>(edit->form()->editor(QStringLiteral("class_name")));
    QCOMPARE(cls->text(), QStringLiteral("2班"));
    cls->selectAll();
    testing::typeText(cls, QStringLiteral("3班"));
    QTest::keyClick(cls, Qt::Key_Return);
    QTRY_VERIFY(m_page->findChild<school::RecordDialog *>() == nullptr);
    QCOMPARE(m_page->model()->rowCount(), 1);
    const auto &values = m_page->model()->storedRow(0).values;
    QCOMPARE(displayText(values.at("class_name")), std::string("3班"));
}

void TestSchoolForm::tab_walksTheFieldsInSchemaOrder()
{
    auto *dialog = openAdd();
    QVERIFY(dialog);
    QApplication::setActiveWindow(dialog);
    school::RecordForm *form = dialog->form();
    form->editor(QStringLiteral("student_no"))->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), form->editor(QStringLiteral("student_no")));
    for (const char *next : {"name", "sex", "birth_date", "id_type", "id_number"}) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), form->editor(QString::fromLatin1(next)));
    }
}

void TestSchoolForm::english_showsEnglishLabelsAndReasons()
{
    school::setUiLanguage(QStringLiteral("en"));
    auto *dialog = openAdd();
    school::setUiLanguage(QStringLiteral("zh_CN"));  // before any QVERIFY can return
    QVERIFY(dialog);
    QString id = testing::idNumber(QStringLiteral("20150315"), 11);
    id[17] = id[17] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
    school::setUiLanguage(QStringLiteral("en"));
    testing::typeText(dialog->form()->editor(QStringLiteral("id_number")), id);
    const QString shown = dialog->form()->issueShown(QStringLiteral("id_number"));
    school::setUiLanguage(QStringLiteral("zh_CN"));
    QCOMPARE(shown, QStringLiteral("ID number check character wrong"));
    QVERIFY(dialog->form()->findChild<QLabel *>(QStringLiteral("id_number_issue")));
    bool englishLabel = false;
    for (QLabel *l : dialog->form()->findChildren<QLabel *>())
        englishLabel = englishLabel || l->text() == QStringLiteral("Student number");
    QVERIFY(englishLabel);
}

QTEST_MAIN(TestSchoolForm)
#include "tst_school_form.moc"

void TestSchoolForm::reference_pickedByLabel_savedAsId_listedByName()
{
    // A table with a reference, on a page built from its description alone.
    client::RecordStore store(m_session->store());
    validate::Record pupil = testing::pupilRecord(5);
    pupil["name"] = std::string("林小雨");
    auto saved = store.save(*schema::findTable("students"), {}, pupil);
    QVERIFY(saved.ok());
    school::RecordPage page(*m_session, *schema::findTable("status_changes"), {});
    page.show();
    page.reload();
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("add")), Qt::LeftButton);
    auto *dialog = page.findChild<school::RecordDialog *>();
    QVERIFY(dialog);
    auto *form = dialog->findChild<school::RecordForm *>();
    auto *picker = qobject_cast<QComboBox *>(form->editor(QStringLiteral("student_id")));
    QVERIFY(picker && picker->isEditable());
    const int at = picker->findText(QStringLiteral("林小雨 六年级 1班"));
    QVERIFY2(at >= 0, qPrintable(picker->itemText(0)));
    picker->setCurrentIndex(at);
    auto *kind = qobject_cast<QComboBox *>(form->editor(QStringLiteral("kind")));
    kind->setCurrentIndex(kind->findData(QStringLiteral("08")));
    testing::typeText(form->editor(QStringLiteral("change_date")), QStringLiteral("2026-03-02"));
    auto *toGrade = qobject_cast<QComboBox *>(form->editor(QStringLiteral("to_grade")));
    toGrade->setCurrentIndex(toGrade->findData(QStringLiteral("6")));
    testing::typeText(form->editor(QStringLiteral("to_class")), QStringLiteral("3班"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
    QVERIFY2(dialog->result() == QDialog::Accepted, qPrintable(dialog->errorShown()));
    auto changes = store.list(*schema::findTable("status_changes"));
    QVERIFY(changes.ok());
    QCOMPARE(changes->size(), std::size_t(1));
    QCOMPARE(validate::fieldText(changes->front().values, "student_id"), saved->id.toStdString());
    // The list shows the pupil by name, and the filter finds the row by it.
    page.reload();
    auto *view = page.findChild<QTableView *>();
    QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("林小雨 六年级 1班"));
}
