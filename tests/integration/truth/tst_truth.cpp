// The truth test: the demo county made by `emisctl demo`, every one of its schools enrolled,
// imported and synced through the real emis-cli against the real emis-server, and then every
// figure of the generator's aggregates.json compared, exactly, with the county reports a bureau
// officer receives over the protocol (and one through `emisctl report --json`). No figure of
// the file may go unchecked.
#include "CliRunner.h"
#include "EquipmentTruth.h"
#include "ExamTruth.h"
#include "ExpectedFigures.h"
#include "SchoolRollout.h"
#include "ServerFixture.h"
#include "TestClient.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;

namespace {

using Params = std::map<std::string, std::string>;

QString path(const char *pattern) { return QLatin1String(pattern); }
QString at(const QString &base, const char *leaf) { return base + QLatin1Char('/') + QLatin1String(leaf); }
QJsonArray rows(const QJsonObject &doc) { return doc.value(QLatin1String("rows")).toArray(); }
QJsonObject totals(const QJsonObject &doc) { return doc.value(QLatin1String("totals")).toObject(); }

QHash<QString, QJsonObject> byKey(const QJsonObject &doc)
{
    QHash<QString, QJsonObject> out;
    for (const auto &r : rows(doc))
        out.insert(r.toObject().value(QLatin1String("key")).toString(), r.toObject());
    return out;
}

QJsonValue v(const QJsonObject &row, const char *key) { return row.value(QLatin1String(key)); }

} // namespace

class TestTruth : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everySchool_enrollsImportsAndSyncsThroughEmisCli();
    void schools_matchSchoolsReport();
    void pupils_matchEnrolmentReport();
    void drillDown_countyTownshipSchoolGradeClass();
    void classes_matchClassSizeReport();
    void teachersAndStaff_matchTeacherAndStaffReports();
    void specialGroups_matchCountyAndSchools();
    void staffFiles_matchStaffReports();
    void equipment_matchesEquipmentReports();
    void jointExam_matchesExamAnalysis_atTheBureauAndTheSchool();
    void duplicatesAndDataQuality_cleanForEverySchool();
    void emisctlReport_equalsProtocolReport();
    void everyFigureOfAggregatesWasChecked();

private:
    QJsonObject report(const char *name, const Params &params = {});
    QJsonObject schoolRow(int i) const { return m_expected.root().value(QLatin1String("by_school")).toArray()[i].toObject(); }
    int schoolCount() const { return static_cast<int>(m_expected.root().value(QLatin1String("by_school")).toArray().size()); }
    void expectRowCount(const QString &what, const QJsonObject &doc, qsizetype expected);
    bool noNewMismatches(qsizetype from) const;

    ServerFixture m_server;
    QTemporaryDir m_devices;
    ExpectedFigures m_expected;
    TestClient m_officer;
    qint64 m_syncStartedMs = 0;
};

void TestTruth::initTestCase()
{
    QVERIFY(m_server.init(false));
    const auto demo = m_server.ctl({QStringLiteral("demo"), QStringLiteral("--dir"), m_server.dir()});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    QVERIFY(m_expected.load(m_server.dir() + QStringLiteral("/demo/aggregates.json")));
    const auto user = m_server.ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--dir"), m_server.dir(),
                                    QStringLiteral("--name"), QStringLiteral("truth"), QStringLiteral("--role"),
                                    QStringLiteral("admin")},
                                   "county figures 2026\n");
    QCOMPARE(user.exitCode, 0);
    QVERIFY(m_server.start());
    QVERIFY(m_devices.isValid());
}

QJsonObject TestTruth::report(const char *name, const Params &params)
{
    wire::Envelope e;
    e.mutable_report_request()->set_name(name);
    for (const auto &[k, value] : params)
        (*e.mutable_report_request()->mutable_parameters())[k] = value;
    const auto r = m_officer.request(e, 60000);
    if (!r || !r->has_report_response()) {
        m_expected.mismatch(QStringLiteral("report %1 failed: %2")
                                .arg(QLatin1String(name), r && r->has_error() ? QString::fromStdString(r->error().code())
                                                                               : QStringLiteral("no answer")));
        return {};
    }
    return QJsonDocument::fromJson(QByteArray::fromStdString(r->report_response().json())).object();
}

