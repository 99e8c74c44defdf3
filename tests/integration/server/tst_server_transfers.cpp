// Cross-school transfers and the problem-record queue against the real emis-server: the
// receiving school files, the sending school answers, the bureau decides while both schools are
// offline (an enrolment officer decides over the protocol), and each side's next pull shows
// the outcome; every write out of turn is refused with a reason and kept.
#include "ServerFixture.h"
#include "SyncDevice.h"
#include "TestClient.h"

#include "sync/Hlc.h"
#include "sync/Uuid.h"
#include "workflow/Decision.h"

#include <QTest>

#include <map>

using namespace emis;

namespace {

// A GB 11643 number for a pupil born on `birth` (yyyymmdd), with serial `serial` (3 digits).
std::string idNumber(const std::string &birth, const std::string &serial)
{
    const std::string body = "360429" + birth + serial;
    static const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (body[static_cast<std::size_t>(i)] - '0') * weights[i];
    return body + "10X98765432"[sum % 11];
}

// Rows pulled, by table then row id (the last state of each row wins).
using Pulled = std::map<std::string, std::map<std::string, wire::RowState>>;

Pulled pull(SyncDevice &d)
{
    Pulled out;
    for (auto &r : d.pullAll(500))
        out[r.table()][r.row_id()] = r;
    return out;
}

std::vector<std::string> rejectionCodes(const std::optional<wire::Envelope> &ack)
{
    std::vector<std::string> out;
    if (ack && ack->has_push_ack())
        for (const auto &r : ack->push_ack().rejections())
            out.push_back(r.code());
    return out;
}

} // namespace

class TestServerTransfers : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void transfer_completesThoughEachPartyWasOffline();
    void sendingSchoolRefuses_needsReason_andEndsIt();
    void receivingSchoolWithdraws_thenAnswersAreRefused();
    void bureauRefuses_pupilStays();
    void unknownPupil_refusedPupilNotFound();
    void twoSchools_sameIdNumber_flaggedInBoth_andClearedWhenFixed();
    void likelyDuplicate_withoutResidentId_flagged();

private:
    std::string pushPupil(SyncDevice &d, const std::string &name, const std::string &birth, const std::string &id,
                          const std::string &idType = "1", const std::string &sex = "1");
    std::optional<wire::Envelope> requestTransfer(SyncDevice &b, const std::string &row, const std::string &id,
                                                  const std::string &name);
    std::optional<wire::Envelope> setState(SyncDevice &d, const std::string &row, const std::string &state,
                                           const std::string &note = {});
    // The bureau's decision while the schools are offline: the server is stopped, the decision
    // runs on its store as the bureau's request would, the server starts again.
    server::workflow::DecisionResult decide(const std::string &row, bool approve, const std::string &note);
    void reconnect(SyncDevice &d);

    ServerFixture m_server;
    SyncDevice m_a, m_b;
    int m_serial = 100;
    std::string m_queue;  // the transfer part of the approval queue before the last decision
};

void TestServerTransfers::initTestCase()
{
    QVERIFY(m_server.init());
    QCOMPARE(m_server
                 .ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--dir"), m_server.dir(),
                       QStringLiteral("--name"), QStringLiteral("jjg"), QStringLiteral("--role"),
                       QStringLiteral("enrolment")},
                      "correct horse 42\n")
                 .exitCode,
             0);
    QVERIFY(m_server.start());
    m_a = SyncDevice::enroll(m_server, ServerFixture::kSchoolA);
    m_b = SyncDevice::enroll(m_server, ServerFixture::kSchoolB);
    QVERIFY(m_a.client && m_b.client);
}

std::string TestServerTransfers::pushPupil(SyncDevice &d, const std::string &name, const std::string &birth,
                                           const std::string &id, const std::string &idType, const std::string &sex)
{
    const std::string row = sync::newUuidV7();
    auto c = d.change("students", row);
    setText(c, "name", name);
    // A resident ID number says the sex (its 17th digit odd = male).
    setText(c, "sex", idType == "1" ? ((id[16] - '0') % 2 ? "1" : "2") : sex);
    setText(c, "birth_date", birth.substr(0, 4) + "-" + birth.substr(4, 2) + "-" + birth.substr(6, 2));
    setText(c, "id_type", idType);
    setText(c, "id_number", id);
    setInt(c, "grade", 4);
    setText(c, "class_name", "2班");
    setText(c, "status", "1");
    const auto ack = d.push({c});
    for (const auto &code : rejectionCodes(ack))
        qWarning("pupil %s refused: %s", name.c_str(), code.c_str());
    return rejectionCodes(ack).empty() && ack ? row : std::string();
}

