// Every table through the same doors: emis-cli list | add | edit | remove | import | export
// TABLE on a real data directory, a reference written as people write it (学籍号, 身份证件号,
// 姓名 + 班级) resolved to the row it names, and the result synced to the real emis-server.
#include "CliRunner.h"
#include "ServerFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestClientTables : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void add_referenceByKey_resolvedAndListedByLabel();
    void add_referenceMatchingNothingOrTwo_refusedWithTheValue();
    void import_statusChanges_namesPupilsByKey_badRowReportedGoodRowsKept();
    void editRemoveExport_anyTable();
    void export_referencesWrittenByLabel();
    void countyTable_listedNotWritten_unknownTableNamed();
    void import_growthFile_teacherIsTheRowEveryNamingColumnNames();
    void sync_sendsResolvedReferences();
    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

private:
    QString addPupil(const QString &name, const QString &className, const QString &studentNo = {});
    CliResult run(const QStringList &args) const { return m_device->run(args); }

    ServerFixture m_server;
    QTemporaryDir m_dirs;
    std::unique_ptr<CliRunner> m_device;
    int m_pupils = 300;
};

void TestClientTables::initTestCase()
{
    QVERIFY(m_server.init());
    QVERIFY(m_server.start());
    m_device = std::make_unique<CliRunner>(m_dirs.filePath(QStringLiteral("school")));
    const auto r = run({QStringLiteral("enroll"), QStringLiteral("--server"),
                        QStringLiteral("127.0.0.1:%1").arg(m_server.port()), QStringLiteral("--code"),
                        m_server.enrollCode(QLatin1String(ServerFixture::kSchoolA))});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(run({QStringLiteral("sync")}).exitCode, 0);
}

QString TestClientTables::addPupil(const QString &name, const QString &className, const QString &studentNo)
{
    QStringList args{QStringLiteral("--json"), QStringLiteral("add"), QStringLiteral("students")};
    args << pupilSets(++m_pupils, name);
    args.replaceInStrings(QStringLiteral("班级=1班"), QStringLiteral("班级=") + className);
    if (!studentNo.isEmpty())
        args << QStringLiteral("--set") << QStringLiteral("学籍号=") + studentNo;
    const auto r = run(args);
    return r.json().object().value(QStringLiteral("id")).toString();
}

static QJsonArray listed(const CliRunner &d, const char *table)
{
    return d.run({QStringLiteral("--json"), QStringLiteral("list"), QLatin1String(table)}).json().array();
}

void TestClientTables::add_referenceByKey_resolvedAndListedByLabel()
{
    const QString pupil = addPupil(QStringLiteral("韩梅梅"), QStringLiteral("2班"), QStringLiteral("G360429201001010011"));
    QVERIFY(!pupil.isEmpty());
    const auto r = run({QStringLiteral("--json"), QStringLiteral("add"), QStringLiteral("status_changes"), QStringLiteral("--set"),
                        QStringLiteral("学生=G360429201001010011"), QStringLiteral("--set"), QStringLiteral("异动类别=校内转班"),
                        QStringLiteral("--set"), QStringLiteral("异动日期=2026-03-02"), QStringLiteral("--set"),
                        QStringLiteral("新年级=三年级"), QStringLiteral("--set"), QStringLiteral("新班级=3班")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    const QString change = r.json().object().value(QStringLiteral("id")).toString();
    bool found = false;
    for (const auto &v : listed(*m_device, "status_changes")) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("id")).toString() != change)
            continue;
        found = true;
        QCOMPARE(o.value(QStringLiteral("student_id")).toString(), pupil);
        QCOMPARE(o.value(QStringLiteral("student_id_label")).toString(), QStringLiteral("韩梅梅 三年级 2班"));
    }
    QVERIFY(found);
    // The text list shows the pupil by name, not by id.
    const auto text = run({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("list"), QStringLiteral("status_changes")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QStringLiteral("韩梅梅 三年级 2班")), qPrintable(text.out));
    // By 姓名 + 班级 in one value, too.
    const auto byName = run({QStringLiteral("add"), QStringLiteral("status_changes"), QStringLiteral("--set"),
                             QStringLiteral("学生=韩梅梅 2班"), QStringLiteral("--set"), QStringLiteral("异动类别=08"),
                             QStringLiteral("--set"), QStringLiteral("异动日期=2026-03-03"), QStringLiteral("--set"),
                             QStringLiteral("新年级=3"), QStringLiteral("--set"), QStringLiteral("新班级=4班")});
    QVERIFY2(byName.exitCode == 0, qPrintable(byName.out + byName.err));
}

