// The 人事股's reports on a few teachers written by hand in a real SQLite store: structure on a
// given day, 学时 in the cycle against 360, honours, assessments and the IT skills test, and who
// may see single teachers. Every figure is counted here from the rows below.
#include "ReportTestSupport.h"
#include "store/SqliteStore.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;
using namespace emis::server;
using namespace emis::server::testing;

namespace {

QJsonObject totals(const QJsonObject &r) { return r.value(QLatin1String("totals")).toObject(); }
QJsonArray rows(const QJsonObject &r) { return r.value(QLatin1String("rows")).toArray(); }
double real(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toDouble(); }

} // namespace

class TestReportStaff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_store->close(); }
    void structure_ageTitleEducationStaffingBackbone();
    void training_hoursInTheCycleAgainst360();
    void training_listOfTeachersShort_onlyForStaffFileRoles();
    void honours_byYearAndLevel();
    void assessment_resultsAndItTestNotPassed();
    void search_byNameStaffNoIdNumberAndTitle_onlyForStaffFileRoles();
    void file_holdsTheWholeGrowthFile();
    void badParameters_areIssues();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteStore> m_store;
};

// School A (甲镇): 刘 (born 1996-09-02: 29 on 2026-09-01), 陈 (1986-03-01: 40), 黄 (1970-01-01: 56),
// all 专任教师; school B (乙乡): 吴 (1975-09-01: 51 that very day), 行政人员; a deleted teacher at B
// who counts nowhere.
void TestReportStaff::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = std::make_unique<SqliteStore>(m_dir.filePath(QStringLiteral("emis.db")).toStdString());
    m_store->write([](StoreSession &s) {
        const auto &schools = *schema::findTable("schools");
        const StoredRow a = makeRow("schools", {}, {{"code", "3604290001"}, {"name", "甲镇中学"}, {"school_type", "初中"}, {"township", "甲镇"}});
        const StoredRow b = makeRow("schools", {}, {{"code", "3604290002"}, {"name", "乙乡小学"}, {"school_type", "小学"}, {"township", "乙乡"}});
        s.saveRow(schools, a);
        s.saveRow(schools, b);
        int serial = 10;
        const auto teacher = [&](const StoredRow &school, const char *name, const char *birth, Raw extra) {
            Raw raw = {{"name", name}, {"sex", "女"}, {"birth_date", birth},
                       {"id_number", idNumber(std::string(birth).erase(7, 1).erase(4, 1), serial += 2)},
                       {"post_category", "专任教师"}, {"staff_no", "T" + std::to_string(serial)}};
            for (auto &[k, v] : extra)
                raw[k] = v;
            StoredRow row = makeRow("staff", school.id, raw);
            s.saveRow(*schema::findTable("staff"), row);
            return row;
        };
        const StoredRow liu = teacher(a, "刘芳", "1996-09-02", {{"title", "二级教师"}, {"education", "本科"}, {"staffing", "特岗"}});
        const StoredRow chen = teacher(a, "陈静", "1986-03-01",
                                       {{"title", "小学高级教师"}, {"education", "硕士"}, {"staffing", "在编"}, {"backbone", "县级骨干"}});
        const StoredRow huang = teacher(a, "黄梅", "1970-01-01", {{"title", "高级教师"}, {"education", "中师"}, {"staffing", "在编"}});
        const StoredRow wu = teacher(b, "吴红", "1975-09-01", {{"post_category", "行政人员"}, {"education", "大专"}});
        // 退休: found by the search, counted by no figure.
        teacher(b, "钱休", "1964-02-02", {{"title", "高级教师"}, {"status", "退休"}});
        StoredRow gone = teacher(b, "郑走", "1980-05-05", {{"title", "一级教师"}});
        gone.deleted = true;
        s.saveRow(*schema::findTable("staff"), gone);

        const auto add = [&](const char *table, const StoredRow &who, Raw raw) {
            raw["staff_id"] = who.id;
            s.saveRow(*schema::findTable(table), makeRow(table, who.schoolId, raw));
        };
        // 学时 in 2021–2025: 刘 120 + 250 = 370 (the 2026 course and the 2020 one are outside),
        // 陈 100, 黄 none; 吴 is not a 专任教师 and is not counted.
        add("staff_training", liu, {{"course", "国培"}, {"start_date", "2021-07-01"}, {"hours", "120"}, {"level", "国家级"}});
        add("staff_training", liu, {{"course", "县培"}, {"start_date", "2025-12-31"}, {"hours", "250"}, {"level", "县级"}});
        add("staff_training", liu, {{"course", "校本"}, {"start_date", "2026-01-01"}, {"hours", "30"}, {"level", "校本"}});
        add("staff_training", liu, {{"course", "旧"}, {"start_date", "2020-12-31"}, {"hours", "40"}});
        add("staff_training", chen, {{"course", "市培"}, {"start_date", "2023-04-01"}, {"hours", "100"}, {"level", "市级"}});
        add("staff_training", wu, {{"course", "管理"}, {"start_date", "2023-04-01"}, {"hours", "400"}});
        // Honours: 2024 县级 ×2 (陈, 黄), 2025 省级 (陈); 吴's 2024 校级 counts (every member of staff).
        add("staff_honours", chen, {{"title", "优秀教师"}, {"award_date", "2024-09-10"}, {"level", "县级"}});
        add("staff_honours", huang, {{"title", "优秀班主任"}, {"award_date", "2024-09-10"}, {"level", "县级"}});
        add("staff_honours", chen, {{"title", "教学能手"}, {"award_date", "2025-05-01"}, {"level", "省级"}});
        add("staff_honours", wu, {{"title", "先进个人"}, {"award_date", "2024-01-20"}, {"level", "校级"}});
        // 2025: 年度 优秀 刘, 合格 陈 and 吴, none for 黄; 师德 合格 for all four but 黄's 不合格.
        add("staff_assessments", liu, {{"year", "2025"}, {"kind", "年度考核"}, {"result", "优秀"}});
        add("staff_assessments", chen, {{"year", "2025"}, {"kind", "年度考核"}, {"result", "合格"}});
        add("staff_assessments", wu, {{"year", "2025"}, {"kind", "年度考核"}, {"result", "合格"}});
        add("staff_assessments", liu, {{"year", "2024"}, {"kind", "年度考核"}, {"result", "不合格"}});
        for (const StoredRow *who : {&liu, &chen, &wu})
            add("staff_assessments", *who, {{"year", "2025"}, {"kind", "师德考核"}, {"result", "合格"}});
        add("staff_assessments", huang, {{"year", "2025"}, {"kind", "师德考核"}, {"result", "不合格"}});
        // IT test: 刘 failed then passed; 陈 failed only; 黄 never sat: two 专任教师 not passed.
        add("staff_it_tests", liu, {{"test_date", "2022-06-01"}, {"result", "未通过"}});
        add("staff_it_tests", liu, {{"test_date", "2023-06-01"}, {"result", "通过"}});
        add("staff_it_tests", chen, {{"test_date", "2022-06-01"}, {"result", "不合格"}});
    });
}

