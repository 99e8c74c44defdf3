// The SQLite store: group commit keeps a failing job's writes out while its neighbours commit,
// migrations run once and refuse a newer store, the feed moves a changed row to the end, and a
// backup taken during writes is a consistent store.
#include "schema/Schema.h"
#include "store/SqliteStore.h"
#include "store/StoreSession.h"
#include "sync/CountyWriter.h"
#include "sync/PushHandler.h"
#include "sync/ServerRules.h"
#include "sync/Hlc.h"
#include "sync/Uuid.h"
#include "sync/WireConvert.h"
#include "validate/IdNumber.h"

#include <QTemporaryDir>

#include <filesystem>
#include <QTest>

#include <atomic>
#include <future>
#include <thread>

using namespace emis;
using namespace emis::server;

namespace {

int auditCount(Store &store, const std::string &action)
{
    int n = 0;
    store.read([&](StoreSession &s) {
        for (const auto &e : s.auditLog(100000))
            n += e.action == action;
    });
    return n;
}

std::string addSchool(Store &store, sync::HlcClock &clock, const std::string &code)
{
    std::string id;
    store.write([&](StoreSession &s) {
        auto r = CountyWriter(s, clock, "test", 1).addSchool(
            {{"code", code}, {"name", "学校" + code}, {"school_type", "小学"}, {"township", "双钟镇"}});
        if (auto *ok = std::get_if<std::string>(&r))
            id = *ok;
    });
    return id;
}

// Holds the store's writer in a job of its own until release(): the jobs queued meanwhile join
// that job's group. The job may run again (store/Store.h), and then waits too.
class HeldWriter {
public:
    explicit HeldWriter(Store &store)
    {
        store.submitWrite(
            [this](StoreSession &) {
                if (m_runs++ == 0)
                    m_started.set_value();
                m_released.wait();
            },
            [this](std::exception_ptr e) { m_done.set_value(e); });
        m_started.get_future().wait();
    }
    void release() { m_release.set_value(); }
    int runs() const { return m_runs; }
    // The held job's result, once its group is done.
    std::exception_ptr result() { return m_done.get_future().get(); }

private:
    std::promise<void> m_started, m_release;
    std::shared_future<void> m_released = m_release.get_future().share();
    std::promise<std::exception_ptr> m_done;
    std::atomic<int> m_runs = 0;
};

} // namespace

class TestServerStore : public QObject {
    Q_OBJECT

private slots:
    void groupCommit_failingJobRollsBackAlone();
    void groupCommit_pushRunAgain_sameOutcome();
    void groupCommit_stopsGrowingAtAFewThousandRows();
    void concurrentWriters_allCommitted();
    void feed_changedRowMovesToTheEnd_visibilityBySchoolAndCounty();
    void backupDuringWrites_isConsistent();
    void serverWrittenRow_isVersionedAndOnTheFeed_invalidOneWritesNothing();
    void insertedRow_versionsFromStampAndFeed_keptWhenAnotherFieldChanges();
    void serverRules_nameRealTables();
    void writesBackToBack_logStaysBounded();
};

// A county's first sync writes for minutes without a pause: the log must still start again from
// its beginning now and then, or it grows with everything written (2.6 GB in the report bench).
void TestServerStore::writesBackToBack_logStaysBounded()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("s.db")).toStdString();
    SqliteStore store(path);
    const std::string megabyte(1 << 20, 'x');
    for (int i = 0; i < 160; ++i)  // 160 MB, one write after another
        store.write([&](StoreSession &s) { s.setMeta("bulk" + std::to_string(i), megabyte); });
    const auto wal = std::filesystem::file_size(path + "-wal");
    QVERIFY2(wal < 100u << 20, std::to_string(wal).c_str());
    store.read([&](StoreSession &s) { QCOMPARE(s.meta("bulk159").size(), megabyte.size()); });
}

void TestServerStore::serverRules_nameRealTables()
{
    const auto names = server::tablesWithServerRules();
    QVERIFY(!names.empty());
    for (const auto &name : names) {
        const schema::Table *t = schema::findTable(name);
        QVERIFY2(t, name.c_str());
        QVERIFY(server::serverRules(*t));
    }
}