std::optional<wire::Envelope> TestServerTransfers::requestTransfer(SyncDevice &b, const std::string &row,
                                                                    const std::string &id, const std::string &name)
{
    auto c = b.change("transfers", row);
    setText(c, "id_number", id);
    setText(c, "student_name", name);
    setInt(c, "to_grade", 5);
    setText(c, "to_class", "3班");
    setText(c, "request_date", "2026-03-02");
    setText(c, "reason", "随父母务工迁居");
    setText(c, "state", "1");
    return b.push({c});
}

std::optional<wire::Envelope> TestServerTransfers::setState(SyncDevice &d, const std::string &row,
                                                             const std::string &state, const std::string &note)
{
    auto c = d.change("transfers", row);
    setText(c, "state", state);
    if (!note.empty())
        setText(c, "from_note", note);
    return d.push({c});
}

server::workflow::DecisionResult TestServerTransfers::decide(const std::string &row, bool approve, const std::string &note)
{
    // An enrolment officer (基教股) logs in, reads the approval queue and decides, over the protocol.
    TestClient officer;
    if (!officer.connectTo(m_server.port(), m_server.caPem()) || !officer.hello())
        return makeIssue(Reason::Internal, "", "", "", "no bureau session");
    wire::Envelope login;
    login.mutable_login_request()->set_user("jjg");
    login.mutable_login_request()->set_password("correct horse 42");
    const auto loggedIn = officer.request(login);
    if (!loggedIn || !loggedIn->has_login_response())
        return makeIssue(Reason::LoginFailed);
    wire::Envelope queue;
    queue.mutable_report_request()->set_name("approval_queue");
    const auto listed = officer.request(queue);
    m_queue = listed && listed->has_report_response() ? listed->report_response().json() : std::string();
    wire::Envelope e;
    e.mutable_decision_request()->set_table("transfers");
    e.mutable_decision_request()->set_row_id(row);
    e.mutable_decision_request()->set_approve(approve);
    e.mutable_decision_request()->set_note(note);
    const auto r = officer.request(e);
    if (!r)
        return makeIssue(Reason::Internal, "", "", "", "no answer");
    if (r->has_error())
        return makeIssue(reasonFromCode(r->error().code()));
    return r->decision_response().state();
}

void TestServerTransfers::reconnect(SyncDevice &d)
{
    d.client = std::make_unique<TestClient>();
    if (!d.client->connectTo(m_server.port(), m_server.caPem(), d.id.certPem, d.id.keyPem) || !d.client->hello())
        qWarning("reconnect failed");
}

