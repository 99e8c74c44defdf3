// emis-bureau's 考试成绩 page against the real emis-server (BureauFixture.h's small county, and
// its 七年级 joint exam scored by 湖口县第一中学's device): the exam listed, its analysis by
// township for 总分 and then 语文 with the figures counted by hand, a drill-down to the school
// and its class, the score bands with their chart, the weak subjects, and the analysis exported
// to .xlsx as shown.
#include "BureauClient.h"
#include "BureauFixture.h"
#include "ExamPage.h"
#include "ReportView.h"
#include "Translations.h"
#include "SheetFile.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;

class TestBureauExams : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void exam_analysedByTownship_thenASubject_drilledToTheClass();
    void bandsAndWeakSubjects_shown_analysisExported();

private:
    bool waitLoaded();
    QString cell(int row, const char *key) const;

    QTemporaryDir m_settings;
    QTemporaryDir m_out;
    testing::BureauCounty m_county;
    std::string m_exam;
    std::unique_ptr<bureau::BureauClient> m_client;
    std::unique_ptr<bureau::ExamPage> m_page;
};

void TestBureauExams::initTestCase()
{
    testing::useTestSettings(m_settings.path());
    QVERIFY(m_county.start());
    m_exam = m_county.scoreExam();
    QVERIFY(!m_exam.empty());
    m_client = std::make_unique<bureau::BureauClient>();
    QString error;
    QVERIFY2(testing::logInTyped(*m_client, m_county, "wang", testing::kOfficerPassword, &error), qPrintable(error));
    m_page = std::make_unique<bureau::ExamPage>(*m_client);
    m_page->resize(1100, 700);
    m_page->show();
}

bool TestBureauExams::waitLoaded()
{
    QSignalSpy loaded(m_page.get(), &bureau::ExamPage::loaded);
    return QTest::qWaitFor([&] { return !m_page->busy() && !loaded.isEmpty(); }, 30000) || !m_page->busy();
}

QString TestBureauExams::cell(int row, const char *key) const
{
    const report::ReportTableModel *model = m_page->view()->model();
    const int c = model->report().columnOf(QLatin1String(key));
    // The value as kept (68.5), not as the table formats it (68.50).
    return c < 0 ? QStringLiteral("(no column %1)").arg(QLatin1String(key)) : model->index(row, c).data(Qt::EditRole).toString();
}

void TestBureauExams::exam_analysedByTownship_thenASubject_drilledToTheClass()
{
    m_page->refresh();
    QVERIFY(QTest::qWaitFor([&] { return !m_page->busy() && m_page->view()->model()->rowCount() > 0; }, 30000));
    QCOMPARE(m_page->exams()->count(), 1);
    QVERIFY(m_page->exams()->currentText().contains(QStringLiteral("七年级期中联考")));
    QCOMPARE(m_page->subjects()->count(), 3);  // 总分, 语文, 数学
    // By township: 双钟镇 alone has 七年级.
    const report::ReportTableModel *model = m_page->view()->model();
    QCOMPARE(model->report().rows.size(), 1);
    QCOMPARE(cell(0, "label"), QStringLiteral("双钟镇"));
    QCOMPARE(cell(0, "sat"), QStringLiteral("58"));
    QCOMPARE(cell(0, "mean"), QStringLiteral("140"));
    QVERIFY(m_page->view()->chartView());

    m_page->subjects()->setCurrentIndex(m_page->subjects()->findText(QStringLiteral("语文")));
    QVERIFY(QTest::qWaitFor([&] { return !m_page->busy() && cell(0, "mean") == QStringLiteral("68.5"); }, 30000));
    QCOMPARE(cell(0, "max"), QStringLiteral("97"));
    QCOMPARE(cell(0, "min"), QStringLiteral("40"));
    // 优秀 at 85 or more: 85..97 is 13 of 58 = 22.4%.
    QCOMPARE(cell(0, "excellent_rate"), QStringLiteral("22.4"));

    m_page->drillInto(0);
    QVERIFY(QTest::qWaitFor([&] { return !m_page->busy() && cell(0, "label") == QStringLiteral("湖口县第一中学"); }, 30000));
    QCOMPARE(m_page->level(), int(bureau::ExamPage::Township));
    m_page->drillInto(0);
    QVERIFY(QTest::qWaitFor([&] { return !m_page->busy() && cell(0, "label").contains(QStringLiteral("七年级1班")); }, 30000));
    QCOMPARE(m_page->level(), int(bureau::ExamPage::School));
    QCOMPARE(cell(0, "mean"), QStringLiteral("68.5"));
    m_page->drillInto(0);  // no level below the class here
    QCOMPARE(m_page->level(), int(bureau::ExamPage::School));
    m_page->goBack(bureau::ExamPage::County);
    QVERIFY(QTest::qWaitFor([&] { return !m_page->busy() && cell(0, "label") == QStringLiteral("双钟镇"); }, 30000));
}

