// A teacher's 调动 between two emis-cli devices and the real emis-server: school B asks for the
// teacher by ID number, school A agrees, 人事股 approves over the protocol (基教股 may not), and
// the teacher's whole growth file goes to B with them, each school keeping its 调入 / 调出 record;
// A keeps a read-only trace. The old school's 教学分工 stays with its classes.
#include "CliRunner.h"
#include "ServerFixture.h"
#include "TestClient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;

class TestClientStaffMove : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void staffTransfer_agreedAndApproved_fileGoesWithTheTeacher();
    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

private:
    std::unique_ptr<TestClient> officer(const char *user);
    QJsonArray listJson(const CliRunner &d, const QStringList &args);

    ServerFixture m_server;
    QTemporaryDir m_dirs;
};

void TestClientStaffMove::initTestCase()
{
    QVERIFY(m_server.init());
    for (const auto &[name, role] : {std::pair{"zhao", "staffing"}, std::pair{"wang", "enrolment"}})
        QCOMPARE(m_server
                     .ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--dir"), m_server.dir(),
                           QStringLiteral("--name"), QString::fromLatin1(name), QStringLiteral("--role"),
                           QString::fromLatin1(role)},
                          "correct horse 42\n")
                     .exitCode,
                 0);
    QVERIFY(m_server.start());
}

std::unique_ptr<TestClient> TestClientStaffMove::officer(const char *user)
{
    return TestClient::officer(m_server.port(), m_server.caPem(), user, "correct horse 42");
}

QJsonArray TestClientStaffMove::listJson(const CliRunner &d, const QStringList &args)
{
    const auto r = d.run(QStringList{QStringLiteral("--json")} + args);
    if (r.exitCode != 0)
        qWarning("%s failed (%d): %s", qPrintable(args.join(QLatin1Char(' '))), r.exitCode, qPrintable(r.err));
    return r.json().array();
}

