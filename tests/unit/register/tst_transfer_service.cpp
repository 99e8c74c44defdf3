// Transfers and problem records on the device, without a server: pulled rows are built by hand
// as the server sends them. Pins the steps each school may take, checked before anything is
// saved, and the read-only trace a completed transfer out leaves.
#include "TestPeople.h"
#include "emis.pb.h"
#include "register/ProblemService.h"
#include "register/TransferService.h"
#include "store/ChangeLog.h"
#include "store/RemoteMerge.h"
#include "store/StudentRepository.h"
#include "sync/Uuid.h"
#include "sync/WireConvert.h"

#include <QTemporaryDir>
#include <QTest>

using namespace emis;
using namespace emis::client;

namespace {

const QString kHere = QStringLiteral("school-1");
const QString kOther = QStringLiteral("school-2");

// A row of `table` as the server would send it, every field given, stamped `stamp`.
wire::RowState serverRow(const char *table, const std::string &id, const QString &owner,
                         const std::map<std::string, Value> &values, std::uint64_t seq)
{
    const sync::Hlc stamp{static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch()), static_cast<std::uint32_t>(seq),
                          "server"};
    wire::RowState r;
    r.set_server_seq(seq);
    r.set_table(table);
    r.set_row_id(id);
    r.set_school_id(owner.toStdString());
    for (const auto &f : schema::findTable(table)->fields) {
        const auto it = values.find(f.name);
        sync::toWire(f.name, it == values.end() ? Value{} : it->second, *r.add_fields());
        sync::toWire(stamp, *r.add_field_hlcs());
    }
    sync::toWire(stamp, *r.mutable_hlc());
    return r;
}

wire::PullPage pageOf(const wire::RowState &r)
{
    wire::PullPage p;
    *p.add_rows() = r;
    p.set_next_cursor(r.server_seq());
    return p;
}

} // namespace

class TestTransferService : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sendingSchool_agreesOnce_refusalNeedsReason_mayNotWithdraw();
    void completedTransferOut_leavesReadOnlyTrace_outOfTheRegister();
    void receivingSchool_requestsAndWithdraws_mayNotAnswerItself();
    void request_badIdNumberOrEvidence_savesNothing();
    void problems_listedWithWhatToDo();

private:
    LocalStore &s() { return *m_store; }
    QString addPupil(int seq);
    std::map<std::string, Value> transferValues(const QString &student, const std::string &state) const;

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<LocalStore> m_store;
    std::uint64_t m_seq = 10;
};

void TestTransferService::init()
{
    m_dir = new QTemporaryDir;
    auto store = LocalStore::open(m_dir->filePath(QStringLiteral("t.db")));
    QVERIFY(store.ok());
    m_store = std::move(*store);
    testing::enrollForTest(s());
}

void TestTransferService::cleanup()
{
    m_store.reset();
    delete m_dir;
}

QString TestTransferService::addPupil(int seq)
{
    auto saved = StudentRepository(s()).add(testing::pupil(QStringLiteral("张小明"), seq));
    return saved.ok() ? saved->id : QString();
}

std::map<std::string, Value> TestTransferService::transferValues(const QString &student, const std::string &state) const
{
    return {{"id_number", Value{testing::idNumber(QStringLiteral("20150315"), 1).toStdString()}},
            {"student_name", Value{std::string("张小明")}},
            {"student_id", Value{student.toStdString()}},
            {"from_school_id", Value{kHere.toStdString()}},
            {"to_grade", Value{std::int64_t{4}}},
            {"request_date", Value{std::string("2026-03-02")}},
            {"state", Value{state}}};
}

void TestTransferService::sendingSchool_agreesOnce_refusalNeedsReason_mayNotWithdraw()
{
    const QString pupil = addPupil(1);
    QVERIFY(!pupil.isEmpty());
    const std::string id = sync::newUuidV7();
    QVERIFY(RemoteMerge(s()).applyPage(pageOf(serverRow("transfers", id, kOther, transferValues(pupil, "1"), ++m_seq))).ok());

    TransferService service(s());
    auto list = service.list();
    QVERIFY(list.ok());
    QCOMPARE(list->size(), std::size_t(1));
    QVERIFY(!list->front().incoming);
    QVERIFY(list->front().waitingForUs);
    QCOMPARE(list->front().state, QStringLiteral("1"));
    QCOMPARE(list->front().toGrade, QStringLiteral("四年级"));

    const QString tid = QString::fromStdString(id);
    auto withdraw = service.withdraw(tid);
    QVERIFY(!withdraw.ok());
    QCOMPARE(withdraw.error().code, QStringLiteral("not_owner"));
    auto refuse = service.refuse(tid, QStringLiteral("  "));
    QVERIFY(!refuse.ok());
    QCOMPARE(refuse.error().code, QStringLiteral("required"));
    const int pending = ChangeLog(s().db()).pendingCount();
    QVERIFY(service.agree(tid, QStringLiteral("同意")).ok());
    QCOMPARE(ChangeLog(s().db()).pendingCount(), pending + 1);
    QCOMPARE(service.list()->front().state, QStringLiteral("2"));
    auto again = service.refuse(tid, QStringLiteral("迟了"));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, QStringLiteral("wrong_state"));
}

