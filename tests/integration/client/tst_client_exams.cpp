// A county joint exam from the bureau to a school and back, through the real programs: emisctl
// exam add, the school's sync, emis-cli exams, and import scores of the sheets teachers keep
// (title rows, 学籍号/姓名/班级 in any order, a column per subject, 总分 and ranks ignored, 缺考
// in a cell; or one row per subject), then the scores synced to the server. A bad cell or an
// unmatched pupil is reported with its line, the good rows are saved, and the same sheet again
// changes nothing. The school cannot change the county's exam.
#include "CliRunner.h"
#include "ServerFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

namespace {

void writeCsv(const QString &path, const QStringList &lines)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("\xEF\xBB\xBF");
    f.write(lines.join(QStringLiteral("\r\n")).toUtf8());
}

QStringList reasonCodes(const QJsonObject &result)
{
    QStringList out;
    for (const auto &row : result.value(QStringLiteral("rejected")).toArray())
        for (const auto &r : row.toObject().value(QStringLiteral("reasons")).toArray())
            out << QStringLiteral("%1:%2").arg(row.toObject().value(QStringLiteral("line")).toInt()).arg(
                       r.toObject().value(QStringLiteral("code")).toString());
    return out;
}

} // namespace

class TestClientExams : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void exams_listsTheCountysExamsThisSchoolTakes();
    void importScores_wideSheet_badCellsReportedRestSaved();
    void importScores_sameSheetAgain_changesNothing_longFormCorrects();
    void scores_syncToTheServer_countyExamReadOnlyHere();
    void analysis_sameAtTheSchoolAndTheBureau();
    void analysis_byTeacher_fromTheTeachingAssignments();
    void weak_subjectsAndClassesBelowTheCounty_withTheirTeachers();
    void analysis_comparedWithThePreviousExamOfTheGrade();
    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

private:
    QString addPupil(const QString &name, const QString &className, const QString &studentNo = {}, int grade = 3);
    CliResult run(const QStringList &args) const { return m_device->run(args); }
    QString examAdd(const QStringList &extra);

    ServerFixture m_server;
    QTemporaryDir m_dirs;
    std::unique_ptr<CliRunner> m_device;
    QString m_exam;
    QString m_otherExam;
    int m_pupils = 500;
};

QString TestClientExams::examAdd(const QStringList &extra)
{
    const auto r = m_server.ctl(QStringList{QStringLiteral("exam"), QStringLiteral("add"), QStringLiteral("--dir"),
                                            m_server.dir(), QStringLiteral("--term"), QStringLiteral("2025-2026-2"),
                                            QStringLiteral("--grade"), QStringLiteral("3")} +
                                extra);
    if (r.exitCode != 0)
        qWarning("exam add: %s", qPrintable(r.err));
    return r.out.trimmed();
}