void TestTruth::expectRowCount(const QString &what, const QJsonObject &doc, qsizetype expected)
{
    if (rows(doc).size() != expected)
        m_expected.mismatch(QStringLiteral("%1: %2 rows, aggregates.json has %3").arg(what).arg(rows(doc).size()).arg(expected));
}

bool TestTruth::noNewMismatches(qsizetype from) const
{
    const auto &all = m_expected.mismatches();
    for (qsizetype i = from; i < all.size() && i < from + 40; ++i)
        qWarning("%s", qPrintable(all[i]));
    return all.size() == from;
}

void TestTruth::everySchool_enrollsImportsAndSyncsThroughEmisCli()
{
    std::vector<RolloutSchool> schools;
    for (int i = 0; i < schoolCount(); ++i) {
        const QJsonObject s = schoolRow(i);
        schools.push_back({s.value(QLatin1String("code")).toString(), s.value(QLatin1String("pupils")).toInt(),
                           s.value(QLatin1String("staff")).toInt()});
    }
    QCOMPARE(static_cast<int>(schools.size()), 122);
    const int jobs = qEnvironmentVariableIsSet("EMIS_TRUTH_JOBS") ? qEnvironmentVariableIntValue("EMIS_TRUTH_JOBS") : 3;
    m_syncStartedMs = QDateTime::currentMSecsSinceEpoch();
    const RolloutResult r = rollOut(m_server, m_server.dir() + QStringLiteral("/demo/rosters"), m_devices.path(), schools, jobs);
    qInfo("%zu schools through emis-cli, %d at a time: %lld ms", schools.size(), jobs, r.wallMs);
    for (int i = 0; i < RolloutResult::kSteps; ++i)
        qInfo("  %-26s %7lld ms in all", RolloutResult::stepName(i), r.stepMs[static_cast<std::size_t>(i)]);
    for (const QString &f : r.failures)
        qWarning("%s", qPrintable(f.left(2000)));
    QVERIFY(r.failures.isEmpty());
    QVERIFY(m_officer.connectTo(m_server.port(), m_server.caPem()));
    QVERIFY(m_officer.hello());
    wire::Envelope login;
    login.mutable_login_request()->set_user("truth");
    login.mutable_login_request()->set_password("county figures 2026");
    const auto answer = m_officer.request(login);
    QVERIFY(answer && answer->has_login_response());
}

void TestTruth::schools_matchSchoolsReport()
{
    const auto before = m_expected.mismatches().size();
    const QJsonObject county = report("schools", {{"by", "county"}});
    m_expected.check(path("/schools/total"), v(totals(county), "schools"), QStringLiteral("schools totals"));

    const QJsonObject types = report("schools", {{"by", "type"}});
    const auto type = byKey(types);
    const QJsonObject expectedTypes = m_expected.at(path("/schools/by_type")).toObject();
    expectRowCount(QStringLiteral("schools by=type"), types, expectedTypes.size());
    for (auto it = expectedTypes.begin(); it != expectedTypes.end(); ++it)
        m_expected.check(QStringLiteral("/schools/by_type/") + it.key(), v(type.value(it.key()), "schools"),
                         QStringLiteral("schools by=type ") + it.key());
    // The kinds are the generator's; the store knows the 办学类型 each stands for, and the two
    // kinds of 小学 (中心小学, 村小) share one.
    const std::pair<const char *, const char *> kinds[] = {{"complete_secondary", "341"}, {"nine_year", "312"},
                                                           {"junior_secondary", "311"}, {"teaching_point", "218"}};
    for (const auto &[kind, code] : kinds)
        m_expected.check(QStringLiteral("/schools/by_kind/") + QLatin1String(kind),
                         v(type.value(QLatin1String(code)), "schools"), QStringLiteral("schools by=type ") + QLatin1String(code));
    m_expected.checkSum({path("/schools/by_kind/central_primary"), path("/schools/by_kind/village_primary")},
                        v(type.value(QStringLiteral("211")), "schools").toInteger(), QStringLiteral("schools by=type 211"));

    const QJsonObject towns = report("schools", {{"by", "township"}});
    const auto town = byKey(towns);
    const QJsonArray expectedTowns = m_expected.at(path("/pupils/by_township")).toArray();
    expectRowCount(QStringLiteral("schools by=township"), towns, expectedTowns.size());
    for (qsizetype i = 0; i < expectedTowns.size(); ++i) {
        const QString base = QStringLiteral("/pupils/by_township/%1").arg(i);
        const QString name = m_expected.at(at(base, "township")).toString();
        m_expected.check(at(base, "township"), v(town.value(name), "label"), QStringLiteral("schools by=township"));
        m_expected.check(at(base, "schools"), v(town.value(name), "schools"), QStringLiteral("schools by=township ") + name);
    }

    const QJsonObject list = report("schools", {{"by", "school"}});
    const auto school = byKey(list);
    expectRowCount(QStringLiteral("schools by=school"), list, schoolCount());
    for (int i = 0; i < schoolCount(); ++i) {
        const QString base = QStringLiteral("/by_school/%1").arg(i);
        const QJsonObject row = school.value(m_expected.at(at(base, "code")).toString());
        const QString where = QStringLiteral("schools by=school");
        m_expected.check(at(base, "code"), v(row, "key"), where);
        m_expected.check(at(base, "name"), v(row, "label"), where);
        m_expected.check(at(base, "type"), v(row, "type_code"), where);
        m_expected.check(at(base, "township"), v(row, "township"), where);
    }
    QVERIFY(noNewMismatches(before));
}

