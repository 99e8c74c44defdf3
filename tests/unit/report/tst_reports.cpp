// County reports on small hand-made data in a real SQLite store: every figure is counted here by
// hand from the rows of SmallCounty.cpp.
#include "ReportTestSupport.h"
#include "SmallCounty.h"
#include "report/ReportEngine.h"
#include "store/SqliteStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;
using namespace emis::server;
using namespace emis::server::testing;

class TestReports : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void enrolment_countsOnlyPupilsInSchool();
    void enrolment_drillsFromCountyToClass();
    void enrolment_oneClass_bySexAndEthnicity();
    void enrolment_bySexAndStage();
    void classSize_countsLargeAndVeryLargeClasses();
    void teachers_ratioAgainstNorms();
    void specialGroups_counted();
    void duplicates_sameIdInTwoSchoolsAndLikelyTwins();
    void dataQuality_silentSchoolsByLastSync();
    void dataQuality_countsRefusedChangesMissingRequiredFields();
    void classSize_bySizeBand();
    void schools_byTypeTownshipAndSchool();
    void staff_byPostSexAndStage();
    void badRequests_areIssuesNotCrashes();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteStore> m_store;
};

void TestReports::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = std::make_unique<SqliteStore>(m_dir.filePath(QStringLiteral("emis.db")).toStdString());
    writeSmallCounty(*m_store);
}

void TestReports::cleanupTestCase() { m_store->close(); }

void TestReports::enrolment_countsOnlyPupilsInSchool()
{
    const auto r = run(*m_store, "enrolment", {{"by", "county"}});
    // A 4 + B 124 + C 3; the graduate and the deleted row do not count.
    QCOMPARE(field(r.value(QLatin1String("totals")).toObject(), "total"), 131);
    QCOMPARE(r.value(QLatin1String("rows")).toArray().size(), 1);
    QCOMPARE(r.value(QLatin1String("title_zh")).toString(), QString::fromUtf8("在校生统计"));
}

void TestReports::enrolment_drillsFromCountyToClass()
{
    const auto towns = run(*m_store, "enrolment", {{"by", "township"}}).value(QLatin1String("rows")).toArray();
    QCOMPARE(towns.size(), 2);
    QCOMPARE(towns[0].toObject().value(QLatin1String("key")).toString(), QString::fromUtf8("乙乡"));
    QCOMPARE(field(towns[0].toObject(), "total"), 3);
    QCOMPARE(field(towns[1].toObject(), "total"), 128);

    const auto schools =
        run(*m_store, "enrolment", {{"by", "school"}, {"township", "甲镇"}}).value(QLatin1String("rows")).toArray();
    QCOMPARE(schools.size(), 2);
    QCOMPARE(schools[1].toObject().value(QLatin1String("label")).toString(), QString::fromUtf8("甲镇中学"));

    const auto grades =
        run(*m_store, "enrolment", {{"by", "grade"}, {"school", "3604290002"}}).value(QLatin1String("rows")).toArray();
    QCOMPARE(grades.size(), 2);
    QCOMPARE(grades[0].toObject().value(QLatin1String("label")).toString(), QString::fromUtf8("七年级"));
    QCOMPARE(field(grades[1].toObject(), "junior"), 67);

    const auto classes = run(*m_store, "enrolment", {{"by", "class"}, {"school", "3604290002"}, {"grade", "七年级"}})
                             .value(QLatin1String("rows"))
                             .toArray();
    QCOMPARE(classes.size(), 1);
    QCOMPARE(classes[0].toObject().value(QLatin1String("label")).toString(), QString::fromUtf8("七年级1班"));
    QCOMPARE(field(classes[0].toObject(), "total"), 57);

    // County-wide, each school's classes are rows of their own, named with the school: two
    // schools' 1班 are not added together.
    const auto everyClass = run(*m_store, "enrolment", {{"by", "class"}}).value(QLatin1String("rows")).toArray();
    QCOMPARE(everyClass.size(),
             run(*m_store, "class_size", {{"by", "class"}}).value(QLatin1String("rows")).toArray().size());
    QJsonObject seventh;
    for (const auto &row : everyClass)
        if (row.toObject().value(QLatin1String("key")).toString() == QString::fromUtf8("3604290002/7/1班"))
            seventh = row.toObject();
    QCOMPARE(seventh.value(QLatin1String("label")).toString(), QString::fromUtf8("甲镇中学 七年级1班"));
    QCOMPARE(field(seventh, "total"), 57);
}

