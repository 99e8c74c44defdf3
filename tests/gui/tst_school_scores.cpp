// The score screen (成绩录入) on the offscreen platform, typed as a teacher would: Enter moves to
// the next pupil, Tab to the next subject, a cell above full marks turns red with its reason and
// is not saved, a block pasted from Excel fills the grid from the current cell, a teachers' score
// sheet imports on a worker with its unmatched lines listed, and the class's 成绩预警 and the
// school's analysis open as tables that export to Excel. Everything saved is in the store after
// a restart of the window.
#include "SchoolFixture.h"

#include "ExamResultsDialog.h"
#include "MainWindow.h"
#include "ReportTableModel.h"
#include "ScoreGridModel.h"
#include "ScoresPage.h"
#include "SheetFile.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;

class TestSchoolScores : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void typed_enterDown_tabRight_badCellRed_savedAndShownAgain();
    void pastedFromExcel_fillsTheBlock_restLeftOut();
    void scoreSheet_importedOnAWorker_unmatchedLinesListed();
    void warningsAndAnalysis_listedAndExported();

private:
    void openWindow();
    school::ScoresPage *page() const { return m_window->scoresPage(); }
    QString cell(int row, int subject) const;
    // Keys as a keyboard sends them to whatever has focus: the grid, then the cell's editor.
    void type(const QString &text);
    void press(Qt::Key key);

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<school::SchoolSession> m_session;
    std::unique_ptr<school::MainWindow> m_window;
    testing::ExamSetup m_setup;
};

void TestSchoolScores::init()
{
    m_dir = new QTemporaryDir;
    m_session = testing::enrolledSession(m_dir->path());
    m_setup = testing::ownExam(m_session->store(), {{QStringLiteral("1班"), {QStringLiteral("赵一")}},
                                                    {QStringLiteral("2班"), {QStringLiteral("王小明"), QStringLiteral("李小红"),
                                                                             QStringLiteral("张三")}}});
    openWindow();
}

void TestSchoolScores::cleanup()
{
    m_window.reset();
    m_session.reset();
    delete m_dir;
}

void TestSchoolScores::openWindow()
{
    m_window = std::make_unique<school::MainWindow>(*m_session, nullptr);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->tabs()->setCurrentWidget(m_window->teachingTabs());
    m_window->teachingTabs()->setCurrentWidget(page());
    QCOMPARE(page()->exams()->count(), 1);
    QVERIFY(page()->exams()->currentText().contains(QStringLiteral("期中考试")));
    QCOMPARE(page()->classes()->count(), 2);
    page()->classes()->setCurrentIndex(page()->classes()->findText(QStringLiteral("2班")));
    QCOMPARE(page()->model()->rowCount(), 3);
    QCOMPARE(page()->model()->columnCount(), school::ScoreGridModel::kFirstSubject + 2);
    m_window->activateWindow();
    page()->grid()->setFocus();
}

QString TestSchoolScores::cell(int row, int subject) const
{
    return page()->model()->index(row, school::ScoreGridModel::kFirstSubject + subject).data().toString();
}

void TestSchoolScores::type(const QString &text)
{
    for (const QChar c : text)
        testing::typeText(QApplication::focusWidget() ? QApplication::focusWidget() : page()->grid(), QString(c));
}

void TestSchoolScores::press(Qt::Key key)
{
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : page()->grid(), key);
    QCoreApplication::processEvents();  // the editor commits on a queued call
    QCoreApplication::processEvents();
}