void TestTruth::pupils_matchEnrolmentReport()
{
    const auto before = m_expected.mismatches().size();
    const QJsonObject county = report("enrolment", {{"by", "county"}});
    m_expected.check(path("/pupils/total"), v(totals(county), "total"), QStringLiteral("enrolment by=county"));

    const auto stage = byKey(report("enrolment", {{"by", "stage"}}));
    for (const char *s : {"primary", "junior", "senior"})
        m_expected.check(QStringLiteral("/pupils/by_stage/") + QLatin1String(s), v(stage.value(QLatin1String(s)), "total"),
                         QStringLiteral("enrolment by=stage"));

    const QJsonObject grades = report("enrolment", {{"by", "grade"}});
    const auto grade = byKey(grades);
    const QJsonObject expectedGrades = m_expected.at(path("/pupils/by_grade")).toObject();
    expectRowCount(QStringLiteral("enrolment by=grade"), grades, expectedGrades.size());
    for (auto it = expectedGrades.begin(); it != expectedGrades.end(); ++it)
        m_expected.check(QStringLiteral("/pupils/by_grade/") + it.key(), v(grade.value(it.key()), "total"),
                         QStringLiteral("enrolment by=grade"));

    const QJsonObject sexes = report("enrolment", {{"by", "sex"}});
    expectRowCount(QStringLiteral("enrolment by=sex"), sexes, 2);
    m_expected.check(path("/pupils/by_sex/male"), v(byKey(sexes).value(QStringLiteral("1")), "total"),
                     QStringLiteral("enrolment by=sex 男"));
    m_expected.check(path("/pupils/by_sex/female"), v(byKey(sexes).value(QStringLiteral("2")), "total"),
                     QStringLiteral("enrolment by=sex 女"));

    const QJsonObject peoples = report("enrolment", {{"by", "ethnicity"}});
    const auto people = byKey(peoples);
    const QJsonArray expectedPeoples = m_expected.at(path("/pupils/by_ethnicity")).toArray();
    expectRowCount(QStringLiteral("enrolment by=ethnicity"), peoples, expectedPeoples.size());
    for (qsizetype i = 0; i < expectedPeoples.size(); ++i) {
        const QString base = QStringLiteral("/pupils/by_ethnicity/%1").arg(i);
        const QJsonObject row = people.value(m_expected.at(at(base, "code")).toString());
        m_expected.check(at(base, "code"), v(row, "key"), QStringLiteral("enrolment by=ethnicity"));
        m_expected.check(at(base, "name"), v(row, "label"), QStringLiteral("enrolment by=ethnicity"));
        m_expected.check(at(base, "pupils"), v(row, "total"), QStringLiteral("enrolment by=ethnicity"));
    }
    QVERIFY(noNewMismatches(before));
}