void TestReports::enrolment_oneClass_bySexAndEthnicity()
{
    // The last drill level: one class (school, grade and class name), broken down further.
    const report::Params oneClass = {{"school", "3604290001"}, {"grade", "1"}, {"class", "1班"}};
    auto bySex = oneClass;
    bySex["by"] = "sex";
    const auto sexes = run(*m_store, "enrolment", bySex);
    QCOMPARE(field(sexes.value(QLatin1String("totals")).toObject(), "total"), 3);
    QCOMPARE(field(sexes.value(QLatin1String("rows")).toArray()[0].toObject(), "male"), 2);
    QCOMPARE(field(sexes.value(QLatin1String("rows")).toArray()[1].toObject(), "female"), 1);
    auto byEthnicity = oneClass;
    byEthnicity["by"] = "ethnicity";
    const auto groups = run(*m_store, "enrolment", byEthnicity).value(QLatin1String("rows")).toArray();
    QCOMPARE(groups.size(), 2);  // 张丽 has no ethnicity
    QCOMPARE(groups[0].toObject().value(QLatin1String("label")).toString(), QString::fromUtf8("未填"));
    QCOMPARE(field(groups[1].toObject(), "total"), 2);
    auto sizes = oneClass;
    sizes["by"] = "class";
    const auto classes = run(*m_store, "class_size", sizes).value(QLatin1String("rows")).toArray();
    QCOMPARE(classes.size(), 1);
    QCOMPARE(field(classes[0].toObject(), "pupils"), 3);
    // Another class name of the same grade holds nobody; a class without its grade is refused.
    QCOMPARE(field(run(*m_store, "enrolment", {{"school", "3604290001"}, {"grade", "1"}, {"class", "2班"}})
                       .value(QLatin1String("totals"))
                       .toObject(),
                   "total"),
             0);
    QCOMPARE(run(*m_store, "enrolment", {{"class", "1班"}}).value(QLatin1String("issue")).toString(),
             QStringLiteral("bad_request"));
}

void TestReports::enrolment_bySexAndStage()
{
    const auto sexes = run(*m_store, "enrolment", {{"by", "sex"}, {"school", "3604290001"}});
    const auto rows = sexes.value(QLatin1String("rows")).toArray();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].toObject().value(QLatin1String("label")).toString(), QString::fromUtf8("男"));
    QCOMPARE(field(rows[0].toObject(), "total"), 2);
    QCOMPARE(field(rows[1].toObject(), "total"), 2);
    const auto stages = run(*m_store, "enrolment", {{"by", "stage"}}).value(QLatin1String("totals")).toObject();
    QCOMPARE(field(stages, "primary"), 7);
    QCOMPARE(field(stages, "junior"), 124);
    QCOMPARE(field(stages, "senior"), 0);
}

void TestReports::classSize_countsLargeAndVeryLargeClasses()
{
    const auto r = run(*m_store, "class_size", {{"by", "school"}});
    const auto totals = r.value(QLatin1String("totals")).toObject();
    QCOMPARE(field(totals, "large_56_plus"), 2);
    QCOMPARE(field(totals, "very_large_66_plus"), 1);
    QCOMPARE(field(totals, "largest"), 67);
    const auto rows = r.value(QLatin1String("rows")).toArray();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(field(rows[1].toObject(), "classes"), 2);
    QCOMPARE(rows[1].toObject().value(QLatin1String("average")).toDouble(), 62.0);
    const auto classes = run(*m_store, "class_size", {{"by", "class"}, {"school", "3604290002"}});
    const auto list = classes.value(QLatin1String("rows")).toArray();
    QCOMPARE(list.size(), 2);
    QVERIFY(list[0].toObject().value(QLatin1String("large")).toBool());
    QVERIFY(!list[0].toObject().value(QLatin1String("very_large")).toBool());
    QVERIFY(list[1].toObject().value(QLatin1String("very_large")).toBool());
}

void TestReports::teachers_ratioAgainstNorms()
{
    const auto rows = run(*m_store, "teachers", {}).value(QLatin1String("rows")).toArray();
    QCOMPARE(rows.size(), 3);
    const auto primary = rows[0].toObject();
    QCOMPARE(field(primary, "teachers"), 1);
    QCOMPARE(field(primary, "pupils"), 7);
    QVERIFY(primary.value(QLatin1String("within_norm")).toBool());
    const auto junior = rows[1].toObject();
    QCOMPARE(field(junior, "teachers"), 5);
    QCOMPARE(junior.value(QLatin1String("pupils_per_teacher")).toDouble(), 24.8);
    QCOMPARE(junior.value(QLatin1String("norm")).toDouble(), 13.5);
    QVERIFY(!junior.value(QLatin1String("within_norm")).toBool());
    QVERIFY(!rows[2].toObject().value(QLatin1String("within_norm")).toBool());  // no senior teachers
}

void TestReports::specialGroups_counted()
{
    const auto totals = run(*m_store, "special_groups", {{"by", "township"}}).value(QLatin1String("totals")).toObject();
    QCOMPARE(field(totals, "pupils"), 131);
    QCOMPARE(field(totals, "left_behind"), 1);
    QCOMPARE(field(totals, "boarding"), 1);
    QCOMPARE(field(totals, "migrant"), 0);
}