void TestClientExams::initTestCase()
{
    QVERIFY(m_server.init());
    m_exam = examAdd({QStringLiteral("--name"), QStringLiteral("三年级期末联考"), QStringLiteral("--subject"),
                      QStringLiteral("语文:100"), QStringLiteral("--subject"), QStringLiteral("数学：120")});
    QVERIFY(!m_exam.isEmpty());
    // An exam for the other school only.
    m_otherExam = examAdd({QStringLiteral("--name"), QStringLiteral("乙校三年级抽测"), QStringLiteral("--subject"),
                           QStringLiteral("科学:100"), QStringLiteral("--school"),
                           QLatin1String(ServerFixture::kSchoolB)});
    QVERIFY(!m_otherExam.isEmpty());
    const auto list = m_server.ctl({QStringLiteral("exam"), QStringLiteral("list"), QStringLiteral("--dir"),
                                    m_server.dir(), QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 2);
    QVERIFY(m_server.start());
    m_device = std::make_unique<CliRunner>(
        enrolledDevice(m_server, m_dirs.filePath(QStringLiteral("school")), ServerFixture::kSchoolA));
    QVERIFY(run({QStringLiteral("--json"), QStringLiteral("status")}).json().object().value(QStringLiteral("enrolled")).toBool());
    QVERIFY(!addPupil(QStringLiteral("王一"), QStringLiteral("1班"), QStringLiteral("G360429201503070011")).isEmpty());
    QVERIFY(!addPupil(QStringLiteral("李二"), QStringLiteral("1班")).isEmpty());
    QVERIFY(!addPupil(QStringLiteral("张三"), QStringLiteral("2班")).isEmpty());
    QVERIFY(!addPupil(QStringLiteral("张三"), QStringLiteral("1班")).isEmpty());  // the same name in another class
    QVERIFY(!addPupil(QStringLiteral("赵四"), QStringLiteral("2班")).isEmpty());
    QVERIFY(!addPupil(QStringLiteral("孙六"), QStringLiteral("1班"), QStringLiteral("G360429201503070029"), 4).isEmpty());
    QCOMPARE(run({QStringLiteral("sync")}).exitCode, 0);
}

QString TestClientExams::addPupil(const QString &name, const QString &className, const QString &studentNo, int grade)
{
    QStringList args{QStringLiteral("--json"), QStringLiteral("add"), QStringLiteral("students")};
    args << pupilSets(++m_pupils, name);
    args.replaceInStrings(QStringLiteral("班级=1班"), QStringLiteral("班级=") + className);
    args.replaceInStrings(QStringLiteral("年级=三年级"), QStringLiteral("年级=%1").arg(grade));
    if (!studentNo.isEmpty())
        args << QStringLiteral("--set") << QStringLiteral("学籍号=") + studentNo;
    return run(args).json().object().value(QStringLiteral("id")).toString();
}

void TestClientExams::exams_listsTheCountysExamsThisSchoolTakes()
{
    const auto r = run({QStringLiteral("--json"), QStringLiteral("exams")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray exams = r.json().array();
    QCOMPARE(exams.size(), 1);
    const QJsonObject e = exams.at(0).toObject();
    QCOMPARE(e.value(QStringLiteral("id")).toString(), m_exam);
    QCOMPARE(e.value(QStringLiteral("county")).toBool(), true);
    QCOMPARE(e.value(QStringLiteral("term")).toString(), QStringLiteral("2025-2026学年第二学期"));
    const QJsonArray subjects = e.value(QStringLiteral("subjects")).toArray();
    QCOMPARE(subjects.size(), 2);
    QCOMPARE(subjects.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("数学"));
    QCOMPARE(subjects.at(1).toObject().value(QStringLiteral("full_marks")).toDouble(), 120.0);
}

void TestClientExams::importScores_wideSheet_badCellsReportedRestSaved()
{
    const QString file = m_dirs.filePath(QStringLiteral("scores.csv"));
    writeCsv(file, {
                       QStringLiteral("三年级期末考试成绩统计表"),                           // line 1
                       QStringLiteral("序号,班级,姓名,学籍号,数学(120分),语文成绩,总分,班级名次"),  // line 2
                       QStringLiteral("1,1班,王一,G360429201503070011,118.5,95,213.5,1"),    // by 学籍号
                       QStringLiteral("2,1班,李二,,缺考,88,88,5"),                           // by 姓名 + 班级
                       QStringLiteral("3,2,张三,,125,77,,"),                                 // 数学 over 120; 语文 kept
                       QStringLiteral("4,,张三,,60,60,120,"),                                // two 张三, no class
                       QStringLiteral("5,2班,赵四,,99.3,八十,,"),                            // two bad cells
                       QStringLiteral("6,3班,钱五,,90,90,180,"),                             // nobody
                       QStringLiteral("7,1班,孙六,G360429201503070029,80,80,160,"),          // in 四年级
                       QStringLiteral(",,,,,,,"),
                       QStringLiteral("平均,,,,,,,"),
                   });
    const auto r = run({QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("scores"), file,
                        QStringLiteral("--exam"), m_exam});
    QCOMPARE(r.exitCode, 5);  // saved, but some rows need the clerk
    const QJsonObject result = r.json().object();
    QCOMPARE(reasonCodes(result), (QStringList{QStringLiteral("5:above_limit"), QStringLiteral("6:reference_ambiguous"),
                                               QStringLiteral("7:score_step"), QStringLiteral("7:not_number"),
                                               QStringLiteral("8:reference_not_found"),
                                               QStringLiteral("9:not_in_exam_grade")}));
    QCOMPARE(result.value(QStringLiteral("pupils")).toInt(), 3);  // 赵四 has no cell left
    // 王一 2, 李二 2 (缺考 counts), 张三 of 2班 语文 only.
    QCOMPARE(result.value(QStringLiteral("added")).toInt(), 5);
    const QJsonArray rejected = result.value(QStringLiteral("rejected")).toArray();
    QCOMPARE(rejected.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("张三"));
    const QString message = rejected.at(2).toObject().value(QStringLiteral("reasons")).toArray().at(1).toObject()
                                .value(QStringLiteral("message_zh")).toString();
    QVERIFY2(message.contains(QStringLiteral("语文")) && message.contains(QStringLiteral("八十")), qPrintable(message));
    // The text form names the line and the pupil too, in the clerk's language.
    const auto text = run({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("import"),
                           QStringLiteral("scores"), file, QStringLiteral("--exam"), m_exam, QStringLiteral("--dry-run")});
    QVERIFY2(text.out.contains(QStringLiteral("赵四")) && text.out.contains(QStringLiteral("总分")), qPrintable(text.out));
    // Another school's exam is not this school's to score.
    const auto other = run({QStringLiteral("import"), QStringLiteral("scores"), file, QStringLiteral("--exam"), m_otherExam});
    QCOMPARE(other.exitCode, 5);
    QVERIFY(other.err.contains(m_otherExam));
}

void TestClientExams::importScores_sameSheetAgain_changesNothing_longFormCorrects()
{
    const QString file = m_dirs.filePath(QStringLiteral("scores.csv"));
    const auto again = run({QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("scores"), file,
                            QStringLiteral("--exam"), m_exam});
    QCOMPARE(again.json().object().value(QStringLiteral("added")).toInt(), 0);
    QCOMPARE(again.json().object().value(QStringLiteral("unchanged")).toInt(), 5);
    // The long form: one row per pupil and subject. 李二 sat 数学 after all; 赵四's 语文 is 80.
    const QString fixes = m_dirs.filePath(QStringLiteral("fixes.csv"));
    writeCsv(fixes, {QStringLiteral("姓名,班级,科目,成绩"), QStringLiteral("李二,1班,数学,66"),
                     QStringLiteral("赵四,2班,语文,80"), QStringLiteral("赵四,2班,体育,80")});
    const auto r = run({QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("scores"), fixes,
                        QStringLiteral("--exam"), m_exam});
    const QJsonObject result = r.json().object();
    QCOMPARE(reasonCodes(result), QStringList{QStringLiteral("4:not_recognised")});  // 体育 is not in this exam
    QCOMPARE(result.value(QStringLiteral("updated")).toInt(), 1);
    QCOMPARE(result.value(QStringLiteral("added")).toInt(), 1);
}

void TestClientExams::scores_syncToTheServer_countyExamReadOnlyHere()
{
    const auto s = run({QStringLiteral("sync")});
    QVERIFY2(s.exitCode == 0, qPrintable(s.out + s.err));
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM scores WHERE deleted = 0")).toInt(), 6);
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM scores WHERE absence IS NOT NULL")).toInt(), 0);
    QCOMPARE(m_server.query(QStringLiteral("SELECT max(score) FROM scores")).toDouble(), 118.5);
    // The county's exam and subjects are listed here, but not this school's to change.
    const auto edit = run({QStringLiteral("edit"), QStringLiteral("exams"), m_exam, QStringLiteral("--set"),
                           QStringLiteral("考试名称=改名")});
    QCOMPARE(edit.exitCode, 5);
    // Every county row reaches every school (the other school's exam too: rows addressed to
    // some schools only are not built yet).
    const auto subjects = run({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("exam_subjects")}).json().array();
    QCOMPARE(subjects.size(), 3);
    const auto remove = run({QStringLiteral("remove"), QStringLiteral("exam_subjects"),
                             subjects.at(0).toObject().value(QStringLiteral("id")).toString()});
    QCOMPARE(remove.exitCode, 5);
    QCOMPARE(run({QStringLiteral("--json"), QStringLiteral("status")}).json().object().value(QStringLiteral("pending")).toInt(), 0);
}

void TestClientExams::analysis_sameAtTheSchoolAndTheBureau()
{
    const auto school = run({QStringLiteral("--json"), QStringLiteral("analysis"), QStringLiteral("--exam"), m_exam,
                             QStringLiteral("--by"), QStringLiteral("subject")});
    QVERIFY2(school.exitCode == 0, qPrintable(school.err));
    const auto bureau = m_server.ctl({QStringLiteral("report"), QStringLiteral("--dir"), m_server.dir(),
                                      QStringLiteral("exam_analysis"), QStringLiteral("-p"), QStringLiteral("exam=") + m_exam,
                                      QStringLiteral("-p"), QStringLiteral("by=school"), QStringLiteral("--json")});
    QVERIFY2(bureau.exitCode == 0, qPrintable(bureau.err));
    const QJsonArray mine = school.json().object().value(QStringLiteral("rows")).toArray();
    const QJsonArray county = QJsonDocument::fromJson(bureau.out.toUtf8()).object().value(QStringLiteral("rows")).toArray();
    QCOMPARE(mine.size(), 3);  // 语文, 数学, 总分
    QCOMPARE(county.size(), 3);
    for (int i = 0; i < mine.size(); ++i) {
        QJsonObject a = mine.at(i).toObject(), b = county.at(i).toObject();
        QCOMPARE(b.value(QStringLiteral("key")).toString(), QLatin1String(ServerFixture::kSchoolA));
        for (const char *k : {"key", "label"}) {
            a.remove(QLatin1String(k));
            b.remove(QLatin1String(k));
        }
        QCOMPARE(a, b);
    }
    // 数学: 118.5 (王一) and 66 (李二); 张三's 125 was refused.
    const QJsonObject math = mine.at(1).toObject();
    QCOMPARE(math.value(QStringLiteral("sat")).toInt(), 2);
    QCOMPARE(math.value(QStringLiteral("mean")).toDouble(), 92.25);
    QCOMPARE(math.value(QStringLiteral("excellent_rate")).toDouble(), 50.0);  // 102 of 120

    // 分数段 at the bureau: 数学 of 120, 66 in 50–60%, 118.5 in 90–100%.
    const auto bands = m_server.ctl({QStringLiteral("report"), QStringLiteral("--dir"), m_server.dir(),
                                     QStringLiteral("exam_bands"), QStringLiteral("-p"), QStringLiteral("exam=") + m_exam,
                                     QStringLiteral("-p"), QStringLiteral("subject=数学"), QStringLiteral("--json")});
    QVERIFY2(bands.exitCode == 0, qPrintable(bands.err));
    const QJsonArray bandRows = QJsonDocument::fromJson(bands.out.toUtf8()).object().value(QStringLiteral("rows")).toArray();
    QCOMPARE(bandRows.size(), 1);
    const QJsonObject band = bandRows.at(0).toObject();
    QCOMPARE(band.value(QStringLiteral("key")).toString(), QLatin1String(ServerFixture::kSchoolA));
    for (int b = 0; b < 10; ++b)
        QCOMPARE(band.value(QStringLiteral("b%1").arg(b)).toInt(), b == 5 || b == 9 ? 1 : 0);
    const auto noSuch = m_server.ctl({QStringLiteral("report"), QStringLiteral("--dir"), m_server.dir(),
                                      QStringLiteral("exam_bands"), QStringLiteral("-p"), QStringLiteral("exam=") + m_exam,
                                      QStringLiteral("-p"), QStringLiteral("subject=英语")});
    QVERIFY2(noSuch.exitCode != 0 && noSuch.err.contains(QStringLiteral("英语")), qPrintable(noSuch.out + noSuch.err));

    // 成绩预警 per class: every score so far passes; then 张三 of 2班 gets 20 in 数学 (低分 line 48).
    const auto quiet = run({QStringLiteral("--json"), QStringLiteral("warnings"), QStringLiteral("--exam"), m_exam});
    QVERIFY2(quiet.exitCode == 0, qPrintable(quiet.err));
    QCOMPARE(quiet.json().object().value(QStringLiteral("warnings")).toArray().size(), 0);
    const QString low = m_dirs.filePath(QStringLiteral("low.csv"));
    writeCsv(low, {QStringLiteral("姓名,班级,数学"), QStringLiteral("张三,2班,20")});
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral("scores"), low, QStringLiteral("--exam"), m_exam}).exitCode, 0);
    const auto warned = run({QStringLiteral("--json"), QStringLiteral("warnings"), QStringLiteral("--exam"), m_exam});
    const QJsonArray list = warned.json().object().value(QStringLiteral("warnings")).toArray();
    QCOMPARE(list.size(), 1);
    const QJsonObject w = list.at(0).toObject();
    QCOMPARE(w.value(QStringLiteral("kind")).toString(), QStringLiteral("low_score"));
    QCOMPARE(w.value(QStringLiteral("name")).toString(), QStringLiteral("张三"));
    QCOMPARE(w.value(QStringLiteral("class")).toString(), QStringLiteral("三年级2班"));
    QVERIFY(w.value(QStringLiteral("message_zh")).toString().contains(QStringLiteral("数学")));
}

