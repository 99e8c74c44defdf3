// The demo county (server/demo): reference figures met exactly, every written row importable,
// ID numbers unique, the same seed making the same files, and aggregates.json equal to what a
// report over the written rosters counts.
#include "DemoCounty.h"
#include "DemoFiles.h"
#include "RosterCsv.h"

#include "schema/CodeTables.h"
#include "schema/Schema.h"
#include "validate/IdNumber.h"
#include "validate/RecordValidator.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace emis;
using namespace emis::demo::test;

namespace {

int gradeOf(const std::string &text) { return std::stoi(*schema::findCodeTable("grade")->normalize(text)); }
int stageOf(int grade) { return grade <= 6 ? 0 : grade <= 9 ? 1 : 2; }
const char *const kStages[] = {"primary", "junior", "senior"};

std::map<QString, QByteArray> filesUnder(const QString &dir)
{
    std::map<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            out[QDir(dir).relativeFilePath(path)] = f.readAll();
    }
    return out;
}

// The message QVERIFY2 shows; it is built even when the check passes.
std::string firstIssue(const std::vector<Issue> &issues) { return issues.empty() ? std::string() : issues.front().text(); }

struct SchoolRows {
    std::string code, name, type, township;
    std::vector<Row> students;
    std::vector<Row> staff;
};

} // namespace

class TestDemoCounty : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void referenceCounty_totalsExact();
    void schoolsCsv_importableHeaderAndTypes();
    void rosters_everyRowPassesNormalizeRecord();
    void rosters_idNumbersAndNumbersUnique();
    void rosters_ageFitsGrade();
    void aggregates_equalCountsFromRosters();
    void aggregates_classSizesEqualRosters();
    void sameSeed_identicalFiles_otherSeed_differentFiles();
    void scaledAndLargeOptions_totalsMet();
    void impossibleOptions_explained();
    void crowdedTownships_schoolNamesAndCodesStillUnique();

private:
    QTemporaryDir dir_;
    emis::demo::DemoCounty county_;
    std::vector<SchoolRows> schools_;  // as read back from the files
    QJsonObject json_;
};

void TestDemoCounty::initTestCase()
{
    QVERIFY(dir_.isValid());
    county_ = demo::generateDemoCounty(demo::DemoOptions{});
    const std::string error = demo::writeDemoFiles(county_, dir_.path().toStdString());
    QVERIFY2(error.empty(), error.c_str());

    const Csv schools = parseCsv(readAll(dir_.filePath(QStringLiteral("schools.csv"))));
    QVERIFY(schools.bom);
    for (const auto &cells : schools.rows) {
        QCOMPARE(cells.size(), std::size_t{4});
        SchoolRows s{cells[0], cells[1], cells[2], cells[3], {}, {}};
        const QString base = dir_.filePath(QStringLiteral("rosters/") + QString::fromStdString(s.code));
        const Csv students = parseCsv(readAll(base + QStringLiteral("_students.csv")));
        const Csv staff = parseCsv(readAll(base + QStringLiteral("_staff.csv")));
        QVERIFY(students.bom && staff.bom);
        s.students = rowsOf(students, *schema::findTable("students"));
        s.staff = rowsOf(staff, *schema::findTable("staff"));
        schools_.push_back(std::move(s));
    }
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(readAll(dir_.filePath(QStringLiteral("aggregates.json")))),
                                             &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    json_ = doc.object();
}

