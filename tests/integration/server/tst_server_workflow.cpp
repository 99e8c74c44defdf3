// The bureau's approval flow against the real emis-server: a school device pushes a pending
// 休学, an enrolment officer approves it with a DecisionRequest, and only then does the pupil's
// status change on the school's next pull. Refusals need a note; inspectors, staffing officers
// and school devices may not decide; a second decision meets wrong_state; a device can never
// set 2/3 itself; evidence images come back to the bureau through EvidenceRequest; the
// approval_queue report lists what waits. Everything audited.
#include "ServerFixture.h"
#include "SyncDevice.h"
#include "TestClient.h"

#include "sync/Uuid.h"
#include "validate/IdNumber.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace emis;

namespace {

std::string idFor(int seq)
{
    const std::string body = "360429201409" + std::to_string(10 + seq % 18) + std::to_string(100 + seq);
    return body + validate::idCheckCharacter(body);
}

std::string png() { return std::string("\x89PNG\r\n\x1a\n", 8) + std::string(3000, 'p'); }

} // namespace

class TestServerWorkflow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pendingSuspension_approved_pupilChangesOnlyThen();
    void secondDecision_wrongState();
    void refusal_needsNote_pupilUnchanged();
    void inspectorStaffingAndDevice_mayNotDecide();
    void device_cannotSetApprovalItself();
    void device_cannotEditReviewedStatusDirectly();
    void device_withdrawsPending_thenRowIsClosed();
    void evidence_roundTrip_bureauOnly();
    void evidence_onAnotherSchoolsRequest_refusedAsForeignReference();
    void statusChange_forAnotherSchoolsPupil_refusedAsForeignReference();
    void reviewRequest_withoutReason_refused();
    void approvalQueue_listsPendingWithEvidenceCount();
    void transferDecision_refusedUntilTransfersLand();

private:
    std::string pushPupil(SyncDevice &d);
    std::string pushChange(SyncDevice &d, const std::string &pupil, const char *kind, const char *approval,
                           std::string *rejection = nullptr);
    std::unique_ptr<TestClient> officer(const char *user);
    static wire::Change evidence(SyncDevice &d, const std::string &ownerTable, const std::string &ownerId,
                                 const std::string &fileName, const std::string &mime, const std::string &data);
    std::optional<wire::Envelope> decide(TestClient &c, const std::string &row, bool approve, const std::string &note);
    std::string pupilField(SyncDevice &d, const std::string &id, const std::string &field);

    ServerFixture m_server;
    SyncDevice m_school;
    int m_pupils = 0;
};

void TestServerWorkflow::initTestCase()
{
    QVERIFY(m_server.init());
    for (const auto &[name, role] : {std::pair{"wang", "enrolment"}, std::pair{"li", "inspector"},
                                     std::pair{"zhao", "staffing"}, std::pair{"root", "admin"}})
        QCOMPARE(m_server
                     .ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--dir"), m_server.dir(),
                           QStringLiteral("--name"), QString::fromLatin1(name), QStringLiteral("--role"),
                           QString::fromLatin1(role)},
                          "correct horse 42\n")
                     .exitCode,
                 0);
    QVERIFY(m_server.start());
    m_school = SyncDevice::enroll(m_server, ServerFixture::kSchoolA);
    QVERIFY(m_school.client);
}

std::string TestServerWorkflow::pushPupil(SyncDevice &d)
{
    const std::string row = sync::newUuidV7();
    auto c = d.change("students", row);
    ++m_pupils;
    setText(c, "name", "王小明" + std::to_string(m_pupils));
    setText(c, "sex", m_pupils % 2 ? "1" : "2");  // the ID number's 17th digit is m_pupils % 10
    setText(c, "birth_date", "2014-09-" + std::to_string(10 + m_pupils % 18));
    setText(c, "id_type", "1");
    setText(c, "id_number", idFor(m_pupils));
    setInt(c, "grade", 3);
    setText(c, "class_name", "2班");
    setText(c, "status", "1");
    const auto ack = d.push({c});
    if (!ack || !ack->has_push_ack() || ack->push_ack().rejections_size())
        qWarning("pupil refused: %s", ack && ack->has_push_ack() && ack->push_ack().rejections_size()
                                          ? ack->push_ack().rejections(0).message_en().c_str()
                                          : "no ack");
    return row;
}