void TestServerStore::groupCommit_failingJobRollsBackAlone()
{
    QTemporaryDir dir;
    SqliteStore store(dir.filePath(QStringLiteral("s.db")).toStdString());
    HeldWriter held(store);  // the three jobs queue up and join its group
    std::promise<std::exception_ptr> results[3];
    std::atomic<int> runs[3] = {0, 0, 0};
    for (int i = 0; i < 3; ++i) {
        store.submitWrite(
            [i, &runs](StoreSession &s) {
                ++runs[i];
                s.audit(AuditEntry{1, "t", {}, "job" + std::to_string(i), {}});
                if (i == 1)
                    throw std::runtime_error("job 1 fails after writing");
            },
            [&results, i](std::exception_ptr e) { results[i].set_value(e); });
    }
    held.release();
    QVERIFY(!results[0].get_future().get());
    QVERIFY(results[1].get_future().get());
    QVERIFY(!results[2].get_future().get());
    QCOMPARE(auditCount(store, "job0"), 1);
    QCOMPARE(auditCount(store, "job1"), 0);
    QCOMPARE(auditCount(store, "job2"), 1);
    // Job 0 ran before job 1 failed, was rolled back with the group, and ran again on its own;
    // the failed job is not run again.
    QCOMPARE(held.runs(), 2);
    QCOMPARE(runs[0].load(), 2);
    QCOMPARE(runs[1].load(), 1);
    QCOMPARE(runs[2].load(), 1);
}

void TestServerStore::groupCommit_pushRunAgain_sameOutcome()
{
    // A pushed transfer request is completed by the server (the pupil, the sending school). When
    // a later job of its group fails, the push runs again: it must find the batch as sent.
    QTemporaryDir dir;
    SqliteStore store(dir.filePath(QStringLiteral("s.db")).toStdString());
    sync::HlcClock clock("server");
    const std::string from = addSchool(store, clock, "3604290001");
    const std::string to = addSchool(store, clock, "3604290002");
    const std::string body = "36042920150301001";
    const std::string idNumber = body + validate::idCheckCharacter(body);
    std::string pupil;
    store.write([&](StoreSession &s) {
        auto r = CountyWriter(s, clock, "test", 1)
                     .addRow(*schema::findTable("students"), from,
                             {{"name", std::string("李明")}, {"sex", std::string("1")},
                              {"birth_date", std::string("2015-03-01")}, {"id_type", std::string("1")},
                              {"id_number", idNumber}, {"grade", std::int64_t{4}},
                              {"class_name", std::string("1班")}, {"status", std::string("1")}});
        pupil = std::get<std::string>(r);
        s.addDevice(DeviceRecord{"device-b", to, "B", "0b", 1, {}, {}});
    });

    wire::PushBatch batch;
    wire::Change &change = *batch.add_changes();
    change.set_device_seq(1);
    change.set_table("transfers");
    const std::string transfer = sync::newUuidV7();
    change.set_row_id(transfer);
    const validate::Record request{{"id_number", idNumber}, {"student_name", std::string("李明")},
                                   {"request_date", std::string("2026-09-01")}, {"state", std::string("1")}};
    for (const auto &[field, value] : request)
        sync::toWire(field, value, *change.add_fields());
    sync::toWire(sync::Hlc{sync::systemNowMs(), 0, "device-b"}, *change.mutable_hlc());
    const auto prepared = prepareChanges(batch, static_cast<std::int64_t>(sync::systemNowMs()));

    HeldWriter held(store);
    wire::PushAck ack;
    std::optional<wire::Error> error;
    std::atomic<int> pushRuns = 0;
    std::promise<std::exception_ptr> pushed, failed;
    store.submitWrite(
        [&](StoreSession &s) {
            ++pushRuns;
            ack.Clear();
            error = PushHandler(s, DeviceIdentity{"device-b", to, "3604290002"}, 1).apply(prepared, ack);
        },
        [&](std::exception_ptr e) { pushed.set_value(e); });
    store.submitWrite([](StoreSession &) { throw std::runtime_error("fails"); },
                      [&](std::exception_ptr e) { failed.set_value(e); });
    held.release();
    QVERIFY(!pushed.get_future().get());
    QVERIFY(failed.get_future().get());
    QCOMPARE(pushRuns.load(), 2);
    QVERIFY(!error);
    QVERIFY2(ack.rejections_size() == 0, ack.rejections_size() ? ack.rejections(0).message_en().c_str() : "");
    QCOMPARE(ack.watermark(), std::uint64_t{1});
    store.read([&](StoreSession &s) {
        const auto row = s.loadRow(*schema::findTable("transfers"), transfer);
        QVERIFY(row);
        QCOMPARE(fieldText(row->values, "student_id"), pupil);
        QCOMPARE(fieldText(row->values, "from_school_id"), from);
        QCOMPARE(s.watermark("device-b"), std::uint64_t{1});
    });
}

