// Merge on pull, without a server: pulled rows are built by hand as the server would send them.
#include "TestPeople.h"
#include "emis.pb.h"
#include "store/ChangeLog.h"
#include "store/IssueStore.h"
#include "store/RemoteMerge.h"
#include "store/Sql.h"
#include "store/StudentRepository.h"
#include "sync/WireConvert.h"

#include "store/RecordStore.h"
#include "sync/Uuid.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace emis;
using namespace emis::client;

namespace {

// The row as the server holds it: every field, with per-field stamps.
wire::RowState rowFrom(const StoredRow &row, quint64 serverSeq, const sync::Hlc &stamp)
{
    wire::RowState r;
    r.set_server_seq(serverSeq);
    r.set_table("students");
    r.set_row_id(row.id.toStdString());
    r.set_school_id(row.schoolId.toStdString());
    r.set_deleted(row.deleted);
    for (const auto &[name, value] : row.values) {
        sync::toWire(name, value, *r.add_fields());
        sync::toWire(stamp, *r.add_field_hlcs());
    }
    sync::toWire(stamp, *r.mutable_hlc());
    return r;
}

void setField(wire::RowState &r, const std::string &field, const std::string &text, const sync::Hlc &stamp)
{
    for (int i = 0; i < r.fields_size(); ++i)
        if (r.fields(i).field() == field) {
            r.mutable_fields(i)->set_text(text);
            sync::toWire(stamp, *r.mutable_field_hlcs(i));
        }
    if (sync::fromWire(r.hlc()) < stamp)
        sync::toWire(stamp, *r.mutable_hlc());
}

// As the server sends a row inserted whole: its values under the row's stamp, NULLs unstamped.
wire::RowState wholeRowFrom(const StoredRow &row, quint64 serverSeq, const sync::Hlc &stamp)
{
    wire::RowState r = rowFrom(row, serverSeq, stamp);
    for (int i = 0; i < r.fields_size(); ++i)
        if (isNull(sync::fromWire(r.fields(i))))
            r.mutable_field_hlcs(i)->Clear();
    return r;
}

int countOf(LocalStore &s, const QString &sql)
{
    Sql q(s.db(), sql);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

wire::PullPage pageOf(const wire::RowState &r)
{
    wire::PullPage p;
    *p.add_rows() = r;
    p.set_next_cursor(r.server_seq());
    return p;
}

std::string textOf(StudentRepository &repo, const QString &id, const char *field)
{
    return std::get<std::string>(repo.get(id)->value().values.at(field));
}

} // namespace

class TestClientMerge : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void pull_newRowIsInsertedWithVersionsAndCursor();
    void pull_ownEchoIsHarmless();
    void pull_newerRemoteFieldReplacesAcknowledgedLocal();
    void pull_olderRemoteFieldIsIgnored();
    void pull_concurrentSameField_newerRemoteWinsAndConflictRecorded();
    void pull_concurrentSameField_newerLocalKeptAndConflictRecorded();
    void pull_differentFields_bothKept();
    void pull_pendingFieldAtAlreadySeenVersion_isNoConflict();
    void pull_unknownTableIsParked();
    void pull_tombstoneApplies();
    void pull_wholeRowHasNoVersionsRow_untilItChanges();
    void saveWhileSyncConnectionAppliesPages_neverFailsLocked();

private:
    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<LocalStore> m_store;
    LocalStore &s() { return *m_store; }
    QString addPupil(int seq);
};

void TestClientMerge::init()
{
    m_dir = new QTemporaryDir;
    auto store = LocalStore::open(m_dir->filePath(QStringLiteral("merge.db")));
    QVERIFY(store.ok());
    m_store = std::move(*store);
    testing::enrollForTest(s(), QStringLiteral("device-a"));
}

void TestClientMerge::cleanup()
{
    m_store.reset();
    delete m_dir;
}

QString TestClientMerge::addPupil(int seq)
{
    auto saved = StudentRepository(s()).add(testing::pupil(QStringLiteral("张三"), seq));
    return saved.ok() ? saved->id : QString();
}