void TestSchoolScores::typed_enterDown_tabRight_badCellRed_savedAndShownAgain()
{
    school::ScoreGridView *grid = page()->grid();
    QCOMPARE(grid->currentIndex().column(), school::ScoreGridModel::kFirstSubject);  // 语文 of the first pupil
    QCOMPARE(page()->model()->index(0, 1).data().toString(), QStringLiteral("王小明"));
    QVERIFY(page()->model()->headerData(2, Qt::Horizontal).toString().contains(QStringLiteral("120")));
    type(QStringLiteral("95"));
    press(Qt::Key_Return);
    QCOMPARE(cell(0, 0), QStringLiteral("95"));
    QTRY_COMPARE(grid->currentIndex().row(), 1);
    type(QStringLiteral("130"));  // above 语文's 120
    press(Qt::Key_Return);
    QCOMPARE(cell(1, 0), QStringLiteral("130"));
    const QModelIndex bad = page()->model()->index(1, school::ScoreGridModel::kFirstSubject);
    QCOMPARE(bad.data(Qt::BackgroundRole).value<QColor>(), QColor(255, 205, 205));
    QVERIFY2(bad.data(Qt::ToolTipRole).toString().contains(QStringLiteral("120")), qPrintable(bad.data(Qt::ToolTipRole).toString()));
    QVERIFY2(page()->status()->text().contains(QStringLiteral("李小红")), qPrintable(page()->status()->text()));
    QTRY_COMPARE(grid->currentIndex().row(), 2);
    type(QStringLiteral("缺考"));
    press(Qt::Key_Tab);  // to 数学 of the same pupil
    QCOMPARE(cell(2, 0), QStringLiteral("缺考"));
    QTRY_COMPARE(grid->currentIndex().column(), school::ScoreGridModel::kFirstSubject + 1);
    QCOMPARE(grid->currentIndex().row(), 2);
    type(QStringLiteral("77.5"));
    press(Qt::Key_Return);
    QCOMPARE(cell(2, 1), QStringLiteral("77.5"));

    QVERIFY(page()->saveButton()->isEnabled());
    QVERIFY(!page()->save());  // the red cell stays unsaved
    QVERIFY2(page()->status()->text().contains(QStringLiteral("3")), qPrintable(page()->status()->text()));

    // A new window over the same store shows what was saved, and not the red cell.
    m_window.reset();
    openWindow();
    QCOMPARE(cell(0, 0), QStringLiteral("95"));
    QCOMPARE(cell(1, 0), QString());
    QCOMPARE(cell(2, 0), QStringLiteral("缺考"));
    QCOMPARE(cell(2, 1), QStringLiteral("77.5"));
}

void TestSchoolScores::pastedFromExcel_fillsTheBlock_restLeftOut()
{
    school::ScoreGridView *grid = page()->grid();
    grid->setCurrentIndex(page()->model()->index(1, school::ScoreGridModel::kFirstSubject));
    int leftOut = 0;
    // Two rows of 语文 and 数学 as Excel copies them (CRLF, a line break at the end), a third
    // row below the last pupil and a third column past 数学.
    const int set = grid->paste(QStringLiteral("88\t90\t1\r\n77.5\t缺\r\n60\t61\r\n"), &leftOut);
    QCOMPARE(set, 4);
    QCOMPARE(leftOut, 3);
    QCOMPARE(cell(1, 0), QStringLiteral("88"));
    QCOMPARE(cell(1, 1), QStringLiteral("90"));
    QCOMPARE(cell(2, 0), QStringLiteral("77.5"));
    QCOMPARE(cell(2, 1), QStringLiteral("缺考"));
    QCOMPARE(cell(0, 0), QString());
    // Copying the block gives it back as Excel reads it.
    grid->selectionModel()->select(QItemSelection(page()->model()->index(1, 2), page()->model()->index(2, 3)),
                                   QItemSelectionModel::ClearAndSelect);
    QCOMPARE(grid->copySelection(), QStringLiteral("88\t90\n77.5\t缺考\n"));
    // Delete clears the selected cells.
    press(Qt::Key_Delete);
    QCOMPARE(cell(1, 0), QString());
    QCOMPARE(cell(2, 1), QString());
}

