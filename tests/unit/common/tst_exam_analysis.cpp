// The exam analysis's definitions (exam/ExamAnalysis.h) on a hand-made exam whose every figure
// was worked out by hand: 应考 without 免考, 参考 with a score, lines as shares of full marks
// (a score on the line meets it), population SD, 总分 only for pupils with every subject,
// 名次 with shared places, 超均率 against everything analysed, rounding half away from zero.
#include "exam/ExamAnalysis.h"
#include "exam/ExamReport.h"
#include "exam/ExamWarnings.h"

#include <QTest>

#include <cmath>

using namespace emis::exam;

namespace {

Entry score(const char *pupil, const char *group, const char *subject, double value)
{
    return Entry{pupil, group, subject, value, {}, true};
}

Entry none(const char *pupil, const char *group, const char *subject, const char *absence)
{
    return Entry{pupil, group, subject, std::nullopt, absence, true};
}

const Figures &figuresOf(const Analysis &a, const std::string &group, const std::string &subject)
{
    for (const auto &r : a.rows)
        if (r.group == group && r.subjectId == subject)
            return r.figures;
    static const Figures empty;
    QTest::qFail("no such row", __FILE__, __LINE__);
    return empty;
}

} // namespace

class TestExamAnalysis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void handWorkedExam();
    void ranks_shareAPlace();
    void rounding_halfAwayFromZero();
    void document_roundsAndFilters();
    void warnings_lowFailsAndRankDrop();
    void bands_tenthsOfFullMarks();
    void weakest_subjectsBelowTheReference_lowestFirst();

private:
    const std::vector<SubjectLines> m_subjects = {{"A", "01", 100, 85, 60, 40}, {"B", "02", 120, 85, 60, 40}};
    const std::vector<Entry> m_entries = {
        score("p1", "g1", "A", 90),      score("p1", "g1", "B", 72),
        score("p2", "g1", "A", 59.5),    none("p2", "g1", "B", "1"),  // 缺考
        none("p3", "g1", "A", "2"),      score("p3", "g1", "B", 110),  // 免考 in A
        score("p4", "g2", "A", 40),      score("p4", "g2", "B", 47.5),
        score("p5", "g2", "A", 85),      score("p5", "g2", "B", 120),
    };
};

void TestExamAnalysis::handWorkedExam()
{
    const Analysis a = analyse(m_subjects, m_entries);
    QCOMPARE(a.rows.size(), std::size_t{6});
    const Figures &g1a = figuresOf(a, "g1", "A");
    QCOMPARE(g1a.expected, 2);  // 免考 is not expected
    QCOMPARE(g1a.sat, 2);
    QCOMPARE(g1a.mean, 74.75);
    QCOMPARE(g1a.sd, 15.25);
    QCOMPARE(g1a.max, 90.0);
    QCOMPARE(g1a.min, 59.5);
    QCOMPARE(g1a.excellentRate, 50.0);
    QCOMPARE(g1a.passRate, 50.0);
    QCOMPARE(g1a.lowRate, 0.0);
    QCOMPARE(g1a.rank, 1);
    QCOMPARE(roundHalfAway(*g1a.overMean, 2), 8.93);  // (74.75 − 68.625) / 68.625
    const Figures &g2a = figuresOf(a, "g2", "A");
    QCOMPARE(g2a.mean, 62.5);
    QCOMPARE(g2a.excellentRate, 50.0);  // 85 is on the line
    QCOMPARE(g2a.lowRate, 0.0);         // 40 is not below it
    QCOMPARE(g2a.rank, 2);
    QCOMPARE(roundHalfAway(*g2a.overMean, 2), -8.93);
    const Figures &g1b = figuresOf(a, "g1", "B");
    QCOMPARE(g1b.expected, 3);  // 缺考 is expected
    QCOMPARE(g1b.sat, 2);
    QCOMPARE(g1b.mean, 91.0);
    QCOMPARE(g1b.passRate, 100.0);  // 72 is 60% of 120
    QCOMPARE(g1b.excellentRate, 50.0);
    const Figures &g2b = figuresOf(a, "g2", "B");
    QCOMPARE(g2b.lowRate, 50.0);  // 47.5 below 48
    // 总分 (full 220, lines 187 / 132 / 88): only p1, p4 and p5 have both subjects.
    const Figures &g1t = figuresOf(a, "g1", "");
    QCOMPARE(g1t.expected, 3);
    QCOMPARE(g1t.sat, 1);
    QCOMPARE(g1t.mean, 162.0);
    QCOMPARE(g1t.passRate, 100.0);
    QCOMPARE(g1t.excellentRate, 0.0);
    const Figures &g2t = figuresOf(a, "g2", "");
    QCOMPARE(g2t.mean, 146.25);
    QCOMPARE(g2t.sd, 58.75);
    QCOMPARE(g2t.excellentRate, 50.0);
    QCOMPARE(g2t.lowRate, 50.0);  // 87.5 below 88
    QCOMPARE(g2t.rank, 2);
    // The reference is everything analysed.
    QCOMPARE(a.reference.size(), std::size_t{3});
    QCOMPARE(a.reference[0].figures.mean, 68.625);
    QCOMPARE(a.reference[2].figures.sat, 3);
    // An entry out of scope counts in the reference only.
    std::vector<Entry> scoped = m_entries;
    for (auto &e : scoped)
        e.inScope = e.group == "g1";
    const Analysis s = analyse(m_subjects, scoped);
    QCOMPARE(s.rows.size(), std::size_t{3});
    QCOMPARE(s.reference[0].figures.mean, 68.625);
    QCOMPARE(roundHalfAway(*s.rows[0].figures.overMean, 2), 8.93);
}