void TestClientMerge::pull_newRowIsInsertedWithVersionsAndCursor()
{
    // Build a row on a second store (another device), then pull it here.
    QTemporaryDir other;
    auto b = LocalStore::open(other.filePath(QStringLiteral("b.db")));
    QVERIFY(b.ok());
    testing::enrollForTest(**b, QStringLiteral("device-b"));
    auto saved = StudentRepository(**b).add(testing::pupil(QStringLiteral("李四"), 21));
    QVERIFY(saved.ok());
    const StoredRow row = StudentRepository(**b).get(saved->id)->value();
    const sync::Hlc stamp = *sync::Hlc::fromText(row.hlc.toStdString());

    auto stats = RemoteMerge(s()).applyPage(pageOf(rowFrom(row, 7, stamp)));
    QVERIFY(stats.ok());
    QCOMPARE(stats->rows, 1);
    StudentRepository repo(s());
    QCOMPARE(textOf(repo, saved->id, "name"), std::string("李四"));
    QCOMPARE(s().syncState().pullCursor, 7u);
    QCOMPARE(ChangeLog(s().db()).pendingCount(), 0);  // pulled rows are not changes of ours
    QVERIFY(s().clock().last() >= stamp);
}

void TestClientMerge::pull_ownEchoIsHarmless()
{
    const QString id = addPupil(1);
    const StoredRow row = StudentRepository(s()).get(id)->value();
    const sync::Hlc stamp = *sync::Hlc::fromText(row.hlc.toStdString());
    auto stats = RemoteMerge(s()).applyPage(pageOf(rowFrom(row, 3, stamp)));
    QVERIFY(stats.ok());
    QCOMPARE(stats->conflicts, 0);
    QCOMPARE(IssueStore(s().db()).openConflictCount(), 0);
    QCOMPARE(ChangeLog(s().db()).pendingCount(), 1);
    QCOMPARE(s().syncState().pullCursor, 3u);
}

void TestClientMerge::pull_newerRemoteFieldReplacesAcknowledgedLocal()
{
    const QString id = addPupil(1);
    QVERIFY(ChangeLog(s().db()).markSentUpTo(1).ok());
    StoredRow row = StudentRepository(s()).get(id)->value();
    const sync::Hlc base = *sync::Hlc::fromText(row.hlc.toStdString());
    wire::RowState r = rowFrom(row, 4, base);
    setField(r, "address", "新地址", sync::Hlc{base.physicalMs + 10, 0, "device-b"});
    QVERIFY(RemoteMerge(s()).applyPage(pageOf(r)).ok());
    StudentRepository repo(s());
    QCOMPARE(textOf(repo, id, "address"), std::string("新地址"));
    QCOMPARE(IssueStore(s().db()).openConflictCount(), 0);
}

void TestClientMerge::pull_olderRemoteFieldIsIgnored()
{
    const QString id = addPupil(1);
    StudentRepository repo(s());
    QVERIFY(repo.edit(id, {{QStringLiteral("姓名"), QStringLiteral("新名")}}).ok());
    QVERIFY(ChangeLog(s().db()).markSentUpTo(2).ok());
    StoredRow row = repo.get(id)->value();
    wire::RowState r = rowFrom(row, 4, *sync::Hlc::fromText(row.hlc.toStdString()));
    setField(r, "name", "旧名", sync::Hlc{1000, 0, "device-b"});
    QVERIFY(RemoteMerge(s()).applyPage(pageOf(r)).ok());
    QCOMPARE(textOf(repo, id, "name"), std::string("新名"));
}