void TestServerStore::groupCommit_stopsGrowingAtAFewThousandRows()
{
    // A job sees another job's rows from a read snapshot only once that job's group has
    // committed: that tells which queued jobs were grouped together.
    QTemporaryDir dir;
    SqliteStore store(dir.filePath(QStringLiteral("s.db")).toStdString());
    HeldWriter held(store);  // the writer is busy: what follows queues up
    std::promise<int> bigSeenBySecond, secondSeenByThird;
    std::promise<void> allDone;
    auto none = [](std::exception_ptr) {};
    store.submitWrite([](StoreSession &s) { s.audit(AuditEntry{1, "t", {}, "big1", {}}); }, none, 3000);
    store.submitWrite(
        [&](StoreSession &s) {
            s.audit(AuditEntry{1, "t", {}, "big2", {}});
            bigSeenBySecond.set_value(auditCount(store, "big1"));
        },
        none, 3000);
    store.submitWrite([&](StoreSession &) { secondSeenByThird.set_value(auditCount(store, "big2")); },
                      [&](std::exception_ptr) { allDone.set_value(); }, 1);
    held.release();
    QVERIFY(!held.result());
    allDone.get_future().wait();
    QCOMPARE(bigSeenBySecond.get_future().get(), 1);    // 3000 + 3000 rows: the second waited for the next group
    QCOMPARE(secondSeenByThird.get_future().get(), 0);  // 3000 + 1: one group, not yet committed
}

void TestServerStore::concurrentWriters_allCommitted()
{
    QTemporaryDir dir;
    SqliteStore store(dir.filePath(QStringLiteral("s.db")).toStdString());
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&store, t] {
            for (int i = 0; i < 50; ++i)
                store.write([&](StoreSession &s) {
                    s.setWatermark("dev" + std::to_string(t), static_cast<std::uint64_t>(i + 1));
                });
        });
    // Reads run beside the writer.
    std::atomic<bool> readFailed{false};
    std::thread reader([&] {
        for (int i = 0; i < 100; ++i)
            try {
                store.read([](StoreSession &s) { s.watermark("dev0"); });
            } catch (...) {
                readFailed = true;
            }
    });
    for (auto &t : threads)
        t.join();
    reader.join();
    QVERIFY(!readFailed);
    store.read([](StoreSession &s) {
        for (int t = 0; t < 4; ++t)
            QCOMPARE(s.watermark("dev" + std::to_string(t)), 50u);
    });
}

void TestServerStore::feed_changedRowMovesToTheEnd_visibilityBySchoolAndCounty()
{
    QTemporaryDir dir;
    SqliteStore store(dir.filePath(QStringLiteral("s.db")).toStdString());
    sync::HlcClock clock("server");
    const std::string a = addSchool(store, clock, "3604290001");
    const std::string b = addSchool(store, clock, "3604290002");
    QVERIFY(!a.empty() && !b.empty());
    const std::string rowA = sync::newUuidV7();
    const std::string rowB = sync::newUuidV7();
    store.write([&](StoreSession &s) {
        s.touchFeed("classes", rowA, a);
        s.touchFeed("classes", rowB, b);
        s.touchFeed("classes", rowA, a);  // changed again: one entry, now last
    });
    store.read([&](StoreSession &s) {
        const auto seen = s.readFeed(0, a, {"schools"}, 100);
        QCOMPARE(seen.size(), std::size_t(3));  // both schools (county) and A's row, not B's
        QCOMPARE(seen.back().rowId, rowA);
        QVERIFY(seen[0].seq < seen[1].seq && seen[1].seq < seen[2].seq);
        const auto after = s.readFeed(seen[1].seq, a, {"schools"}, 100);
        QCOMPARE(after.size(), std::size_t(1));
        QCOMPARE(s.readFeed(0, a, {"schools"}, 2).size(), std::size_t(2));
    });
}

void TestServerStore::backupDuringWrites_isConsistent()
{
    QTemporaryDir dir;
    SqliteStore store(dir.filePath(QStringLiteral("s.db")).toStdString());
    std::atomic<bool> stop{false};
    std::thread writer([&] {
        for (std::uint64_t i = 1; !stop; ++i)
            store.write([&](StoreSession &s) {
                // Two rows that must always agree.
                s.setWatermark("a", i);
                s.setWatermark("b", i);
            });
    });
    QTest::qWait(50);
    const std::string copy = dir.filePath(QStringLiteral("copy.db")).toStdString();
    store.backupTo(copy);
    stop = true;
    writer.join();
    SqliteStore restored(copy);
    restored.read([](StoreSession &s) {
        QVERIFY(s.watermark("a") > 0);
        QCOMPARE(s.watermark("a"), s.watermark("b"));
    });
}

