// The score grid's cells in a real store: what a cell takes (marks in half points up to full
// marks, 缺考/免考/作弊 by name; "2" is two marks, not the code of 免考), a bad cell kept with its
// reason and never saved, a saved grid read back from the store, a cleared cell removing its
// score, and nothing logged when nothing changed.
#include "TestExams.h"
#include "TestPeople.h"
#include "ScoreSheet.h"
#include "register/SchoolExamAnalysis.h"
#include "register/ScoreGrid.h"
#include "store/ChangeLog.h"

#include <QTemporaryDir>
#include <QTest>

using namespace emis;
using namespace emis::client;

class TestScoreGrid : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cell_takesMarksAndReasons_refusesTheRest_data();
    void cell_takesMarksAndReasons_refusesTheRest();
    void classes_ofTheExamsGrade_inNumberOrder();
    void typed_savedAndReadBack_badCellsKeptUnsaved();
    void cleared_removesTheScore_unchangedLogsNothing();
    void previousExam_theLatestEarlierOneWithScoresHere();
    void scoredPupil_staysInTheClassOfTheExam_afterMoving();

private:
    ExamView exam();

    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    testing::ExamSetup m_setup;
};

void TestScoreGrid::init()
{
    QFile::remove(m_dir.filePath(QStringLiteral("s.db")));
    auto store = LocalStore::open(m_dir.filePath(QStringLiteral("s.db")));
    QVERIFY(store.ok());
    m_store = std::move(*store);
    testing::enrollForTest(*m_store);
    m_setup = testing::ownExam(*m_store, {{QStringLiteral("10班"), {QStringLiteral("丁一")}},
                                          {QStringLiteral("2班"), {QStringLiteral("王小明"), QStringLiteral("李小红"),
                                                                   QStringLiteral("张三")}}});
}

ExamView TestScoreGrid::exam()
{
    auto e = ScoreImport(*m_store).exam(m_setup.examId);
    if (!e)
        qFatal("%s", qPrintable(e.error().message));
    return *e;
}

void TestScoreGrid::cell_takesMarksAndReasons_refusesTheRest_data()
{
    QTest::addColumn<QString>("written");
    QTest::addColumn<QString>("score");    // as kept, empty for none
    QTest::addColumn<QString>("absence");  // the code, empty for none
    QTest::addColumn<QString>("reason");   // the issue's code, empty for none
    QTest::newRow("marks") << "87" << "87" << "" << "";
    QTest::newRow("half") << "87.5" << "87.5" << "" << "";
    QTest::newRow("full-width") << "９５" << "95" << "" << "";
    QTest::newRow("two marks, not 免考") << "2" << "2" << "" << "";
    QTest::newRow("one mark, not 缺考") << "1" << "1" << "" << "";
    QTest::newRow("zero") << "0" << "0" << "" << "";
    QTest::newRow("absent") << "缺考" << "" << "1" << "";
    QTest::newRow("absent short") << "缺" << "" << "1" << "";
    QTest::newRow("exempt") << "免考" << "" << "2" << "";
    QTest::newRow("cheating") << "作弊" << "" << "3" << "";
    QTest::newRow("empty") << "  " << "" << "" << "";
    QTest::newRow("above full marks") << "121" << "" << "" << "above_limit";
    QTest::newRow("negative") << "-1" << "" << "" << "score_step";
    QTest::newRow("quarter") << "87.25" << "" << "" << "score_step";
    QTest::newRow("words") << "八十" << "" << "" << "not_number";
}

void TestScoreGrid::cell_takesMarksAndReasons_refusesTheRest()
{
    QFETCH(QString, written);
    QFETCH(QString, score);
    QFETCH(QString, absence);
    QFETCH(QString, reason);
    const io::ExamSubject chinese{"s1", "01", 120};
    std::optional<io::ScoreCell> cell;
    const auto issue = io::readScoreCell(written, chinese, cell);
    QCOMPARE(issue ? QString::fromStdString(issue->code()) : QString(), reason);
    if (issue) {
        QVERIFY2(QString::fromStdString(issue->zh).contains(QStringLiteral("语文")), issue->zh.c_str());
        return;
    }
    QCOMPARE(cell && cell->score ? QString::number(*cell->score) : QString(), score);
    QCOMPARE(cell ? QString::fromStdString(cell->absence) : QString(), absence);
}

