// Push against the real emis-server: exactly-once on resend, gap refusal, field-level merge with
// conflicts, tombstones, concurrent sessions, and SIGTERM during a batch leaving the store consistent.
#include "ServerFixture.h"
#include "SyncDevice.h"
#include "TestClient.h"

#include "sync/Hlc.h"
#include "sync/PushLimits.h"
#include "sync/Uuid.h"

#include <QDateTime>
#include <QSet>
#include <QTest>

#include <memory>

#include <signal.h>

using namespace emis;

class TestServerSync : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void push_appliesAndPullReturnsWholeRow();
    void partialUpdate_keepsEachFieldsOwnStamp();
    void ownInserts_notSentBackOnTheSession_untilAnotherWrites();
    void ownEdits_notSentBack_unlessTheRowHoldsAnUnseenWrite();
    void ownRows_notSentBackAfterACut_onTheNextSession();
    void resend_appliesExactlyOnce_andRepeatsStoredOutcomes();
    void gap_refusesWholeBatch_thenResendFromWatermarkApplies();
    void concurrentWrites_mergeByField_andRecordConflicts();
    void tombstone_mergesLikeAField_andIsPulled();
    void concurrentSessions_allBatchesCommitInOrder();
    void sigtermDuringBatch_leavesStoreConsistent();

private:

    ServerFixture m_server;
    SyncDevice m_a1, m_a2, m_b1;
};

void TestServerSync::initTestCase()
{
    QVERIFY(m_server.init());
    QVERIFY(m_server.start());
    m_a1 = SyncDevice::enroll(m_server, ServerFixture::kSchoolA);
    m_a2 = SyncDevice::enroll(m_server, ServerFixture::kSchoolA);
    m_b1 = SyncDevice::enroll(m_server, ServerFixture::kSchoolB);
    QVERIFY(m_a1.client && m_a2.client && m_b1.client);
}

void TestServerSync::push_appliesAndPullReturnsWholeRow()
{
    const std::string row = sync::newUuidV7();
    auto c = m_a1.change("classes", row);
    setInt(c, "grade", 1);
    setText(c, "name", "一(1)班");
    const auto ack = m_a1.push({c});
    QVERIFY(ack && ack->has_push_ack());
    QCOMPARE(ack->push_ack().watermark(), 1u);
    QCOMPARE(ack->push_ack().rejections_size(), 0);

    const auto rows = m_a2.pullAll(100);
    int schools = 0;
    const wire::RowState *mine = nullptr;
    for (const auto &r : rows) {
        schools += r.table() == "schools";
        if (r.row_id() == row)
            mine = &r;
    }
    QCOMPARE(schools, 2);  // county rows reach every device
    QVERIFY(mine);
    QCOMPARE(mine->school_id(), m_a1.id.schoolId);  // the owner comes from the certificate
    QCOMPARE(fieldText(*mine, "name"), std::string("一(1)班"));
    QCOMPARE(fieldText(*mine, "grade"), std::string("1"));
    QCOMPARE(mine->fields_size(), mine->field_hlcs_size());
    QCOMPARE(mine->fields_size(), 4);  // every field, null ones too
    QCOMPARE(mine->hlc().device(), m_a1.id.deviceId);
    QVERIFY(!mine->deleted());
}

void TestServerSync::ownInserts_notSentBackOnTheSession_untilAnotherWrites()
{
    const auto has = [](const std::vector<wire::RowState> &rows, const std::string &id) {
        return std::any_of(rows.begin(), rows.end(), [&](const wire::RowState &r) { return r.row_id() == id; });
    };
    const std::string row = sync::newUuidV7();
    auto c = m_a1.change("classes", row);
    setInt(c, "grade", 2);
    setText(c, "name", "二(1)班");
    QVERIFY(rejectionCodes(m_a1.push({c})).empty());
    // The device that inserted it holds it exactly: this session passes over it, cursor and all.
    m_a1.cursor = 0;
    const auto own = m_a1.pullAll(1);
    QVERIFY(!has(own, row));
    QVERIFY(has(own, m_a1.id.schoolId));  // everything else still comes
    const std::uint64_t after = m_a1.cursor;
    // Another device of the school gets it, and so does the same device on a new session.
    m_a2.cursor = 0;
    QVERIFY(has(m_a2.pullAll(100), row));
    QVERIFY(m_a1.reconnect(m_server));
    m_a1.cursor = 0;
    QVERIFY(has(m_a1.pullAll(100), row));
    // Once another device writes the row, the first device's session gets it again.
    QVERIFY(m_a1.reconnect(m_server));
    auto c2 = m_a1.change("classes", sync::newUuidV7());
    setInt(c2, "grade", 2);
    setText(c2, "name", "二(2)班");
    QVERIFY(rejectionCodes(m_a1.push({c2})).empty());
    auto edit = m_a2.change("classes", c2.row_id());
    setText(edit, "name", "二(3)班");
    QVERIFY(rejectionCodes(m_a2.push({edit})).empty());
    m_a1.cursor = after;
    const auto again = m_a1.pullAll(100);
    QVERIFY(has(again, c2.row_id()));
}