void TestReportStaff::structure_ageTitleEducationStaffingBackbone()
{
    const auto r = run(*m_store, "staff_structure", {{"by", "school"}, {"on", "2026-09-01"}});
    const QJsonObject t = totals(r);
    QCOMPARE(field(t, "total"), 4);
    QCOMPARE(field(t, "female"), 4);
    QCOMPARE(field(t, "age_30_under"), 1);  // 刘, 29 (30 on 2026-09-02)
    QCOMPARE(field(t, "age_31_40"), 1);     // 陈, 40
    QCOMPARE(field(t, "age_41_50"), 0);
    QCOMPARE(field(t, "age_51_over"), 2);   // 吴 turned 51 that day, 黄 56
    QCOMPARE(field(t, "title_senior"), 1);  // 黄
    QCOMPARE(field(t, "title_middle"), 1);  // 陈: 小学高级 is 一级 now
    QCOMPARE(field(t, "title_junior"), 1);  // 刘: 二级
    QCOMPARE(field(t, "title_unknown"), 1); // 吴
    QCOMPARE(field(t, "education_postgraduate"), 1);
    QCOMPARE(field(t, "education_bachelor"), 1);
    QCOMPARE(field(t, "education_college"), 1);
    QCOMPARE(field(t, "education_below"), 1);  // 中师
    QCOMPARE(field(t, "staffing_1"), 2);
    QCOMPARE(field(t, "staffing_4"), 1);
    QCOMPARE(field(t, "staffing_none"), 1);
    QCOMPARE(field(t, "backbone_2"), 1);
    QCOMPARE(field(t, "backbone_none"), 3);
    QCOMPARE(rows(r).size(), 2);
    QCOMPARE(field(rows(r)[1].toObject(), "age_51_over"), 1);
    // A day earlier 吴 is still 50.
    const auto before = totals(run(*m_store, "staff_structure", {{"by", "county"}, {"on", "2026-08-31"}}));
    QCOMPARE(field(before, "age_41_50"), 1);
    QCOMPARE(field(before, "age_51_over"), 1);
}