void TestScoreGrid::classes_ofTheExamsGrade_inNumberOrder()
{
    auto classes = ScoreGrid::classesOf(*m_store, exam());
    QVERIFY(classes.ok());
    QCOMPARE(*classes, (QStringList{QStringLiteral("2班"), QStringLiteral("10班")}));
}

void TestScoreGrid::typed_savedAndReadBack_badCellsKeptUnsaved()
{
    auto grid = ScoreGrid::load(*m_store, exam(), QStringLiteral("2班"));
    QVERIFY(grid.ok());
    QCOMPARE(grid->pupilCount(), 3);
    QCOMPARE(grid->subjectCount(), 2);
    QCOMPARE(grid->pupil(0).name, QStringLiteral("王小明"));  // by 学籍号, as entered
    QCOMPARE(grid->subject(0).subject, std::string("01"));
    QVERIFY(!grid->set(0, 0, QStringLiteral("98.5")));
    QVERIFY(!grid->set(0, 1, QStringLiteral("缺")));
    QCOMPARE(grid->text(0, 1), QStringLiteral("缺考"));
    const auto bad = grid->set(1, 0, QStringLiteral("130"));
    QVERIFY(bad);
    QCOMPARE(grid->text(1, 0), QStringLiteral("130"));  // kept as typed, to be corrected
    QVERIFY(!grid->set(1, 1, QStringLiteral("2")));
    QCOMPARE(grid->editedCount(), 4);
    QCOMPARE(grid->badCount(), 1);
    const quint64 before = ChangeLog(m_store->db()).lastSeq();
    auto saved = grid->save();
    QVERIFY2(saved.ok(), qPrintable(saved ? QString() : saved.error().message));
    QCOMPARE(saved->added, 3);
    QCOMPARE(saved->leftBad, 1);
    QCOMPARE(ChangeLog(m_store->db()).lastSeq(), before + 3);
    QCOMPARE(grid->editedCount(), 1);  // the red cell only

    auto again = ScoreGrid::load(*m_store, exam(), QStringLiteral("2班"));
    QVERIFY(again.ok());
    QCOMPARE(again->text(0, 0), QStringLiteral("98.5"));
    QCOMPARE(again->text(0, 1), QStringLiteral("缺考"));
    QCOMPARE(again->text(1, 0), QString());
    QCOMPARE(again->text(1, 1), QStringLiteral("2"));
    QCOMPARE(again->editedCount(), 0);
    // Corrected, it saves as a change of the stored score.
    QVERIFY(!grid->set(1, 0, QStringLiteral("110")));
    QVERIFY(!grid->set(0, 0, QStringLiteral("99")));
    saved = grid->save();
    QVERIFY(saved.ok());
    QCOMPARE(saved->added, 1);
    QCOMPARE(saved->changed, 1);
    QCOMPARE(saved->leftBad, 0);
    auto rows = RecordStore(*m_store).listWhere(*schema::findTable("scores"), "exam_subject_id", m_setup.chinese);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), std::size_t(2));
}

void TestScoreGrid::cleared_removesTheScore_unchangedLogsNothing()
{
    auto grid = ScoreGrid::load(*m_store, exam(), QStringLiteral("10班"));
    QVERIFY(grid.ok());
    QCOMPARE(grid->pupilCount(), 1);
    QVERIFY(!grid->set(0, 0, QStringLiteral("80")));
    QVERIFY(grid->save().ok());
    const quint64 before = ChangeLog(m_store->db()).lastSeq();
    QVERIFY(!grid->set(0, 0, QStringLiteral("80.0")));  // the same score, written otherwise
    QCOMPARE(grid->editedCount(), 0);
    auto saved = grid->save();
    QVERIFY(saved.ok());
    QCOMPARE(ChangeLog(m_store->db()).lastSeq(), before);
    QVERIFY(!grid->set(0, 0, QString()));
    saved = grid->save();
    QVERIFY(saved.ok());
    QCOMPARE(saved->removed, 1);
    auto again = ScoreGrid::load(*m_store, exam(), QStringLiteral("10班"));
    QVERIFY(again.ok());
    QCOMPARE(again->text(0, 0), QString());
    // Typed again after it was cleared: a new score row beside the removed one.
    QVERIFY(!again->set(0, 0, QStringLiteral("75")));
    QVERIFY(again->save().ok());
}