void TestClientTables::add_referenceMatchingNothingOrTwo_refusedWithTheValue()
{
    QVERIFY(!addPupil(QStringLiteral("李雷"), QStringLiteral("5班")).isEmpty());
    QVERIFY(!addPupil(QStringLiteral("李雷"), QStringLiteral("5班")).isEmpty());
    const int before = listed(*m_device, "status_changes").size();
    const auto tryWith = [&](const QString &who) {
        return run({QStringLiteral("--json"), QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("add"),
                    QStringLiteral("status_changes"), QStringLiteral("--set"), QStringLiteral("学生=") + who,
                    QStringLiteral("--set"), QStringLiteral("异动类别=校内转班"), QStringLiteral("--set"),
                    QStringLiteral("异动日期=2026-03-02"), QStringLiteral("--set"), QStringLiteral("新年级=3"),
                    QStringLiteral("--set"), QStringLiteral("新班级=6班")});
    };
    const auto none = tryWith(QStringLiteral("G000000000000000000"));
    QCOMPARE(none.exitCode, 5);
    QVERIFY2(none.err.contains(QStringLiteral("reference_not_found")) || none.out.contains(QStringLiteral("reference_not_found")),
             qPrintable(none.out + none.err));
    QVERIFY2(QString(none.out + none.err).contains(QStringLiteral("G000000000000000000")), qPrintable(none.out + none.err));
    const auto two = tryWith(QStringLiteral("李雷 三年级5班"));
    QCOMPARE(two.exitCode, 5);
    QVERIFY2(QString(two.out + two.err).contains(QStringLiteral("reference_ambiguous")), qPrintable(two.out + two.err));
    QVERIFY(QString(two.out + two.err).contains(QStringLiteral("对应多条记录")));
    QCOMPARE(listed(*m_device, "status_changes").size(), before);
}

void TestClientTables::import_statusChanges_namesPupilsByKey_badRowReportedGoodRowsKept()
{
    const QString a = addPupil(QStringLiteral("王芳"), QStringLiteral("7班"), QStringLiteral("G360429201001010077"));
    const QString b = addPupil(QStringLiteral("赵强"), QStringLiteral("7班"));
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    const QString csv = m_dirs.filePath(QStringLiteral("异动.csv"));
    {
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("学生,异动类别,异动日期,新年级,新班级\n"
                               "G360429201001010077,校内转班,2026-04-01,三年级,8班\n"
                               "赵强 三年级7班,校内转班,2026-04-01,三年级,8班\n"
                               "查无此人,校内转班,2026-04-01,三年级,8班\n")
                    .toUtf8());
    }
    const int before = listed(*m_device, "status_changes").size();
    const auto r = run({QStringLiteral("--json"), QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("import"),
                        QStringLiteral("status_changes"), csv});
    QCOMPARE(r.exitCode, 5);
    const QJsonObject o = r.json().object();
    QCOMPARE(o.value(QStringLiteral("added")).toInt(), 2);
    const QJsonArray refused = o.value(QStringLiteral("refused")).toArray();
    QCOMPARE(refused.size(), 1);
    QVERIFY2(refused[0].toString().contains(QStringLiteral("4")) && refused[0].toString().contains(QStringLiteral("查无此人")),
             qPrintable(refused[0].toString()));
    QCOMPARE(listed(*m_device, "status_changes").size(), before + 2);
}

void TestClientTables::editRemoveExport_anyTable()
{
    const auto added = run({QStringLiteral("--json"), QStringLiteral("add"), QStringLiteral("classes"), QStringLiteral("--set"),
                            QStringLiteral("年级=四年级"), QStringLiteral("--set"), QStringLiteral("班级=4班")});
    QVERIFY2(added.exitCode == 0, qPrintable(added.out + added.err));
    const QString id = added.json().object().value(QStringLiteral("id")).toString();
    QCOMPARE(run({QStringLiteral("edit"), QStringLiteral("classes"), id, QStringLiteral("--set"), QStringLiteral("班主任=周老师")})
                 .exitCode,
             0);
    const QString file = m_dirs.filePath(QStringLiteral("classes.csv"));
    QCOMPARE(run({QStringLiteral("export"), QStringLiteral("班级"), file}).exitCode, 0);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(f.readAll()).contains(QStringLiteral("周老师")));
    QCOMPARE(run({QStringLiteral("remove"), QStringLiteral("classes"), id}).exitCode, 0);
    for (const auto &v : listed(*m_device, "classes"))
        QVERIFY(v.toObject().value(QStringLiteral("id")).toString() != id);
}

void TestClientTables::export_referencesWrittenByLabel()
{
    const QString file = m_dirs.filePath(QStringLiteral("changes.csv"));
    QCOMPARE(run({QStringLiteral("export"), QStringLiteral("status_changes"), file}).exitCode, 0);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY2(text.contains(QStringLiteral("韩梅梅 三年级 2班")), qPrintable(text));
}