void TestServerStore::serverWrittenRow_isVersionedAndOnTheFeed_invalidOneWritesNothing()
{
    QTemporaryDir dir;
    SqliteStore store(dir.filePath(QStringLiteral("s.db")).toStdString());
    sync::HlcClock clock("server");
    const std::string school = addSchool(store, clock, "3604290001");
    const schema::Table &classes = *schema::findTable("classes");
    std::string id;
    std::vector<Issue> issues;
    store.write([&](StoreSession &s) {
        CountyWriter writer(s, clock, "test", 1);
        auto ok = writer.addRow(classes, school, {{"grade", std::int64_t{3}}, {"name", std::string("三(2)班")}});
        id = std::get<std::string>(ok);
        auto bad = writer.addRow(classes, school, {{"grade", std::int64_t{99}}, {"name", std::string("x")}});
        issues = std::get<std::vector<Issue>>(bad);
    });
    QCOMPARE(issues.size(), std::size_t(1));
    QCOMPARE(issues.front().code(), std::string("not_recognised"));
    store.read([&](StoreSession &s) {
        const auto row = s.loadRow(classes, id);
        QVERIFY(row);
        QCOMPARE(row->schoolId, school);
        QCOMPARE(std::get<std::string>(row->values.at("name")), std::string("三(2)班"));
        QCOMPARE(row->versions.at("name").hlc.device, std::string("server"));
        QVERIFY(!row->versions.count("head_teacher"));  // never written, no version
        const auto feed = s.readFeed(0, school, {}, 100);
        QCOMPARE(feed.size(), std::size_t(2));  // the school's own row and the class
        QCOMPARE(feed.back().rowId, id);
        QCOMPARE(row->versions.at("name").seq, feed.back().seq);
    });
}

void TestServerStore::insertedRow_versionsFromStampAndFeed_keptWhenAnotherFieldChanges()
{
    QTemporaryDir dir;
    SqliteStore store(dir.filePath(QStringLiteral("s.db")).toStdString());
    sync::HlcClock clock("server");
    const std::string school = addSchool(store, clock, "3604290001");
    const schema::Table &classes = *schema::findTable("classes");
    std::vector<std::optional<Value>> fields(classes.fields.size());
    fields[static_cast<std::size_t>(classes.fieldIndex("grade"))] = Value{std::int64_t{3}};
    fields[static_cast<std::size_t>(classes.fieldIndex("name"))] = Value{std::string("三(1)班")};
    fields[static_cast<std::size_t>(classes.fieldIndex("head_teacher"))] = Value{};  // sent empty
    const sync::Hlc made{1000, 0, "device-a"};
    const std::string id = sync::newUuidV7();
    store.write([&](StoreSession &s) { s.insertRow(classes, id, school, made, fields); });
    std::int64_t insertSeq = 0;
    store.read([&](StoreSession &s) {
        const auto row = s.loadRow(classes, id);
        QVERIFY(row);
        const auto feed = s.readFeed(0, school, {}, 100);
        QCOMPARE(feed.back().rowId, id);
        insertSeq = feed.back().seq;
        QCOMPARE(row->hlc, made.toText());
        for (const char *name : {"grade", "name"}) {
            QCOMPARE(row->versions.at(name).hlc, made);
            QCOMPARE(row->versions.at(name).seq, insertSeq);
        }
        QVERIFY(!row->versions.count("head_teacher"));  // NULL: never written
    });
    // Another device renames the class: the grade keeps the version it was inserted with.
    const sync::Hlc renamed{2000, 0, "device-b"};
    store.write([&](StoreSession &s) {
        auto row = *s.loadRow(classes, id);
        const std::int64_t seq = s.touchFeed(classes.name, id, school);
        row.values["name"] = Value{std::string("三(2)班")};
        row.versions["name"] = FieldVersion{renamed, seq};
        row.hlc = renamed.toText();
        s.saveRow(classes, row);
    });
    store.read([&](StoreSession &s) {
        const auto row = s.loadRow(classes, id);
        QVERIFY(row->versions.at("name").seq > insertSeq);
        QCOMPARE(row->versions.at("name").hlc, renamed);
        QCOMPARE(row->versions.at("grade").hlc, made);
        QCOMPARE(row->versions.at("grade").seq, insertSeq);
        QVERIFY(!row->versions.count("head_teacher"));
    });
}

QTEST_GUILESS_MAIN(TestServerStore)
#include "tst_server_store.moc"