void TestTransferService::completedTransferOut_leavesReadOnlyTrace_outOfTheRegister()
{
    const QString pupil = addPupil(1);
    const QString stays = addPupil(3);
    QVERIFY(!pupil.isEmpty() && !stays.isEmpty());
    const std::string id = sync::newUuidV7();
    QVERIFY(RemoteMerge(s()).applyPage(pageOf(serverRow("transfers", id, kOther, transferValues(pupil, "5"), ++m_seq))).ok());

    StudentRepository repo(s());
    const auto own = repo.list();
    QCOMPARE(own->size(), std::size_t(1));
    QCOMPARE(own->front().id, stays);
    const auto traces = TransferService(s()).transferredOut();
    QCOMPARE(traces->size(), std::size_t(1));
    QCOMPARE(traces->front().id, pupil);
    QCOMPARE(traces->front().schoolId, kOther);
    const int pending = ChangeLog(s().db()).pendingCount();
    auto edit = repo.edit(pupil, {{QStringLiteral("家庭住址"), QStringLiteral("双钟镇")}});
    QVERIFY(!edit.ok());
    QCOMPARE(edit.error().code, QStringLiteral("not_owner"));
    QCOMPARE(ChangeLog(s().db()).pendingCount(), pending);  // the trace sent nothing either
    // The same child may be registered here again later (a transfer back): no duplicate.
    QVERIFY(repo.add(testing::pupil(QStringLiteral("张小明"), 1)).ok());
}

void TestTransferService::receivingSchool_requestsAndWithdraws_mayNotAnswerItself()
{
    TransferService service(s());
    TransferRequest r{testing::idNumber(QStringLiteral("20140101"), 5), QStringLiteral("李雷"), QStringLiteral("五年级"),
                      QStringLiteral("2班"), QStringLiteral("随迁"), QString()};
    auto saved = service.request(r);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
    auto list = service.list();
    QCOMPARE(list->size(), std::size_t(1));
    QVERIFY(list->front().incoming);
    QVERIFY(!list->front().waitingForUs);
    QCOMPARE(list->front().stateText, TransferService::stateText(QStringLiteral("1")));
    QVERIFY(!service.agree(saved->id).ok());
    QVERIFY(service.withdraw(saved->id).ok());
    QCOMPARE(service.list()->front().state, QStringLiteral("4"));
    QCOMPARE(service.withdraw(saved->id).error().code, QStringLiteral("wrong_state"));
}

void TestTransferService::request_badIdNumberOrEvidence_savesNothing()
{
    TransferService service(s());
    auto wrong = service.request({QStringLiteral("360429201003227201"), QStringLiteral("韩梅梅"), {}, {}, {}, {}});
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().code, QStringLiteral("id_check_character"));
    auto excel = service.request({QStringLiteral("360429200911281000"), QStringLiteral("韩梅梅"), {}, {}, {}, {}});
    QVERIFY(!excel.ok());
    QCOMPARE(excel.error().code, QStringLiteral("id_as_number"));
    const QString notImage = m_dir->filePath(QStringLiteral("note.txt"));
    QFile f(notImage);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a scan");
    f.close();
    auto doc = service.request({testing::idNumber(QStringLiteral("20140101"), 5), QStringLiteral("李雷"), {}, {}, {},
                                notImage});
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, QStringLiteral("evidence_not_image"));
    QCOMPARE(service.list()->size(), std::size_t(0));
    QCOMPARE(ChangeLog(s().db()).pendingCount(), 0);
}

void TestTransferService::problems_listedWithWhatToDo()
{
    const QString pupil = addPupil(1);
    const std::string open = sync::newUuidV7(), closed = sync::newUuidV7();
    const std::map<std::string, Value> values{{"kind", Value{std::string("1")}},
                                              {"student_id", Value{pupil.toStdString()}},
                                              {"other_student_id", Value{sync::newUuidV7()}},
                                              {"other_school_id", Value{kOther.toStdString()}},
                                              {"state", Value{std::string("1")}}};
    auto resolved = values;
    resolved["kind"] = Value{std::string("2")};
    resolved["state"] = Value{std::string("2")};
    wire::PullPage page;
    *page.add_rows() = serverRow("problems", open, kHere, values, ++m_seq);
    *page.add_rows() = serverRow("problems", closed, kHere, resolved, ++m_seq);
    page.set_next_cursor(m_seq);
    QVERIFY(RemoteMerge(s()).applyPage(page).ok());
    ProblemService service(s());
    auto list = service.list();
    QCOMPARE(list->size(), std::size_t(1));
    QCOMPARE(list->front().studentName, QStringLiteral("张小明"));
    QVERIFY(list->front().open);
    QVERIFY(!list->front().advice.isEmpty());
    QCOMPARE(service.list(true)->size(), std::size_t(2));
}

QTEST_GUILESS_MAIN(TestTransferService)
#include "tst_transfer_service.moc"