void TestTruth::drillDown_countyTownshipSchoolGradeClass()
{
    const auto before = m_expected.mismatches().size();
    // County → township.
    const QJsonObject towns = report("enrolment", {{"by", "township"}});
    const auto town = byKey(towns);
    const QJsonArray expectedTowns = m_expected.at(path("/pupils/by_township")).toArray();
    expectRowCount(QStringLiteral("enrolment by=township"), towns, expectedTowns.size());
    QHash<QString, QJsonObject> schoolRows;
    for (qsizetype i = 0; i < expectedTowns.size(); ++i) {
        const QString base = QStringLiteral("/pupils/by_township/%1").arg(i);
        const QString name = m_expected.at(at(base, "township")).toString();
        m_expected.check(at(base, "pupils"), v(town.value(name), "total"), QStringLiteral("enrolment by=township ") + name);
        // Township → its schools.
        const auto inTown = byKey(report("enrolment", {{"by", "school"}, {"township", name.toStdString()}}));
        for (auto it = inTown.begin(); it != inTown.end(); ++it)
            schoolRows.insert(it.key(), it.value());
    }
    if (schoolRows.size() != schoolCount())
        m_expected.mismatch(QStringLiteral("the townships' school lists hold %1 schools").arg(schoolRows.size()));

    for (int i = 0; i < schoolCount(); ++i) {
        const QString base = QStringLiteral("/by_school/%1").arg(i);
        const QString code = m_expected.at(at(base, "code")).toString();
        const QJsonObject row = schoolRows.value(code);
        const QString where = QStringLiteral("enrolment by=school township=… ") + code;
        m_expected.check(at(base, "pupils"), v(row, "total"), where);
        m_expected.check(at(base, "by_sex/male"), v(row, "male"), where);
        m_expected.check(at(base, "by_sex/female"), v(row, "female"), where);
        for (const char *s : {"primary", "junior", "senior"})
            m_expected.check(at(base, "by_stage/") + QLatin1String(s), v(row, s), where);

        // School → grade.
        const QJsonObject grades = report("enrolment", {{"by", "grade"}, {"school", code.toStdString()}});
        const QJsonObject expectedGrades = m_expected.at(at(base, "by_grade")).toObject();
        expectRowCount(where + QStringLiteral(" by=grade"), grades, expectedGrades.size());
        const auto grade = byKey(grades);
        for (auto it = expectedGrades.begin(); it != expectedGrades.end(); ++it)
            m_expected.check(at(base, "by_grade/") + it.key(), v(grade.value(it.key()), "total"),
                             QStringLiteral("enrolment by=grade school=") + code);

        // Grade → class (all the school's classes, keyed grade/class).
        const QJsonObject classes = report("enrolment", {{"by", "class"}, {"school", code.toStdString()}});
        const QJsonArray expectedClasses = m_expected.at(at(base, "classes")).toArray();
        expectRowCount(QStringLiteral("enrolment by=class school=") + code, classes, expectedClasses.size());
        const auto cls = byKey(classes);
        for (qsizetype c = 0; c < expectedClasses.size(); ++c) {
            const QString cbase = at(base, "classes/") + QString::number(c);
            const QString key = QString::number(m_expected.at(at(cbase, "grade")).toInt()) + QLatin1Char('/') +
                                m_expected.at(at(cbase, "name")).toString();
            const QJsonObject crow = cls.value(key);
            const QString cwhere = QStringLiteral("enrolment by=class school=") + code;
            const QString foundKey = v(crow, "key").toString();
            m_expected.check(at(cbase, "grade"), foundKey.isEmpty() ? QJsonValue() : QJsonValue(foundKey.section(QLatin1Char('/'), 0, 0).toInt()), cwhere);
            m_expected.check(at(cbase, "name"), foundKey.isEmpty() ? QJsonValue() : QJsonValue(foundKey.section(QLatin1Char('/'), 1)), cwhere);
            m_expected.check(at(cbase, "pupils"), v(crow, "total"), cwhere);
        }
    }
    QVERIFY(noNewMismatches(before));
}