// An edit the server stores as the device holds it (every field it sent taken, every other
// field's last write pulled by it) is not sent back on its session; an edit to a row another
// device changed since the editor last pulled is, with the other device's change.
void TestServerSync::ownEdits_notSentBack_unlessTheRowHoldsAnUnseenWrite()
{
    const auto find = [](const std::vector<wire::RowState> &rows, const std::string &id) -> const wire::RowState * {
        for (const auto &r : rows)
            if (r.row_id() == id)
                return &r;
        return nullptr;
    };
    QVERIFY(m_a1.reconnect(m_server));
    QVERIFY(m_a2.reconnect(m_server));
    const std::string row = m_a1.newClass("三(1)班");
    QVERIFY(!row.empty());
    m_a2.cursor = 0;
    QVERIFY(find(m_a2.pullAll(100), row));  // a2 holds the row now
    const std::uint64_t seen = m_a2.cursor;

    auto rename = m_a2.change("classes", row);
    setText(rename, "name", "三(2)班");
    QVERIFY(rejectionCodes(m_a2.push({rename})).empty());
    QVERIFY(!find(m_a2.pullAll(100), row));  // stored as a2 holds it
    QCOMPARE(m_a2.cursor > seen, true);       // the cursor moved past it all the same

    // a1 changes the grade; a2, not having pulled, renames again: the row comes back with both.
    auto regrade = m_a1.change("classes", row);
    setInt(regrade, "grade", 4);
    QVERIFY(rejectionCodes(m_a1.push({regrade})).empty());
    auto again = m_a2.change("classes", row);
    setText(again, "name", "三(3)班");
    QVERIFY(rejectionCodes(m_a2.push({again})).empty());
    const auto pulled = m_a2.pullAll(100);
    const wire::RowState *back = find(pulled, row);
    QVERIFY(back);
    QCOMPARE(fieldText(*back, "grade"), std::string("4"));
    QCOMPARE(fieldText(*back, "name"), std::string("三(3)班"));
}

// A session cut between its push and its pull: the next session of the device is not sent back
// what it pushed (the feed remembers which device holds a row as stored), other devices are,
// and a pull from the start gets everything.
void TestServerSync::ownRows_notSentBackAfterACut_onTheNextSession()
{
    const auto has = [](const std::vector<wire::RowState> &rows, const std::string &id) {
        return std::any_of(rows.begin(), rows.end(), [&](const wire::RowState &r) { return r.row_id() == id; });
    };
    QVERIFY(m_a1.reconnect(m_server));
    m_a1.cursor = 0;
    (void)m_a1.pullAll(500);
    const std::uint64_t before = m_a1.cursor;
    QVERIFY(before > 0);
    const std::string row = m_a1.newClass("五(1)班");
    QVERIFY(!row.empty());
    QVERIFY(m_a1.reconnect(m_server));  // the cut: no pull on the session that pushed
    m_a1.cursor = before;
    QVERIFY(!has(m_a1.pullAll(100), row));
    QVERIFY(m_a1.cursor > before);  // passed over, cursor and all
    m_a2.cursor = 0;
    QVERIFY(has(m_a2.pullAll(500), row));
    m_a1.cursor = 0;
    QVERIFY(has(m_a1.pullAll(500), row));  // from the start: everything
    // Written by another device, it comes to the first again.
    auto edit = m_a2.change("classes", row);
    setText(edit, "name", "五(2)班");
    QVERIFY(rejectionCodes(m_a2.push({edit})).empty());
    QVERIFY(m_a1.reconnect(m_server));
    m_a1.cursor = before;
    QVERIFY(has(m_a1.pullAll(100), row));
}