void TestClientMerge::pull_concurrentSameField_newerRemoteWinsAndConflictRecorded()
{
    const QString id = addPupil(1);
    QVERIFY(ChangeLog(s().db()).markSentUpTo(1).ok());
    StudentRepository repo(s());
    QVERIFY(repo.edit(id, {{QStringLiteral("家庭住址"), QStringLiteral("甲地")}}).ok());  // pending
    StoredRow row = repo.get(id)->value();
    const sync::Hlc local = *sync::Hlc::fromText(row.hlc.toStdString());
    wire::RowState r = rowFrom(row, 5, local);
    setField(r, "address", "乙地", sync::Hlc{local.physicalMs + 5, 0, "device-b"});
    auto stats = RemoteMerge(s()).applyPage(pageOf(r));
    QVERIFY(stats.ok());
    QCOMPARE(stats->conflicts, 1);
    QCOMPARE(textOf(repo, id, "address"), std::string("乙地"));
    auto conflicts = IssueStore(s().db()).conflicts(true);
    QVERIFY(conflicts.ok());
    QCOMPARE(conflicts->size(), 1u);
    QCOMPARE(conflicts->front().field, QStringLiteral("address"));
    QCOMPARE(conflicts->front().winnerText, QStringLiteral("乙地"));
    QCOMPARE(conflicts->front().loserText, QStringLiteral("甲地"));
    // Pulling the same page again records nothing new.
    QVERIFY(RemoteMerge(s()).applyPage(pageOf(r)).ok());
    QCOMPARE(IssueStore(s().db()).openConflictCount(), 1);
}

void TestClientMerge::pull_concurrentSameField_newerLocalKeptAndConflictRecorded()
{
    const QString id = addPupil(1);
    QVERIFY(ChangeLog(s().db()).markSentUpTo(1).ok());
    StoredRow before = StudentRepository(s()).get(id)->value();
    const sync::Hlc base = *sync::Hlc::fromText(before.hlc.toStdString());
    StudentRepository repo(s());
    QTest::qWait(5);
    QVERIFY(repo.edit(id, {{QStringLiteral("家庭住址"), QStringLiteral("甲地")}}).ok());
    wire::RowState r = rowFrom(before, 5, base);
    setField(r, "address", "乙地", sync::Hlc{base.physicalMs + 1, 0, "device-b"});
    auto stats = RemoteMerge(s()).applyPage(pageOf(r));
    QVERIFY(stats.ok());
    QCOMPARE(stats->conflicts, 1);
    QCOMPARE(textOf(repo, id, "address"), std::string("甲地"));
    QCOMPARE(IssueStore(s().db()).conflicts(true)->front().loserText, QStringLiteral("乙地"));
}

void TestClientMerge::pull_differentFields_bothKept()
{
    const QString id = addPupil(1);
    QVERIFY(ChangeLog(s().db()).markSentUpTo(1).ok());
    StoredRow before = StudentRepository(s()).get(id)->value();
    const sync::Hlc base = *sync::Hlc::fromText(before.hlc.toStdString());
    StudentRepository repo(s());
    QVERIFY(repo.edit(id, {{QStringLiteral("家庭住址"), QStringLiteral("甲地")}}).ok());
    wire::RowState r = rowFrom(before, 5, base);
    setField(r, "guardian_name", "王母", sync::Hlc{base.physicalMs + 50, 0, "device-b"});
    auto stats = RemoteMerge(s()).applyPage(pageOf(r));
    QVERIFY(stats.ok());
    QCOMPARE(stats->conflicts, 0);
    QCOMPARE(textOf(repo, id, "address"), std::string("甲地"));
    QCOMPARE(textOf(repo, id, "guardian_name"), std::string("王母"));
}

void TestClientMerge::pull_pendingFieldAtAlreadySeenVersion_isNoConflict()
{
    // Another device made the row; we pulled it, then changed a field. Pulling the row again
    // (another field changed meanwhile) brings the version we edited on top of: not concurrent.
    QTemporaryDir other;
    auto b = LocalStore::open(other.filePath(QStringLiteral("b.db")));
    QVERIFY(b.ok());
    testing::enrollForTest(**b, QStringLiteral("device-b"));
    auto saved = StudentRepository(**b).add(testing::pupil(QStringLiteral("李四"), 21));
    QVERIFY(saved.ok());
    const StoredRow row = StudentRepository(**b).get(saved->id)->value();
    const sync::Hlc created = *sync::Hlc::fromText(row.hlc.toStdString());
    QVERIFY(RemoteMerge(s()).applyPage(pageOf(rowFrom(row, 7, created))).ok());
    StudentRepository repo(s());
    QVERIFY(repo.edit(saved->id, {{QStringLiteral("监护人姓名"), QStringLiteral("李母")}}).ok());
    wire::RowState again = rowFrom(row, 8, created);
    setField(again, "address", "乙地", sync::Hlc{created.physicalMs + 50, 0, "device-b"});
    auto stats = RemoteMerge(s()).applyPage(pageOf(again));
    QVERIFY(stats.ok());
    QCOMPARE(stats->conflicts, 0);
    QCOMPARE(textOf(repo, saved->id, "guardian_name"), std::string("李母"));
    QCOMPARE(textOf(repo, saved->id, "address"), std::string("乙地"));
}

