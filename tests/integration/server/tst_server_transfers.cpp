// Cross-school transfers against the real emis-server: the
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

using namespace emis;


class TestServerTransfers : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void transfer_completesThoughEachPartyWasOffline();
    void sendingSchoolRefuses_needsReason_andEndsIt();
    void receivingSchoolWithdraws_thenAnswersAreRefused();
    void bureauRefuses_pupilStays();
    void unknownPupil_refusedPupilNotFound();

private:
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
    const std::string id = residentId("20160512", std::to_string(++m_serial));
    const std::string pupil = m_a.newPupil("李思远", "20160512", id);
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
    m_a.pullByTable();
    m_b.pullByTable();

    // B files offline; its change reaches the server on its next sync.
    const std::string transfer = sync::newUuidV7();
    QVERIFY(rejectionCodes(requestTransfer(m_b, transfer, id, "李思远")).empty());
    auto seenB = m_b.pullByTable();
    QVERIFY(seenB["transfers"].count(transfer));
    QCOMPARE(fieldText(seenB["transfers"][transfer], "student_id"), pupil);
    QCOMPARE(fieldText(seenB["transfers"][transfer], "from_school_id"), m_a.id.schoolId);
    QVERIFY(!seenB["students"].count(pupil));  // not B's pupil yet

    // A sees the request addressed to it, and may not touch what is not its to answer.
    auto seenA = m_a.pullByTable();
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
    seenB = m_b.pullByTable();
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
    seenA = m_a.pullByTable();
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
    const std::string id = residentId("20150101", std::to_string(++m_serial));
    QVERIFY(!m_a.newPupil("王小丫", "20150101", id, "1", "2").empty());
    const std::string transfer = sync::newUuidV7();
    QVERIFY(rejectionCodes(requestTransfer(m_b, transfer, id, "王小丫")).empty());
    m_a.pullByTable();
    QCOMPARE(rejectionCodes(setState(m_a, transfer, "3")), std::vector<std::string>{"required"});
    QVERIFY(rejectionCodes(setState(m_a, transfer, "3", "学生仍在本校就读")).empty());
    QCOMPARE(rejectionCodes(setState(m_b, transfer, "4")), std::vector<std::string>{"wrong_state"});
    QCOMPARE(rejectionCodes(setState(m_a, transfer, "2")), std::vector<std::string>{"wrong_state"});
    const auto seenB = m_b.pullByTable();
    QCOMPARE(fieldText(seenB.at("transfers").at(transfer), "state"), std::string("3"));
    QCOMPARE(fieldText(seenB.at("transfers").at(transfer), "from_note"), std::string("学生仍在本校就读"));
}

void TestServerTransfers::receivingSchoolWithdraws_thenAnswersAreRefused()
{
    const std::string id = residentId("20150202", std::to_string(++m_serial));
    QVERIFY(!m_a.newPupil("赵一鸣", "20150202", id).empty());
    const std::string transfer = sync::newUuidV7();
    QVERIFY(rejectionCodes(requestTransfer(m_b, transfer, id, "赵一鸣")).empty());
    QVERIFY(rejectionCodes(setState(m_b, transfer, "4")).empty());
    const auto seenA = m_a.pullByTable();
    QCOMPARE(fieldText(seenA.at("transfers").at(transfer), "state"), std::string("4"));
    QCOMPARE(rejectionCodes(setState(m_a, transfer, "2")), std::vector<std::string>{"wrong_state"});
    QVERIFY(std::holds_alternative<Issue>(decide(transfer, true, {})));
}

void TestServerTransfers::bureauRefuses_pupilStays()
{
    const std::string id = residentId("20150303", std::to_string(++m_serial));
    const std::string pupil = m_a.newPupil("钱多多", "20150303", id);
    QVERIFY(!pupil.empty());
    const std::string transfer = sync::newUuidV7();
    QVERIFY(rejectionCodes(requestTransfer(m_b, transfer, id, "钱多多")).empty());
    m_a.pullByTable();
    QVERIFY(rejectionCodes(setState(m_a, transfer, "2", "同意")).empty());
    const auto decided = decide(transfer, false, "材料不全");
    QVERIFY(std::holds_alternative<std::string>(decided));
    QCOMPARE(std::get<std::string>(decided), std::string("6"));
    const auto seenB = m_b.pullByTable();
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
    const std::string nobody = residentId("20140404", "999");
    const std::string transfer = sync::newUuidV7();
    const auto ack = requestTransfer(m_b, transfer, nobody, "查无此人");
    QCOMPARE(rejectionCodes(ack), std::vector<std::string>{"pupil_not_found"});
    QVERIFY(ack->push_ack().rejections(0).message_zh().find(nobody) != std::string::npos);
    QVERIFY(m_server.query(QStringLiteral("SELECT count(*) FROM transfers WHERE id = ?"), {QString::fromStdString(transfer)})
                .toInt() == 0);
    // B's own pupil is not a transfer.
    const std::string own = residentId("20140405", std::to_string(++m_serial));
    QVERIFY(!m_b.newPupil("孙悦", "20140405", own).empty());
    QCOMPARE(rejectionCodes(requestTransfer(m_b, sync::newUuidV7(), own, "孙悦")),
             std::vector<std::string>{"pupil_not_found"});
    // The ID number and the name must agree.
    const std::string other = residentId("20140406", std::to_string(++m_serial));
    QVERIFY(!m_a.newPupil("周正", "20140406", other).empty());
    QCOMPARE(rejectionCodes(requestTransfer(m_b, sync::newUuidV7(), other, "周不正")),
             std::vector<std::string>{"pupil_not_found"});
}

QTEST_GUILESS_MAIN(TestServerTransfers)
#include "tst_server_transfers.moc"
