// The filter box narrows the pupil list as the clerk types, by name, ID number, grade and class.
#include "RecordFilterProxy.h"
#include "RecordPage.h"
#include "RecordTableModel.h"
#include "SchoolFixture.h"
#include "UiLanguage.h"

#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;

class TestSchoolFilter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void typingNarrowsTheTableKeyByKey();
    void idNumberDigits_findOnePupil();
    void gradeAndClassWords_combine();
    void sortingByName_keepsTheFilter();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<school::SchoolSession> m_session;
    std::unique_ptr<school::RecordPage> m_page;
};

void TestSchoolFilter::initTestCase()
{
    school::setUiLanguage(QStringLiteral("zh_CN"));
    m_session = testing::enrolledSession(m_dir.path());
    m_page = std::make_unique<school::RecordPage>(*m_session, *schema::findTable("students"),
                                                  std::vector<std::string>{"student_no", "name", "id_number", "grade", "class_name"});
    m_page->model()->setRows(testing::pupilRows(900));
    m_page->show();
}

void TestSchoolFilter::typingNarrowsTheTableKeyByKey()
{
    QLineEdit *box = m_page->filterBox();
    box->clear();
    QCOMPARE(m_page->visibleCount(), 900);
    testing::typeText(box, QStringLiteral("王"));
    const int afterOne = m_page->visibleCount();
    QCOMPARE(afterOne, 90);
    testing::typeText(box, QStringLiteral("子涵"));
    QVERIFY(m_page->visibleCount() < afterOne);
    QVERIFY(m_page->visibleCount() > 0);
    for (int r = 0; r < m_page->visibleCount(); ++r)
        QVERIFY(m_page->proxy()->index(r, 1).data().toString().startsWith(QStringLiteral("王子涵")));
    QTest::keyClick(box, Qt::Key_Backspace);
    QTest::keyClick(box, Qt::Key_Backspace);
    QCOMPARE(m_page->visibleCount(), afterOne);
}

void TestSchoolFilter::idNumberDigits_findOnePupil()
{
    QLineEdit *box = m_page->filterBox();
    box->clear();
    const QString id = QString::fromStdString(std::get<std::string>(testing::pupilRecord(417).at("id_number")));
    testing::typeText(box, id);
    QCOMPARE(m_page->visibleCount(), 1);
    QCOMPARE(m_page->proxy()->index(0, 2).data().toString(), id);
}

void TestSchoolFilter::gradeAndClassWords_combine()
{
    QLineEdit *box = m_page->filterBox();
    box->clear();
    testing::typeText(box, QStringLiteral("七年级"));
    QCOMPARE(m_page->visibleCount(), 100);
    testing::typeText(box, QStringLiteral(" 2班"));
    QVERIFY(m_page->visibleCount() > 0 && m_page->visibleCount() < 100);
    for (int r = 0; r < m_page->visibleCount(); ++r) {
        QCOMPARE(m_page->proxy()->index(r, 3).data().toString(), QStringLiteral("七年级"));
        QCOMPARE(m_page->proxy()->index(r, 4).data().toString(), QStringLiteral("2班"));
    }
}

void TestSchoolFilter::sortingByName_keepsTheFilter()
{
    QLineEdit *box = m_page->filterBox();
    box->clear();
    testing::typeText(box, QStringLiteral("李"));
    const int n = m_page->visibleCount();
    m_page->view()->sortByColumn(1, Qt::DescendingOrder);
    QCOMPARE(m_page->visibleCount(), n);
    QVERIFY(m_page->proxy()->index(0, 1).data().toString().localeAwareCompare(
                m_page->proxy()->index(n - 1, 1).data().toString()) >= 0);
}

QTEST_MAIN(TestSchoolFilter)
#include "tst_school_filter.moc"