void TestServerTransfers::transfer_completesThoughEachPartyWasOffline()
{
    const std::string id = idNumber("20160512", std::to_string(++m_serial));
    const std::string pupil = pushPupil(m_a, "李思远", "20160512", id);
    QVERIFY(!pupil.empty());
    // The pupil's history at A: a status change with a scanned document.
    const std::string history = sync::newUuidV7();
    auto h = m_a.change("status_changes", history);
    setText(h, "student_id", pupil);
    setText(h, "kind", "08");
    setText(h, "change_date", "2025-10-08");
    setText(h, "reason", "分班调整");
    setText(h, "to_class", "1班");
    setText(h, "approval", "0");
    QCOMPARE(rejectionCodes(m_a.push({h})), std::vector<std::string>{});
    pull(m_a);
    pull(m_b);

    // B files offline; its change reaches the server on its next sync.
    const std::string transfer = sync::newUuidV7();
    QVERIFY(rejectionCodes(requestTransfer(m_b, transfer, id, "李思远")).empty());
    auto seenB = pull(m_b);
    QVERIFY(seenB["transfers"].count(transfer));
    QCOMPARE(fieldText(seenB["transfers"][transfer], "student_id"), pupil);
    QCOMPARE(fieldText(seenB["transfers"][transfer], "from_school_id"), m_a.id.schoolId);
    QVERIFY(!seenB["students"].count(pupil));  // not B's pupil yet

    // A sees the request addressed to it, and may not touch what is not its to answer.
    auto seenA = pull(m_a);
    QVERIFY(seenA["transfers"].count(transfer));
    QCOMPARE(seenA["transfers"][transfer].school_id(), m_b.id.schoolId);
    auto wrong = m_a.change("transfers", transfer);
    setInt(wrong, "to_grade", 6);
    QCOMPARE(rejectionCodes(m_a.push({wrong})), std::vector<std::string>{"not_owner"});
    auto early = m_b.change("transfers", transfer);
    setText(early, "from_note", "同意");
    QCOMPARE(rejectionCodes(m_b.push({early})), std::vector<std::string>{"not_owner"});
    QCOMPARE(rejectionCodes(setState(m_a, transfer, "5")), std::vector<std::string>{"wrong_state"});
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM rejections WHERE row_id = ?"),
                            {QString::fromStdString(transfer)}).toInt(), 3);

    // A agrees later.
    QVERIFY(rejectionCodes(setState(m_a, transfer, "2", "同意转出")).empty());
    // The bureau approves while both schools are offline.
    const auto decided = decide(transfer, true, "同意");
    QVERIFY(m_queue.find(transfer) != std::string::npos);
    QVERIFY(m_queue.find("李思远") != std::string::npos);
    QVERIFY(std::holds_alternative<std::string>(decided));
    QCOMPARE(std::get<std::string>(decided), std::string("5"));
    // A second decision finds the request done.
    QVERIFY(std::holds_alternative<Issue>(decide(transfer, false, "again")));
    QVERIFY(m_queue.find(transfer) == std::string::npos);  // decided: off the queue

    // B now holds the pupil, in the class it asked for, with the history and its 转入 record.
    seenB = pull(m_b);
    QCOMPARE(fieldText(seenB["transfers"][transfer], "state"), std::string("5"));
    QVERIFY(seenB["students"].count(pupil));
    QCOMPARE(seenB["students"][pupil].school_id(), m_b.id.schoolId);
    QCOMPARE(fieldText(seenB["students"][pupil], "grade"), std::string("5"));
    QCOMPARE(fieldText(seenB["students"][pupil], "class_name"), std::string("3班"));
    QCOMPARE(fieldText(seenB["students"][pupil], "id_number"), id);
    QVERIFY(seenB["status_changes"].count(history));
    QCOMPARE(seenB["status_changes"][history].school_id(), m_b.id.schoolId);
    int transferIn = 0;
    for (const auto &[rowId, r] : seenB["status_changes"])
        if (fieldText(r, "kind") == "01" && fieldText(r, "student_id") == pupil) {
            ++transferIn;
            QCOMPARE(fieldText(r, "other_school_id"), m_a.id.schoolId);
        }
    QCOMPARE(transferIn, 1);

    // A gets the outcome and its 转出 record, and no longer the pupil.
    seenA = pull(m_a);
    QCOMPARE(fieldText(seenA["transfers"][transfer], "state"), std::string("5"));
    QVERIFY(!seenA["students"].count(pupil));
    int transferOut = 0;
    for (const auto &[rowId, r] : seenA["status_changes"])
        if (fieldText(r, "kind") == "02" && fieldText(r, "student_id") == pupil)
            ++transferOut;
    QCOMPARE(transferOut, 1);
    // A's later edit of the pupil is refused and kept for its clerk.
    auto late = m_a.change("students", pupil);
    setText(late, "address", "湖口县双钟镇");
    QCOMPARE(rejectionCodes(m_a.push({late})), std::vector<std::string>{"not_owner"});
    QCOMPARE(m_server.query(QStringLiteral("SELECT school_id FROM students WHERE id = ?"), {QString::fromStdString(pupil)})
                 .toString()
                 .toStdString(),
             m_b.id.schoolId);
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'transfer_approve' AND detail LIKE ?"),
                            {QString::fromStdString(transfer + "%")}).toInt(), 1);
}

void TestServerTransfers::sendingSchoolRefuses_needsReason_andEndsIt()
{
    const std::string id = idNumber("20150101", std::to_string(++m_serial));
    QVERIFY(!pushPupil(m_a, "王小丫", "20150101", id, "1", "2").empty());
    const std::string transfer = sync::newUuidV7();
    QVERIFY(rejectionCodes(requestTransfer(m_b, transfer, id, "王小丫")).empty());
    pull(m_a);
    QCOMPARE(rejectionCodes(setState(m_a, transfer, "3")), std::vector<std::string>{"required"});
    QVERIFY(rejectionCodes(setState(m_a, transfer, "3", "学生仍在本校就读")).empty());
    QCOMPARE(rejectionCodes(setState(m_b, transfer, "4")), std::vector<std::string>{"wrong_state"});
    QCOMPARE(rejectionCodes(setState(m_a, transfer, "2")), std::vector<std::string>{"wrong_state"});
    const auto seenB = pull(m_b);
    QCOMPARE(fieldText(seenB.at("transfers").at(transfer), "state"), std::string("3"));
    QCOMPARE(fieldText(seenB.at("transfers").at(transfer), "from_note"), std::string("学生仍在本校就读"));
}

