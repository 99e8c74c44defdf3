// Status changes end to end: emis-cli processes on a real data directory against the real
// emis-server. A 休学 with an evidence image is pushed pending, the pupil stays 在读 until an
// enrolment officer approves it over the protocol, then the school's next sync brings 休学; a
// withdrawn request reaches the server as withdrawn; a promotion and its undo sync as changes
// the server accepts. Messages come in the language asked for.
#include "CliRunner.h"
#include "ServerFixture.h"
#include "TestClient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestClientChanges : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void suspension_pendingUntilApproved_thenPulled();
    void withdrawn_reachesServer();
    void promotionAndUndo_syncAndServerAccepts();
    void messages_inTheLanguageAsked();

private:
    QString addPupil(const CliRunner &d, const QString &name);
    QJsonObject pupil(const CliRunner &d, const QString &id);
    QString serverText(const QString &sql, const QVariantList &args) { return m_server.query(sql, args).toString(); }

    ServerFixture m_server;
    QTemporaryDir m_dirs;
    std::unique_ptr<CliRunner> m_device;
    int m_pupils = 700;
};

void TestClientChanges::initTestCase()
{
    QVERIFY(m_server.init());
    QCOMPARE(m_server
                 .ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--dir"), m_server.dir(),
                       QStringLiteral("--name"), QStringLiteral("wang"), QStringLiteral("--role"),
                       QStringLiteral("enrolment")},
                      "correct horse 42\n")
                 .exitCode,
             0);
    QVERIFY(m_server.start());
    m_device = std::make_unique<CliRunner>(m_dirs.filePath(QStringLiteral("school")));
    const auto r = m_device->run({QStringLiteral("enroll"), QStringLiteral("--server"),
                                  QStringLiteral("127.0.0.1:%1").arg(m_server.port()), QStringLiteral("--code"),
                                  m_server.enrollCode(QLatin1String(ServerFixture::kSchoolA))});
    QCOMPARE(r.exitCode, 0);
}

QString TestClientChanges::addPupil(const CliRunner &d, const QString &name)
{
    const auto r = d.run(QStringList{QStringLiteral("--json"), QStringLiteral("students"), QStringLiteral("add")} +
                         pupilSets(++m_pupils, name));
    return r.json().object().value(QStringLiteral("id")).toString();
}

QJsonObject TestClientChanges::pupil(const CliRunner &d, const QString &id)
{
    const auto list = d.run({QStringLiteral("students"), QStringLiteral("list"), QStringLiteral("--json")}).json().array();
    for (const auto &v : list)
        if (v.toObject().value(QStringLiteral("id")).toString() == id)
            return v.toObject();
    return {};
}