void TestReportStaff::training_hoursInTheCycleAgainst360()
{
    const auto r = run(*m_store, "staff_training", {{"by", "school"}, {"cycle", "2021"}});
    const QJsonObject t = totals(r);
    QCOMPARE(field(t, "teachers"), 3);
    QCOMPARE(real(t, "hours"), 470.0);
    QCOMPARE(real(t, "hours_per_teacher"), 156.7);
    QCOMPARE(field(t, "short_of_360"), 2);  // 陈 100, 黄 0
    QCOMPARE(real(t, "short_rate"), 66.7);
    QCOMPARE(rows(r).size(), 1);  // B has no 专任教师
    // The next cycle holds 刘's 2026 course only.
    const auto next = totals(run(*m_store, "staff_training", {{"by", "county"}, {"cycle", "2026"}}));
    QCOMPARE(real(next, "hours"), 30.0);
    QCOMPARE(field(next, "short_of_360"), 3);
}

void TestReportStaff::training_listOfTeachersShort_onlyForStaffFileRoles()
{
    for (const char *role : {"admin", "staffing"}) {
        const auto r = run(*m_store, "staff_training", {{"cycle", "2021"}, {"list", "short"}}, role);
        const QJsonArray list = rows(r);
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].toObject().value(QLatin1String("name")).toString(), QString::fromUtf8("黄梅"));
        QCOMPARE(real(list[0].toObject(), "missing"), 360.0);
        QCOMPARE(list[1].toObject().value(QLatin1String("name")).toString(), QString::fromUtf8("陈静"));
        QCOMPARE(real(list[1].toObject(), "hours"), 100.0);
    }
    for (const char *role : {"enrolment", "teaching", "inspector", "unknown"})
        QCOMPARE(run(*m_store, "staff_training", {{"list", "short"}}, role).value(QLatin1String("issue")).toString(),
                 QStringLiteral("not_allowed"));
    // The counts themselves are for every officer.
    QCOMPARE(field(totals(run(*m_store, "staff_training", {{"cycle", "2021"}}, "inspector")), "teachers"), 3);
}

void TestReportStaff::honours_byYearAndLevel()
{
    const auto r = run(*m_store, "staff_honours", {{"by", "year"}});
    const QJsonArray years = rows(r);
    QCOMPARE(years.size(), 2);
    QCOMPARE(years[0].toObject().value(QLatin1String("key")).toString(), QStringLiteral("2024"));
    QCOMPARE(field(years[0].toObject(), "level_4"), 2);
    QCOMPARE(field(years[0].toObject(), "level_5"), 1);
    QCOMPARE(field(years[1].toObject(), "level_2"), 1);
    QCOMPARE(field(totals(r), "total"), 4);
    const auto only2025 = totals(run(*m_store, "staff_honours", {{"by", "school"}, {"year", "2025"}}));
    QCOMPARE(field(only2025, "total"), 1);
}

void TestReportStaff::assessment_resultsAndItTestNotPassed()
{
    const auto r = run(*m_store, "staff_assessment", {{"by", "school"}, {"year", "2025"}});
    const QJsonObject t = totals(r);
    QCOMPARE(field(t, "staff"), 4);
    QCOMPARE(field(t, "annual_1"), 1);
    QCOMPARE(field(t, "annual_2"), 2);
    QCOMPARE(field(t, "annual_4"), 0);  // 刘's 不合格 was 2024
    QCOMPARE(field(t, "annual_none"), 1);
    QCOMPARE(field(t, "ethics_2"), 3);
    QCOMPARE(field(t, "ethics_4"), 1);
    QCOMPARE(field(t, "ethics_none"), 0);
    QCOMPARE(field(t, "it_not_passed"), 2);  // 陈 failed, 黄 never sat; 吴 is no 专任教师
}