void TestBureauExams::bandsAndWeakSubjects_shown_analysisExported()
{
    m_page->subjects()->setCurrentIndex(m_page->subjects()->findText(QStringLiteral("数学")));
    QVERIFY(QTest::qWaitFor([&] { return !m_page->busy() && cell(0, "mean") == QStringLiteral("71.5"); }, 30000));
    // Beside each figure its change since the previous exam of the grade: none yet, and the page
    // says so.
    m_page->comparePrevious()->setChecked(true);
    QVERIFY(QTest::qWaitFor([&] { return !m_page->busy() && m_page->view()->scopeShown().contains(QStringLiteral("no earlier")); },
                            30000));
    QCOMPARE(m_page->view()->model()->report().columnOf(QStringLiteral("mean_change")), -1);
    // A second sitting of the same exam, scored the same: every change 0 against the first.
    QVERIFY(!m_county.scoreExam().empty());
    m_page->refresh();
    QVERIFY(QTest::qWaitFor([&] { return !m_page->busy() && m_page->exams()->count() == 2; }, 30000));
    m_page->exams()->setCurrentIndex(0);  // the newest
    m_page->subjects()->setCurrentIndex(m_page->subjects()->findText(QStringLiteral("数学")));
    QVERIFY(QTest::qWaitFor([&] { return !m_page->busy() && m_page->view()->model()->report().columnOf(QStringLiteral("mean_change")) >= 0; },
                            30000));
    QCOMPARE(cell(0, "mean"), QStringLiteral("71.5"));
    QCOMPARE(cell(0, "mean_change"), QStringLiteral("0"));
    const QString xlsx = m_out.filePath(QStringLiteral("analysis.xlsx"));
    QSignalSpy exported(m_page->view(), &bureau::ReportView::exported);
    m_page->view()->exportTo(xlsx);
    QVERIFY(exported.wait(20000));
    QCOMPARE(exported.first().at(1).toString(), QString());
    auto sheet = io::SheetFile::read(xlsx);
    QVERIFY2(sheet.ok(), qPrintable(sheet ? QString() : sheet.error()));
    bool found = false;
    for (const auto &row : sheet->rows)
        for (const auto &c : row.cells)
            found = found || c.text == QStringLiteral("71.5");
    QVERIFY(found);

    m_page->views()->setCurrentIndex(m_page->views()->findData(QStringLiteral("exam_bands")));
    QVERIFY(QTest::qWaitFor([&] { return !m_page->busy() && m_page->view()->model()->report().name == QStringLiteral("exam_bands"); },
                            30000));
    // 数学 100 − i for 58 pupils: 43..100; the top band [90%, 100%] holds 90..100, 11 pupils.
    QCOMPARE(cell(0, "b9"), QStringLiteral("11"));
    QVERIFY(m_page->view()->chartView());

    m_page->views()->setCurrentIndex(m_page->views()->findData(QStringLiteral("exam_weak")));
    QVERIFY(QTest::qWaitFor([&] { return !m_page->busy() && m_page->view()->model()->report().name == QStringLiteral("exam_weak"); },
                            30000));
    QVERIFY(!m_page->subjects()->isEnabled());
    QVERIFY(!m_page->comparePrevious()->isEnabled());
    QVERIFY(m_page->view()->errorShown().isEmpty());
}

QTEST_MAIN(TestBureauExams)
#include "tst_bureau_exams.moc"