std::string TestServerWorkflow::pushChange(SyncDevice &d, const std::string &pupil, const char *kind,
                                           const char *approval, std::string *rejection)
{
    const std::string row = sync::newUuidV7();
    auto c = d.change("status_changes", row);
    setText(c, "student_id", pupil);
    setText(c, "kind", kind);
    setText(c, "change_date", "2026-03-01");
    setText(c, "reason", "病休");
    setText(c, "approval", approval);
    const auto ack = d.push({c});
    if (rejection)
        *rejection = ack && ack->has_push_ack() && ack->push_ack().rejections_size()
                         ? ack->push_ack().rejections(0).code()
                         : std::string();
    return row;
}

wire::Change TestServerWorkflow::evidence(SyncDevice &d, const std::string &ownerTable, const std::string &ownerId,
                                          const std::string &fileName, const std::string &mime, const std::string &data)
{
    auto c = d.change("evidence", sync::newUuidV7());
    setText(c, "owner_table", ownerTable);
    setText(c, "owner_id", ownerId);
    setText(c, "file_name", fileName);
    setText(c, "mime_type", mime);
    auto *f = c.add_fields();
    f->set_field("data");
    f->set_blob(data);
    return c;
}

std::unique_ptr<TestClient> TestServerWorkflow::officer(const char *user)
{
    return TestClient::officer(m_server.port(), m_server.caPem(), user, "correct horse 42");
}

std::optional<wire::Envelope> TestServerWorkflow::decide(TestClient &c, const std::string &row, bool approve,
                                                         const std::string &note)
{
    wire::Envelope e;
    e.mutable_decision_request()->set_table("status_changes");
    e.mutable_decision_request()->set_row_id(row);
    e.mutable_decision_request()->set_approve(approve);
    e.mutable_decision_request()->set_note(note);
    return c.request(e);
}

std::string TestServerWorkflow::pupilField(SyncDevice &d, const std::string &id, const std::string &field)
{
    std::string value = "<not pulled>";
    for (const auto &r : d.pullAll(100))
        if (r.row_id() == id)
            value = fieldText(r, field);
    return value;
}