void TestDemoCounty::referenceCounty_totalsExact()
{
    QCOMPARE(schools_.size(), std::size_t{122});
    std::map<demo::SchoolKind, int> kinds;
    for (const auto &s : county_.schools)
        ++kinds[s.kind];
    QCOMPARE(kinds[demo::SchoolKind::CompleteSecondary], 2);
    QCOMPARE(kinds[demo::SchoolKind::NineYear], 4);
    QCOMPARE(kinds[demo::SchoolKind::Junior], 11);
    QCOMPARE(kinds[demo::SchoolKind::CentralPrimary], 17);
    QCOMPARE(kinds[demo::SchoolKind::VillagePrimary] + kinds[demo::SchoolKind::TeachingPoint], 88);

    int pupils = 0, staff = 0;
    int byStage[3] = {}, teachers[3] = {};
    for (const auto &s : schools_) {
        for (const Row &r : s.students) {
            ++pupils;
            ++byStage[stageOf(gradeOf(r.at("grade")))];
        }
        for (const Row &r : s.staff) {
            ++staff;
            if (r.at("post_category") == "专任教师")
                ++teachers[std::stoi(*schema::findCodeTable("stage")->normalize(r.at("teaching_stage"))) - 1];
        }
    }
    QCOMPARE(pupils, 37051);
    QCOMPARE(byStage[0], 20934);
    QCOMPARE(byStage[1], 8942);
    QCOMPARE(byStage[2], 7175);
    QCOMPARE(staff, 2519);
    QCOMPARE(teachers[0], 1319);
    QCOMPARE(teachers[1], 645);
    QCOMPARE(teachers[2], 455);
}

void TestDemoCounty::schoolsCsv_importableHeaderAndTypes()
{
    const Csv csv = parseCsv(readAll(dir_.filePath(QStringLiteral("schools.csv"))));
    QCOMPARE(csv.header, (std::vector<std::string>{"学校标识码", "学校名称", "办学类型", "所在乡镇"}));
    std::map<std::string, int> byType;
    std::set<std::string> codes, names;
    for (const auto &s : schools_) {
        Row raw{{"code", s.code}, {"name", s.name}, {"school_type", s.type}, {"township", s.township}};
        const auto normalized = validate::normalizeRecord(*schema::findTable("schools"), raw);
        QVERIFY2(normalized.issues.empty(), (s.code + ": " + firstIssue(normalized.issues)).c_str());
        ++byType[std::get<std::string>(normalized.values.at("school_type"))];
        QVERIFY(s.code.starts_with("36042"));
        codes.insert(s.code);
        names.insert(s.name);
    }
    QCOMPARE(byType, (std::map<std::string, int>{{"341", 2}, {"312", 4}, {"311", 11}, {"211", 55}, {"218", 50}}));
    QCOMPARE(codes.size(), schools_.size());
    QCOMPARE(names.size(), schools_.size());
}

void TestDemoCounty::rosters_everyRowPassesNormalizeRecord()
{
    const auto check = [](const schema::Table &table, const SchoolRows &s, const std::vector<Row> &rows) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            for (const auto &[field, text] : rows[i])
                if (field.starts_with('?'))
                    return s.code + " " + table.name + ": header " + field.substr(1) + " is no field";
            const auto normalized = validate::normalizeRecord(table, rows[i]);
            if (!normalized.issues.empty())
                return s.code + " " + table.name + " line " + std::to_string(i + 2) + ": " +
                       normalized.issues.front().text();
        }
        return std::string();
    };
    for (const auto &s : schools_) {
        QVERIFY(!s.staff.empty());
        QVERIFY(!s.students.empty());
        std::string problem = check(*schema::findTable("students"), s, s.students);
        QVERIFY2(problem.empty(), problem.c_str());
        problem = check(*schema::findTable("staff"), s, s.staff);
        QVERIFY2(problem.empty(), problem.c_str());
    }
}

void TestDemoCounty::rosters_idNumbersAndNumbersUnique()
{
    std::set<std::string> ids, studentNos, staffNos;
    std::size_t people = 0, pupils = 0, staff = 0;
    for (const auto &s : schools_) {
        for (const Row &r : s.students) {
            ids.insert(r.at("id_number"));
            studentNos.insert(r.at("student_no"));
            QCOMPARE(r.at("student_no"), "G" + r.at("id_number"));
            ++people;
            ++pupils;
        }
        for (const Row &r : s.staff) {
            ids.insert(r.at("id_number"));
            staffNos.insert(r.at("staff_no"));
            ++people;
            ++staff;
        }
    }
    QCOMPARE(ids.size(), people);
    QCOMPARE(studentNos.size(), pupils);
    QCOMPARE(staffNos.size(), staff);
}