void TestTruth::classes_matchClassSizeReport()
{
    const auto before = m_expected.mismatches().size();
    const QJsonObject county = totals(report("class_size", {{"by", "county"}}));
    for (const char *k : {"large_56_plus", "very_large_66_plus"})
        m_expected.check(QStringLiteral("/classes/") + QLatin1String(k), v(county, k), QStringLiteral("class_size totals"));
    m_expected.check(path("/classes/total"), v(county, "classes"), QStringLiteral("class_size totals"));

    const QJsonObject sizes = report("class_size", {{"by", "size"}});
    const QJsonArray expectedSizes = m_expected.at(path("/classes/size_distribution")).toArray();
    expectRowCount(QStringLiteral("class_size by=size"), sizes, expectedSizes.size());
    for (qsizetype i = 0; i < expectedSizes.size() && i < rows(sizes).size(); ++i) {
        const QString base = QStringLiteral("/classes/size_distribution/%1").arg(i);
        const QJsonObject row = rows(sizes)[i].toObject();
        const QString key = v(row, "key").toString();  // "-25", "26-30", …, "66-"
        const QString where = QStringLiteral("class_size by=size ") + key;
        m_expected.check(at(base, "min"), key.section(QLatin1Char('-'), 0, 0).toInt(), where);
        if (!m_expected.at(at(base, "max")).isUndefined())
            m_expected.check(at(base, "max"), key.section(QLatin1Char('-'), 1).toInt(), where);
        else if (!key.endsWith(QLatin1Char('-')))
            m_expected.mismatch(where + QStringLiteral(": the last band has an upper bound"));
        m_expected.check(at(base, "classes"), v(row, "classes"), where);
    }

    const auto bySchool = byKey(report("class_size", {{"by", "school"}}));
    const auto byClass = byKey(report("class_size", {{"by", "class"}}));
    for (int i = 0; i < schoolCount(); ++i) {
        const QString base = QStringLiteral("/by_school/%1").arg(i);
        const QString code = m_expected.at(at(base, "code")).toString();
        for (const char *k : {"large_56_plus", "very_large_66_plus"})
            m_expected.check(at(base, k), v(bySchool.value(code), k), QStringLiteral("class_size by=school ") + code);
        const QJsonArray classes = m_expected.at(at(base, "classes")).toArray();
        for (qsizetype c = 0; c < classes.size(); ++c) {
            const QJsonObject expected = classes[c].toObject();
            const QString key = code + QLatin1Char('/') + QString::number(expected.value(QLatin1String("grade")).toInt()) +
                                QLatin1Char('/') + expected.value(QLatin1String("name")).toString();
            m_expected.check(at(base, "classes/") + QString::number(c) + QStringLiteral("/pupils"),
                             v(byClass.value(key), "pupils"), QStringLiteral("class_size by=class ") + key);
        }
    }
    if (byClass.size() != m_expected.at(path("/classes/total")).toInt())
        m_expected.mismatch(QStringLiteral("class_size by=class lists %1 classes").arg(byClass.size()));
    QVERIFY(noNewMismatches(before));
}