void TestClientTables::countyTable_listedNotWritten_unknownTableNamed()
{
    const QJsonArray schools = listed(*m_device, "schools");
    QVERIFY(!schools.isEmpty());
    const auto write = run({QStringLiteral("add"), QStringLiteral("schools"), QStringLiteral("--set"), QStringLiteral("学校名称=假学校")});
    QCOMPARE(write.exitCode, 2);
    const auto unknown = run({QStringLiteral("list"), QStringLiteral("no_such_table")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(QString(unknown.out + unknown.err).contains(QStringLiteral("students")), qPrintable(unknown.out + unknown.err));
}

// A teachers' training sheet names each teacher by 姓名 and 工号 (or 身份证号) in columns of their
// own: the row is the teacher all of them name, so two 张伟 are told apart, and a sheet whose
// columns disagree is reported, not guessed.
void TestClientTables::import_growthFile_teacherIsTheRowEveryNamingColumnNames()
{
    int n = 700;
    const auto teacher = [&](const QString &name, const QString &staffNo) {
        const auto r = run({QStringLiteral("--json"), QStringLiteral("add"), QStringLiteral("staff"), QStringLiteral("--set"),
                            QStringLiteral("姓名=") + name, QStringLiteral("--set"), QStringLiteral("性别=男"),
                            QStringLiteral("--set"), QStringLiteral("身份证件号=") + testIdNumber(++n, true),
                            QStringLiteral("--set"), QStringLiteral("岗位类别=专任教师"), QStringLiteral("--set"),
                            QStringLiteral("工号=") + staffNo});
        return r.json().object().value(QStringLiteral("id")).toString();
    };
    const QString first = teacher(QStringLiteral("张伟"), QStringLiteral("T701"));
    const QString second = teacher(QStringLiteral("张伟"), QStringLiteral("T702"));
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    const QString csv = m_dirs.filePath(QStringLiteral("培训.csv"));
    {
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("姓名,工号,培训名称,培训级别,开始日期,学时\n"
                               "张伟,T702,国培计划数学研修,国家级,2024-07-10,90\n"
                               "张伟,T701,国培计划数学研修,国家级,2024-07-10,90\n"
                               ",T701,校本培训：作业设计,校本,2024-03-01,8\n"
                               "张伟,,县级骨干教师培训,县级,2024-05-01,24\n"
                               "张伟,T709,县级骨干教师培训,县级,2024-05-01,24\n"
                               "李娜,T701,县级骨干教师培训,县级,2024-05-01,24\n")
                    .toUtf8());
    }
    const auto r = run({QStringLiteral("--json"), QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("import"),
                        QStringLiteral("staff_training"), csv});
    QCOMPARE(r.exitCode, 5);
    const QJsonObject o = r.json().object();
    QVERIFY2(o.value(QStringLiteral("rejected")).toArray().isEmpty(), qPrintable(r.out));
    QCOMPARE(o.value(QStringLiteral("added")).toInt(), 3);
    const QJsonArray refused = o.value(QStringLiteral("refused")).toArray();
    QCOMPARE(refused.size(), 3);
    QVERIFY2(refused[0].toString().contains(QStringLiteral("5")) && refused[0].toString().contains(QStringLiteral("对应多条记录")),
             qPrintable(refused[0].toString()));
    QVERIFY2(refused[1].toString().contains(QStringLiteral("张伟 / T709")), qPrintable(refused[1].toString()));
    QVERIFY2(refused[2].toString().contains(QStringLiteral("李娜 / T701")), qPrintable(refused[2].toString()));
    int ofFirst = 0, ofSecond = 0;
    for (const auto &v : listed(*m_device, "staff_training")) {
        const QString who = v.toObject().value(QStringLiteral("staff_id")).toString();
        ofFirst += who == first;
        ofSecond += who == second;
    }
    QCOMPARE(ofFirst, 2);
    QCOMPARE(ofSecond, 1);
    // The same sheet again adds nothing: each course is known by teacher, title and first day.
    const auto again = run({QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("staff_training"), csv});
    QCOMPARE(again.json().object().value(QStringLiteral("added")).toInt(), 0);
    QCOMPARE(again.json().object().value(QStringLiteral("unchanged")).toInt(), 3);
}

void TestClientTables::sync_sendsResolvedReferences()
{
    const auto r = run({QStringLiteral("sync")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    // Every status change on the server names a pupil of this school, by id.
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM status_changes c JOIN students s ON s.id = c.student_id "
                                           "AND s.school_id = c.school_id"))
                 .toInt(),
             listed(*m_device, "status_changes").size());
    QVERIFY(m_server.query(QStringLiteral("SELECT count(*) FROM status_changes")).toInt() >= 4);
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM staff_training c JOIN staff t ON t.id = c.staff_id "
                                           "AND t.school_id = c.school_id"))
                 .toInt(),
             listed(*m_device, "staff_training").size());
}

QTEST_GUILESS_MAIN(TestClientTables)
#include "tst_client_tables.moc"