void TestDemoCounty::rosters_ageFitsGrade()
{
    // Grade 1 of 2026-27 was born 2019-09-01..2020-08-31 (6 by 31 August); a year older is allowed.
    for (const auto &s : schools_)
        for (const Row &r : s.students) {
            const int grade = gradeOf(r.at("grade"));
            const std::string latest = std::to_string(2020 - grade + 1) + "-08-31";
            const std::string earliest = std::to_string(2019 - grade) + "-09-01";
            QVERIFY2(r.at("birth_date") <= latest && r.at("birth_date") >= earliest,
                     (r.at("name") + " " + r.at("birth_date") + " in grade " + std::to_string(grade)).c_str());
            QVERIFY(r.at("id_number").starts_with("360429") || r.at("migrant") == "是");
        }
}

void TestDemoCounty::aggregates_equalCountsFromRosters()
{
    int pupils = 0, male = 0, staff = 0;
    int byStage[3] = {}, teachers[3] = {};
    std::map<int, int> byGrade;
    std::map<std::string, int> byTownship;
    std::map<std::string, int> special;
    const std::map<std::string, std::string> flags = {
        {"left_behind", "left_behind"}, {"migrant", "migrant"}, {"poverty_registered", "poverty_registered"},
        {"boarding", "boarding"}};
    const QJsonArray bySchool = json_[QStringLiteral("by_school")].toArray();
    QCOMPARE(bySchool.size(), static_cast<qsizetype>(schools_.size()));
    for (std::size_t i = 0; i < schools_.size(); ++i) {
        const SchoolRows &s = schools_[i];
        const QJsonObject js = bySchool[static_cast<qsizetype>(i)].toObject();
        QCOMPARE(js[QStringLiteral("code")].toString().toStdString(), s.code);
        QCOMPARE(js[QStringLiteral("township")].toString().toStdString(), s.township);
        QCOMPARE(js[QStringLiteral("pupils")].toInt(), static_cast<int>(s.students.size()));
        QCOMPARE(js[QStringLiteral("staff")].toInt(), static_cast<int>(s.staff.size()));
        std::map<std::string, int> schoolSpecial;
        int schoolTeachers[3] = {};
        for (const Row &r : s.students) {
            ++pupils;
            const int grade = gradeOf(r.at("grade"));
            ++byStage[stageOf(grade)];
            ++byGrade[grade];
            male += r.at("sex") == "男";
            ++byTownship[s.township];
            for (const auto &[key, field] : flags)
                if (r.at(field) == "是") {
                    ++special[key];
                    ++schoolSpecial[key];
                }
        }
        for (const Row &r : s.staff) {
            ++staff;
            if (r.at("post_category") == "专任教师") {
                const int st = std::stoi(*schema::findCodeTable("stage")->normalize(r.at("teaching_stage"))) - 1;
                ++teachers[st];
                ++schoolTeachers[st];
            }
        }
        const QJsonObject jsSpecial = js[QStringLiteral("special_groups")].toObject();
        for (const auto &[key, field] : flags)
            QCOMPARE(jsSpecial[QString::fromStdString(key)].toInt(), schoolSpecial[key]);
        for (int st = 0; st < 3; ++st)
            QCOMPARE(js[QStringLiteral("full_time_teachers")][QLatin1String(kStages[st])].toInt(), schoolTeachers[st]);
    }
    const QJsonObject jp = json_[QStringLiteral("pupils")].toObject();
    QCOMPARE(jp[QStringLiteral("total")].toInt(), pupils);
    QCOMPARE(jp[QStringLiteral("by_sex")][QStringLiteral("male")].toInt(), male);
    QCOMPARE(jp[QStringLiteral("by_sex")][QStringLiteral("female")].toInt(), pupils - male);
    for (int st = 0; st < 3; ++st) {
        QCOMPARE(jp[QStringLiteral("by_stage")][QLatin1String(kStages[st])].toInt(), byStage[st]);
        const QJsonObject jt = json_[QStringLiteral("teachers")][QStringLiteral("by_stage")][QLatin1String(kStages[st])].toObject();
        QCOMPARE(jt[QStringLiteral("teachers")].toInt(), teachers[st]);
        QCOMPARE(jt[QStringLiteral("pupils")].toInt(), byStage[st]);
    }
    for (const auto &[grade, n] : byGrade)
        QCOMPARE(jp[QStringLiteral("by_grade")][QString::number(grade)].toInt(), n);
    int ethnicities = 0;
    for (const auto &e : jp[QStringLiteral("by_ethnicity")].toArray())
        ethnicities += e[QStringLiteral("pupils")].toInt();
    QCOMPARE(ethnicities, pupils);
    for (const auto &t : jp[QStringLiteral("by_township")].toArray())
        QCOMPARE(t[QStringLiteral("pupils")].toInt(), byTownship[t[QStringLiteral("township")].toString().toStdString()]);
    for (const auto &[key, field] : flags)
        QCOMPARE(json_[QStringLiteral("special_groups")][QString::fromStdString(key)].toInt(), special[key]);
    QCOMPARE(json_[QStringLiteral("staff")][QStringLiteral("total")].toInt(), staff);
    QCOMPARE(json_[QStringLiteral("schools")][QStringLiteral("total")].toInt(), static_cast<int>(schools_.size()));
}