void TestServerTransfers::receivingSchoolWithdraws_thenAnswersAreRefused()
{
    const std::string id = idNumber("20150202", std::to_string(++m_serial));
    QVERIFY(!pushPupil(m_a, "赵一鸣", "20150202", id).empty());
    const std::string transfer = sync::newUuidV7();
    QVERIFY(rejectionCodes(requestTransfer(m_b, transfer, id, "赵一鸣")).empty());
    QVERIFY(rejectionCodes(setState(m_b, transfer, "4")).empty());
    const auto seenA = pull(m_a);
    QCOMPARE(fieldText(seenA.at("transfers").at(transfer), "state"), std::string("4"));
    QCOMPARE(rejectionCodes(setState(m_a, transfer, "2")), std::vector<std::string>{"wrong_state"});
    QVERIFY(std::holds_alternative<Issue>(decide(transfer, true, {})));
}

void TestServerTransfers::bureauRefuses_pupilStays()
{
    const std::string id = idNumber("20150303", std::to_string(++m_serial));
    const std::string pupil = pushPupil(m_a, "钱多多", "20150303", id);
    QVERIFY(!pupil.empty());
    const std::string transfer = sync::newUuidV7();
    QVERIFY(rejectionCodes(requestTransfer(m_b, transfer, id, "钱多多")).empty());
    pull(m_a);
    QVERIFY(rejectionCodes(setState(m_a, transfer, "2", "同意")).empty());
    const auto decided = decide(transfer, false, "材料不全");
    QVERIFY(std::holds_alternative<std::string>(decided));
    QCOMPARE(std::get<std::string>(decided), std::string("6"));
    const auto seenB = pull(m_b);
    QCOMPARE(fieldText(seenB.at("transfers").at(transfer), "state"), std::string("6"));
    QCOMPARE(fieldText(seenB.at("transfers").at(transfer), "bureau_note"), std::string("材料不全"));
    QVERIFY(!seenB.count("students") || !seenB.at("students").count(pupil));
    QCOMPARE(m_server.query(QStringLiteral("SELECT school_id FROM students WHERE id = ?"), {QString::fromStdString(pupil)})
                 .toString()
                 .toStdString(),
             m_a.id.schoolId);
    // B may not withdraw a request the bureau has decided.
    QCOMPARE(rejectionCodes(setState(m_b, transfer, "4")), std::vector<std::string>{"wrong_state"});
}

void TestServerTransfers::unknownPupil_refusedPupilNotFound()
{
    const std::string nobody = idNumber("20140404", "999");
    const std::string transfer = sync::newUuidV7();
    const auto ack = requestTransfer(m_b, transfer, nobody, "查无此人");
    QCOMPARE(rejectionCodes(ack), std::vector<std::string>{"pupil_not_found"});
    QVERIFY(ack->push_ack().rejections(0).message_zh().find(nobody) != std::string::npos);
    QVERIFY(m_server.query(QStringLiteral("SELECT count(*) FROM transfers WHERE id = ?"), {QString::fromStdString(transfer)})
                .toInt() == 0);
    // B's own pupil is not a transfer.
    const std::string own = idNumber("20140405", std::to_string(++m_serial));
    QVERIFY(!pushPupil(m_b, "孙悦", "20140405", own).empty());
    QCOMPARE(rejectionCodes(requestTransfer(m_b, sync::newUuidV7(), own, "孙悦")),
             std::vector<std::string>{"pupil_not_found"});
    // The ID number and the name must agree.
    const std::string other = idNumber("20140406", std::to_string(++m_serial));
    QVERIFY(!pushPupil(m_a, "周正", "20140406", other).empty());
    QCOMPARE(rejectionCodes(requestTransfer(m_b, sync::newUuidV7(), other, "周不正")),
             std::vector<std::string>{"pupil_not_found"});
}