void TestClientMerge::pull_unknownTableIsParked()
{
    wire::RowState r;
    r.set_server_seq(9);
    r.set_table("exam_scores_from_the_future");
    r.set_row_id("x");
    auto stats = RemoteMerge(s()).applyPage(pageOf(r));
    QVERIFY(stats.ok());
    QCOMPARE(stats->skipped, 1);
    QCOMPARE(s().syncState().pullCursor, 9u);
    // Kept as it came, for an upgraded program (tst_client_upgrade applies it through the real ones).
    Sql q(s().db(), QStringLiteral("SELECT tbl, row_id FROM parked_rows"));
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("exam_scores_from_the_future"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("x"));
    QVERIFY(!q.next());
    // This program still does not know the table: opening the store again leaves it parked.
    auto replayed = RemoteMerge(s()).replayParked();
    QVERIFY(replayed.ok());
    QCOMPARE(*replayed, 0);
}

void TestClientMerge::pull_tombstoneApplies()
{
    const QString id = addPupil(1);
    QVERIFY(ChangeLog(s().db()).markSentUpTo(1).ok());
    StoredRow row = StudentRepository(s()).get(id)->value();
    const sync::Hlc base = *sync::Hlc::fromText(row.hlc.toStdString());
    wire::RowState r = rowFrom(row, 6, base);
    r.set_deleted(true);
    sync::toWire(sync::Hlc{base.physicalMs + 3, 0, "device-b"}, *r.mutable_hlc());
    QVERIFY(RemoteMerge(s()).applyPage(pageOf(r)).ok());
    QVERIFY(StudentRepository(s()).list()->empty());
}

void TestClientMerge::saveWhileSyncConnectionAppliesPages_neverFailsLocked()
{
    // The sync worker's own connection applies pulled pages while the clerk's saves go on. A save
    // that read before the worker's commit and wrote after it used to fail at once with
    // "database is locked" (a deferred transaction cannot take a stale snapshot to writing).
    const QString seedId = addPupil(1);
    QVERIFY(!seedId.isEmpty());
    const StoredRow seed = StudentRepository(s()).get(seedId)->value();
    const sync::Hlc stamp{sync::systemNowMs() - 60000, 0, "device-b"};
    std::atomic_bool done{false};
    QString workerError;
    std::thread worker([&] {
        auto other = LocalStore::open(m_dir->filePath(QStringLiteral("merge.db")));
        for (int p = 0; p < 40 && other.ok(); ++p) {
            wire::PullPage page;
            for (int i = 0; i < 100; ++i) {
                wire::RowState r = rowFrom(seed, static_cast<quint64>(p * 100 + i + 1), stamp);
                r.set_row_id(sync::newUuidV7());
                *page.add_rows() = r;
            }
            page.set_next_cursor(static_cast<quint64>(p * 100 + 100));
            if (auto applied = RemoteMerge(**other).applyPage(page); !applied) {
                workerError = applied.error().message;
                break;
            }
        }
        done = true;
    });
    int saves = 0;
    QStringList failures;
    StudentRepository repo(s());
    while (!done || saves < 20) {
        auto saved = RecordStore(s()).save(*schema::findTable("students"), seedId,
                                           {{"guardian_phone", "1390000" + std::to_string(1000 + saves)}});
        ++saves;
        if (!saved)
            failures << saved.error().message;
    }
    worker.join();
    QVERIFY2(workerError.isEmpty(), qPrintable(workerError));
    QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("%1 of %2 saves failed: %3")
                                                .arg(failures.size())
                                                .arg(saves)
                                                .arg(failures.value(0))));
}