void TestDemoCounty::aggregates_classSizesEqualRosters()
{
    const QJsonArray bySchool = json_[QStringLiteral("by_school")].toArray();
    int large = 0, veryLarge = 0, classes = 0;
    std::vector<int> allSizes;
    for (std::size_t i = 0; i < schools_.size(); ++i) {
        std::map<std::pair<int, std::string>, int> sizes;
        for (const Row &r : schools_[i].students)
            ++sizes[{gradeOf(r.at("grade")), r.at("class_name")}];
        const QJsonObject js = bySchool[static_cast<qsizetype>(i)].toObject();
        std::map<std::pair<int, std::string>, int> fromJson;
        for (const auto &c : js[QStringLiteral("classes")].toArray())
            fromJson[{c[QStringLiteral("grade")].toInt(), c[QStringLiteral("name")].toString().toStdString()}] =
                c[QStringLiteral("pupils")].toInt();
        QCOMPARE(fromJson, sizes);
        int schoolLarge = 0, schoolVeryLarge = 0;
        for (const auto &[key, n] : sizes) {
            allSizes.push_back(n);
            // The Ministry's bands, written out here rather than taken from the code under test.
            schoolLarge += n >= 56;
            schoolVeryLarge += n >= 66;
        }
        QCOMPARE(js[QStringLiteral("large_56_plus")].toInt(), schoolLarge);
        QCOMPARE(js[QStringLiteral("very_large_66_plus")].toInt(), schoolVeryLarge);
        large += schoolLarge;
        veryLarge += schoolVeryLarge;
        classes += static_cast<int>(sizes.size());
    }
    const QJsonObject jc = json_[QStringLiteral("classes")].toObject();
    QCOMPARE(jc[QStringLiteral("total")].toInt(), classes);
    QCOMPARE(jc[QStringLiteral("large_56_plus")].toInt(), large);
    QCOMPARE(jc[QStringLiteral("very_large_66_plus")].toInt(), veryLarge);
    // The national statistics' bands, written out: ≤25, 26–30, 31–35, …, 61–65, ≥66.
    const int upper[] = {25, 30, 35, 40, 45, 50, 55, 60, 65, 1000};
    const QJsonArray bands = jc[QStringLiteral("size_distribution")].toArray();
    QCOMPARE(bands.size(), 10);
    int bucketed = 0;
    for (int b = 0; b < 10; ++b) {
        const int lo = b == 0 ? 0 : upper[b - 1] + 1;
        const int inBand = static_cast<int>(
            std::count_if(allSizes.begin(), allSizes.end(), [&](int n) { return n >= lo && n <= upper[b]; }));
        QCOMPARE(bands[b][QStringLiteral("min")].toInt(), lo);
        QCOMPARE(bands[b][QStringLiteral("classes")].toInt(), inBand);
        bucketed += inBand;
    }
    QCOMPARE(bucketed, classes);
    // The reference county is meant to show both problems, a few of the worst kind.
    QVERIFY(large > 0);
    QVERIFY(veryLarge > 0 && veryLarge < large);
}

