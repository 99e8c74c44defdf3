// The local store: a save is one transaction of row, versions and change; migrations; the clock.
#include "TestPeople.h"
#include "emis.pb.h"
#include "schema/SqlGen.h"
#include "store/ChangeLog.h"
#include "store/Migrations.h"
#include "store/RecordStore.h"
#include "store/Sql.h"
#include "store/StaffRepository.h"
#include "store/StudentRepository.h"
#include "store/Versions.h"
#include "sync/WireConvert.h"

#include <QTemporaryDir>
#include <QTest>

using namespace emis;
using namespace emis::client;

class TestClientStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void open_runsEveryMigrationAndMakesEveryTable();
    void open_twiceIsHarmlessAndKeepsData();
    void open_refusesNewerLayout();
    void open_migratesOlderLayoutKeepingData();
    void open_usesWalAndFullSync();
    void open_mapsStaffFreeTextToCodes();
    void add_writesRowVersionsAndOneChange();
    void edit_logsOnlyChangedFields();
    void batch_refusedSaveWritesNothing_othersCommit();
    void edit_withoutChange_logsNothing();
    void add_invalidIdNumber_isNeverSaved();
    void add_duplicateIdNumber_rollsBackEverything();
    void save_referenceToAnotherSchoolsOrMissingRow_neverSaved();
    void edit_reviewedStatus_refusedBeforeSaving();
    void add_beforeEnrollment_isRefused();
    void remove_logsTombstone();
    void clock_restoredAfterReopen();
    void clock_secondConnectionStampsAfterFirstOnesReceipts();
    void resolveField_byLabelNameAndAlias();

private:
    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }
};

