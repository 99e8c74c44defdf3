// An exam's figures stay as they were after the pupils move on, through the real programs: a
// county exam scored by a school's device (the sheet and the score grid's path both keep the
// class the pupil sat in), then one pupil moved to another class and the whole school promoted
// at year end, and the bureau's exam_analysis by class and the school's own emis-cli analysis
// give the same figures as before, under the classes of the exam's day.
#include "CliRunner.h"
#include "ServerFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

namespace {

// An analysis document's rows as "label subject" → 平均分 / 参考人数.
QMap<QString, QString> figures(const QJsonObject &doc)
{
    QMap<QString, QString> out;
    for (const auto &r : doc.value(QStringLiteral("rows")).toArray()) {
        const QJsonObject row = r.toObject();
        out.insert(row.value(QStringLiteral("label")).toString() + QLatin1Char(' ') + row.value(QStringLiteral("subject")).toString(),
                   QStringLiteral("%1/%2").arg(row.value(QStringLiteral("mean")).toDouble()).arg(row.value(QStringLiteral("sat")).toInt()));
    }
    return out;
}

} // namespace

class TestClientExamHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void analysis_keepsTheClassesOfTheExamDay_afterAMoveAndAPromotion();
    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

private:
    QString addPupil(const QString &name, const QString &className);
    CliResult run(const QStringList &args) const { return m_device->run(args); }
    QJsonObject bureau(const QString &by) const;
    QJsonObject school() const;

    ServerFixture m_server;
    QTemporaryDir m_dirs;
    std::unique_ptr<CliRunner> m_device;
    QString m_exam;
    int m_pupils = 700;
};

void TestClientExamHistory::initTestCase()
{
    QVERIFY(m_server.init());
    const auto added = m_server.ctl({QStringLiteral("exam"), QStringLiteral("add"), QStringLiteral("--dir"), m_server.dir(),
                                     QStringLiteral("--name"), QStringLiteral("三年级期末联考"), QStringLiteral("--term"),
                                     QStringLiteral("2025-2026-2"), QStringLiteral("--grade"), QStringLiteral("3"),
                                     QStringLiteral("--subject"), QStringLiteral("语文:100")});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    m_exam = added.out.trimmed();
    QVERIFY(m_server.start());
    m_device = std::make_unique<CliRunner>(
        enrolledDevice(m_server, m_dirs.filePath(QStringLiteral("school")), ServerFixture::kSchoolA));
    QVERIFY(run({QStringLiteral("--json"), QStringLiteral("status")}).json().object().value(QStringLiteral("enrolled")).toBool());
}

QString TestClientExamHistory::addPupil(const QString &name, const QString &className)
{
    QStringList args{QStringLiteral("--json"), QStringLiteral("add"), QStringLiteral("students")};
    args << pupilSets(++m_pupils, name);
    args.replaceInStrings(QStringLiteral("班级=1班"), QStringLiteral("班级=") + className);
    return run(args).json().object().value(QStringLiteral("id")).toString();
}

QJsonObject TestClientExamHistory::bureau(const QString &by) const
{
    const auto r = m_server.ctl({QStringLiteral("report"), QStringLiteral("--dir"), m_server.dir(), QStringLiteral("exam_analysis"),
                                 QStringLiteral("-p"), QStringLiteral("exam=") + m_exam, QStringLiteral("-p"),
                                 QStringLiteral("by=") + by, QStringLiteral("--json")});
    if (r.exitCode != 0)
        qWarning("exam_analysis: %s", qPrintable(r.err));
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QJsonObject TestClientExamHistory::school() const
{
    return run({QStringLiteral("--json"), QStringLiteral("analysis"), QStringLiteral("--exam"), m_exam}).json().object();
}

void TestClientExamHistory::analysis_keepsTheClassesOfTheExamDay_afterAMoveAndAPromotion()
{
    const QString wang = addPupil(QStringLiteral("王一"), QStringLiteral("1班"));
    const QString li = addPupil(QStringLiteral("李二"), QStringLiteral("2班"));
    QVERIFY(!addPupil(QStringLiteral("赵三"), QStringLiteral("2班")).isEmpty());
    QVERIFY(!wang.isEmpty() && !li.isEmpty());
    QCOMPARE(run({QStringLiteral("sync")}).exitCode, 0);  // the exam arrives
    const QString sheet = m_dirs.filePath(QStringLiteral("scores.csv"));
    QFile f(sheet);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("姓名,班级,语文\n王一,1班,90\n李二,2班,60\n赵三,2班,70\n");
    f.close();
    const auto imported = run({QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("scores"), sheet,
                               QStringLiteral("--exam"), m_exam});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.out + imported.err));
    QCOMPARE(run({QStringLiteral("sync")}).exitCode, 0);

    const QMap<QString, QString> before = figures(bureau(QStringLiteral("class")));
    const QMap<QString, QString> schoolBefore = figures(school());
    QCOMPARE(before.value(QStringLiteral("湖口县第一中学 三年级1班 01")), QStringLiteral("90/1"));
    QCOMPARE(before.value(QStringLiteral("湖口县第一中学 三年级2班 01")), QStringLiteral("65/2"));
    QCOMPARE(schoolBefore.value(QStringLiteral("三年级2班 01")), QStringLiteral("65/2"));

    // 李二 moves to 1班, then the year ends: everyone is in 四年级 now.
    QCOMPARE(run({QStringLiteral("edit"), QStringLiteral("students"), li, QStringLiteral("--set"), QStringLiteral("班级=1班")})
                 .exitCode,
             0);
    const auto promoted = run({QStringLiteral("promote")});
    QVERIFY2(promoted.exitCode == 0, qPrintable(promoted.out + promoted.err));
    QCOMPARE(run({QStringLiteral("sync")}).exitCode, 0);
    bool moved = false;
    for (const auto &p : run({QStringLiteral("--json"), QStringLiteral("students"), QStringLiteral("list")}).json().array())
        if (p.toObject().value(QStringLiteral("id")).toString() == li)
            moved = p.toObject().value(QStringLiteral("grade")).toVariant().toInt() == 4 &&
                    p.toObject().value(QStringLiteral("class_name")).toString() == QStringLiteral("1班");
    QVERIFY(moved);

    QCOMPARE(figures(bureau(QStringLiteral("class"))), before);
    QCOMPARE(figures(school()), schoolBefore);
    // The school's figures stay the school's too.
    const QMap<QString, QString> bySchool = figures(bureau(QStringLiteral("school")));
    QCOMPARE(bySchool.value(QStringLiteral("湖口县第一中学 01")), QStringLiteral("73.33/3"));
}

QTEST_GUILESS_MAIN(TestClientExamHistory)
#include "tst_client_exam_history.moc"