void TestExamAnalysis::ranks_shareAPlace()
{
    const std::vector<SubjectLines> one = {{"A", "01", 100, 85, 60, 40}};
    const Analysis a = analyse(one, {score("p1", "x", "A", 80), score("p2", "y", "A", 80), score("p3", "z", "A", 70),
                                     none("p4", "w", "A", "1")});
    QCOMPARE(figuresOf(a, "x", "A").rank, 1);
    QCOMPARE(figuresOf(a, "y", "A").rank, 1);
    QCOMPARE(figuresOf(a, "z", "A").rank, 3);
    QCOMPARE(figuresOf(a, "w", "A").rank, 0);  // nobody sat
    QVERIFY(!figuresOf(a, "w", "A").overMean);
}

void TestExamAnalysis::rounding_halfAwayFromZero()
{
    QCOMPARE(roundHalfAway(2.675, 2), 2.68);
    QCOMPARE(roundHalfAway(2.665, 2), 2.67);
    QCOMPARE(roundHalfAway(-0.125, 2), -0.13);
    QCOMPARE(roundHalfAway(0.05, 1), 0.1);
    QCOMPARE(roundHalfAway(100.0 / 3, 1), 33.3);
    QCOMPARE(roundHalfAway(2.0 / 3 * 100, 1), 66.7);
}

void TestExamAnalysis::document_roundsAndFilters()
{
    const Analysis a = analyse(m_subjects, m_entries);
    const std::string doc = analysisDocument("exam_analysis", {{"exam", "E"}}, m_subjects, a,
                                             {{"g1", "一班"}, {"g2", "二班"}}, "02");
    QVERIFY2(doc.find("\"subject\":\"02\"") != std::string::npos, doc.c_str());
    QVERIFY(doc.find("\"subject\":\"01\"") == std::string::npos);
    QVERIFY(doc.find("\"label\":\"一班\"") != std::string::npos);
    QVERIFY2(doc.find("\"over_mean\":") != std::string::npos, doc.c_str());
    QVERIFY(doc.find("\"mean\":83.75") != std::string::npos);
}

void TestExamAnalysis::warnings_lowFailsAndRankDrop()
{
    // Lines of A (100): 低分 40, 及格 60; of B (120): 48, 72.
    std::vector<Entry> now = {score("p1", "g", "A", 39.5), score("p1", "g", "B", 71.5),   // low in A, fails 2
                              score("p2", "g", "A", 40), score("p2", "g", "B", 72),       // on the lines: nothing
                              score("p3", "g", "A", 59), score("p3", "g", "B", 120)};     // fails 1: nothing
    // Twelve more pupils ahead of p3 now; before, p3 was first.
    std::vector<Entry> before = {score("p3", "g", "A", 100), score("p3", "g", "B", 120)};
    for (int i = 0; i < 12; ++i) {
        const std::string id = "q" + std::to_string(i);
        now.push_back(Entry{id, "g", "A", 95.0, {}, true});
        now.push_back(Entry{id, "g", "B", 100.0, {}, true});
        before.push_back(Entry{id, "g", "A", 50.0, {}, true});
        before.push_back(Entry{id, "g", "B", 50.0, {}, true});
    }
    const auto ranks = totalRanks(m_subjects, now);
    QCOMPARE(ranks.at("p3"), 13);
    QCOMPARE(ranks.at("q0"), 1);  // equal totals share first place
    QCOMPARE(ranks.at("q11"), 1);
    std::vector<std::string> got;
    for (const auto &w : warnings(m_subjects, now, m_subjects, before))
        got.push_back(w.pupil + ":" + w.kind);
    QCOMPARE(got, (std::vector<std::string>{"p1:low_score", "p1:fails", "p3:rank_drop"}));
    const auto all = warnings(m_subjects, now, m_subjects, before);
    QVERIFY2(all[2].detailZh.find("12") != std::string::npos, all[2].detailZh.c_str());
    QVERIFY2(all[0].detailZh.find("39.5") != std::string::npos, all[0].detailZh.c_str());
    // No previous exam: no rank_drop.
    QCOMPARE(warnings(m_subjects, now, {}, {}).size(), std::size_t{2});
}