void TestServerSync::partialUpdate_keepsEachFieldsOwnStamp()
{
    // The store keeps a field stamped with the row's own stamp by its seq alone: after a later
    // change to another field, the first fields must still come back with their own stamps.
    const auto stampOf = [](const wire::RowState &r, const std::string &field) {
        for (int i = 0; i < r.fields_size(); ++i)
            if (r.fields(i).field() == field)
                return r.field_hlcs(i).physical_ms() ? hlcText(r.field_hlcs(i)) : std::string();
        return std::string("(no such field)");
    };
    const auto pulled = [&](const std::string &row) {
        for (const auto &r : m_a2.pullAll(500))
            if (r.row_id() == row)
                return std::optional<wire::RowState>(r);
        return std::optional<wire::RowState>();
    };
    const std::string row = sync::newUuidV7();
    auto create = m_a1.change("classes", row);
    setInt(create, "grade", 2);
    setText(create, "name", "二(1)班");
    QCOMPARE(m_a1.push({create})->push_ack().rejections_size(), 0);
    const auto created = pulled(row);
    QVERIFY(created);
    QCOMPARE(stampOf(*created, "name"), hlcText(create.hlc()));
    QCOMPARE(stampOf(*created, "grade"), hlcText(create.hlc()));
    QCOMPARE(stampOf(*created, "head_teacher"), std::string());  // never written
    QCOMPARE(hlcText(created->hlc()), hlcText(create.hlc()));

    auto teacher = m_a1.change("classes", row, 5);
    setText(teacher, "head_teacher", "周老师");
    QCOMPARE(m_a1.push({teacher})->push_ack().rejections_size(), 0);
    const auto updated = pulled(row);
    QVERIFY(updated);
    QCOMPARE(stampOf(*updated, "name"), hlcText(create.hlc()));
    QCOMPARE(stampOf(*updated, "grade"), hlcText(create.hlc()));
    QCOMPARE(stampOf(*updated, "head_teacher"), hlcText(teacher.hlc()));
    QCOMPARE(stampOf(*updated, "entry_year"), std::string());
    QCOMPARE(hlcText(updated->hlc()), hlcText(teacher.hlc()));
    QCOMPARE(fieldText(*updated, "name"), std::string("二(1)班"));
}

void TestServerSync::resend_appliesExactlyOnce_andRepeatsStoredOutcomes()
{
    const std::string row = m_a1.newClass("二(1)班");
    QVERIFY(!row.empty());
    auto rename = m_a1.change("classes", row);
    setText(rename, "name", "二(2)班");
    const auto bad = m_a1.change("pupils", sync::newUuidV7());
    const auto first = m_a1.push({rename, bad});
    QVERIFY(first && first->has_push_ack());
    QCOMPARE(first->push_ack().rejections_size(), 1);
    const auto feedSeq = [&] {
        return m_server.query(QStringLiteral("SELECT seq FROM feed WHERE row_id = ?"), {QString::fromStdString(row)})
            .toLongLong();
    };
    const qint64 before = feedSeq();

    // The client crashed before reading the ack and sends the same changes again, plus one more.
    auto next = m_a1.change("classes", row);
    setText(next, "head_teacher", "张老师");
    const auto again = m_a1.push({rename, bad, next});
    QVERIFY(again && again->has_push_ack());
    QCOMPARE(again->push_ack().watermark(), next.device_seq());
    QCOMPARE(again->push_ack().rejections_size(), 1);  // the stored one, for the resent change
    QCOMPARE(again->push_ack().rejections(0).device_seq(), bad.device_seq());
    QCOMPARE(again->push_ack().rejections(0).code(), std::string("unknown_table"));
    QVERIFY(feedSeq() > before);  // only `next` touched the row

    const auto third = m_a1.push({rename, bad, next});
    QVERIFY(third && third->has_push_ack());
    const qint64 settled = feedSeq();
    QCOMPARE(m_a1.push({next})->push_ack().watermark(), next.device_seq());
    QCOMPARE(feedSeq(), settled);  // nothing re-applied
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM rejections WHERE device_id = ?"),
                            {QString::fromStdString(m_a1.id.deviceId)}).toInt(), 1);
}

void TestServerSync::gap_refusesWholeBatch_thenResendFromWatermarkApplies()
{
    const std::uint64_t watermark = m_a1.seq;
    const std::string row = sync::newUuidV7();
    auto good = m_a1.change("classes", row);
    setInt(good, "grade", 3);
    setText(good, "name", "三(1)班");
    ++m_a1.seq;  // a change lost on the way
    auto after = m_a1.change("classes", row);
    setText(after, "head_teacher", "李老师");
    const auto reply = m_a1.push({good, after});
    QVERIFY(reply && reply->has_error());
    QCOMPARE(reply->error().code(), std::string("sequence_gap"));
    QCOMPARE(reply->error().watermark(), watermark);
    QVERIFY(!reply->error().fatal());
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM classes WHERE id = ?"),
                            {QString::fromStdString(row)}).toInt(), 0);

    // The client resends from watermark + 1 with its seqs renumbered without the hole.
    after.set_device_seq(good.device_seq() + 1);
    m_a1.seq = after.device_seq();
    const auto ok = m_a1.push({good, after});
    QVERIFY(ok && ok->has_push_ack());
    QCOMPARE(ok->push_ack().watermark(), after.device_seq());
    QCOMPARE(m_server.query(QStringLiteral("SELECT head_teacher FROM classes WHERE id = ?"),
                            {QString::fromStdString(row)}).toString(), QStringLiteral("李老师"));
}

