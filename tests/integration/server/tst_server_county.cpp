// The county's own rows against the real emis-server: a 教研室 officer writes a term and a county
// joint exam with its subjects over the protocol (CountyWrite), every school's device pulls them,
// schools score the exam but cannot change it, and the write goes through the same checks, field
// merge, conflicts and audit as a device's push. Roles write only the tables that name them.
#include "ServerFixture.h"
#include "SyncDevice.h"
#include "TestClient.h"

#include "sync/Uuid.h"

#include <QTest>

using namespace emis;

namespace {

void setReal(wire::Change &c, const std::string &field, double value)
{
    auto *f = c.add_fields();
    f->set_field(field);
    f->set_real(value);
}

wire::Change row(const std::string &table, const std::string &id, std::uint64_t baseCursor = 0)
{
    wire::Change c;
    c.set_table(table);
    c.set_row_id(id);
    c.set_base_cursor(baseCursor);
    return c;
}

wire::Change term(const std::string &id)
{
    auto c = row("terms", id);
    setText(c, "code", "2025-2026-2");
    setText(c, "name", "2025-2026学年第二学期");
    setText(c, "start_date", "2026-02-23");
    setText(c, "end_date", "2026-07-10");
    return c;
}

wire::Change exam(const std::string &id, const std::string &termId, const std::string &name)
{
    auto c = row("exams", id);
    setText(c, "name", name);
    setText(c, "term_id", termId);
    setInt(c, "grade", 4);
    return c;
}

wire::Change examSubject(const std::string &id, const std::string &examId, const std::string &subject, double full)
{
    auto c = row("exam_subjects", id);
    setText(c, "exam_id", examId);
    setText(c, "subject", subject);
    setReal(c, "full_marks", full);
    setInt(c, "excellent_pct", 85);
    setInt(c, "pass_pct", 60);
    setInt(c, "low_pct", 40);
    return c;
}

std::vector<std::string> codes(const wire::CountyWriteAck &ack)
{
    std::vector<std::string> out;
    for (const auto &r : ack.rejections())
        out.push_back(r.code());
    return out;
}

} // namespace

class TestServerCounty : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void officerWritesJointExam_everySchoolPullsIt();
    void schools_scoreItButCannotChangeIt();
    void roles_writeOnlyTheTablesThatNameThem();
    void write_checkedLikeAPush();
    void concurrentEdits_conflictReported_retryAppliesOnce();

private:
    std::unique_ptr<TestClient> officer(const char *user);
    std::optional<wire::CountyWriteAck> write(TestClient &c, const std::vector<wire::Change> &changes,
                                              std::string *error = nullptr);

    ServerFixture m_server;
    SyncDevice m_a;
    SyncDevice m_b;
    std::string m_term = sync::newUuidV7();
    std::string m_exam = sync::newUuidV7();
    std::string m_math = sync::newUuidV7();
};

void TestServerCounty::initTestCase()
{
    QVERIFY(m_server.init());
    for (const auto &[name, role] : {std::pair{"chen", "teaching"}, std::pair{"zhou", "teaching"},
                                     std::pair{"zhao", "staffing"}, std::pair{"li", "inspector"}})
        QCOMPARE(m_server
                     .ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--dir"), m_server.dir(),
                           QStringLiteral("--name"), QString::fromLatin1(name), QStringLiteral("--role"),
                           QString::fromLatin1(role)},
                          "correct horse 42\n")
                     .exitCode,
                 0);
    QVERIFY(m_server.start());
    m_a = SyncDevice::enroll(m_server, ServerFixture::kSchoolA);
    m_b = SyncDevice::enroll(m_server, ServerFixture::kSchoolB);
    QVERIFY(m_a.client && m_b.client);
}

std::unique_ptr<TestClient> TestServerCounty::officer(const char *user)
{
    return TestClient::officer(m_server.port(), m_server.caPem(), user, "correct horse 42");
}

std::optional<wire::CountyWriteAck> TestServerCounty::write(TestClient &c, const std::vector<wire::Change> &changes,
                                                            std::string *error)
{
    wire::Envelope e;
    std::uint64_t n = 0;
    for (auto change : changes) {
        change.set_device_seq(++n);
        *e.mutable_county_write()->add_changes() = change;
    }
    const auto r = c.request(e);
    if (error)
        *error = r && r->has_error() ? r->error().code() : std::string();
    if (!r || !r->has_county_write_ack())
        return std::nullopt;
    return r->county_write_ack();
}

