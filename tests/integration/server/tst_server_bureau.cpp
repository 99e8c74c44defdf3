// Bureau officers against the real emis-server: accounts made with emisctl, password logins over
// TLS with lock-out, county reports served over the protocol to a logged-in officer only, every
// login and report audited.
#include "ServerFixture.h"
#include "SyncDevice.h"
#include "TestClient.h"

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
    void login_locksAfterFiveFailures_passwdUnlocks();
    void report_servedToLoggedInOfficer_andAudited();
    void report_refusedWithoutLogin();
    void report_refusedToSchoolDevice();

private:
    std::unique_ptr<TestClient> officer();  // connected, Hello done, not logged in
    std::optional<wire::Envelope> login(TestClient &c, const char *user, const char *password);
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
    QCOMPARE(add("wang", "admin").exitCode, 1);  // exists
    QVERIFY(m_server.start());
}

std::unique_ptr<TestClient> TestServerBureau::officer()
{
    auto c = std::make_unique<TestClient>();
    if (c->connectTo(m_server.port(), m_server.caPem()))
        c->hello();
    return c;
}

std::optional<wire::Envelope> TestServerBureau::login(TestClient &c, const char *user, const char *password)
{
    wire::Envelope e;
    e.mutable_login_request()->set_user(user);
    e.mutable_login_request()->set_password(password);
    return c.request(e);
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

void TestServerBureau::login_locksAfterFiveFailures_passwdUnlocks()
{
    auto holder = officer();
    TestClient &c = *holder;
    for (int i = 0; i < 4; ++i)
        QCOMPARE(QString::fromStdString(login(c, "li", "guess")->error().code()), QStringLiteral("login_failed"));
    QCOMPARE(QString::fromStdString(login(c, "li", "guess")->error().code()), QStringLiteral("account_locked"));
    // Locked: even the right password is refused now.
    QCOMPARE(QString::fromStdString(login(c, "li", "correct horse 42")->error().code()),
             QStringLiteral("account_locked"));
    QCOMPARE(m_server.ctl({QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("--dir"), m_server.dir(),
                           QStringLiteral("--name"), QStringLiteral("li")},
                          "another horse 43\n")
                 .exitCode,
             0);
    const auto r = login(c, "li", "another horse 43");
    QVERIFY(r && r->has_login_response());
    QVERIFY(m_server.query(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'login_failed' AND actor = 'li'"))
                .toInt() >= 5);
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