void TestServerWorkflow::pendingSuspension_approved_pupilChangesOnlyThen()
{
    const std::string pupil = pushPupil(m_school);
    std::string rejected;
    const std::string change = pushChange(m_school, pupil, "03", "1", &rejected);
    QCOMPARE(rejected, std::string());
    // Pending: the pupil is still 在读 on the server and on the school's pull.
    QVERIFY(m_school.reconnect(m_server));
    m_school.cursor = 0;
    QCOMPARE(pupilField(m_school, pupil, "status"), std::string("1"));

    auto wang = officer("wang");
    QVERIFY(wang);
    const auto r = decide(*wang, change, true, "同意休学一年");
    QVERIFY(r && r->has_decision_response());
    QCOMPARE(r->decision_response().state(), std::string("2"));

    // The school's next pull brings both the decision and the pupil's new status.
    bool sawDecision = false;
    std::string status;
    for (const auto &row : m_school.pullAll(100)) {
        if (row.row_id() == change) {
            sawDecision = fieldText(row, "approval") == "2" && fieldText(row, "approval_note") == "同意休学一年";
        }
        if (row.row_id() == pupil)
            status = fieldText(row, "status");
    }
    QVERIFY(sawDecision);
    QCOMPARE(status, std::string("2"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'approve' AND actor = 'wang'"))
                 .toInt(),
             1);
}

void TestServerWorkflow::secondDecision_wrongState()
{
    const std::string pupil = pushPupil(m_school);
    const std::string change = pushChange(m_school, pupil, "05", "1");
    auto root = officer("root");  // 管理员 may decide too
    QVERIFY(root);
    QVERIFY(decide(*root, change, true, "")->has_decision_response());
    const auto again = decide(*root, change, false, "改主意");
    QVERIFY(again && again->has_error());
    QCOMPARE(again->error().code(), std::string("wrong_state"));
    QVERIFY(QString::fromStdString(again->error().message_zh()).contains(QStringLiteral("已批准")));
    QCOMPARE(m_server.query(QStringLiteral("SELECT status FROM students WHERE id = ?"), {QString::fromStdString(pupil)})
                 .toString(),
             QStringLiteral("4"));
}

void TestServerWorkflow::refusal_needsNote_pupilUnchanged()
{
    const std::string pupil = pushPupil(m_school);
    const std::string change = pushChange(m_school, pupil, "06", "1");
    auto wang = officer("wang");
    const auto bare = decide(*wang, change, false, "");
    QVERIFY(bare && bare->has_error());
    QCOMPARE(bare->error().code(), std::string("required"));
    const auto r = decide(*wang, change, false, "材料不全，请补充");
    QVERIFY(r && r->has_decision_response());
    QCOMPARE(r->decision_response().state(), std::string("3"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT grade FROM students WHERE id = ?"), {QString::fromStdString(pupil)})
                 .toInt(),
             3);
    QCOMPARE(m_server.query(QStringLiteral("SELECT approval_note FROM status_changes WHERE id = ?"),
                            {QString::fromStdString(change)})
                 .toString(),
             QStringLiteral("材料不全，请补充"));
}

void TestServerWorkflow::inspectorStaffingAndDevice_mayNotDecide()
{
    const std::string pupil = pushPupil(m_school);
    const std::string change = pushChange(m_school, pupil, "03", "1");
    for (const char *user : {"li", "zhao"}) {
        auto c = officer(user);
        QVERIFY(c);
        const auto r = decide(*c, change, true, "");
        QVERIFY(r && r->has_error());
        QCOMPARE(r->error().code(), std::string("not_allowed"));
    }
    const auto byDevice = decide(*m_school.client, change, true, "");
    QVERIFY(byDevice && byDevice->has_error());
    QCOMPARE(byDevice->error().code(), std::string("not_allowed"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT approval FROM status_changes WHERE id = ?"),
                            {QString::fromStdString(change)})
                 .toString(),
             QStringLiteral("1"));
    QVERIFY(m_server.query(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'decision_refused'")).toInt() >= 3);
}

void TestServerWorkflow::device_cannotSetApprovalItself()
{
    const std::string pupil = pushPupil(m_school);
    std::string code;
    pushChange(m_school, pupil, "03", "2", &code);
    QCOMPARE(code, std::string("read_only"));
    pushChange(m_school, pupil, "03", "0", &code);  // a review kind must wait for the bureau
    QCOMPARE(code, std::string("wrong_state"));
    const std::string change = pushChange(m_school, pupil, "03", "1", &code);
    QCOMPARE(code, std::string());
    auto c = m_school.change("status_changes", change);
    setText(c, "approval", "2");
    const auto ack = m_school.push({c});
    QVERIFY(ack && ack->has_push_ack());
    QCOMPARE(ack->push_ack().rejections_size(), 1);
    QCOMPARE(ack->push_ack().rejections(0).code(), std::string("read_only"));
    // Kept on the server for the device and for review, never dropped.
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM rejections WHERE row_id = ? AND code = 'read_only'"),
                            {QString::fromStdString(change)})
                 .toInt(),
             1);
    QCOMPARE(m_server.query(QStringLiteral("SELECT status FROM students WHERE id = ?"), {QString::fromStdString(pupil)})
                 .toString(),
             QStringLiteral("1"));
}

void TestServerWorkflow::device_cannotEditReviewedStatusDirectly()
{
    // Editing the pupil into 休学 (2) or 退学 (4) would skip the bureau's review; 毕业 (5) needs none.
    const std::string pupil = pushPupil(m_school);
    for (const char *status : {"2", "4"}) {
        auto c = m_school.change("students", pupil);
        setText(c, "status", status);
        const auto ack = m_school.push({c});
        QVERIFY(ack && ack->has_push_ack());
        QCOMPARE(ack->push_ack().rejections_size(), 1);
        QCOMPARE(ack->push_ack().rejections(0).code(), std::string("status_by_review"));
        QCOMPARE(ack->push_ack().rejections(0).field(), std::string("status"));
    }
    auto graduate = m_school.change("students", pupil);
    setText(graduate, "status", "5");
    const auto ack = m_school.push({graduate});
    QVERIFY(ack && ack->has_push_ack());
    QCOMPARE(ack->push_ack().rejections_size(), 0);
    QCOMPARE(m_server.query(QStringLiteral("SELECT status FROM students WHERE id = ?"), {QString::fromStdString(pupil)})
                 .toString(),
             QStringLiteral("5"));
}

void TestServerWorkflow::device_withdrawsPending_thenRowIsClosed()
{
    const std::string pupil = pushPupil(m_school);
    const std::string change = pushChange(m_school, pupil, "07", "1");
    auto w = m_school.change("status_changes", change);
    setText(w, "approval", "4");
    auto ack = m_school.push({w});
    QCOMPARE(ack->push_ack().rejections_size(), 0);
    auto edit = m_school.change("status_changes", change);
    setText(edit, "reason", "再想想");
    ack = m_school.push({edit});
    QCOMPARE(ack->push_ack().rejections_size(), 1);
    QCOMPARE(ack->push_ack().rejections(0).code(), std::string("wrong_state"));
    auto wang = officer("wang");
    const auto r = decide(*wang, change, true, "");
    QCOMPARE(r->error().code(), std::string("wrong_state"));
}

void TestServerWorkflow::evidence_roundTrip_bureauOnly()
{
    const std::string pupil = pushPupil(m_school);
    const std::string change = pushChange(m_school, pupil, "03", "1");
    auto ack = m_school.push({evidence(m_school, "status_changes", change, "诊断证明.png", "image/png", png())});
    QCOMPARE(ack->push_ack().rejections_size(), 0);
    // Not an image: refused with the reason, as on the client.
    ack = m_school.push({evidence(m_school, "status_changes", change, "a.pdf", "application/pdf", "%PDF-1.4")});
    QCOMPARE(ack->push_ack().rejections(0).code(), std::string("evidence_not_image"));

    wire::Envelope e;
    e.mutable_evidence_request()->set_owner_id(change);
    auto li = officer("li");  // reading evidence is allowed to every bureau role
    const auto r = li->request(e);
    QVERIFY(r && r->has_evidence_response());
    QCOMPARE(r->evidence_response().files_size(), 1);
    QCOMPARE(r->evidence_response().files(0).file_name(), std::string("诊断证明.png"));
    QCOMPARE(r->evidence_response().files(0).data(), png());
    const auto byDevice = m_school.client->request(e);
    QCOMPARE(byDevice->error().code(), std::string("not_allowed"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'evidence' AND actor = 'li'")).toInt(),
             1);
}

void TestServerWorkflow::statusChange_forAnotherSchoolsPupil_refusedAsForeignReference()
{
    // School B's device names school A's pupil, and a pupil no school has, in a status change.
    const std::string pupil = pushPupil(m_school);
    SyncDevice other = SyncDevice::enroll(m_server, ServerFixture::kSchoolB);
    QVERIFY(other.client);
    std::vector<wire::Change> changes;
    for (const std::string &named : {pupil, sync::newUuidV7()}) {
        auto c = other.change("status_changes", sync::newUuidV7());
        setText(c, "student_id", named);
        setText(c, "kind", "08");
        setText(c, "change_date", "2026-03-01");
        setText(c, "approval", "0");
        changes.push_back(c);
    }
    const auto ack = other.push(changes);
    QCOMPARE(rejectionCodes(ack), (std::vector<std::string>{"foreign_reference", "foreign_reference"}));
    QCOMPARE(ack->push_ack().rejections(0).field(), std::string("student_id"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM status_changes WHERE student_id = ?"),
                            {QString::fromStdString(pupil)})
                 .toInt(),
             0);
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'foreign_reference' AND actor = ?"),
                            {QString::fromStdString(other.id.deviceId)})
                 .toInt(),
             2);
}

void TestServerWorkflow::reviewRequest_withoutReason_refused()
{
    // A device that skips the client's check: a 休学 request with no reason never reaches the bureau.
    const std::string pupil = pushPupil(m_school);
    auto c = m_school.change("status_changes", sync::newUuidV7());
    setText(c, "student_id", pupil);
    setText(c, "kind", "03");
    setText(c, "change_date", "2026-03-01");
    setText(c, "approval", "1");
    const auto ack = m_school.push({c});
    QCOMPARE(rejectionCodes(ack), std::vector<std::string>{"review_needs_reason"});
    QCOMPARE(ack->push_ack().rejections(0).field(), std::string("reason"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM status_changes WHERE id = ?"),
                            {QString::fromStdString(c.row_id())})
                 .toInt(),
             0);
}

void TestServerWorkflow::evidence_onAnotherSchoolsRequest_refusedAsForeignReference()
{
    // School A's pending 休学 request; school B's device tries to put its own image beside it.
    const std::string pupil = pushPupil(m_school);
    const std::string change = pushChange(m_school, pupil, "03", "1");
    SyncDevice other = SyncDevice::enroll(m_server, ServerFixture::kSchoolB);
    QVERIFY(other.client);
    auto forged = [&](const std::string &ownerTable, const std::string &ownerId) {
        return evidence(other, ownerTable, ownerId, "伪造.png", "image/png", png());
    };
    const auto ack = other.push({forged("status_changes", change), forged("status_changes", sync::newUuidV7()),
                                 forged("students", pupil)});
    QCOMPARE(rejectionCodes(ack), (std::vector<std::string>{"foreign_reference", "foreign_reference", "foreign_reference"}));
    QCOMPARE(ack->push_ack().rejections(0).field(), std::string("owner_id"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM evidence WHERE owner_id = ?"), {QString::fromStdString(change)})
                 .toInt(),
             0);
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'foreign_reference' AND actor = ?"),
                            {QString::fromStdString(other.id.deviceId)})
                 .toInt(),
             3);
    // The bureau sees nothing beside the request; the school's own evidence still goes in.
    wire::Envelope e;
    e.mutable_evidence_request()->set_owner_id(change);
    auto li = officer("li");
    const auto r = li->request(e);
    QVERIFY(r && r->has_evidence_response());
    QCOMPARE(r->evidence_response().files_size(), 0);
    const auto own = evidence(m_school, "status_changes", change, "诊断证明.png", "image/png", png());
    QCOMPARE(rejectionCodes(m_school.push({own})), std::vector<std::string>{});
}