void TestDemoCounty::sameSeed_identicalFiles_otherSeed_differentFiles()
{
    auto options = demo::DemoOptions::scaled(0.05);
    options.seed = 7;
    QTemporaryDir a, b, c;
    QVERIFY(demo::writeDemoFiles(demo::generateDemoCounty(options), a.path().toStdString()).empty());
    QVERIFY(demo::writeDemoFiles(demo::generateDemoCounty(options), b.path().toStdString()).empty());
    options.seed = 8;
    QVERIFY(demo::writeDemoFiles(demo::generateDemoCounty(options), c.path().toStdString()).empty());
    const auto filesA = filesUnder(a.path());
    QVERIFY(filesA.size() > 3);
    QVERIFY(filesA == filesUnder(b.path()));
    const auto filesC = filesUnder(c.path());
    QVERIFY(filesA.at(QStringLiteral("schools.csv")) != filesC.at(QStringLiteral("schools.csv")));
    QVERIFY(filesA.at(QStringLiteral("aggregates.json")) != filesC.at(QStringLiteral("aggregates.json")));
}

void TestDemoCounty::scaledAndLargeOptions_totalsMet()
{
    for (const auto &options : {demo::DemoOptions::scaled(0.05), demo::DemoOptions::scaled(0.3), demo::DemoOptions::large()}) {
        QVERIFY2(options.problem().empty(), options.problem().c_str());
        const auto county = demo::generateDemoCounty(options);
        QCOMPARE(static_cast<int>(county.schools.size()), options.schoolCount());
        QCOMPARE(static_cast<int>(county.pupils.size()), options.pupilCount());
        QCOMPARE(static_cast<int>(county.staff.size()), options.staffCount());
    }
    const auto large = demo::DemoOptions::large();
    QCOMPARE(large.schoolCount(), 500);
    QCOMPARE(large.pupilCount(), 200000);
    QCOMPARE(large.staffCount(), 15000);
}

void TestDemoCounty::impossibleOptions_explained()
{
    demo::DemoOptions options;
    options.completeSecondary = 0;  // senior pupils with nowhere to go
    QVERIFY(!options.problem().empty());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, demo::generateDemoCounty(options));
}

void TestDemoCounty::crowdedTownships_schoolNamesAndCodesStillUnique()
{
    auto options = demo::DemoOptions::scaled(0.05);
    options.townships = 2;
    options.villagePrimary = 60;
    options.teachingPoints = 90;
    options.primaryPupils = 6000;
    options.primaryTeachers = 400;
    QVERIFY2(options.problem().empty(), options.problem().c_str());
    const auto county = demo::generateDemoCounty(options);
    std::set<std::string> names, codes;
    for (const auto &s : county.schools) {
        names.insert(s.name);
        codes.insert(s.code);
        QCOMPARE(s.code.size(), std::size_t{10});
    }
    QCOMPARE(names.size(), county.schools.size());
    QCOMPARE(codes.size(), county.schools.size());
}

QTEST_GUILESS_MAIN(TestDemoCounty)
#include "tst_demo_county.moc"