void TestReports::duplicates_sameIdInTwoSchoolsAndLikelyTwins()
{
    const auto r = run(*m_store, "duplicates", {});
    const auto totals = r.value(QLatin1String("totals")).toObject();
    QCOMPARE(field(totals, "same_id"), 1);
    QCOMPARE(field(totals, "likely"), 1);
    const auto rows = r.value(QLatin1String("rows")).toArray();
    const auto same = rows[0].toObject();
    QCOMPARE(same.value(QLatin1String("kind")).toString(), QStringLiteral("same_id"));
    QCOMPARE(field(same, "schools"), 2);
    QCOMPARE(same.value(QLatin1String("members")).toArray().size(), 2);
    QVERIFY(!same.value(QLatin1String("advice_zh")).toString().isEmpty());
    const auto likely = rows[1].toObject();
    QCOMPARE(likely.value(QLatin1String("kind")).toString(), QStringLiteral("likely"));
    QCOMPARE(field(likely, "records"), 30);  // the passport pupil and the 29 boys of 初一 born that day
}

void TestReports::dataQuality_silentSchoolsByLastSync()
{
    const auto r = run(*m_store, "data_quality", {});
    const auto rows = r.value(QLatin1String("rows")).toArray();
    QCOMPARE(rows.size(), 4);
    // Silent for more than 7 days (the default): B (10 days), C (never synced), D (no device).
    QCOMPARE(field(r.value(QLatin1String("totals")).toObject(), "silent_schools"), 3);
    QVERIFY(!rows[0].toObject().value(QLatin1String("silent")).toBool());
    QVERIFY(rows[1].toObject().value(QLatin1String("silent")).toBool());
    QVERIFY(rows[0].toObject().value(QLatin1String("last_sync_ms")).toDouble() > 0);
    QCOMPARE(field(rows[3].toObject(), "devices"), 0);
    QCOMPARE(field(rows[0].toObject(), "missing_ethnicity"), 1);
    const auto month = run(*m_store, "data_quality", {{"silent_days", "30"}});
    QCOMPARE(field(month.value(QLatin1String("totals")).toObject(), "silent_schools"), 2);
}

void TestReports::dataQuality_countsRefusedChangesMissingRequiredFields()
{
    const auto r = run(*m_store, "data_quality", {});
    const auto rows = r.value(QLatin1String("rows")).toArray();
    QCOMPARE(rows[2].toObject().value(QLatin1String("key")).toString(), QStringLiteral("3604290003"));
    QCOMPARE(field(rows[2].toObject(), "missing_required"), 1);  // the pupil sent with no name
    QCOMPARE(field(rows[2].toObject(), "rejected_changes"), 2);
    QCOMPARE(field(rows[2].toObject(), "devices"), 1);
    QCOMPARE(field(rows[2].toObject(), "staff"), 1);
    QCOMPARE(field(rows[1].toObject(), "missing_required"), 0);
    QCOMPARE(field(rows[1].toObject(), "staff"), 6);
    QCOMPARE(field(rows[3].toObject(), "pupils"), 0);
    QCOMPARE(field(r.value(QLatin1String("totals")).toObject(), "missing_required"), 1);
}

void TestReports::classSize_bySizeBand()
{
    const auto r = run(*m_store, "class_size", {{"by", "size"}});
    const auto rows = r.value(QLatin1String("rows")).toArray();
    // The national statistics' ten bands, also the empty ones: A's 3 and 1, C's 3; B's 57; B's 67.
    QCOMPARE(rows.size(), 10);
    const int expected[10] = {3, 0, 0, 0, 0, 0, 0, 1, 0, 1};
    const char *keys[10] = {"-25", "26-30", "31-35", "36-40", "41-45", "46-50", "51-55", "56-60", "61-65", "66-"};
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(rows[i].toObject().value(QLatin1String("key")).toString(), QLatin1String(keys[i]));
        QCOMPARE(field(rows[i].toObject(), "classes"), expected[i]);
    }
    QCOMPARE(field(rows[0].toObject(), "pupils"), 7);
    QCOMPARE(rows[0].toObject().value(QLatin1String("label")).toString(), QString::fromUtf8("25人及以下"));
    QCOMPARE(rows[9].toObject().value(QLatin1String("label")).toString(), QString::fromUtf8("66人及以上"));
    QCOMPARE(field(r.value(QLatin1String("totals")).toObject(), "classes"), 5);
}