void TestServerCounty::officerWritesJointExam_everySchoolPullsIt()
{
    auto chen = officer("chen");
    QVERIFY(chen);
    const auto ack = write(*chen, {term(m_term), exam(m_exam, m_term, "2026年春季四年级期末联考"),
                                   examSubject(m_math, m_exam, "02", 120), examSubject(sync::newUuidV7(), m_exam, "01", 120)});
    QVERIFY(ack);
    QCOMPARE(codes(*ack), std::vector<std::string>{});
    QCOMPARE(ack->applied(), 4u);
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM exams WHERE school_id = ''")).toInt(), 1);
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'county_write' AND actor = "
                                           "'bureau:chen'"))
                 .toInt(),
             1);
    for (SyncDevice *d : {&m_a, &m_b}) {
        const auto rows = d->pullByTable();
        QVERIFY(rows.count("terms") && rows.at("terms").count(m_term));
        QVERIFY(rows.count("exams") && rows.at("exams").count(m_exam));
        QCOMPARE(rows.at("exam_subjects").size(), std::size_t{2});
        QCOMPARE(fieldText(rows.at("exams").at(m_exam), "name"), std::string("2026年春季四年级期末联考"));
        QCOMPARE(rows.at("exams").at(m_exam).school_id(), std::string());
    }
    // The officer reads the county's rows back the way a device pulls.
    wire::Envelope pull;
    pull.mutable_pull_request()->set_cursor(0);
    const auto page = chen->request(pull);
    QVERIFY(page && page->has_pull_page());
    int exams = 0;
    for (const auto &r : page->pull_page().rows()) {
        exams += r.table() == "exams" ? 1 : 0;
        QVERIFY2(r.table() != "students", "an officer's pull carries no school's pupils");
    }
    QCOMPARE(exams, 1);
}

void TestServerCounty::schools_scoreItButCannotChangeIt()
{
    // A school renames the county's exam, deletes its subject, or writes a term: refused.
    auto rename = m_a.change("exams", m_exam);
    setText(rename, "name", "本校改名");
    QCOMPARE(rejectionCodes(m_a.push({rename})), std::vector<std::string>{"not_owner"});
    auto drop = m_a.change("exam_subjects", m_math);
    drop.set_deleted(true);
    QCOMPARE(rejectionCodes(m_a.push({drop})), std::vector<std::string>{"not_owner"});
    auto ownTerm = m_a.change("terms", sync::newUuidV7());
    setText(ownTerm, "code", "2025-2026-9");
    QCOMPARE(rejectionCodes(m_a.push({ownTerm})), std::vector<std::string>{"read_only"});

    // Scores for the county's subject: at most its full marks (120), in half points.
    const std::string pupil = m_a.newPupil("李小红", "20160504", residentId("20160504", "128"), "1", "2");
    QVERIFY(!pupil.empty());
    const auto score = [&](double value) {
        auto c = m_a.change("scores", sync::newUuidV7());
        setText(c, "exam_subject_id", m_math);
        setText(c, "student_id", pupil);
        setReal(c, "score", value);
        return c;
    };
    QCOMPARE(rejectionCodes(m_a.push({score(120.5)})), std::vector<std::string>{"above_limit"});
    QCOMPARE(rejectionCodes(m_a.push({score(99.3)})), std::vector<std::string>{"score_step"});
    QCOMPARE(rejectionCodes(m_a.push({score(118.5)})), std::vector<std::string>{});
    // Another school cannot score school A's pupil.
    auto foreign = m_b.change("scores", sync::newUuidV7());
    setText(foreign, "exam_subject_id", m_math);
    setText(foreign, "student_id", pupil);
    setReal(foreign, "score", 90);
    QCOMPARE(rejectionCodes(m_b.push({foreign})), std::vector<std::string>{"foreign_reference"});
    // A school's own exam is its own to write, and invisible to the other school.
    const std::string own = sync::newUuidV7();
    auto ownExam = m_a.change("exams", own);
    setText(ownExam, "name", "四年级数学单元测验");
    setText(ownExam, "term_id", m_term);
    setInt(ownExam, "grade", 4);
    QCOMPARE(rejectionCodes(m_a.push({ownExam})), std::vector<std::string>{});
    m_b.cursor = 0;
    QVERIFY(!m_b.pullByTable()["exams"].count(own));
}