void TestClientStaffMove::staffTransfer_agreedAndApproved_fileGoesWithTheTeacher()
{
    const CliRunner a = enrolledDevice(m_server, m_dirs.filePath(QStringLiteral("a")), ServerFixture::kSchoolA);
    const CliRunner b = enrolledDevice(m_server, m_dirs.filePath(QStringLiteral("b")), ServerFixture::kSchoolB);
    const QString idNumber = testIdNumber(31, false);
    const auto added = a.run({QStringLiteral("--json"), QStringLiteral("add"), QStringLiteral("staff"), QStringLiteral("--set"),
                              QStringLiteral("姓名=周敏"), QStringLiteral("--set"), QStringLiteral("性别=女"),
                              QStringLiteral("--set"), QStringLiteral("身份证件号=") + idNumber, QStringLiteral("--set"),
                              QStringLiteral("岗位类别=专任教师"), QStringLiteral("--set"), QStringLiteral("工号=A031"),
                              QStringLiteral("--set"), QStringLiteral("职称=一级教师")});
    QVERIFY2(added.exitCode == 0, qPrintable(added.out + added.err));
    const QString teacher = added.json().object().value(QStringLiteral("id")).toString();
    // A scan of the teacher's certificate, kept with the staff record.
    const QString scan = m_dirs.filePath(QStringLiteral("教师资格证.png"));
    {
        QFile f(scan);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
    }
    const auto attached = a.run({QStringLiteral("attach"), QStringLiteral("staff"), teacher, scan});
    QVERIFY2(attached.exitCode == 0, qPrintable(attached.out + attached.err));
    for (const QStringList &row : {QStringList{QStringLiteral("staff_training"), QStringLiteral("培训名称=国培计划"),
                                               QStringLiteral("开始日期=2024-07-01"), QStringLiteral("学时=90")},
                                   QStringList{QStringLiteral("staff_honours"), QStringLiteral("荣誉称号=优秀教师"),
                                               QStringLiteral("获得日期=2024-09-10"), QStringLiteral("级别=县级")},
                                   QStringList{QStringLiteral("staff_assessments"), QStringLiteral("考核年度=2025"),
                                               QStringLiteral("考核结果=优秀")}}) {
        QStringList args{QStringLiteral("add"), row.front(), QStringLiteral("--set"), QStringLiteral("教师=A031")};
        for (qsizetype i = 1; i < row.size(); ++i)
            args << QStringLiteral("--set") << row[i];
        const auto r = a.run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(row.front() + r.out + r.err));
    }
    // A school cannot write a 调入 or 调出 itself: only a 调动 does.
    const auto byHand = a.run({QStringLiteral("--json"), QStringLiteral("add"), QStringLiteral("staff_changes"), QStringLiteral("--set"),
                               QStringLiteral("教师=A031"), QStringLiteral("--set"), QStringLiteral("异动类别=调出"),
                               QStringLiteral("--set"), QStringLiteral("异动日期=2026-03-01")});
    QCOMPARE(byHand.exitCode, 5);
    QVERIFY2(QString(byHand.out + byHand.err).contains(QStringLiteral("by_transfer_only")), qPrintable(byHand.out + byHand.err));
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);

    // B asks for the teacher; a wrong name finds nobody (on the server, after sync).
    const auto wrong = b.run({QStringLiteral("--json"), QStringLiteral("staff-transfer"), QStringLiteral("request"),
                              QStringLiteral("--id-number"), idNumber, QStringLiteral("--name"), QStringLiteral("周明")});
    QCOMPARE(wrong.exitCode, 0);
    const auto asked = b.run({QStringLiteral("--json"), QStringLiteral("staff-transfer"), QStringLiteral("request"),
                              QStringLiteral("--id-number"), idNumber, QStringLiteral("--name"), QStringLiteral("周敏"),
                              QStringLiteral("--reason"), QStringLiteral("夫妻团聚")});
    QCOMPARE(asked.exitCode, 0);
    const QString request = asked.json().object().value(QStringLiteral("id")).toString();
    const auto bSync = b.run({QStringLiteral("--json"), QStringLiteral("sync")});
    QCOMPARE(bSync.json().object().value(QStringLiteral("rejections")).toInt(), 1);
    const QString rejections = b.run({QStringLiteral("rejections")}).out;
    QVERIFY2(rejections.contains(QStringLiteral("staff_not_found")) || rejections.contains(idNumber), qPrintable(rejections));

    // A sees it waiting for its answer and agrees.
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    QJsonObject out;
    for (const auto &v : listJson(a, {QStringLiteral("staff-transfer"), QStringLiteral("list")}))
        if (v.toObject().value(QStringLiteral("id")).toString() == request)
            out = v.toObject();
    QCOMPARE(out.value(QStringLiteral("direction")).toString(), QStringLiteral("out"));
    QVERIFY(out.value(QStringLiteral("waiting_for_us")).toBool());
    QCOMPARE(out.value(QStringLiteral("name")).toString(), QStringLiteral("周敏"));
    QVERIFY(listJson(a, {QStringLiteral("transfer"), QStringLiteral("list")}).isEmpty());  // no pupil's 转学
    QCOMPARE(a.run({QStringLiteral("staff-transfer"), QStringLiteral("agree"), request}).exitCode, 0);
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);

    // It waits for 人事股 in the approval queue; 基教股 may not decide it, 人事股 may.
    const auto decide = [&](TestClient &c) {
        wire::Envelope e;
        e.mutable_decision_request()->set_table("staff_transfers");
        e.mutable_decision_request()->set_row_id(request.toStdString());
        e.mutable_decision_request()->set_approve(true);
        e.mutable_decision_request()->set_note("同意调动");
        return c.request(e);
    };
    auto enrolment = officer("wang");
    QVERIFY(enrolment);
    const auto refused = decide(*enrolment);
    QVERIFY(refused && refused->has_error());
    QCOMPARE(refused->error().code(), std::string("not_allowed"));
    auto staffing = officer("zhao");
    QVERIFY(staffing);
    wire::Envelope queue;
    queue.mutable_report_request()->set_name("approval_queue");
    const auto listed = staffing->request(queue);
    QVERIFY(listed && listed->has_report_response());
    QVERIFY(QString::fromStdString(listed->report_response().json()).contains(QStringLiteral("\"staff_transfers\"")));
    const auto approved = decide(*staffing);
    QVERIFY2(approved && approved->has_decision_response(), approved && approved->has_error() ? approved->error().code().c_str() : "");

    // B pulls the teacher with the whole file and its 调入; A keeps its 调出 and a read-only trace.
    QCOMPARE(b.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    bool teacherAtB = false;
    for (const auto &v : listJson(b, {QStringLiteral("list"), QStringLiteral("staff")}))
        teacherAtB = teacherAtB || v.toObject().value(QStringLiteral("id")).toString() == teacher;
    QVERIFY(teacherAtB);
    // The certificate went with the teacher.
    QCOMPARE(listJson(b, {QStringLiteral("attachments"), QStringLiteral("staff"), teacher}).size(), 1);
    QCOMPARE(listJson(a, {QStringLiteral("attachments"), QStringLiteral("staff"), teacher}).size(), 0);
    for (const char *table : {"staff_training", "staff_honours", "staff_assessments"}) {
        QCOMPARE(listJson(b, {QStringLiteral("list"), QLatin1String(table)}).size(), 1);
        QCOMPARE(listJson(a, {QStringLiteral("list"), QLatin1String(table)}).size(), 0);
    }
    const auto kinds = [&](const CliRunner &d) {
        QStringList out2;
        for (const auto &v : listJson(d, {QStringLiteral("list"), QStringLiteral("staff_changes")}))
            out2 << v.toObject().value(QStringLiteral("kind")).toString();
        return out2;
    };
    QCOMPARE(kinds(b), QStringList{QStringLiteral("01")});
    QCOMPARE(kinds(a), QStringList{QStringLiteral("02")});
    QVERIFY(listJson(a, {QStringLiteral("list"), QStringLiteral("staff")}).isEmpty());
    const QJsonArray trace = listJson(a, {QStringLiteral("staff-transfer"), QStringLiteral("out")});
    QCOMPARE(trace.size(), 1);
    QCOMPARE(trace[0].toObject().value(QStringLiteral("staff_no")).toString(), QStringLiteral("A031"));
    // On the server, every row of the file is B's now.
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM staff_training WHERE staff_id = ? AND school_id = ?"),
                            {teacher, QString::fromStdString(m_server.schoolId(QLatin1String(ServerFixture::kSchoolB)))}).toInt(),
             1);

    // Two years on, B records the teacher's 退休: the 人事异动 and the 在职状态 go together, and the
    // county's staff reports count 在职 only.
    const auto staffAtB = [&] {
        wire::Envelope e;
        e.mutable_report_request()->set_name("staff");
        (*e.mutable_report_request()->mutable_parameters())["by"] = "school";
        (*e.mutable_report_request()->mutable_parameters())["school"] = ServerFixture::kSchoolB;
        const auto r = staffing->request(e);
        return r && r->has_report_response() ? QString::fromStdString(r->report_response().json()) : QString();
    };
    QVERIFY2(staffAtB().contains(QStringLiteral("\"total\":1")), qPrintable(staffAtB()));
    const auto retired = b.run({QStringLiteral("add"), QStringLiteral("staff_changes"), QStringLiteral("--set"),
                                QStringLiteral("教师=A031"), QStringLiteral("--set"), QStringLiteral("异动类别=退休"),
                                QStringLiteral("--set"), QStringLiteral("异动日期=2028-08-31")});
    QVERIFY2(retired.exitCode == 0, qPrintable(retired.out + retired.err));
    for (const auto &v : listJson(b, {QStringLiteral("list"), QStringLiteral("staff")}))
        if (v.toObject().value(QStringLiteral("id")).toString() == teacher)
            QCOMPARE(v.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("2"));
    QCOMPARE(b.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(m_server.query(QStringLiteral("SELECT status FROM staff WHERE id = ?"), {teacher}).toString(), QStringLiteral("2"));
    QVERIFY2(!staffAtB().contains(QStringLiteral("\"total\":1")), qPrintable(staffAtB()));
}

QTEST_GUILESS_MAIN(TestClientStaffMove)
#include "tst_client_staff_move.moc"