static int count(LocalStore &s, const QString &sql)
{
    Sql q(s.db(), sql);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

void TestClientStore::open_runsEveryMigrationAndMakesEveryTable()
{
    auto store = LocalStore::open(path("m.db"));
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
    LocalStore &s = **store;
    QCOMPARE(count(s, QStringLiteral("PRAGMA user_version")), kStoreVersion);
    for (const auto &t : schema::tables()) {
        for (const auto &name : {t.name, schema::versionsTable(t)}) {
            Sql q(s.db(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"));
            q.bind(QString::fromStdString(name));
            QVERIFY(q.exec() && q.next());
            QVERIFY2(q.value(0).toInt() == 1, name.c_str());
        }
    }
    for (const char *meta : {"change_log", "sync_state", "rejections", "conflicts"})
        QCOMPARE(count(s, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = '%1'").arg(QLatin1String(meta))), 1);
}

void TestClientStore::open_twiceIsHarmlessAndKeepsData()
{
    {
        auto store = LocalStore::open(path("twice.db"));
        QVERIFY(store.ok());
        testing::enrollForTest(**store);
        QVERIFY(StudentRepository(**store).add(testing::pupil(QStringLiteral("张三"), 1)).ok());
    }
    auto store = LocalStore::open(path("twice.db"));
    QVERIFY(store.ok());
    QCOMPARE(count(**store, QStringLiteral("SELECT count(*) FROM students")), 1);
    QCOMPARE((*store)->identity().schoolCode, QStringLiteral("3604290001"));
}

void TestClientStore::open_refusesNewerLayout()
{
    {
        auto store = LocalStore::open(path("newer.db"));
        QVERIFY(store.ok());
        QVERIFY(execSql((*store)->db(), QStringLiteral("PRAGMA user_version = 99")).ok());
    }
    auto store = LocalStore::open(path("newer.db"));
    QVERIFY(!store.ok());
    QVERIFY(store.error().message.contains(QLatin1String("newer")));
}

void TestClientStore::open_migratesOlderLayoutKeepingData()
{
    {
        auto store = LocalStore::open(path("older.db"));
        QVERIFY(store.ok());
        testing::enrollForTest(**store);
        QVERIFY(StudentRepository(**store).add(testing::pupil(QStringLiteral("庚"), 19)).ok());
        // Back to layout 2: before changes kept their base versions.
        QVERIFY(execSql((*store)->db(), QStringLiteral("ALTER TABLE change_log DROP COLUMN base_hlcs")).ok());
        QVERIFY(execSql((*store)->db(), QStringLiteral("ALTER TABLE change_log DROP COLUMN attempted")).ok());
        QVERIFY(execSql((*store)->db(), QStringLiteral("ALTER TABLE sync_state DROP COLUMN feed_epoch")).ok());
        QVERIFY(execSql((*store)->db(), QStringLiteral("ALTER TABLE sync_state DROP COLUMN attempted_through")).ok());
        QVERIFY(execSql((*store)->db(), QStringLiteral("ALTER TABLE sync_state DROP COLUMN sent_through")).ok());
        QVERIFY(execSql((*store)->db(), QStringLiteral("DROP INDEX change_log_row")).ok());
        QVERIFY(execSql((*store)->db(), QStringLiteral("CREATE INDEX change_log_pending ON change_log (state, tbl, row_id)")).ok());
        QVERIFY(execSql((*store)->db(), QStringLiteral("DROP TABLE parked_rows")).ok());
        QVERIFY(execSql((*store)->db(), QStringLiteral("PRAGMA user_version = 2")).ok());
    }
    auto store = LocalStore::open(path("older.db"));
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
    QCOMPARE(count(**store, QStringLiteral("PRAGMA user_version")), kStoreVersion);
    QCOMPARE(count(**store, QStringLiteral("SELECT count(*) FROM pragma_table_info('change_log') WHERE name = 'base_hlcs'")), 1);
    QCOMPARE(count(**store, QStringLiteral("SELECT count(*) FROM pragma_table_info('sync_state') WHERE name = 'feed_epoch'")), 1);
    QCOMPARE(count(**store, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'parked_rows'")), 1);
    QCOMPARE(ChangeLog((*store)->db()).pendingCount(), 1);
    QCOMPARE(ChangeLog((*store)->db()).unattemptedUpTo(1), 0);  // an older log is taken as genuine
    QCOMPARE(count(**store, QStringLiteral("SELECT attempted_through FROM sync_state")), 1);
    QCOMPARE(StudentRepository(**store).list()->size(), 1u);
}

// 学历, 职称 and 政治面貌 were free text before schema version 4: at start the store maps what a
// code table names, in place (nothing to sync: the server maps its copy the same way).
void TestClientStore::open_mapsStaffFreeTextToCodes()
{
    QString id;
    {
        auto store = LocalStore::open(path("staff.db"));
        QVERIFY(store.ok());
        testing::enrollForTest(**store);
        auto added = StaffRepository(**store).add({{QStringLiteral("姓名"), QStringLiteral("韩秀兰")},
                                                   {QStringLiteral("性别"), QStringLiteral("女")},
                                                   {QStringLiteral("身份证件号"), testing::idNumber(QStringLiteral("19800502"), 24)},
                                                   {QStringLiteral("岗位类别"), QStringLiteral("专任教师")},
                                                   {QStringLiteral("学历"), QStringLiteral("本科")}});
        QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
        id = added->id;
        QVERIFY(execSql((*store)->db(), QStringLiteral("UPDATE staff SET education = '大专', title = '小学一级教师', "
                                                      "political = '不详'")).ok());
    }
    auto store = LocalStore::open(path("staff.db"));
    QVERIFY(store.ok());
    Sql q((*store)->db(), QStringLiteral("SELECT education, title, political FROM staff WHERE id = ?"));
    QVERIFY(q.bind(id).exec() && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("31"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("41"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("不详"));  // no code names it: left for the clerk
    QCOMPARE(ChangeLog((*store)->db()).pendingCount(), 1);    // only the add: the mapping is not a change
}

void TestClientStore::open_usesWalAndFullSync()
{
    auto store = LocalStore::open(path("wal.db"));
    QVERIFY(store.ok());
    Sql q((*store)->db(), QStringLiteral("PRAGMA journal_mode"));
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    QCOMPARE(count(**store, QStringLiteral("PRAGMA synchronous")), 2);  // FULL
}

void TestClientStore::add_writesRowVersionsAndOneChange()
{
    auto store = LocalStore::open(path("add.db"));
    QVERIFY(store.ok());
    LocalStore &s = **store;
    testing::enrollForTest(s);
    auto saved = StudentRepository(s).add(testing::pupil(QStringLiteral("张三"), 1));
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
    QCOMPARE(saved->deviceSeq, 1u);
    auto row = StudentRepository(s).get(saved->id);
    QVERIFY(row.ok() && row->has_value());
    QCOMPARE(std::get<std::string>((*row)->values.at("name")), std::string("张三"));
    QCOMPARE(std::get<std::string>((*row)->values.at("sex")), std::string("1"));
    QCOMPARE(std::get<std::int64_t>((*row)->values.at("grade")), std::int64_t{3});
    QCOMPARE(std::get<std::string>((*row)->values.at("status")), std::string("1"));  // the default
    QCOMPARE((*row)->schoolId, QStringLiteral("school-1"));

    // No versions row: the fields given read as stamped with the row's hlc, the others as never written.
    QCOMPARE(count(s, QStringLiteral("SELECT count(*) FROM students_versions")), 0);
    const schema::Table &students = *schema::findTable("students");
    Sql v(s.db(), QStringLiteral("SELECT %1, %2, %3 %4 WHERE r.id = ?")
                      .arg(versionHlcExpr(students, QStringLiteral("name")), versionHlcExpr(students, QStringLiteral("sex")),
                           versionHlcExpr(students, QStringLiteral("address")), versionsJoin(students)));
    QVERIFY(v.bind(saved->id).exec() && v.next());
    QCOMPARE(v.value(0).toString(), (*row)->hlc);
    QCOMPARE(v.value(1).toString(), (*row)->hlc);
    QVERIFY(v.value(2).isNull());  // never written

    ChangeLog log(s.db());
    QCOMPARE(log.pendingCount(), 1);
    auto change = log.bySeq(1);
    QVERIFY(change.ok());
    QCOMPARE(QString::fromStdString(change->row_id()), saved->id);
    QCOMPARE(change->table(), std::string("students"));
    QCOMPARE(change->fields_size(), 8);  // six given, id_type and status from their defaults
    QCOMPARE(QString::fromStdString(sync::fromWire(change->hlc()).toText()), (*row)->hlc);
    QCOMPARE(change->hlc().device(), std::string("device-a"));
}

void TestClientStore::edit_logsOnlyChangedFields()
{
    auto store = LocalStore::open(path("edit.db"));
    QVERIFY(store.ok());
    LocalStore &s = **store;
    testing::enrollForTest(s);
    StudentRepository students(s);
    auto saved = students.add(testing::pupil(QStringLiteral("李四"), 3));
    QVERIFY(saved.ok());
    auto edited = students.edit(saved->id, {{QStringLiteral("家庭住址"), QStringLiteral("某镇某村")},
                                            {QStringLiteral("name"), QStringLiteral("李四")}});
    QVERIFY2(edited.ok(), qPrintable(edited.ok() ? QString() : edited.error().message));
    QCOMPARE(edited->deviceSeq, 2u);
    auto change = ChangeLog(s.db()).bySeq(2);
    QVERIFY(change.ok());
    QCOMPARE(change->fields_size(), 1);
    QCOMPARE(change->fields(0).field(), std::string("address"));
    QCOMPARE(change->fields(0).text(), std::string("某镇某村"));
    // The first change wrote the versions row out: the old stamp stays on the fields not changed,
    // and the change's base for the edited field is what it had (nothing).
    const QString first = QString::fromStdString(sync::fromWire(ChangeLog(s.db()).bySeq(1)->hlc()).toText());
    const QString second = QString::fromStdString(sync::fromWire(change->hlc()).toText());
    Sql v(s.db(), QStringLiteral("SELECT name_hlc, address_hlc, sex_hlc FROM students_versions WHERE id = ?"));
    QVERIFY(v.bind(saved->id).exec() && v.next());
    QCOMPARE(v.value(0).toString(), first);
    QCOMPARE(v.value(1).toString(), second);
    QCOMPARE(v.value(2).toString(), first);
    // A third edit's base for 姓名 is the first save's stamp, read from the written-out row.
    QVERIFY(students.edit(saved->id, {{QStringLiteral("name"), QStringLiteral("李四四")}}).ok());
    Sql base(s.db(), QStringLiteral("SELECT base_hlcs FROM change_log WHERE device_seq = 3"));
    QVERIFY(base.exec() && base.next());
    QCOMPARE(base.value(0).toString(), QStringLiteral("name=") + first);
}

void TestClientStore::batch_refusedSaveWritesNothing_othersCommit()
{
    auto store = LocalStore::open(path("batch.db"));
    QVERIFY(store.ok());
    LocalStore &s = **store;
    testing::enrollForTest(s);
    const schema::Table &students = *schema::findTable("students");
    const auto pupil = [](const char *name, int seq) {
        return validate::Record{{"name", std::string(name)},       {"sex", std::string(seq % 2 ? "1" : "2")},
                                {"birth_date", std::string("2015-03-15")}, {"id_type", std::string("1")},
                                {"id_number", testing::idNumber(QStringLiteral("20150315"), seq).toStdString()},
                                {"grade", std::int64_t{3}},          {"class_name", std::string("2班")},
                                {"status", std::string("1")}};
    };
    RecordStore records(s);
    QVERIFY(records.beginBatch().ok());
    auto first = records.save(students, QString(), pupil("甲", 1));
    QVERIFY(first.ok());
    auto twin = records.save(students, QString(), pupil("乙", 1));  // the same ID number
    QVERIFY(!twin.ok());
    QCOMPARE(twin.error().code, QStringLiteral("duplicate_in_store"));
    auto wrongClass = records.save(students, first->id, {{"class_name", std::string(60, 'x')}});  // too long
    QVERIFY(!wrongClass.ok());
    QVERIFY(records.save(students, QString(), pupil("丙", 3)).ok());
    QVERIFY(records.save(students, first->id, {{"class_name", std::string("3班")}}).ok());
    QVERIFY(records.commitBatch().ok());
    QCOMPARE(count(s, QStringLiteral("SELECT count(*) FROM students")), 2);
    QCOMPARE(count(s, QStringLiteral("SELECT count(*) FROM students WHERE class_name = '3班'")), 1);
    QCOMPARE(count(s, QStringLiteral("SELECT count(*) FROM change_log")), 3);
    QCOMPARE(count(s, QStringLiteral("SELECT max(device_seq) FROM change_log")), 3);  // no gap left by the refused
    QCOMPARE(count(s, QStringLiteral("SELECT count(*) FROM students_versions")), 1);  // 甲's, written out by its edit
}

void TestClientStore::edit_withoutChange_logsNothing()
{
    auto store = LocalStore::open(path("same.db"));
    QVERIFY(store.ok());
    testing::enrollForTest(**store);
    StudentRepository students(**store);
    auto saved = students.add(testing::pupil(QStringLiteral("王五"), 5));
    QVERIFY(saved.ok());
    auto edited = students.edit(saved->id, {{QStringLiteral("性别"), QStringLiteral("1")}});
    QVERIFY(edited.ok());
    QCOMPARE(edited->deviceSeq, 0u);
    QCOMPARE(ChangeLog((*store)->db()).pendingCount(), 1);
}

void TestClientStore::add_invalidIdNumber_isNeverSaved()
{
    auto store = LocalStore::open(path("bad.db"));
    QVERIFY(store.ok());
    testing::enrollForTest(**store);
    StudentRepository students(**store);
    auto raw = testing::pupil(QStringLiteral("赵六"), 7);
    QString id = raw.value(QStringLiteral("身份证件号"));
    id[17] = id[17] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');  // wrong check character
    raw[QStringLiteral("身份证件号")] = id;
    auto saved = students.add(raw);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().kind, ErrorKind::Invalid);
    QCOMPARE(saved.error().code, QStringLiteral("id_check_character"));
    QCOMPARE(count(**store, QStringLiteral("SELECT count(*) FROM students")), 0);
    QCOMPARE(ChangeLog((*store)->db()).pendingCount(), 0);

    // Nor can an edit make a saved pupil's number invalid.
    auto good = students.add(testing::pupil(QStringLiteral("赵六"), 7));
    QVERIFY(good.ok());
    auto bad = students.edit(good->id, {{QStringLiteral("身份证件号"), id}});
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().kind, ErrorKind::Invalid);
    QCOMPARE(ChangeLog((*store)->db()).pendingCount(), 1);
}

void TestClientStore::add_duplicateIdNumber_rollsBackEverything()
{
    auto store = LocalStore::open(path("dup.db"));
    QVERIFY(store.ok());
    testing::enrollForTest(**store);
    StudentRepository students(**store);
    QVERIFY(students.add(testing::pupil(QStringLiteral("甲"), 9)).ok());
    auto again = students.add(testing::pupil(QStringLiteral("乙"), 9));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, QStringLiteral("duplicate_in_store"));
    QCOMPARE(count(**store, QStringLiteral("SELECT count(*) FROM students")), 1);
    QCOMPARE(count(**store, QStringLiteral("SELECT count(*) FROM students_versions")), 0);  // new rows have none
    QCOMPARE(ChangeLog((*store)->db()).pendingCount(), 1);
}

void TestClientStore::save_referenceToAnotherSchoolsOrMissingRow_neverSaved()
{
    auto store = LocalStore::open(path("ref.db"));
    QVERIFY(store.ok());
    testing::enrollForTest(**store);
    auto own = StudentRepository(**store).add(testing::pupil(QStringLiteral("钱七"), 11));
    QVERIFY(own.ok());
    // What is left here of a pupil who moved to another school.
    QVERIFY(Sql((*store)->db(), QStringLiteral("UPDATE students SET school_id = 'school-elsewhere' WHERE id = ?"))
                .bind(own->id)
                .exec());
    const schema::Table &changes = *schema::findTable("status_changes");
    RecordStore records(**store);
    const int before = ChangeLog((*store)->db()).pendingCount();
    for (const QString &pupil : {own->id, QStringLiteral("0190a0a0-0000-7000-8000-000000000000")}) {
        const validate::Record change{{"student_id", pupil.toStdString()},
                                      {"kind", std::string("08")},
                                      {"change_date", std::string("2026-03-01")},
                                      {"approval", std::string("0")}};
        auto saved = records.save(changes, {}, change);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code, QStringLiteral("foreign_reference"));
    }
    QCOMPARE(count(**store, QStringLiteral("SELECT count(*) FROM status_changes")), 0);
    QCOMPARE(ChangeLog((*store)->db()).pendingCount(), before);
}

void TestClientStore::edit_reviewedStatus_refusedBeforeSaving()
{
    auto store = LocalStore::open(path("status.db"));
    QVERIFY(store.ok());
    testing::enrollForTest(**store);
    auto added = StudentRepository(**store).add(testing::pupil(QStringLiteral("孙八"), 12));
    QVERIFY(added.ok());
    auto edited = RecordStore(**store).save(*schema::findTable("students"), added->id, {{"status", std::string("2")}});
    QVERIFY(!edited.ok());
    QCOMPARE(edited.error().code, QStringLiteral("status_by_review"));
    QCOMPARE(ChangeLog((*store)->db()).pendingCount(), 1);
}

void TestClientStore::add_beforeEnrollment_isRefused()
{
    auto store = LocalStore::open(path("noenroll.db"));
    QVERIFY(store.ok());
    auto saved = StudentRepository(**store).add(testing::pupil(QStringLiteral("丙"), 11));
    QVERIFY(!saved.ok());
    QVERIFY(saved.error().message.contains(QLatin1String("enroll")));
}

void TestClientStore::remove_logsTombstone()
{
    auto store = LocalStore::open(path("rm.db"));
    QVERIFY(store.ok());
    testing::enrollForTest(**store);
    StudentRepository students(**store);
    auto saved = students.add(testing::pupil(QStringLiteral("丁"), 13));
    QVERIFY(saved.ok());
    auto removed = students.remove(saved->id);
    QVERIFY(removed.ok());
    QCOMPARE(removed->deviceSeq, 2u);
    auto change = ChangeLog((*store)->db()).bySeq(2);
    QVERIFY(change.ok() && change->deleted());
    QCOMPARE(change->fields_size(), 0);
    auto list = students.list();
    QVERIFY(list.ok() && list->empty());
}

void TestClientStore::clock_restoredAfterReopen()
{
    QString first;
    {
        auto store = LocalStore::open(path("clock.db"));
        QVERIFY(store.ok());
        testing::enrollForTest(**store);
        // A stamp from the future (a remote device's clock ahead of ours, within the skew).
        (*store)->clock().receive(sync::Hlc{sync::systemNowMs() + 60000, 5, "other"});
        auto saved = StudentRepository(**store).add(testing::pupil(QStringLiteral("戊"), 15));
        QVERIFY(saved.ok());
        first = StudentRepository(**store).get(saved->id)->value().hlc;
    }
    auto store = LocalStore::open(path("clock.db"));
    QVERIFY(store.ok());
    const sync::Hlc next = (*store)->clock().tick();
    QVERIFY2(QString::fromStdString(next.toText()) > first, qPrintable(first));
    QCOMPARE(next.device, std::string("device-a"));
}

void TestClientStore::clock_secondConnectionStampsAfterFirstOnesReceipts()
{
    // The sync thread's connection receives a stamp from a clock ahead of ours; the form's
    // connection, open all along, must still stamp its next save after it.
    auto syncSide = LocalStore::open(path("two.db"));
    QVERIFY(syncSide.ok());
    testing::enrollForTest(**syncSide);
    auto formSide = LocalStore::open(path("two.db"));
    QVERIFY(formSide.ok());
    const sync::Hlc remote{sync::systemNowMs() + 120000, 7, "device-b"};
    (*syncSide)->clock().receive(remote);
    QVERIFY((*syncSide)->saveClock().ok());
    auto saved = StudentRepository(**formSide).add(testing::pupil(QStringLiteral("己"), 17));
    QVERIFY(saved.ok());
    const QString stamp = StudentRepository(**formSide).get(saved->id)->value().hlc;
    QVERIFY2(stamp > QString::fromStdString(remote.toText()), qPrintable(stamp));
    // And the older connection's save of its clock never lowers what is stored.
    QVERIFY((*syncSide)->saveClock().ok());
    Sql q((*formSide)->db(), QStringLiteral("SELECT last_hlc FROM sync_state"));
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString(), stamp);
}

void TestClientStore::resolveField_byLabelNameAndAlias()
{
    auto store = LocalStore::open(path("labels.db"));
    QVERIFY(store.ok());
    StudentRepository students(**store);
    QCOMPARE(students.resolveField(QStringLiteral("姓名"))->name, std::string("name"));
    QCOMPARE(students.resolveField(QStringLiteral("id_number"))->name, std::string("id_number"));
    QCOMPARE(students.resolveField(QStringLiteral("身份证号"))->name, std::string("id_number"));
    QCOMPARE(students.resolveField(QStringLiteral("Birth Date"))->name, std::string("birth_date"));
    QVERIFY(!students.resolveField(QStringLiteral("no such field")));
}

QTEST_GUILESS_MAIN(TestClientStore)
#include "tst_client_store.moc"
