// One person, one record (一人一籍) against the real emis-server: two schools pushing the same
// pupil each get a problem row naming the other, read-only to them, listed in the bureau's
// reports; fixing either record resolves both rows.
#include "ServerFixture.h"
#include "SyncDevice.h"

#include <QTest>

using namespace emis;

class TestServerProblems : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void twoSchools_sameIdNumber_flaggedInBoth_andClearedWhenFixed();
    void likelyDuplicate_withoutResidentId_flagged();

private:
    ServerFixture m_server;
    SyncDevice m_a, m_b;
    int m_serial = 100;
};

void TestServerProblems::initTestCase()
{
    QVERIFY(m_server.init());
    QVERIFY(m_server.start());
    m_a = SyncDevice::enroll(m_server, ServerFixture::kSchoolA);
    m_b = SyncDevice::enroll(m_server, ServerFixture::kSchoolB);
    QVERIFY(m_a.client && m_b.client);
}

void TestServerProblems::twoSchools_sameIdNumber_flaggedInBoth_andClearedWhenFixed()
{
    const std::string id = residentId("20130707", std::to_string(++m_serial));
    const std::string inA = m_a.newPupil("吴双", "20130707", id);
    const std::string inB = m_b.newPupil("吴双", "20130707", id);
    QVERIFY(!inA.empty() && !inB.empty());
    auto problemsOf = [](auto &p, const std::string &student) {
        std::vector<wire::RowState> out;
        for (const auto &[rowId, r] : p["problems"])
            if (fieldText(r, "student_id") == student)
                out.push_back(r);
        return out;
    };
    auto seenA = m_a.pullByTable();
    auto seenB = m_b.pullByTable();
    auto a = problemsOf(seenA, inA);
    auto b = problemsOf(seenB, inB);
    QCOMPARE(a.size(), std::size_t(1));
    QCOMPARE(b.size(), std::size_t(1));
    QCOMPARE(fieldText(a[0], "kind"), std::string("1"));
    QCOMPARE(fieldText(a[0], "state"), std::string("1"));
    QCOMPARE(fieldText(a[0], "other_student_id"), inB);
    QCOMPARE(fieldText(a[0], "other_school_id"), m_b.id.schoolId);
    QCOMPARE(fieldText(b[0], "other_student_id"), inA);
    QVERIFY(problemsOf(seenA, inB).empty());  // each school sees its own rows only
    // A school may not write the server's findings.
    auto forge = m_a.change("problems", a[0].row_id());
    setText(forge, "state", "2");
    QCOMPARE(rejectionCodes(m_a.push({forge})), std::vector<std::string>{"read_only"});
    // The bureau's report lists the case.
    const auto report = m_server.ctl({QStringLiteral("report"), QStringLiteral("--dir"), m_server.dir(),
                                      QStringLiteral("duplicates")});
    QCOMPARE(report.exitCode, 0);
    QVERIFY(report.out.contains(QString::fromStdString(id)));
    // ... and its problem-record queue holds the case once for each school, with what to do.
    const auto problemRecords = [&](const QString &state) {
        return m_server.ctl({QStringLiteral("report"), QStringLiteral("--dir"), m_server.dir(),
                             QStringLiteral("problem_records"), QStringLiteral("-p"), QStringLiteral("state=") + state,
                             QStringLiteral("--json")});
    };
    const auto queue = problemRecords(QStringLiteral("open"));
    QCOMPARE(queue.exitCode, 0);
    QCOMPARE(queue.out.count(QStringLiteral("\"id_number\":\"%1\"").arg(QString::fromStdString(id))), 2);
    QVERIFY(queue.out.contains(QStringLiteral("一人多籍")));
    QVERIFY(queue.out.contains(QStringLiteral("在读证明")));

    // B finds its record was wrong and removes it: both rows are resolved.
    auto remove = m_b.change("students", inB);
    remove.set_deleted(true);
    QVERIFY(rejectionCodes(m_b.push({remove})).empty());
    seenA = m_a.pullByTable();
    seenB = m_b.pullByTable();
    a = problemsOf(seenA, inA);
    b = problemsOf(seenB, inB);
    QCOMPARE(a.size(), std::size_t(1));
    QCOMPARE(b.size(), std::size_t(1));
    QCOMPARE(fieldText(a[0], "state"), std::string("2"));
    QCOMPARE(fieldText(b[0], "state"), std::string("2"));
    QVERIFY(!problemRecords(QStringLiteral("open")).out.contains(QString::fromStdString(id)));
    QVERIFY(problemRecords(QStringLiteral("all")).out.contains(QStringLiteral("已解决")));
    const auto after = m_server.ctl({QStringLiteral("report"), QStringLiteral("--dir"), m_server.dir(),
                                     QStringLiteral("duplicates")});
    QVERIFY(!after.out.contains(QString::fromStdString(id)));
}

void TestServerProblems::likelyDuplicate_withoutResidentId_flagged()
{
    const std::string inA = m_a.newPupil("陈可", "20120808", "H12345678", "6", "2");
    const std::string inB = m_b.newPupil("陈可", "20120808", residentId("20120808", "222"), "1", "2");
    QVERIFY(!inA.empty() && !inB.empty());
    const auto seenA = m_a.pullByTable();
    int found = 0;
    for (const auto &[rowId, r] : seenA.at("problems"))
        if (fieldText(r, "student_id") == inA) {
            ++found;
            QCOMPARE(fieldText(r, "kind"), std::string("2"));
            QCOMPARE(fieldText(r, "other_student_id"), inB);
            QCOMPARE(fieldText(r, "state"), std::string("1"));
        }
    QCOMPARE(found, 1);
    // Correcting the name at B clears it.
    auto fix = m_b.change("students", inB);
    setText(fix, "name", "陈珂");
    QVERIFY(rejectionCodes(m_b.push({fix})).empty());
    const auto again = m_a.pullByTable();
    for (const auto &[rowId, r] : again.at("problems"))
        if (fieldText(r, "student_id") == inA)
            QCOMPARE(fieldText(r, "state"), std::string("2"));
}

QTEST_GUILESS_MAIN(TestServerProblems)
#include "tst_server_problems.moc"