void TestClientExams::analysis_byTeacher_fromTheTeachingAssignments()
{
    // 陈老师 teaches 数学 to 1班, nobody is down for 2班's 数学; 林老师 teaches 语文 to both.
    const auto add = [&](const QStringList &args) {
        const auto r = run(QStringList{QStringLiteral("--json"), QStringLiteral("add")} + args);
        if (r.exitCode != 0)
            qWarning("add %s: %s %s", qPrintable(args.join(QLatin1Char(' '))), qPrintable(r.out), qPrintable(r.err));
        return r.exitCode == 0;
    };
    const auto set = [](const QString &kv) { return QStringList{QStringLiteral("--set"), kv}; };
    const auto teacher = [&](const QString &name) {
        QStringList sets = pupilSets(++m_pupils, name);
        sets.replaceInStrings(QStringLiteral("年级=三年级"), QStringLiteral("岗位类别=专任教师"));
        const int cls = sets.indexOf(QStringLiteral("班级=1班"));
        if (cls > 0)
            sets.remove(cls - 1, 2);
        return add(QStringList{QStringLiteral("staff")} + sets);
    };
    for (const char *cls : {"1班", "2班"})
        QVERIFY(add(QStringList{QStringLiteral("classes")} + set(QStringLiteral("年级=三年级")) +
                    set(QStringLiteral("班级=") + QString::fromUtf8(cls))));
    QVERIFY(teacher(QStringLiteral("陈老师")));
    QVERIFY(teacher(QStringLiteral("林老师")));
    const auto assign = [&](const QString &who, const QString &cls, const QString &subject) {
        return add(QStringList{QStringLiteral("teaching_assignments")} + set(QStringLiteral("学年学期=2025-2026-2")) +
                   set(QStringLiteral("教师=") + who) + set(QStringLiteral("班级=") + cls) +
                   set(QStringLiteral("学科=") + subject));
    };
    QVERIFY(assign(QStringLiteral("陈老师"), QStringLiteral("三年级1班"), QStringLiteral("数学")));
    QVERIFY(assign(QStringLiteral("林老师"), QStringLiteral("三年级1班"), QStringLiteral("语文")));
    QVERIFY(assign(QStringLiteral("林老师"), QStringLiteral("三年级2班"), QStringLiteral("语文")));
    QCOMPARE(run({QStringLiteral("sync")}).exitCode, 0);

    const auto r = m_server.ctl({QStringLiteral("report"), QStringLiteral("--dir"), m_server.dir(),
                                 QStringLiteral("exam_analysis"), QStringLiteral("-p"), QStringLiteral("exam=") + m_exam,
                                 QStringLiteral("-p"), QStringLiteral("by=teacher"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QMap<QString, QJsonObject> rows;  // "teacher subject"
    for (const auto &v : QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("rows")).toArray()) {
        const QJsonObject o = v.toObject();
        rows.insert(o.value(QStringLiteral("label")).toString().section(QStringLiteral("（"), 0, 0) + QLatin1Char(' ') +
                        o.value(QStringLiteral("subject")).toString(),
                    o);
    }
    const QString keys = QStringList(rows.keys()).join(QLatin1Char(','));
    // 数学 in 1班: 王一 118.5 and 李二 66 (corrected from 缺考); 2班's 数学 has nobody down for it.
    QVERIFY2(rows.contains(QStringLiteral("陈老师 02")), qPrintable(keys));
    QCOMPARE(rows.value(QStringLiteral("陈老师 02")).value(QStringLiteral("sat")).toInt(), 2);
    QCOMPARE(rows.value(QStringLiteral("陈老师 02")).value(QStringLiteral("mean")).toDouble(), 92.25);
    QVERIFY2(rows.contains(QStringLiteral("未登记任课教师 02")), qPrintable(keys));
    QVERIFY2(rows.contains(QStringLiteral("林老师 01")), qPrintable(keys));
    QVERIFY(!rows.contains(QStringLiteral("林老师 02")));
    for (const auto &key : rows.keys())
        QVERIFY2(!key.endsWith(QStringLiteral(" total")), qPrintable(key));  // no 总分 by teacher
}

void TestClientExams::weak_subjectsAndClassesBelowTheCounty_withTheirTeachers()
{
    // 流泗镇中心小学 sits the same exam: full marks in 语文, 10 in 数学. The county's 语文 mean is then
    // above 湖口县第一中学's, and its 数学 mean below it.
    CliRunner other(m_dirs.filePath(QStringLiteral("school-b")));
    QCOMPARE(other.run({QStringLiteral("enroll"), QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(m_server.port()),
                        QStringLiteral("--code"), m_server.enrollCode(QLatin1String(ServerFixture::kSchoolB))})
                 .exitCode,
             0);
    for (const char *name : {"周七", "吴八"}) {
        QStringList args{QStringLiteral("--json"), QStringLiteral("add"), QStringLiteral("students")};
        args << pupilSets(++m_pupils, QString::fromUtf8(name));
        args.replaceInStrings(QStringLiteral("年级=三年级"), QStringLiteral("年级=3"));
        QCOMPARE(other.run(args).exitCode, 0);
    }
    QCOMPARE(other.run({QStringLiteral("sync")}).exitCode, 0);  // the county's exam comes with it
    const QString file = m_dirs.filePath(QStringLiteral("scores-b.csv"));
    writeCsv(file, {QStringLiteral("班级,姓名,语文,数学"), QStringLiteral("1班,周七,100,10"), QStringLiteral("1班,吴八,100,10")});
    const auto imported = other.run({QStringLiteral("import"), QStringLiteral("scores"), file, QStringLiteral("--exam"), m_exam});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.out + imported.err));
    QCOMPARE(other.run({QStringLiteral("sync")}).exitCode, 0);

    const auto r = m_server.ctl({QStringLiteral("report"), QStringLiteral("--dir"), m_server.dir(), QStringLiteral("exam_weak"),
                                 QStringLiteral("-p"), QStringLiteral("exam=") + m_exam, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QStringList seen;  // "school subject class teacher"
    for (const auto &v : QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("rows")).toArray()) {
        const QJsonObject o = v.toObject();
        QVERIFY(o.value(QStringLiteral("over_mean")).toDouble() < 0);
        if (!o.value(QStringLiteral("class_over_mean")).isNull())
            QVERIFY(o.value(QStringLiteral("class_over_mean")).toDouble() < 0);
        seen << QStringList{o.value(QStringLiteral("label")).toString(), o.value(QStringLiteral("subject")).toString(),
                            o.value(QStringLiteral("class_label")).toString(),
                            o.value(QStringLiteral("teacher")).toString().section(QStringLiteral("（"), 0, 0)}
                    .join(QLatin1Char(' '));
    }
    // Each school's weak subject, and in it the classes below the county, lowest first, with the
    // teacher of 教学分工 (nobody is down for 流泗镇中心小学's 数学).
    QVERIFY2(seen.contains(QStringLiteral("流泗镇中心小学 02 流泗镇中心小学 三年级1班 未登记任课教师")), qPrintable(seen.join(QLatin1Char('|'))));
    QVERIFY2(seen.filter(QStringLiteral("湖口县第一中学 01 湖口县第一中学 三年级")).size() >= 1, qPrintable(seen.join(QLatin1Char('|'))));
    for (const QString &row : seen.filter(QStringLiteral("湖口县第一中学 01")))
        QVERIFY2(row.endsWith(QStringLiteral(" 林老师")), qPrintable(row));
    // 湖口县第一中学's classes in 语文, lowest first.
    QList<double> classes;
    for (const auto &v : QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("rows")).toArray())
        if (v.toObject().value(QStringLiteral("label")).toString() == QStringLiteral("湖口县第一中学"))
            classes << v.toObject().value(QStringLiteral("class_over_mean")).toDouble();
    QVERIFY(std::is_sorted(classes.begin(), classes.end()));
    QVERIFY(seen.filter(QStringLiteral("流泗镇中心小学 01")).isEmpty());  // above the county
    QVERIFY(seen.filter(QStringLiteral("湖口县第一中学 02")).isEmpty());
}