void TestServerCounty::roles_writeOnlyTheTablesThatNameThem()
{
    for (const char *user : {"zhao", "li"}) {
        auto o = officer(user);
        QVERIFY(o);
        const auto ack = write(*o, {term(sync::newUuidV7())});
        QVERIFY(ack);
        QCOMPARE(codes(*ack), std::vector<std::string>{"not_allowed"});
        QCOMPARE(ack->applied(), 0u);
    }
    // Nobody writes the county's pupils or schools over this door.
    auto chen = officer("chen");
    QVERIFY(chen);
    auto pupil = row("students", sync::newUuidV7());
    setText(pupil, "name", "张三");
    const auto ack = write(*chen, {pupil});
    QVERIFY(ack);
    QCOMPARE(codes(*ack), std::vector<std::string>{"not_allowed"});
    // A school device cannot send the bureau's write, and a session that has not logged in either.
    std::string error;
    QVERIFY(!write(*m_a.client, {term(sync::newUuidV7())}, &error));
    QCOMPARE(error, std::string("not_allowed"));
    TestClient anonymous;
    QVERIFY(anonymous.connectTo(m_server.port(), m_server.caPem()) && anonymous.hello());
    QVERIFY(!write(anonymous, {term(sync::newUuidV7())}, &error));
    QCOMPARE(error, std::string("not_authenticated"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM terms")).toInt(), 1);
}

void TestServerCounty::write_checkedLikeAPush()
{
    auto chen = officer("chen");
    QVERIFY(chen);
    auto noName = row("exams", sync::newUuidV7());
    setText(noName, "term_id", m_term);
    setInt(noName, "grade", 4);
    // A subject of a school's own exam: the county may not name it.
    const QString schoolExam = m_server.query(QStringLiteral("SELECT id FROM exams WHERE school_id <> ''")).toString();
    QVERIFY(!schoolExam.isEmpty());
    const auto ack = write(*chen, {noName, examSubject(sync::newUuidV7(), sync::newUuidV7(), "03", 100),
                                   examSubject(sync::newUuidV7(), schoolExam.toStdString(), "03", 100),
                                   examSubject(sync::newUuidV7(), m_exam, "99", 100)});
    QVERIFY(ack);
    QCOMPARE(codes(*ack), (std::vector<std::string>{"required", "foreign_reference", "foreign_reference", "not_recognised"}));
    QCOMPARE(ack->rejections(0).device_seq(), 1u);
    QVERIFY(!ack->rejections(0).message_zh().empty());
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM exam_subjects")).toInt(), 2);
}

void TestServerCounty::concurrentEdits_conflictReported_retryAppliesOnce()
{
    auto chen = officer("chen");
    auto zhou = officer("zhou");
    QVERIFY(chen && zhou);
    // Both read the exam at the same cursor, then each changes its name.
    wire::Envelope pull;
    pull.mutable_pull_request()->set_cursor(0);
    const auto page = chen->request(pull);
    QVERIFY(page && page->has_pull_page());
    const std::uint64_t base = page->pull_page().next_cursor();
    auto first = row("exams", m_exam, base);
    setText(first, "name", "2026年春季四年级期末联考（修订）");
    auto second = row("exams", m_exam, base);
    setText(second, "name", "2026年春季四年级期末统考");
    const auto a = write(*chen, {first});
    QVERIFY(a && a->conflicts_size() == 0);
    const auto b = write(*zhou, {second});
    QVERIFY(b);
    QCOMPARE(b->conflicts_size(), 1);
    QCOMPARE(b->conflicts(0).field(), std::string("name"));
    // Sent again after a cut: the same value, no new row and no conflict with itself.
    const auto again = write(*zhou, {second});
    QVERIFY(again && again->conflicts_size() == 0);
    QCOMPARE(m_server.query(QStringLiteral("SELECT name FROM exams WHERE id = '%1'").arg(QString::fromStdString(m_exam)))
                 .toString(),
             QStringLiteral("2026年春季四年级期末统考"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM exams WHERE school_id = ''")).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestServerCounty)
#include "tst_server_county.moc"
