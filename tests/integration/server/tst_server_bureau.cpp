// Bureau officers against the real emis-server: accounts made with emisctl, password logins over
// TLS with wrong ones throttled per account and source address (and an administrative lock),
// county reports served over the protocol to a logged-in officer only, every
// login and report audited.
#include "ServerFixture.h"
#include "SyncDevice.h"
#include "TestClient.h"

#include "codec/FrameCodec.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace emis;

class TestServerBureau : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void userAdd_refusesShortPasswordAndBadRole();
    void login_goodPasswordGivesRole();
    void login_wrongPasswordAndUnknownUserFailAlike();
    void login_parallelWrongPasswords_atMostFiveChecked();
    void login_strangersFailures_doNotStopOfficerElsewhere();
    void login_throttleExpires_andGrows();
    void login_adminLockHolds_unlockLifts();
    void report_servedToLoggedInOfficer_andAudited();
    void report_refusedWithoutLogin();
    void report_refusedToSchoolDevice();

private:
    // Connected (from a loopback source address, if given), Hello done, not logged in.
    std::unique_ptr<TestClient> officer(const QString &from = {});
    std::optional<wire::Envelope> login(TestClient &c, const char *user, const char *password);
    static wire::Envelope loginRequest(const char *user, const char *password);
    std::string loginCode(const QString &from, const char *user, const char *password);
    int audited(const char *action, const char *user) const;
    ServerFixture m_server;
};

void TestServerBureau::initTestCase()
{
    QVERIFY(m_server.init());
    const auto add = [&](const char *name, const char *role) {
        return m_server.ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--dir"), m_server.dir(),
                             QStringLiteral("--name"), QString::fromLatin1(name), QStringLiteral("--role"),
                             QString::fromLatin1(role), QStringLiteral("--display"), QStringLiteral("王科长")},
                            "correct horse 42\n");
    };
    QCOMPARE(add("wang", "enrolment").exitCode, 0);
    QCOMPARE(add("li", "inspector").exitCode, 0);
    QCOMPARE(add("zhao", "staffing").exitCode, 0);
    QCOMPARE(add("qian", "staffing").exitCode, 0);
    QCOMPARE(add("zhou", "staffing").exitCode, 0);
    QCOMPARE(add("wang", "admin").exitCode, 1);  // exists
    // A short first pause, so that its end can be seen; and room for 20 sessions from one address.
    QVERIFY(m_server.setConfig(QStringLiteral("login_throttle_s"), QStringLiteral("2")));
    QVERIFY(m_server.setConfig(QStringLiteral("max_pending_per_address"), QStringLiteral("64")));
    QVERIFY(m_server.start());
}

std::unique_ptr<TestClient> TestServerBureau::officer(const QString &from)
{
    auto c = std::make_unique<TestClient>();
    if (c->connectTo(m_server.port(), m_server.caPem(), {}, {}, from))
        c->hello();
    return c;
}

wire::Envelope TestServerBureau::loginRequest(const char *user, const char *password)
{
    wire::Envelope e;
    e.mutable_login_request()->set_user(user);
    e.mutable_login_request()->set_password(password);
    return e;
}

std::optional<wire::Envelope> TestServerBureau::login(TestClient &c, const char *user, const char *password)
{
    return c.request(loginRequest(user, password));
}

std::string TestServerBureau::loginCode(const QString &from, const char *user, const char *password)
{
    auto c = officer(from);
    const auto r = login(*c, user, password);
    if (!r)
        return "no reply";
    return r->has_login_response() ? "ok" : r->error().code();
}

int TestServerBureau::audited(const char *action, const char *user) const
{
    return m_server
        .query(QStringLiteral("SELECT count(*) FROM audit WHERE action = ? AND actor = ?"),
               {QLatin1String(action), QLatin1String(user)})
        .toInt();
}