void TestReports::schools_byTypeTownshipAndSchool()
{
    const auto byType = run(*m_store, "schools", {{"by", "type"}});
    const auto types = byType.value(QLatin1String("rows")).toArray();
    QCOMPARE(types.size(), 3);
    QCOMPARE(types[0].toObject().value(QLatin1String("key")).toString(), QStringLiteral("211"));
    QCOMPARE(types[0].toObject().value(QLatin1String("label")).toString(), QString::fromUtf8("小学"));
    QCOMPARE(field(types[0].toObject(), "schools"), 2);  // A and the empty D
    QCOMPARE(field(types[0].toObject(), "pupils"), 4);
    QCOMPARE(field(types[2].toObject(), "classes"), 2);  // B: 七年级1班, 八年级1班
    const auto totals = byType.value(QLatin1String("totals")).toObject();
    QCOMPARE(field(totals, "schools"), 4);
    QCOMPARE(field(totals, "pupils"), 131);
    QCOMPARE(field(totals, "classes"), 5);
    QCOMPARE(field(totals, "staff"), 8);
    QCOMPARE(field(totals, "full_time_teachers"), 6);

    const auto towns = run(*m_store, "schools", {{"by", "township"}}).value(QLatin1String("rows")).toArray();
    QCOMPARE(towns.size(), 2);
    QCOMPARE(field(towns[1].toObject(), "schools"), 3);
    QCOMPARE(field(towns[1].toObject(), "pupils"), 128);

    const auto one = run(*m_store, "schools", {{"school", "3604290003"}}).value(QLatin1String("rows")).toArray();
    QCOMPARE(one.size(), 1);
    const auto c = one[0].toObject();
    QCOMPARE(c.value(QLatin1String("type")).toString(), QString::fromUtf8("小学教学点"));
    QCOMPARE(c.value(QLatin1String("township")).toString(), QString::fromUtf8("乙乡"));
    QCOMPARE(field(c, "pupils"), 3);
    QCOMPARE(field(c, "staff"), 1);
    QCOMPARE(field(c, "full_time_teachers"), 0);
}

void TestReports::staff_byPostSexAndStage()
{
    const auto byPost = run(*m_store, "staff", {{"by", "post"}});
    const auto posts = byPost.value(QLatin1String("rows")).toArray();
    QCOMPARE(posts.size(), 3);
    QCOMPARE(posts[0].toObject().value(QLatin1String("label")).toString(), QString::fromUtf8("专任教师"));
    QCOMPARE(field(posts[0].toObject(), "total"), 6);
    QCOMPARE(field(posts[0].toObject(), "female"), 1);
    QCOMPARE(field(posts[1].toObject(), "total"), 1);
    QCOMPARE(posts[2].toObject().value(QLatin1String("key")).toString(), QStringLiteral("4"));
    const auto totals = byPost.value(QLatin1String("totals")).toObject();
    QCOMPARE(field(totals, "total"), 8);
    QCOMPARE(field(totals, "male"), 7);
    QCOMPARE(field(totals, "female"), 1);
    QCOMPARE(field(totals, "teachers_primary"), 1);
    QCOMPARE(field(totals, "teachers_junior"), 5);
    QCOMPARE(field(totals, "teachers_senior"), 0);
    QCOMPARE(field(totals, "full_time_teachers"), 6);

    const auto schools = run(*m_store, "staff", {{"by", "school"}, {"township", "甲镇"}}).value(QLatin1String("rows")).toArray();
    QCOMPARE(schools.size(), 2);
    QCOMPARE(field(schools[1].toObject(), "total"), 6);
    QCOMPARE(field(schools[1].toObject(), "teachers_junior"), 5);
    QCOMPARE(schools[1].toObject().value(QLatin1String("label")).toString(), QString::fromUtf8("甲镇中学"));
}

void TestReports::badRequests_areIssuesNotCrashes()
{
    QCOMPARE(run(*m_store, "no_such_report", {}).value(QLatin1String("issue")).toString(), QStringLiteral("bad_request"));
    QCOMPARE(run(*m_store, "enrolment", {{"by", "x; DROP TABLE students"}}).value(QLatin1String("issue")).toString(),
             QStringLiteral("bad_request"));
    QCOMPARE(run(*m_store, "enrolment", {{"grade", "十三年级"}}).value(QLatin1String("issue")).toString(),
             QStringLiteral("bad_request"));
    QCOMPARE(run(*m_store, "staff", {{"by", "grade"}}).value(QLatin1String("issue")).toString(),
             QStringLiteral("bad_request"));
    QCOMPARE(run(*m_store, "schools", {{"by", "class"}}).value(QLatin1String("issue")).toString(),
             QStringLiteral("bad_request"));
    QCOMPARE(run(*m_store, "data_quality", {{"silent_days", "-1"}}).value(QLatin1String("issue")).toString(),
             QStringLiteral("bad_request"));
    // A township that is not there is an empty report, not an error.
    QCOMPARE(field(run(*m_store, "enrolment", {{"township", "' OR 1=1 --"}}).value(QLatin1String("totals")).toObject(),
                   "total"),
             0);
}

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