void TestServerWorkflow::approvalQueue_listsPendingWithEvidenceCount()
{
    auto wang = officer("wang");
    wire::Envelope e;
    e.mutable_report_request()->set_name("approval_queue");
    const auto r = wang->request(e);
    QVERIFY(r && r->has_report_response());
    const QJsonObject doc = QJsonDocument::fromJson(QByteArray::fromStdString(r->report_response().json())).object();
    const QJsonArray rows = doc.value(QStringLiteral("rows")).toArray();
    const int pendingOnServer =
        m_server.query(QStringLiteral("SELECT count(*) FROM status_changes WHERE approval = '1'")).toInt();
    QVERIFY(pendingOnServer > 0);
    QCOMPARE(rows.size(), pendingOnServer);
    bool withEvidence = false;
    for (const auto &v : rows) {
        const QJsonObject row = v.toObject();
        QCOMPARE(row.value(QStringLiteral("table")).toString(), QStringLiteral("status_changes"));
        QVERIFY(!row.value(QStringLiteral("school_name")).toString().isEmpty());
        QVERIFY(row.value(QStringLiteral("name")).toString().startsWith(QStringLiteral("王小明")));
        QCOMPARE(row.value(QStringLiteral("id_number")).toString().size(), 18);
        withEvidence = withEvidence || row.value(QStringLiteral("evidence")).toInt() == 1;
    }
    QVERIFY(withEvidence);
    QCOMPARE(doc.value(QStringLiteral("totals")).toObject().value(QStringLiteral("status_changes")).toInt(),
             pendingOnServer);
}

void TestServerWorkflow::transferDecision_refusedUntilTransfersLand()
{
    auto wang = officer("wang");
    wire::Envelope e;
    e.mutable_decision_request()->set_table("transfers");
    e.mutable_decision_request()->set_row_id(sync::newUuidV7());
    e.mutable_decision_request()->set_approve(true);
    const auto r = wang->request(e);
    QVERIFY(r && r->has_error());
    QCOMPARE(r->error().code(), std::string("wrong_state"));
    e.mutable_decision_request()->set_table("students");
    QCOMPARE(wang->request(e)->error().code(), std::string("unknown_table"));
}

QTEST_GUILESS_MAIN(TestServerWorkflow)
#include "tst_server_workflow.moc"