void TestServerBureau::userAdd_refusesShortPasswordAndBadRole()
{
    const QStringList base = {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--dir"), m_server.dir(),
                              QStringLiteral("--name"), QStringLiteral("sun")};
    QCOMPARE(m_server.ctl(base + QStringList{QStringLiteral("--role"), QStringLiteral("admin")}, "short\n").exitCode, 2);
    QCOMPARE(m_server.ctl(base + QStringList{QStringLiteral("--role"), QStringLiteral("boss")}, "long enough pw\n").exitCode,
             2);
    const auto list = m_server.ctl({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--dir"),
                                    m_server.dir(), QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(!list.out.contains(QStringLiteral("\"sun\"")));
    QVERIFY(list.out.contains(QStringLiteral("\"inspector\"")));
    // The hash is argon2id; the password itself is stored nowhere.
    QVERIFY(m_server.query(QStringLiteral("SELECT password_hash FROM users WHERE name = 'wang'"))
                .toString()
                .startsWith(QStringLiteral("$argon2id$")));
}

void TestServerBureau::login_goodPasswordGivesRole()
{
    auto holder = officer();
    TestClient &c = *holder;
    const auto r = login(c, "wang", "correct horse 42");
    QVERIFY(r && r->has_login_response());
    QCOMPARE(QString::fromStdString(r->login_response().role()), QStringLiteral("enrolment"));
    QCOMPARE(QString::fromStdString(r->login_response().display_name()), QString::fromUtf8("王科长"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'login' AND actor = 'wang'")).toInt(),
             1);
}

void TestServerBureau::login_wrongPasswordAndUnknownUserFailAlike()
{
    auto holder = officer();
    TestClient &c = *holder;
    const auto wrong = login(c, "zhao", "not the password");
    QVERIFY(wrong && wrong->has_error());
    QCOMPARE(QString::fromStdString(wrong->error().code()), QStringLiteral("login_failed"));
    const auto nobody = login(c, "nobody", "whatever it is");
    QVERIFY(nobody && nobody->has_error());
    QCOMPARE(QString::fromStdString(nobody->error().code()), QStringLiteral("login_failed"));
    QVERIFY(!nobody->error().fatal());
    // Still allowed to try again on the same session.
    const auto ok = login(c, "zhao", "correct horse 42");
    QVERIFY(ok && ok->has_login_response());
    QCOMPARE(m_server.query(QStringLiteral("SELECT failures FROM users WHERE name = 'zhao'")).toInt(), 0);
}

void TestServerBureau::login_parallelWrongPasswords_atMostFiveChecked()
{
    // 20 sessions from one address send a wrong password at the same moment.
    std::vector<std::unique_ptr<TestClient>> sessions;
    for (int i = 0; i < 20; ++i) {
        sessions.push_back(officer());
        QCOMPARE(sessions.back()->socket().state(), QAbstractSocket::ConnectedState);
    }
    for (auto &c : sessions) {
        wire::Envelope e = loginRequest("qian", "a wrong guess");
        e.set_request_id(1);
        QVERIFY(c->sendRaw(*codec::encodeFrame(e)));
    }
    int throttled = 0;
    for (auto &c : sessions) {
        const auto r = c->receive(30000);
        QVERIFY(r && r->has_error());
        const std::string code = r->error().code();
        QVERIFY2(code == "login_failed" || code == "login_throttled" || code == "account_locked", code.c_str());
        throttled += code == "login_throttled";
    }
    // Each wrong password checked is audited as login_failed; the rest were never checked.
    const int checked = audited("login_failed", "qian");
    qInfo("20 parallel wrong logins: %d password checks, %d throttled replies", checked, throttled);
    QVERIFY2(checked <= 5 && checked >= 1, qPrintable(QString::number(checked)));
    QCOMPARE(throttled, 20 - checked + 1);  // the fifth check's own reply says to wait, too
    QCOMPARE(m_server.query(QStringLiteral("SELECT failures FROM users WHERE name = 'qian'")).toInt(), checked);
}

void TestServerBureau::login_strangersFailures_doNotStopOfficerElsewhere()
{
    const QString stranger = QStringLiteral("127.0.0.2");
    std::vector<std::string> codes;
    for (int i = 0; i < 6; ++i)
        codes.push_back(loginCode(stranger, "wang", "guess"));
    // The officer at his own desk logs in, and the account is not locked...
    QCOMPARE(loginCode(QStringLiteral("127.0.0.1"), "wang", "correct horse 42"), std::string("ok"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT locked FROM users WHERE name = 'wang'")).toInt(), 0);
    // ...while the stranger's address was slowed after five tries, and still is, whatever it sends.
    QCOMPARE(codes, (std::vector<std::string>{"login_failed", "login_failed", "login_failed", "login_failed",
                                              "login_throttled", "login_throttled"}));
    QCOMPARE(loginCode(stranger, "wang", "correct horse 42"), std::string("login_throttled"));
    QTRY_VERIFY(audited("login_throttled", "wang") >= 2);  // written without holding up the reply
}

void TestServerBureau::login_throttleExpires_andGrows()
{
    const QString from = QStringLiteral("127.0.0.4");
    for (int i = 0; i < 4; ++i)
        QCOMPARE(loginCode(from, "zhou", "guess"), std::string("login_failed"));
    auto c = officer(from);
    auto r = login(*c, "zhou", "guess");
    QVERIFY(r && r->has_error());
    QCOMPARE(r->error().code(), std::string("login_throttled"));
    QVERIFY2(QString::fromStdString(r->error().message_en()).contains(QStringLiteral("in 2 s")), r->error().message_en().c_str());
    QCOMPARE(loginCode(from, "zhou", "correct horse 42"), std::string("login_throttled"));
    QTest::qWait(2500);
    // One more wrong password after the pause: a pause twice as long.
    r = login(*c, "zhou", "guess");
    QVERIFY(r && r->has_error());
    QCOMPARE(r->error().code(), std::string("login_throttled"));
    QVERIFY2(QString::fromStdString(r->error().message_en()).contains(QStringLiteral("in 4 s")), r->error().message_en().c_str());
    QCOMPARE(loginCode(from, "zhou", "correct horse 42"), std::string("login_throttled"));
    QTest::qWait(4500);
    QCOMPARE(loginCode(from, "zhou", "correct horse 42"), std::string("ok"));
}

void TestServerBureau::login_adminLockHolds_unlockLifts()
{
    const auto ctl = [&](const char *what, const QByteArray &input = {}) {
        return m_server
            .ctl({QStringLiteral("user"), QLatin1String(what), QStringLiteral("--dir"), m_server.dir(),
                  QStringLiteral("--name"), QStringLiteral("li")},
                 input)
            .exitCode;
    };
    QCOMPARE(ctl("lock"), 0);
    QCOMPARE(loginCode({}, "li", "correct horse 42"), std::string("account_locked"));
    QCOMPARE(loginCode(QStringLiteral("127.0.0.5"), "li", "correct horse 42"), std::string("account_locked"));
    QCOMPARE(ctl("unlock"), 0);
    QCOMPARE(loginCode({}, "li", "correct horse 42"), std::string("ok"));
    QCOMPARE(ctl("lock"), 0);
    QCOMPARE(ctl("passwd", "another horse 43\n"), 0);  // a new password lifts the lock too
    QCOMPARE(loginCode({}, "li", "another horse 43"), std::string("ok"));
    QVERIFY(audited("login_refused", "li") >= 2);
}

void TestServerBureau::report_servedToLoggedInOfficer_andAudited()
{
    auto holder = officer();
    TestClient &c = *holder;
    QVERIFY(login(c, "wang", "correct horse 42")->has_login_response());
    wire::Envelope e;
    e.mutable_report_request()->set_name("enrolment");
    (*e.mutable_report_request()->mutable_parameters())["by"] = "school";
    const auto r = c.request(e);
    QVERIFY(r && r->has_report_response());
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(r->report_response().json())).object();
    QCOMPARE(doc.value(QLatin1String("report")).toString(), QStringLiteral("enrolment"));
    QVERIFY(doc.contains(QLatin1String("totals")));
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'report' AND actor = 'wang' "
                                           "AND detail = 'enrolment by=school'"))
                 .toInt(),
             1);
    // A report that is not there is an error on the same session, not a broken one.
    wire::Envelope bad;
    bad.mutable_report_request()->set_name("no_such_report");
    const auto b = c.request(bad);
    QVERIFY(b && b->has_error());
    QCOMPARE(QString::fromStdString(b->error().code()), QStringLiteral("bad_request"));
}

void TestServerBureau::report_refusedWithoutLogin()
{
    auto holder = officer();
    TestClient &c = *holder;
    wire::Envelope e;
    e.mutable_report_request()->set_name("enrolment");
    const auto r = c.request(e);
    QVERIFY(r && r->has_error());
    QCOMPARE(QString::fromStdString(r->error().code()), QStringLiteral("not_authenticated"));
}

void TestServerBureau::report_refusedToSchoolDevice()
{
    SyncDevice device = SyncDevice::enroll(m_server, ServerFixture::kSchoolA);
    QVERIFY(device.client);
    wire::Envelope e;
    e.mutable_report_request()->set_name("enrolment");
    const auto r = device.client->request(e);
    QVERIFY(r && r->has_error());
    QCOMPARE(QString::fromStdString(r->error().code()), QStringLiteral("not_allowed"));
    wire::Envelope l;
    l.mutable_login_request()->set_user("wang");
    l.mutable_login_request()->set_password("correct horse 42");
    const auto lr = device.client->request(l);
    QVERIFY(lr && lr->has_error());
    QCOMPARE(QString::fromStdString(lr->error().code()), QStringLiteral("not_allowed"));
}

QTEST_GUILESS_MAIN(TestServerBureau)
#include "tst_server_bureau.moc"