void TestTruth::teachersAndStaff_matchTeacherAndStaffReports()
{
    const auto before = m_expected.mismatches().size();
    const QJsonObject teachers = report("teachers");
    m_expected.check(path("/teachers/full_time_total"), v(totals(teachers), "teachers"), QStringLiteral("teachers totals"));
    const auto stage = byKey(teachers);
    for (const char *s : {"primary", "junior", "senior"})
        for (const char *k : {"teachers", "pupils", "pupils_per_teacher", "norm", "within_norm"})
            m_expected.check(QStringLiteral("/teachers/by_stage/%1/%2").arg(QLatin1String(s), QLatin1String(k)),
                             v(stage.value(QLatin1String(s)), k), QStringLiteral("teachers ") + QLatin1String(s));

    const QJsonObject posts = report("staff", {{"by", "post"}});
    const QJsonObject staffTotals = totals(posts);
    m_expected.check(path("/staff/total"), v(staffTotals, "total"), QStringLiteral("staff totals"));
    m_expected.check(path("/staff/by_sex/male"), v(staffTotals, "male"), QStringLiteral("staff totals"));
    m_expected.check(path("/staff/by_sex/female"), v(staffTotals, "female"), QStringLiteral("staff totals"));
    const QJsonArray expectedPosts = m_expected.at(path("/staff/by_post_category")).toArray();
    expectRowCount(QStringLiteral("staff by=post"), posts, expectedPosts.size());
    const auto post = byKey(posts);
    for (qsizetype i = 0; i < expectedPosts.size(); ++i) {
        const QString base = QStringLiteral("/staff/by_post_category/%1").arg(i);
        const QJsonObject row = post.value(m_expected.at(at(base, "code")).toString());
        m_expected.check(at(base, "code"), v(row, "key"), QStringLiteral("staff by=post"));
        m_expected.check(at(base, "name"), v(row, "label"), QStringLiteral("staff by=post"));
        m_expected.check(at(base, "staff"), v(row, "total"), QStringLiteral("staff by=post"));
    }

    const auto bySchool = byKey(report("staff", {{"by", "school"}}));
    for (int i = 0; i < schoolCount(); ++i) {
        const QString base = QStringLiteral("/by_school/%1").arg(i);
        const QString code = m_expected.at(at(base, "code")).toString();
        const QJsonObject row = bySchool.value(code);
        const QString where = QStringLiteral("staff by=school ") + code;
        m_expected.check(at(base, "staff"), v(row, "total"), where);
        m_expected.check(at(base, "full_time_teachers/primary"), v(row, "teachers_primary"), where);
        m_expected.check(at(base, "full_time_teachers/junior"), v(row, "teachers_junior"), where);
        m_expected.check(at(base, "full_time_teachers/senior"), v(row, "teachers_senior"), where);
    }
    QVERIFY(noNewMismatches(before));
}

void TestTruth::specialGroups_matchCountyAndSchools()
{
    const auto before = m_expected.mismatches().size();
    static constexpr const char *kGroups[] = {"left_behind", "migrant", "poverty_registered", "boarding"};
    const QJsonObject county = totals(report("special_groups", {{"by", "county"}}));
    for (const char *g : kGroups)
        m_expected.check(QStringLiteral("/special_groups/") + QLatin1String(g), v(county, g), QStringLiteral("special_groups"));
    const auto bySchool = byKey(report("special_groups", {{"by", "school"}}));
    for (int i = 0; i < schoolCount(); ++i) {
        const QString base = QStringLiteral("/by_school/%1").arg(i);
        const QString code = m_expected.at(at(base, "code")).toString();
        for (const char *g : kGroups)
            m_expected.check(at(base, "special_groups/") + QLatin1String(g), v(bySchool.value(code), g),
                             QStringLiteral("special_groups by=school ") + code);
    }
    QVERIFY(noNewMismatches(before));
}