void TestClientMerge::pull_wholeRowHasNoVersionsRow_untilItChanges()
{
    QTemporaryDir other;
    auto b = LocalStore::open(other.filePath(QStringLiteral("b.db")));
    QVERIFY(b.ok());
    testing::enrollForTest(**b, QStringLiteral("device-b"));
    auto saved = StudentRepository(**b).add(testing::pupil(QStringLiteral("李四"), 31));
    QVERIFY(saved.ok());
    const StoredRow row = StudentRepository(**b).get(saved->id)->value();
    const sync::Hlc stamp = *sync::Hlc::fromText(row.hlc.toStdString());
    const QString versions = QStringLiteral("SELECT count(*) FROM students_versions WHERE id = '%1'").arg(saved->id);

    // Pulled whole, and pulled again: no versions row, nothing changes.
    QVERIFY(RemoteMerge(s()).applyPage(pageOf(wholeRowFrom(row, 7, stamp))).ok());
    QCOMPARE(countOf(s(), versions), 0);
    auto again = RemoteMerge(s()).applyPage(pageOf(wholeRowFrom(row, 8, stamp)));
    QVERIFY(again.ok());
    QCOMPARE(again->rows, 0);
    // A newer 家庭住址 from device b: the versions row is written out, the other fields keep the
    // row's first stamp, so an older 姓名 that arrives after is still ignored.
    wire::RowState newer = wholeRowFrom(row, 9, stamp);
    const sync::Hlc later{stamp.physicalMs + 10, 0, "device-b"};
    setField(newer, "address", "新地址", later);
    QVERIFY(RemoteMerge(s()).applyPage(pageOf(newer)).ok());
    QCOMPARE(countOf(s(), versions), 1);
    Sql v(s().db(), QStringLiteral("SELECT name_hlc, address_hlc FROM students_versions WHERE id = ?"));
    QVERIFY(v.bind(saved->id).exec() && v.next());
    QCOMPARE(v.value(0).toString(), QString::fromStdString(stamp.toText()));
    QCOMPARE(v.value(1).toString(), QString::fromStdString(later.toText()));
    wire::RowState older = wholeRowFrom(row, 10, stamp);
    setField(older, "name", "旧名", sync::Hlc{stamp.physicalMs - 10, 0, "device-b"});
    QVERIFY(RemoteMerge(s()).applyPage(pageOf(older)).ok());
    StudentRepository repo(s());
    QCOMPARE(textOf(repo, saved->id, "name"), std::string("李四"));
    QCOMPARE(textOf(repo, saved->id, "address"), std::string("新地址"));
    // A row saved here as new and edited by another device before it comes back: merged the same.
    const QString mine = addPupil(32);
    QVERIFY(ChangeLog(s().db()).markSentUpTo(1).ok());
    const StoredRow local = repo.get(mine)->value();
    const sync::Hlc localStamp = *sync::Hlc::fromText(local.hlc.toStdString());
    wire::RowState edited = wholeRowFrom(local, 11, localStamp);
    setField(edited, "guardian_name", "王母", sync::Hlc{localStamp.physicalMs + 10, 0, "device-b"});
    wire::RowState stale = edited;
    setField(stale, "name", "旧名", sync::Hlc{localStamp.physicalMs - 10, 0, "device-b"});
    QVERIFY(RemoteMerge(s()).applyPage(pageOf(stale)).ok());
    QCOMPARE(textOf(repo, mine, "guardian_name"), std::string("王母"));
    QCOMPARE(textOf(repo, mine, "name"), std::string("张三"));
    QCOMPARE(IssueStore(s().db()).openConflictCount(), 0);
}

QTEST_GUILESS_MAIN(TestClientMerge)
#include "tst_client_merge.moc"