void TestReportStaff::search_byNameStaffNoIdNumberAndTitle_onlyForStaffFileRoles()
{
    const auto names = [&](report::Params p) {
        QStringList out;
        for (const auto &v : rows(run(*m_store, "staff_search", std::move(p))))
            out << v.toObject().value(QLatin1String("name")).toString();
        return out;
    };
    QCOMPARE(names({{"q", "陈静"}}), QStringList{QString::fromUtf8("陈静")});
    QCOMPARE(names({{"q", "黄"}}), QStringList{QString::fromUtf8("黄梅")});  // a surname alone
    QCOMPARE(names({{"q", "T14"}}), QStringList{QString::fromUtf8("陈静")});  // 工号
    QCOMPARE(names({{"title", "小学高级教师"}}), QStringList{QString::fromUtf8("陈静")});  // 一级教师 now
    QCOMPARE(names({{"school", "3604290002"}}), (QStringList{QString::fromUtf8("吴红"), QString::fromUtf8("钱休")}));
    QCOMPARE(names({{"q", "郑走"}}), QStringList{});  // deleted
    const auto retired = rows(run(*m_store, "staff_search", {{"q", "钱休"}}));
    QCOMPARE(retired.size(), 1);
    QCOMPARE(retired[0].toObject().value(QLatin1String("status")).toString(), QString::fromUtf8("退休"));
    const auto hit = rows(run(*m_store, "staff_search", {{"q", "刘芳"}}))[0].toObject();
    QCOMPARE(hit.value(QLatin1String("school_name")).toString(), QString::fromUtf8("甲镇中学"));
    QCOMPARE(hit.value(QLatin1String("title")).toString(), QString::fromUtf8("二级教师"));
    const QString id = hit.value(QLatin1String("id_number")).toString();
    QCOMPARE(names({{"q", id.toStdString()}}), QStringList{QString::fromUtf8("刘芳")});
    for (const char *role : {"enrolment", "teaching", "inspector"}) {
        QCOMPARE(run(*m_store, "staff_search", {{"q", "刘芳"}}, role).value(QLatin1String("issue")).toString(),
                 QStringLiteral("not_allowed"));
        QCOMPARE(run(*m_store, "staff_file", {{"staff", "x"}}, role).value(QLatin1String("issue")).toString(),
                 QStringLiteral("not_allowed"));
    }
    QCOMPARE(run(*m_store, "staff_search", {}, "staffing").value(QLatin1String("issue")).toString(), QStringLiteral("bad_request"));
}

void TestReportStaff::file_holdsTheWholeGrowthFile()
{
    const QString liu = rows(run(*m_store, "staff_search", {{"q", "刘芳"}}))[0].toObject().value(QLatin1String("key")).toString();
    const auto file = run(*m_store, "staff_file", {{"staff", liu.toStdString()}}, "staffing");
    QCOMPARE(file.value(QLatin1String("staff")).toObject().value(QLatin1String("name")).toString(), QString::fromUtf8("刘芳"));
    QCOMPARE(file.value(QLatin1String("school_name")).toString(), QString::fromUtf8("甲镇中学"));
    std::map<QString, int> counts;
    for (const auto &v : file.value(QLatin1String("sections")).toArray())
        counts[v.toObject().value(QLatin1String("table")).toString()] = int(rows(v.toObject()).size());
    QCOMPARE(counts[QStringLiteral("staff_training")], 4);
    QCOMPARE(counts[QStringLiteral("staff_assessments")], 3);
    QCOMPARE(counts[QStringLiteral("staff_it_tests")], 2);
    QCOMPARE(counts[QStringLiteral("staff_honours")], 0);
    QVERIFY(counts.count(QStringLiteral("staff_changes")));
    // Codes by their names.
    for (const auto &v : file.value(QLatin1String("sections")).toArray())
        if (v.toObject().value(QLatin1String("table")).toString() == QLatin1String("staff_it_tests"))
            QVERIFY(rows(v.toObject())[0].toObject().value(QLatin1String("result")).toString().contains(QString::fromUtf8("通过")));
    QCOMPARE(run(*m_store, "staff_file", {{"staff", "no-such-id"}}).value(QLatin1String("issue")).toString(),
             QStringLiteral("bad_request"));
}

void TestReportStaff::badParameters_areIssues()
{
    for (const auto &[name, params] : std::vector<std::pair<const char *, report::Params>>{
             {"staff_structure", {{"on", "2026-9-1"}}},
             {"staff_structure", {{"on", "2026-09-01' OR 1"}}},
             {"staff_structure", {{"by", "grade"}}},
             {"staff_training", {{"cycle", "2023"}}},
             {"staff_training", {{"cycle", "20x1"}}},
             {"staff_training", {{"list", "everyone"}}},
             {"staff_honours", {{"year", "last"}}},
             {"staff_assessment", {{"year", "2025; DROP TABLE staff"}}}})
        QCOMPARE(run(*m_store, name, params).value(QLatin1String("issue")).toString(), QStringLiteral("bad_request"));
}

QTEST_GUILESS_MAIN(TestReportStaff)
#include "tst_report_staff.moc"