// The 人事 reports: structure on the reference day, 学时 in the cycle, honours by year and level,
// last year's 年度/师德 results and the IT skills test, against the growth files the schools imported.
void TestTruth::staffFiles_matchStaffReports()
{
    const auto before = m_expected.mismatches().size();
    const std::string on = m_expected.at(path("/reference_date")).toString().toStdString();
    const QJsonObject structure = totals(report("staff_structure", {{"by", "county"}, {"on", on}}));
    for (const char *group : {"by_age_band", "by_title_level", "by_education_level"}) {
        const QString base = QStringLiteral("/staff/") + QLatin1String(group);
        const QJsonObject expected = m_expected.at(base).toObject();
        for (auto it = expected.begin(); it != expected.end(); ++it)
            m_expected.check(base + QLatin1Char('/') + it.key(), structure.value(it.key()), QStringLiteral("staff_structure"));
    }
    qint64 banded = 0;
    for (const char *band : {"age_30_under", "age_31_40", "age_41_50", "age_51_over"})
        banded += v(structure, band).toInteger();
    QCOMPARE(banded, v(structure, "total").toInteger());
    for (const char *group : {"staffing", "backbone"}) {
        const QString base = QStringLiteral("/staff/by_") + QLatin1String(group);
        const QJsonObject expected = m_expected.at(base).toObject();
        for (auto it = expected.begin(); it != expected.end(); ++it)
            m_expected.check(base + QLatin1Char('/') + it.key(),
                             structure.value(QLatin1String(group) + QLatin1Char('_') + it.key()),
                             QStringLiteral("staff_structure ") + QLatin1String(group));
    }

    const std::string cycle = std::to_string(m_expected.at(path("/staff_growth/training_cycle")).toInt());
    const QJsonObject training = report("staff_training", {{"by", "school"}, {"cycle", cycle}});
    for (const char *k : {"teachers", "hours", "short_of_360"})
        m_expected.check(QStringLiteral("/staff_growth/staff_training/") + QLatin1String(k), v(totals(training), k),
                         QStringLiteral("staff_training totals"));
    const auto trainingBySchool = byKey(training);
    const std::string year = std::to_string(m_expected.at(path("/staff_growth/assessed_year")).toInt());
    const QJsonObject assessment = report("staff_assessment", {{"by", "school"}, {"year", year}});
    const auto assessmentBySchool = byKey(assessment);
    for (int i = 0; i < schoolCount(); ++i) {
        const QString base = QStringLiteral("/by_school/%1").arg(i);
        const QString code = m_expected.at(at(base, "code")).toString();
        for (const char *k : {"teachers", "hours", "short_of_360"})
            m_expected.check(at(base, "staff_training/") + QLatin1String(k), v(trainingBySchool.value(code), k),
                             QStringLiteral("staff_training by=school ") + code);
        m_expected.check(at(base, "it_not_passed"), v(assessmentBySchool.value(code), "it_not_passed"),
                         QStringLiteral("staff_assessment by=school ") + code);
    }
    m_expected.check(path("/staff_growth/it_not_passed"), v(totals(assessment), "it_not_passed"),
                     QStringLiteral("staff_assessment totals"));
    for (const char *kind : {"annual", "ethics"}) {
        const QString base = QStringLiteral("/staff_growth/%1_results").arg(QLatin1String(kind));
        const QJsonObject expected = m_expected.at(base).toObject();
        for (auto it = expected.begin(); it != expected.end(); ++it)
            m_expected.check(base + QLatin1Char('/') + it.key(),
                             v(totals(assessment), (std::string(kind) + "_" + it.key().toStdString()).c_str()),
                             QStringLiteral("staff_assessment totals"));
    }

    const QJsonObject honours = report("staff_honours", {{"by", "year"}});
    const QJsonObject expectedYears = m_expected.at(path("/staff_growth/honours_by_year")).toObject();
    expectRowCount(QStringLiteral("staff_honours by=year"), honours, expectedYears.size());
    const auto byYear = byKey(honours);
    for (auto y = expectedYears.begin(); y != expectedYears.end(); ++y) {
        const QJsonObject levels = y.value().toObject();
        for (auto l = levels.begin(); l != levels.end(); ++l)
            m_expected.check(QStringLiteral("/staff_growth/honours_by_year/%1/%2").arg(y.key(), l.key()),
                             byYear.value(y.key()).value(QStringLiteral("level_") + l.key()),
                             QStringLiteral("staff_honours by=year ") + y.key());
    }
    QVERIFY(noNewMismatches(before));
}

void TestTruth::equipment_matchesEquipmentReports()
{
    const auto before = m_expected.mismatches().size();
    checkEquipment(m_expected, [this](const char *name, const Params &params) { return report(name, params); });
    QVERIFY(noNewMismatches(before));
}