void TestScoreGrid::previousExam_theLatestEarlierOneWithScoresHere()
{
    // The setup's exam (2025-11-10) is scored here; a later one (2025-12-10) is not, and the
    // one being analysed comes last (2026-01-10).
    RecordStore records(*m_store);
    auto examOn = [&](const char *date) {
        auto e = records.save(*schema::findTable("exams"), QString(),
                              {{"name", std::string("月考")}, {"term_id", std::string("term-2025-1")},
                               {"grade", std::int64_t(7)}, {"exam_date", std::string(date)}});
        if (!e)
            qFatal("cannot add the exam");
        auto s = records.save(*schema::findTable("exam_subjects"), QString(),
                              {{"exam_id", e->id.toStdString()}, {"subject", std::string("01")}, {"full_marks", 100.0},
                               {"excellent_pct", std::int64_t(85)}, {"pass_pct", std::int64_t(60)}, {"low_pct", std::int64_t(40)}});
        if (!s)
            qFatal("cannot add the exam's subject");
        return e->id;
    };
    const QString unscored = examOn("2025-12-10");
    const QString latest = examOn("2026-01-10");
    auto current = ScoreImport(*m_store).exam(latest);
    QVERIFY(current.ok());
    auto previous = previousExamOf(*m_store, *current);
    QVERIFY(previous.ok());
    QVERIFY(!*previous);  // none of the earlier exams holds a score yet

    auto grid = ScoreGrid::load(*m_store, exam(), QStringLiteral("2班"));
    QVERIFY(grid.ok());
    QVERIFY(!grid->set(0, 0, QStringLiteral("90")));
    QVERIFY(grid->save().ok());
    previous = previousExamOf(*m_store, *current);
    QVERIFY(previous.ok() && *previous);
    QCOMPARE((*previous)->exam.id, m_setup.examId);  // not the later one the school has no scores in
    QVERIFY((*previous)->exam.id != unscored);
}

void TestScoreGrid::scoredPupil_staysInTheClassOfTheExam_afterMoving()
{
    auto grid = ScoreGrid::load(*m_store, exam(), QStringLiteral("2班"));
    QVERIFY(grid.ok());
    QVERIFY(!grid->set(0, 0, QStringLiteral("91")));  // 王小明, in 2班 on the exam's day
    QVERIFY(grid->save().ok());
    auto rows = RecordStore(*m_store).listWhere(*schema::findTable("scores"), "student_id", m_setup.pupils[1]);
    QVERIFY(rows.ok() && rows->size() == 1);
    QCOMPARE(validate::fieldText(rows->front().values, "class_name"), std::string("2班"));
    // He moves to 10班 (and a pupil moving is not a reason to lose his place in the exam).
    auto moved = RecordRepository(*m_store, *schema::findTable("students"))
                     .edit(m_setup.pupils[1], {{QStringLiteral("班级"), QStringLiteral("10班")}});
    QVERIFY2(moved.ok(), qPrintable(moved ? QString() : moved.error().message));
    auto again = ScoreGrid::load(*m_store, exam(), QStringLiteral("2班"));
    QVERIFY(again.ok());
    QCOMPARE(again->pupilCount(), 3);
    QCOMPARE(again->pupil(0).name, QStringLiteral("王小明"));
    QCOMPARE(again->text(0, 0), QStringLiteral("91"));
    auto other = ScoreGrid::load(*m_store, exam(), QStringLiteral("10班"));
    QVERIFY(other.ok());
    QCOMPARE(other->pupilCount(), 1);  // 丁一 alone: 王小明 is scored in 2班
    auto data = schoolExamData(*m_store, exam(), "class");
    QVERIFY(data.ok());
    QCOMPARE(data->entries.size(), std::size_t(1));
    QCOMPARE(data->labels.at(data->entries.front().group), std::string("七年级2班"));
}

QTEST_GUILESS_MAIN(TestScoreGrid)
#include "tst_score_grid.moc"