void TestExamAnalysis::bands_tenthsOfFullMarks()
{
    auto countsOf = [](const std::vector<BandRow> &rows, const std::string &group) {
        for (const auto &r : rows)
            if (r.group == group)
                return std::vector<int>(std::begin(r.counts), std::end(r.counts));
        return std::vector<int>{};
    };
    // Subject A (100): g1 holds 90 and 59.5, g2 holds 40 and 85; p3's 免考 counts nowhere.
    auto a = scoreBands(m_subjects, m_entries, "A");
    QCOMPARE(a.size(), std::size_t{2});
    QCOMPARE(a[0].group, std::string("g1"));  // groups in the order first met
    QCOMPARE(countsOf(a, "g1"), (std::vector<int>{0, 0, 0, 0, 0, 1, 0, 0, 0, 1}));
    QCOMPARE(countsOf(a, "g2"), (std::vector<int>{0, 0, 0, 0, 1, 0, 0, 0, 1, 0}));
    // 总分 (220) only for pupils with every subject: p1 162, p4 87.5, p5 205.
    auto total = scoreBands(m_subjects, m_entries, "");
    QCOMPARE(countsOf(total, "g1"), (std::vector<int>{0, 0, 0, 0, 0, 0, 0, 1, 0, 0}));
    QCOMPARE(countsOf(total, "g2"), (std::vector<int>{0, 0, 0, 1, 0, 0, 0, 0, 0, 1}));
    // Full marks fall in the last band, a score on a tenth opens the next band, out of scope is left out.
    std::vector<Entry> edges = {score("x1", "g", "A", 100), score("x2", "g", "A", 60), score("x3", "g", "A", 0)};
    Entry outside = score("x4", "h", "A", 50);
    outside.inScope = false;
    edges.push_back(outside);
    auto e = scoreBands(m_subjects, edges, "A");
    QCOMPARE(e.size(), std::size_t{1});
    QCOMPARE(countsOf(e, "g"), (std::vector<int>{1, 0, 0, 0, 0, 0, 1, 0, 0, 1}));
    const std::string doc = bandsDocument("exam_bands", {{"exam", "E"}}, m_subjects, m_entries, {{"g1", "一班"}}, "A");
    QVERIFY2(doc.find("\"label\":\"一班\",\"b0\":0") != std::string::npos, doc.c_str());
    QVERIFY2(doc.find("\"totals\":{\"label\":\"合计\",\"b0\":0,\"b1\":0,\"b2\":0,\"b3\":0,\"b4\":1,\"b5\":1")
                 != std::string::npos,
             doc.c_str());
}

void TestExamAnalysis::weakest_subjectsBelowTheReference_lowestFirst()
{
    // Three subjects; the reference means are A 60, B 60, C 60.
    const std::vector<SubjectLines> subjects = {{"A", "01", 100, 85, 60, 40}, {"B", "02", 100, 85, 60, 40},
                                                {"C", "03", 100, 85, 60, 40}};
    const std::vector<Entry> entries = {
        score("p1", "g1", "A", 50), score("p1", "g1", "B", 30), score("p1", "g1", "C", 70),  // A -16.67%, B -50%
        score("p2", "g2", "A", 70), score("p2", "g2", "B", 90), score("p2", "g2", "C", 50),  // C -16.67%
    };
    const Analysis analysis = analyse(subjects, entries);
    const auto weak = weakest(analysis, 5);
    QCOMPARE(weak.size(), std::size_t{3});  // no 总分, nothing at or above the mean
    QCOMPARE(weak[0].group, std::string("g1"));
    QCOMPARE(weak[0].subjectId, std::string("B"));  // lowest first
    QCOMPARE(weak[1].subjectId, std::string("A"));
    QCOMPARE(weak[2].group, std::string("g2"));
    QCOMPARE(weak[2].subjectId, std::string("C"));
    QCOMPARE(roundHalfAway(*weak[2].figures.overMean, 2), -16.67);
    const auto one = weakest(analysis, 1);  // at most one a group
    QCOMPARE(one.size(), std::size_t{2});
    QCOMPARE(one[0].subjectId, std::string("B"));
    QCOMPARE(one[1].subjectId, std::string("C"));
}

QTEST_GUILESS_MAIN(TestExamAnalysis)
#include "tst_exam_analysis.moc"