void TestTruth::jointExam_matchesExamAnalysis_atTheBureauAndTheSchool()
{
    const auto before = m_expected.mismatches().size();
    const auto list = m_server.ctl({QStringLiteral("exam"), QStringLiteral("list"), QStringLiteral("--dir"), m_server.dir(),
                                    QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    const QJsonArray exams = QJsonDocument::fromJson(list.out.toUtf8()).array();
    const QString id = countyExamId(m_expected, exams);
    QVERIFY2(!id.isEmpty(), qPrintable(list.out));
    // The largest school taking part, analysed on its own device with no server.
    QString code;
    int most = -1;
    for (const auto &s : m_expected.at(QStringLiteral("/exam/by_school")).toArray()) {
        const int sat = s.toObject().value(QLatin1String("total")).toObject().value(QLatin1String("expected")).toInt();
        if (sat > most) {
            most = sat;
            code = s.toObject().value(QLatin1String("code")).toString();
        }
    }
    const auto analysis = CliRunner(m_devices.path() + QLatin1Char('/') + code)
                              .run({QStringLiteral("--json"), QStringLiteral("analysis"), QStringLiteral("--exam"), id,
                                    QStringLiteral("--by"), QStringLiteral("subject")});
    QVERIFY2(analysis.exitCode == 0, qPrintable(analysis.err));
    checkExam(m_expected, exams, [this](const char *name, const Params &params) { return report(name, params); }, code,
              analysis.json().object());
    QVERIFY(noNewMismatches(before));
}

void TestTruth::duplicatesAndDataQuality_cleanForEverySchool()
{
    // The generator gives every person a distinct resident ID number: no case to find.
    const QJsonObject duplicates = report("duplicates");
    QCOMPARE(v(totals(duplicates), "same_id").toInt(-1), 0);
    QCOMPARE(v(totals(duplicates), "likely").toInt(-1), 0);
    QCOMPARE(rows(duplicates).size(), 0);

    const QJsonObject quality = report("data_quality", {{"silent_days", "1"}});
    QCOMPARE(v(totals(quality), "schools").toInt(), schoolCount());
    QCOMPARE(v(totals(quality), "silent_schools").toInt(-1), 0);
    QCOMPARE(v(totals(quality), "rejected_changes").toInt(-1), 0);
    QCOMPARE(v(totals(quality), "missing_required").toInt(-1), 0);
    const auto bySchool = byKey(quality);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < schoolCount(); ++i) {
        const QJsonObject expected = schoolRow(i);
        const QJsonObject row = bySchool.value(expected.value(QLatin1String("code")).toString());
        QCOMPARE(v(row, "pupils").toInt(), expected.value(QLatin1String("pupils")).toInt());
        QCOMPARE(v(row, "staff").toInt(), expected.value(QLatin1String("staff")).toInt());
        QCOMPARE(v(row, "devices").toInt(), 1);
        QCOMPARE(v(row, "rejected_changes").toInt(-1), 0);
        QCOMPARE(v(row, "missing_ethnicity").toInt(-1), 0);
        QVERIFY(!v(row, "silent").toBool());
        const qint64 last = v(row, "last_sync_ms").toInteger();
        QVERIFY2(last >= m_syncStartedMs && last <= now, qPrintable(v(row, "label").toString()));
    }
}

void TestTruth::emisctlReport_equalsProtocolReport()
{
    const QJsonObject overTheWire = report("enrolment", {{"by", "school"}});
    const auto ctl = m_server.ctl({QStringLiteral("report"), QStringLiteral("--dir"), m_server.dir(),
                                   QStringLiteral("enrolment"), QStringLiteral("-p"), QStringLiteral("by=school"),
                                   QStringLiteral("--json")});
    QCOMPARE(ctl.exitCode, 0);
    const QJsonObject fromCtl = QJsonDocument::fromJson(ctl.out.toUtf8()).object();
    QCOMPARE(rows(fromCtl).size(), schoolCount());
    QCOMPARE(rows(fromCtl), rows(overTheWire));
    QCOMPARE(totals(fromCtl), totals(overTheWire));
    QCOMPARE(v(totals(fromCtl), "total"), m_expected.at(path("/pupils/total")));

    // Without --json: a table for a person, the same figures under Chinese titles.
    const auto table = m_server.ctl({QStringLiteral("report"), QStringLiteral("--dir"), m_server.dir(),
                                     QStringLiteral("teachers")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.startsWith(QString::fromUtf8("专任教师与生师比")), qPrintable(table.out));
    const QString county = table.out.section(QLatin1Char('\n'), -2, -2).simplified();  // the 合计 line
    QCOMPARE(county, QString::fromUtf8("合计 %1 %2")
                         .arg(m_expected.at(path("/teachers/full_time_total")).toInt())
                         .arg(m_expected.at(path("/pupils/total")).toInt()));
}

void TestTruth::everyFigureOfAggregatesWasChecked()
{
    const QStringList left = m_expected.unchecked();
    for (qsizetype i = 0; i < left.size() && i < 40; ++i)
        qWarning("not checked: %s", qPrintable(left[i]));
    qInfo("%d figures of aggregates.json compared with the reports", m_expected.checkedCount());
    QVERIFY(left.isEmpty());
    QVERIFY(noNewMismatches(0));
}

QTEST_GUILESS_MAIN(TestTruth)
#include "tst_truth.moc"