void TestClientChanges::suspension_pendingUntilApproved_thenPulled()
{
    const CliRunner &d = *m_device;
    const QString id = addPupil(d, QStringLiteral("陈小红"));
    QVERIFY(!id.isEmpty());
    // The library checks an image by its first bytes, as the server does.
    const QString scan = m_dirs.filePath(QStringLiteral("证明.png"));
    {
        QFile f(scan);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(5000, 'p'));
    }
    const QString tooBig = m_dirs.filePath(QStringLiteral("big.pdf"));
    {
        QFile f(tooBig);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("%PDF-1.4");
    }
    const QStringList base = {QStringLiteral("change"), QStringLiteral("add"), QStringLiteral("--student"), id,
                              QStringLiteral("--kind"), QStringLiteral("休学"), QStringLiteral("--date"),
                              QStringLiteral("2026-03-01"), QStringLiteral("--reason"), QStringLiteral("病休")};
    const auto refused = d.run(base + QStringList{QStringLiteral("--evidence"), tooBig});
    QCOMPARE(refused.exitCode, 5);
    QVERIFY(refused.err.contains(QStringLiteral("佐证材料应为图片")));
    const auto added = d.run(QStringList{QStringLiteral("--json")} + base + QStringList{QStringLiteral("--evidence"), scan});
    QCOMPARE(added.exitCode, 0);
    const QString change = added.json().object().value(QStringLiteral("id")).toString();
    QCOMPARE(added.json().object().value(QStringLiteral("approval_name")).toString(), QStringLiteral("待审批"));
    QCOMPARE(d.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(serverText(QStringLiteral("SELECT approval FROM status_changes WHERE id = ?"), {change}), QStringLiteral("1"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM evidence WHERE owner_id = ?"), {change}).toInt(), 1);
    QCOMPARE(pupil(d, id).value(QStringLiteral("status")).toString(), QStringLiteral("1"));

    TestClient officer;
    QVERIFY(officer.connectTo(m_server.port(), m_server.caPem()) && officer.hello());
    emis::wire::Envelope login;
    login.mutable_login_request()->set_user("wang");
    login.mutable_login_request()->set_password("correct horse 42");
    QVERIFY(officer.request(login)->has_login_response());
    emis::wire::Envelope e;
    e.mutable_decision_request()->set_table("status_changes");
    e.mutable_decision_request()->set_row_id(change.toStdString());
    e.mutable_decision_request()->set_approve(true);
    e.mutable_decision_request()->set_note("同意");
    QCOMPARE(officer.request(e)->decision_response().state(), std::string("2"));

    QCOMPARE(pupil(d, id).value(QStringLiteral("status")).toString(), QStringLiteral("1"));  // not pulled yet
    QCOMPARE(d.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(pupil(d, id).value(QStringLiteral("status")).toString(), QStringLiteral("2"));
    const auto list = d.run({QStringLiteral("--json"), QStringLiteral("change"), QStringLiteral("list"),
                             QStringLiteral("--student"), id})
                          .json()
                          .array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].toObject().value(QStringLiteral("approval_name")).toString(), QStringLiteral("已批准"));
    QCOMPARE(list[0].toObject().value(QStringLiteral("approval_note")).toString(), QStringLiteral("同意"));
    QCOMPARE(list[0].toObject().value(QStringLiteral("evidence")).toInt(), 1);
}

void TestClientChanges::withdrawn_reachesServer()
{
    const CliRunner &d = *m_device;
    const QString id = addPupil(d, QStringLiteral("林小军"));
    const auto added = d.run({QStringLiteral("--json"), QStringLiteral("change"), QStringLiteral("add"),
                              QStringLiteral("--student"), id, QStringLiteral("--kind"), QStringLiteral("06"),
                              QStringLiteral("--date"), QStringLiteral("2026-06-30"), QStringLiteral("--reason"),
                              QStringLiteral("成绩未达标，家长申请")});
    QCOMPARE(added.exitCode, 0);
    const QString change = added.json().object().value(QStringLiteral("id")).toString();
    QCOMPARE(d.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(d.run({QStringLiteral("change"), QStringLiteral("withdraw"), change}).exitCode, 0);
    QCOMPARE(d.run({QStringLiteral("change"), QStringLiteral("withdraw"), change}).exitCode, 5);
    QCOMPARE(d.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(serverText(QStringLiteral("SELECT approval FROM status_changes WHERE id = ?"), {change}), QStringLiteral("4"));
    const auto status = d.run({QStringLiteral("--json"), QStringLiteral("status")}).json().object();
    QCOMPARE(status.value(QStringLiteral("rejections")).toInt(), 0);
}

void TestClientChanges::promotionAndUndo_syncAndServerAccepts()
{
    const CliRunner &d = *m_device;
    const QString id = addPupil(d, QStringLiteral("黄小兰"));
    const auto dry = d.run({QStringLiteral("--json"), QStringLiteral("promote"), QStringLiteral("--dry-run")});
    QCOMPARE(dry.exitCode, 0);
    QVERIFY(dry.json().object().value(QStringLiteral("promoted")).toInt() >= 1);
    QCOMPARE(pupil(d, id).value(QStringLiteral("grade")).toInt(), 3);
    const auto done = d.run({QStringLiteral("--json"), QStringLiteral("promote")});
    QCOMPARE(done.exitCode, 0);
    QCOMPARE(pupil(d, id).value(QStringLiteral("grade")).toInt(), 4);
    QCOMPARE(d.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(m_server.query(QStringLiteral("SELECT grade FROM students WHERE id = ?"), {id}).toInt(), 4);
    QCOMPARE(d.run({QStringLiteral("promote"), QStringLiteral("--undo")}).exitCode, 0);
    QCOMPARE(d.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(m_server.query(QStringLiteral("SELECT grade FROM students WHERE id = ?"), {id}).toInt(), 3);
    const QString batch = done.json().object().value(QStringLiteral("batch_id")).toString();
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM status_changes WHERE batch_id = ? AND approval <> '4'"),
                            {batch})
                 .toInt(),
             0);
    const auto status = d.run({QStringLiteral("--json"), QStringLiteral("status")}).json().object();
    QCOMPARE(status.value(QStringLiteral("rejections")).toInt(), 0);
    QCOMPARE(status.value(QStringLiteral("pending")).toInt(), 0);
}

void TestClientChanges::messages_inTheLanguageAsked()
{
    const auto zh = m_device->run({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("status")});
    QCOMPARE(zh.exitCode, 0);
    QVERIFY2(zh.out.contains(QString::fromUtf8("待发送的变更：")), qPrintable(zh.out));
    const auto en = m_device->run({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("status")});
    QVERIFY2(en.out.contains(QStringLiteral("Pending changes: ")), qPrintable(en.out));
    // A language without a translation is a usage error, not English in disguise.
    QCOMPARE(m_device->run({QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("status")}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestClientChanges)
#include "tst_client_changes.moc"