void TestServerTransfers::twoSchools_sameIdNumber_flaggedInBoth_andClearedWhenFixed()
{
    const std::string id = idNumber("20130707", std::to_string(++m_serial));
    const std::string inA = pushPupil(m_a, "吴双", "20130707", id);
    const std::string inB = pushPupil(m_b, "吴双", "20130707", id);
    QVERIFY(!inA.empty() && !inB.empty());
    auto problemsOf = [](Pulled &p, const std::string &student) {
        std::vector<wire::RowState> out;
        for (const auto &[rowId, r] : p["problems"])
            if (fieldText(r, "student_id") == student)
                out.push_back(r);
        return out;
    };
    auto seenA = pull(m_a);
    auto seenB = pull(m_b);
    auto a = problemsOf(seenA, inA);
    auto b = problemsOf(seenB, inB);
    QCOMPARE(a.size(), std::size_t(1));
    QCOMPARE(b.size(), std::size_t(1));
    QCOMPARE(fieldText(a[0], "kind"), std::string("1"));
    QCOMPARE(fieldText(a[0], "state"), std::string("1"));
    QCOMPARE(fieldText(a[0], "other_student_id"), inB);
    QCOMPARE(fieldText(a[0], "other_school_id"), m_b.id.schoolId);
    QCOMPARE(fieldText(b[0], "other_student_id"), inA);
    QVERIFY(problemsOf(seenA, inB).empty());  // each school sees its own rows only
    // A school may not write the server's findings.
    auto forge = m_a.change("problems", a[0].row_id());
    setText(forge, "state", "2");
    QCOMPARE(rejectionCodes(m_a.push({forge})), std::vector<std::string>{"read_only"});
    // The bureau's report lists the case.
    const auto report = m_server.ctl({QStringLiteral("report"), QStringLiteral("--dir"), m_server.dir(),
                                      QStringLiteral("duplicates")});
    QCOMPARE(report.exitCode, 0);
    QVERIFY(report.out.contains(QString::fromStdString(id)));
    // ... and its problem-record queue holds the case once for each school, with what to do.
    const auto problemRecords = [&](const QString &state) {
        return m_server.ctl({QStringLiteral("report"), QStringLiteral("--dir"), m_server.dir(),
                             QStringLiteral("problem_records"), QStringLiteral("-p"), QStringLiteral("state=") + state,
                             QStringLiteral("--json")});
    };
    const auto queue = problemRecords(QStringLiteral("open"));
    QCOMPARE(queue.exitCode, 0);
    QCOMPARE(queue.out.count(QStringLiteral("\"id_number\":\"%1\"").arg(QString::fromStdString(id))), 2);
    QVERIFY(queue.out.contains(QStringLiteral("一人多籍")));
    QVERIFY(queue.out.contains(QStringLiteral("在读证明")));

    // B finds its record was wrong and removes it: both rows are resolved.
    auto remove = m_b.change("students", inB);
    remove.set_deleted(true);
    QVERIFY(rejectionCodes(m_b.push({remove})).empty());
    seenA = pull(m_a);
    seenB = pull(m_b);
    a = problemsOf(seenA, inA);
    b = problemsOf(seenB, inB);
    QCOMPARE(a.size(), std::size_t(1));
    QCOMPARE(b.size(), std::size_t(1));
    QCOMPARE(fieldText(a[0], "state"), std::string("2"));
    QCOMPARE(fieldText(b[0], "state"), std::string("2"));
    QVERIFY(!problemRecords(QStringLiteral("open")).out.contains(QString::fromStdString(id)));
    QVERIFY(problemRecords(QStringLiteral("all")).out.contains(QStringLiteral("已解决")));
    const auto after = m_server.ctl({QStringLiteral("report"), QStringLiteral("--dir"), m_server.dir(),
                                     QStringLiteral("duplicates")});
    QVERIFY(!after.out.contains(QString::fromStdString(id)));
}

void TestServerTransfers::likelyDuplicate_withoutResidentId_flagged()
{
    const std::string inA = pushPupil(m_a, "陈可", "20120808", "H12345678", "6", "2");
    const std::string inB = pushPupil(m_b, "陈可", "20120808", idNumber("20120808", "222"), "1", "2");
    QVERIFY(!inA.empty() && !inB.empty());
    const auto seenA = pull(m_a);
    int found = 0;
    for (const auto &[rowId, r] : seenA.at("problems"))
        if (fieldText(r, "student_id") == inA) {
            ++found;
            QCOMPARE(fieldText(r, "kind"), std::string("2"));
            QCOMPARE(fieldText(r, "other_student_id"), inB);
            QCOMPARE(fieldText(r, "state"), std::string("1"));
        }
    QCOMPARE(found, 1);
    // Correcting the name at B clears it.
    auto fix = m_b.change("students", inB);
    setText(fix, "name", "陈珂");
    QVERIFY(rejectionCodes(m_b.push({fix})).empty());
    const auto again = pull(m_a);
    for (const auto &[rowId, r] : again.at("problems"))
        if (fieldText(r, "student_id") == inA)
            QCOMPARE(fieldText(r, "state"), std::string("2"));
}

QTEST_GUILESS_MAIN(TestServerTransfers)
#include "tst_server_transfers.moc"