void TestSchoolScores::scoreSheet_importedOnAWorker_unmatchedLinesListed()
{
    const QString path = m_dir->filePath(QStringLiteral("成绩.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("七年级2班期中考试成绩\n"
            "姓名,语文,数学,总分,名次\n"
            "王小明,101,88,189,1\n"
            "李小红,缺考,70,70,3\n"
            "钱多多,90,90,180,2\n"
            "张三,99,八十,99,4\n");
    f.close();
    // Another exam of the school's, listed first (newest): the import stays on the one chosen.
    QVERIFY(client::RecordStore(m_session->store())
                .save(*schema::findTable("exams"), QString(),
                      {{"name", std::string("月考")}, {"term_id", std::string("term-2025-1")}, {"grade", std::int64_t(7)}})
                .ok());
    page()->reload();
    QCOMPARE(page()->exams()->count(), 2);
    page()->exams()->setCurrentIndex(page()->exams()->findData(m_setup.examId));
    page()->classes()->setCurrentIndex(page()->classes()->findText(QStringLiteral("2班")));
    QSignalSpy imported(page(), &school::ScoresPage::imported);
    page()->importSheet(path);
    QVERIFY(imported.wait(20000));
    const QString summary = imported.first().at(0).toString();
    const QString details = imported.first().at(1).toString();
    QVERIFY2(summary.contains(QStringLiteral("5")), qPrintable(summary));  // 5 scores added
    QVERIFY2(details.contains(QStringLiteral("钱多多")) && details.contains(QStringLiteral("6")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("八十")), qPrintable(details));
    for (auto *box : m_window->findChildren<QMessageBox *>())
        box->close();
    QCOMPARE(page()->exams()->currentData().toString(), m_setup.examId);
    QCOMPARE(page()->classes()->currentText(), QStringLiteral("2班"));
    QCOMPARE(cell(0, 0), QStringLiteral("101"));
    QCOMPARE(cell(0, 1), QStringLiteral("88"));
    QCOMPARE(cell(1, 0), QStringLiteral("缺考"));
    QCOMPARE(cell(2, 0), QStringLiteral("99"));
    QCOMPARE(cell(2, 1), QString());
}

void TestSchoolScores::warningsAndAnalysis_listedAndExported()
{
    // 王小明 fails both (低分 in 语文: under 48 of 120); the others pass.
    const QStringList rows = {QStringLiteral("30\t20"), QStringLiteral("100\t90"), QStringLiteral("84\t60")};
    page()->grid()->setCurrentIndex(page()->model()->index(0, school::ScoreGridModel::kFirstSubject));
    QCOMPARE(page()->grid()->paste(rows.join(u'\n')), 6);
    QVERIFY(page()->save());

    auto *warnings = qobject_cast<school::ExamResultsDialog *>(page()->openWarnings());
    QVERIFY(warnings);
    const report::ReportTableModel *list = warnings->model();
    QVERIFY(list->rowCount() >= 2);
    QStringList said;
    for (int r = 0; r < list->rowCount(); ++r) {
        QCOMPARE(list->index(r, 1).data().toString(), QStringLiteral("王小明"));
        QVERIFY(list->index(r, 0).data().toString().contains(QStringLiteral("2班")));
        said << list->index(r, 2).data().toString();
    }
    QVERIFY2(said.join(u' ').contains(QStringLiteral("语文")), qPrintable(said.join(u' ')));
    const QString xlsx = m_dir->filePath(QStringLiteral("预警.xlsx"));
    QVERIFY(warnings->exportTo(xlsx));
    auto sheet = io::SheetFile::read(xlsx);
    QVERIFY2(sheet.ok(), qPrintable(sheet ? QString() : sheet.error()));
    bool found = false;
    for (const auto &row : sheet->rows)
        for (const auto &c : row.cells)
            found = found || c.text == QStringLiteral("王小明");
    QVERIFY(found);
    warnings->close();

    auto *analysis = qobject_cast<school::ExamResultsDialog *>(page()->openAnalysis());
    QVERIFY(analysis);
    const report::ReportTableModel *figures = analysis->model();
    QVERIFY2(figures->rowCount() > 0, qPrintable(analysis->message()->text()));
    // 2班's 语文: (30 + 100 + 84) / 3 = 71.33.
    bool mean = false;
    for (int r = 0; r < figures->rowCount(); ++r)
        for (int c = 0; c < figures->columnCount(); ++c)
            mean = mean || figures->index(r, c).data().toString() == QStringLiteral("71.33");
    QVERIFY(mean);
    QVERIFY(analysis->choices());
    analysis->choices()->setCurrentIndex(1);
    QVERIFY2(figures->rowCount() > 0, qPrintable(analysis->message()->text()));
    analysis->close();
}

QTEST_MAIN(TestSchoolScores)
#include "tst_school_scores.moc"