void TestServerSync::concurrentWrites_mergeByField_andRecordConflicts()
{
    const std::string row = m_a1.newClass("四(1)班");
    QVERIFY(!row.empty());
    m_a2.pullAll(500);  // a2 has seen the row
    const std::uint64_t a2Base = m_a2.cursor;
    m_a1.pullAll(500);

    auto teacherA1 = m_a1.change("classes", row);
    setText(teacherA1, "head_teacher", "李老师");
    QCOMPARE(m_a1.push({teacherA1})->push_ack().conflicts_size(), 0);

    // a2 has not pulled a1's change: another field merges cleanly...
    auto nameA2 = m_a2.change("classes", row);
    setText(nameA2, "name", "四(2)班");
    QCOMPARE(m_a2.push({nameA2})->push_ack().conflicts_size(), 0);
    // ...the same field is a conflict; the later stamp wins, the loser is kept.
    // Stamped a little later: two devices' clocks may read the same millisecond, and then the
    // counters (which each device keeps on its own) would decide.
    auto teacherA2 = m_a2.change("classes", row, 5);
    setText(teacherA2, "head_teacher", "王老师");
    QCOMPARE(teacherA2.base_cursor(), a2Base);
    const auto ack = m_a2.push({teacherA2});
    QVERIFY(ack && ack->has_push_ack());
    QCOMPARE(ack->push_ack().conflicts_size(), 1);
    const auto &conflict = ack->push_ack().conflicts(0);
    QCOMPARE(conflict.field(), std::string("head_teacher"));
    QCOMPARE(conflict.winner().text(), std::string("王老师"));
    QCOMPARE(conflict.loser().text(), std::string("李老师"));
    QCOMPARE(conflict.loser_hlc().device(), m_a1.id.deviceId);
    QCOMPARE(conflict.device_seq(), teacherA2.device_seq());

    // a1, also without pulling, writes with an older stamp: it loses, and that is kept too.
    auto stale = m_a1.change("classes", row, -60000);
    setText(stale, "head_teacher", "赵老师");
    const auto staleAck = m_a1.push({stale});
    QCOMPARE(staleAck->push_ack().conflicts_size(), 1);
    QCOMPARE(staleAck->push_ack().conflicts(0).winner().text(), std::string("王老师"));
    QCOMPARE(staleAck->push_ack().conflicts(0).loser().text(), std::string("赵老师"));

    const QVariantList id{QString::fromStdString(row)};
    QCOMPARE(m_server.query(QStringLiteral("SELECT name FROM classes WHERE id = ?"), id).toString(),
             QStringLiteral("四(2)班"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT head_teacher FROM classes WHERE id = ?"), id).toString(),
             QStringLiteral("王老师"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM conflicts WHERE row_id = ?"), id).toInt(), 2);

    // After pulling, a1's write is no longer concurrent: no conflict.
    m_a1.pullAll(500);
    auto informed = m_a1.change("classes", row);
    setText(informed, "head_teacher", "陈老师");
    QCOMPARE(m_a1.push({informed})->push_ack().conflicts_size(), 0);
}

void TestServerSync::tombstone_mergesLikeAField_andIsPulled()
{
    const std::string row = m_a1.newClass("七(1)班");
    QVERIFY(!row.empty());
    auto del = m_a1.change("classes", row);
    del.set_deleted(true);
    const auto ack = m_a1.push({del});
    QVERIFY(ack && ack->has_push_ack());
    QCOMPARE(ack->push_ack().rejections_size(), 0);
    const QVariantList id{QString::fromStdString(row)};
    QCOMPARE(m_server.query(QStringLiteral("SELECT deleted FROM classes WHERE id = ?"), id).toInt(), 1);
    QCOMPARE(m_server.query(QStringLiteral("SELECT deleted_hlc FROM classes_versions WHERE id = ?"), id).toString(),
             QString::fromStdString(hlcText(del.hlc())));
    bool seen = false;
    for (const auto &r : m_a2.pullAll(500))
        if (r.row_id() == row) {
            seen = true;
            QVERIFY(r.deleted());
            QCOMPARE(fieldText(r, "name"), std::string("七(1)班"));  // the tombstone keeps the last values
        }
    QVERIFY(seen);
    // An older stamp does not bring the row back to life: the tombstone's version wins.
    auto stale = m_a2.change("classes", row, -60000);
    stale.set_deleted(true);
    QCOMPARE(m_a2.push({stale})->push_ack().rejections_size(), 0);
    QCOMPARE(m_server.query(QStringLiteral("SELECT deleted_hlc FROM classes_versions WHERE id = ?"), id).toString(),
             QString::fromStdString(hlcText(del.hlc())));
}

void TestServerSync::concurrentSessions_allBatchesCommitInOrder()
{
    // Three devices push at once, each from its own session: the server interleaves them on
    // its threads and groups their commits; every batch is acknowledged in order.
    std::vector<SyncDevice *> devices{&m_a1, &m_a2, &m_b1};
    constexpr int kBatches = 40;
    std::vector<std::uint64_t> start;
    for (auto *d : devices)
        start.push_back(d->seq);
    for (int b = 0; b < kBatches; ++b) {
        for (auto *d : devices) {
            std::vector<wire::Change> changes;
            for (int i = 0; i < 5; ++i) {
                auto c = d->change("classes", sync::newUuidV7());
                setInt(c, "grade", 1);
                setText(c, "name", "并发" + std::to_string(b) + "-" + std::to_string(i));
                changes.push_back(c);
            }
            wire::Envelope e = batch(changes);
            e.set_request_id(static_cast<std::uint64_t>(1000 + b));
            QVERIFY(d->client->sendRaw(*codec::encodeFrame(e)));
        }
    }
    for (std::size_t k = 0; k < devices.size(); ++k) {
        for (int b = 0; b < kBatches; ++b) {
            const auto ack = devices[k]->client->receive(30000);
            QVERIFY(ack && ack->has_push_ack());
            QCOMPARE(ack->request_id(), static_cast<std::uint64_t>(1000 + b));
            QCOMPARE(ack->push_ack().watermark(), start[k] + static_cast<std::uint64_t>(5 * (b + 1)));
        }
    }
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM classes WHERE name LIKE '并发%'")).toInt(),
             3 * kBatches * 5);
}

void TestServerSync::sigtermDuringBatch_leavesStoreConsistent()
{
    const QString device = QString::fromStdString(m_a1.id.deviceId);
    const qint64 before = m_server.query(QStringLiteral("SELECT seq FROM watermarks WHERE device_id = ?"), {device})
                              .toLongLong();
    constexpr int kChanges = sync::kMaxPushChanges;  // the largest batch a device may send
    std::vector<wire::Change> changes;
    for (int i = 0; i < kChanges; ++i) {
        auto c = m_a1.change("classes", sync::newUuidV7());
        setInt(c, "grade", 1 + i % 9);
        setText(c, "name", "批量" + std::to_string(i));
        setText(c, "head_teacher", "SIGTERM");
        changes.push_back(c);
    }
    wire::Envelope e = batch(changes);
    e.set_request_id(777);
    QVERIFY(m_a1.client->sendRaw(*codec::encodeFrame(e)));
    // SIGTERM once the server has the batch in hand (it logs receipt before merging).
    const QString received = QStringLiteral("push of %1 changes received").arg(kChanges);
    QTRY_VERIFY_WITH_TIMEOUT(m_server.serverLog().contains(received), 20000);
    ::kill(static_cast<pid_t>(m_server.process().processId()), SIGTERM);

    // The batch in hand is finished: committed, then acknowledged, then the session closes.
    const auto ack = m_a1.client->receive(30000);
    QVERIFY(ack && ack->has_push_ack());
    QCOMPARE(ack->request_id(), 777u);
    QCOMPARE(ack->push_ack().watermark(), static_cast<std::uint64_t>(before + kChanges));
    QVERIFY(m_a1.client->waitClosed());
    QCOMPARE(m_server.stop(15), 0);  // a clean exit, not a crash

    const qint64 after = m_server.query(QStringLiteral("SELECT seq FROM watermarks WHERE device_id = ?"), {device})
                             .toLongLong();
    const int rows = m_server.query(QStringLiteral("SELECT count(*) FROM classes WHERE head_teacher = 'SIGTERM'")).toInt();
    QCOMPARE(after, before + kChanges);
    QCOMPARE(rows, kChanges);
    QCOMPARE(m_server.query(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(TestServerSync)
#include "tst_server_sync.moc"