void TestClientExams::analysis_comparedWithThePreviousExamOfTheGrade()
{
    // A later exam of the grade, scored at 湖口县第一中学 only: each figure beside its change since
    // 三年级期末联考 (the previous scored exam of the grade; 乙校三年级抽测 has no scores).
    const QString later = examAdd({QStringLiteral("--name"), QStringLiteral("三年级下学期期中"), QStringLiteral("--subject"),
                                   QStringLiteral("语文:100"), QStringLiteral("--subject"), QStringLiteral("数学:120")});
    QVERIFY(!later.isEmpty());
    QCOMPARE(run({QStringLiteral("sync")}).exitCode, 0);
    const QString file = m_dirs.filePath(QStringLiteral("scores-later.csv"));
    writeCsv(file, {QStringLiteral("学籍号,姓名,班级,语文,数学"), QStringLiteral("G360429201503070011,王一,1班,60,100"),
                    QStringLiteral(",李二,1班,70,90")});
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral("scores"), file, QStringLiteral("--exam"), later}).exitCode, 0);
    QCOMPARE(run({QStringLiteral("sync")}).exitCode, 0);

    const auto report = [&](const QString &exam, bool compare) {
        QStringList args{QStringLiteral("report"), QStringLiteral("--dir"), m_server.dir(), QStringLiteral("exam_analysis"),
                         QStringLiteral("-p"), QStringLiteral("exam=") + exam, QStringLiteral("-p"),
                         QStringLiteral("by=school"), QStringLiteral("--json")};
        if (compare)
            args << QStringLiteral("-p") << QStringLiteral("compare=previous");
        const auto r = m_server.ctl(args);
        if (r.exitCode != 0)
            qWarning("report: %s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    };
    const auto rowOf = [](const QJsonObject &doc, const QString &school, const QString &subject) {
        for (const auto &v : doc.value(QStringLiteral("rows")).toArray())
            if (v.toObject().value(QStringLiteral("label")).toString() == school &&
                v.toObject().value(QStringLiteral("subject")).toString() == subject)
                return v.toObject();
        return QJsonObject();
    };
    const QString a = QStringLiteral("湖口县第一中学"), b = QStringLiteral("流泗镇中心小学");
    const QJsonObject before = report(m_exam, false), now = report(later, false), compared = report(later, true);
    QCOMPARE(compared.value(QStringLiteral("params")).toObject().value(QStringLiteral("previous_exam")).toString(), m_exam);
    for (const QString &subject : {QStringLiteral("01"), QStringLiteral("02"), QStringLiteral("total")}) {
        const QJsonObject was = rowOf(before, a, subject), is = rowOf(now, a, subject), row = rowOf(compared, a, subject);
        QVERIFY2(!was.isEmpty() && !is.isEmpty() && !row.isEmpty(), qPrintable(subject));
        QCOMPARE(row.value(QStringLiteral("mean")).toDouble(), is.value(QStringLiteral("mean")).toDouble());
        QCOMPARE(row.value(QStringLiteral("mean_change")).toDouble(),
                 std::round((is.value(QStringLiteral("mean")).toDouble() - was.value(QStringLiteral("mean")).toDouble()) * 100) / 100);
        QCOMPARE(row.value(QStringLiteral("pass_rate_change")).toDouble(),
                 std::round((is.value(QStringLiteral("pass_rate")).toDouble() - was.value(QStringLiteral("pass_rate")).toDouble()) * 10) / 10);
        QCOMPARE(row.value(QStringLiteral("rank_change")).toInt(),
                 was.value(QStringLiteral("rank")).toInt() - is.value(QStringLiteral("rank")).toInt());
    }
    // The county's row too (总分 when no subject is asked for).
    const auto totals = [](const QJsonObject &doc) { return doc.value(QStringLiteral("totals")).toObject(); };
    QCOMPARE(totals(compared).value(QStringLiteral("mean_change")).toDouble(),
             std::round((totals(now).value(QStringLiteral("mean")).toDouble() -
                         totals(before).value(QStringLiteral("mean")).toDouble()) * 100) / 100);
    // 流泗镇中心小学 did not sit the later exam: no row of it.
    QVERIFY(rowOf(compared, b, QStringLiteral("01")).isEmpty());
    QVERIFY(!rowOf(before, b, QStringLiteral("01")).isEmpty());
    // The earlier exam has no scored exam before it: no change columns.
    QVERIFY(!report(m_exam, true).value(QStringLiteral("params")).toObject().contains(QStringLiteral("previous_exam")));
    // The same at the school, offline, the school as a whole per subject.
    const auto local = [&](const QString &exam, bool compare) {
        QStringList args{QStringLiteral("--json"), QStringLiteral("analysis"), QStringLiteral("--exam"), exam,
                         QStringLiteral("--by"), QStringLiteral("subject")};
        if (compare)
            args << QStringLiteral("--compare") << QStringLiteral("previous");
        return run(args).json().object();
    };
    const QJsonObject localWas = local(m_exam, false), localIs = local(later, false), localCompared = local(later, true);
    QCOMPARE(localCompared.value(QStringLiteral("params")).toObject().value(QStringLiteral("previous_exam")).toString(), m_exam);
    const auto localRow = [](const QJsonObject &doc, const QString &subject) {
        for (const auto &v : doc.value(QStringLiteral("rows")).toArray())
            if (v.toObject().value(QStringLiteral("subject")).toString() == subject)
                return v.toObject();
        return QJsonObject();
    };
    for (const QString &subject : {QStringLiteral("01"), QStringLiteral("02")})
        QCOMPARE(localRow(localCompared, subject).value(QStringLiteral("mean_change")).toDouble(),
                 std::round((localRow(localIs, subject).value(QStringLiteral("mean")).toDouble() -
                             localRow(localWas, subject).value(QStringLiteral("mean")).toDouble()) * 100) / 100);
    QCOMPARE(run({QStringLiteral("analysis"), QStringLiteral("--exam"), later, QStringLiteral("--compare"),
                  QStringLiteral("last_year")}).exitCode, 2);
    const auto bad = m_server.ctl({QStringLiteral("report"), QStringLiteral("--dir"), m_server.dir(), QStringLiteral("exam_analysis"),
                                   QStringLiteral("-p"), QStringLiteral("exam=") + later, QStringLiteral("-p"),
                                   QStringLiteral("compare=last_year")});
    QVERIFY(bad.exitCode != 0);
}

QTEST_GUILESS_MAIN(TestClientExams)
#include "tst_client_exams.moc"
