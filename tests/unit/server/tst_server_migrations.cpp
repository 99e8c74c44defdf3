#include "schema/Schema.h"
#include "store/SqliteStore.h"
#include "store/StoreSession.h"
#include "sync/Hlc.h"
#include "sync/Uuid.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace emis;
using namespace emis::server;

namespace {

void exec(sqlite3 *db, const char *sql)
{
    char *error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string what = error ? error : "?";
        sqlite3_free(error);
        QFAIL(what.c_str());
    }
}

std::string schemaSql(sqlite3 *db, const char *name)
{
    sqlite3_stmt *q = nullptr;
    sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master WHERE name = ?", -1, &q, nullptr);
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    std::string sql;
    if (sqlite3_step(q) == SQLITE_ROW)
        sql = reinterpret_cast<const char *>(sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    return sql;
}

} // namespace

// The store's own migrations (store/Migrations.cpp), on real SQLite files.
class TestServerMigrations : public QObject {
    Q_OBJECT

private slots:
    void migrate_twiceIsHarmless_newerStoreRefused();
    void migrate_feedOfVersion3_keepsEntriesAndSeqsRise();
    void migrate_fieldAddedLater_versionsStillReadByName();
    void migrate_staffFreeText_mappedToCodes_unknownTextKept();
};

void TestServerMigrations::migrate_twiceIsHarmless_newerStoreRefused()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("s.db")).toStdString();
    {
        SqliteStore store(path);
        store.write([](StoreSession &s) { s.setWatermark("d", 7); });
    }
    {
        SqliteStore again(path);
        again.read([](StoreSession &s) { QCOMPARE(s.watermark("d"), 7u); });
    }
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    QVERIFY_THROWS_EXCEPTION(std::exception, SqliteStore{path});
}

void TestServerMigrations::migrate_feedOfVersion3_keepsEntriesAndSeqsRise()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("s.db")).toStdString();
    const std::string rowA = sync::newUuidV7();
    const std::string rowB = sync::newUuidV7();
    {
        SqliteStore store(path);
        store.write([&](StoreSession &s) {
            s.touchFeed("classes", rowA, "school-a");
            s.touchFeed("classes", rowB, "school-a");
            s.setFeedReader("classes", rowB, "school-b");
            s.touchFeed("classes", rowA, "school-a");  // its seq is now the highest
        });
    }
    // The same entries in the feed as versions 1 to 3 made it.
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    exec(db, "CREATE TABLE feed_v3 (seq INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT NOT NULL, row_id TEXT NOT NULL, "
             "school_id TEXT NOT NULL, reader_id TEXT NOT NULL DEFAULT '', UNIQUE (tbl, row_id))");
    exec(db, "INSERT INTO feed_v3 SELECT seq, tbl, row_id, school_id, reader_id FROM feed");
    exec(db, "DROP TABLE feed");
    exec(db, "ALTER TABLE feed_v3 RENAME TO feed");
    exec(db, "CREATE INDEX feed_by_school ON feed (school_id, seq)");
    exec(db, "CREATE INDEX feed_by_reader ON feed (reader_id, seq)");
    exec(db, "PRAGMA user_version = 3");
    sqlite3_close(db);

    SqliteStore store(path);
    std::int64_t last = 0;
    store.read([&](StoreSession &s) {
        const auto own = s.readFeed(0, "school-a", {}, 100);
        QCOMPARE(own.size(), std::size_t(2));
        QCOMPARE(own.back().rowId, rowA);
        last = own.back().seq;
        const auto read = s.readFeed(0, "school-b", {}, 100);  // the reader kept
        QCOMPARE(read.size(), std::size_t(1));
        QCOMPARE(read.front().rowId, rowB);
    });
    // Touching the entry with the highest seq moves it higher still: a cursor never misses it.
    std::int64_t again = 0;
    store.write([&](StoreSession &s) { again = s.touchFeed("classes", rowA, "school-a"); });
    QVERIFY(again > last);
    store.write([&](StoreSession &s) { s.touchFeed("classes", rowB, "school-a"); });
    store.read([&](StoreSession &s) {
        const auto after = s.readFeed(last, "school-b", {}, 100);
        QCOMPARE(after.size(), std::size_t(1));  // still addressed to school B after the touch
        QVERIFY(after.front().seq > again);
    });
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    QVERIFY(schemaSql(db, "feed").find("AUTOINCREMENT") == std::string::npos);
    QVERIFY(schemaSql(db, "feed_by_reader").find("WHERE reader_id <> ''") != std::string::npos);
    sqlite3_close(db);
}

void TestServerMigrations::migrate_fieldAddedLater_versionsStillReadByName()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("s.db")).toStdString();
    const schema::Table &classes = *schema::findTable("classes");
    const sync::Hlc made{1000, 0, "device-a"};
    StoredRow row;
    row.id = sync::newUuidV7();
    row.schoolId = "school-a";
    row.hlc = made.toText();
    for (const auto &f : classes.fields)
        row.values[f.name] = Value{};
    row.values["grade"] = Value{std::int64_t{3}};
    row.values["name"] = Value{std::string("三(1)班")};
    row.values["head_teacher"] = Value{std::string("李老师")};
    {
        SqliteStore store(path);
        store.write([&](StoreSession &s) {
            const std::int64_t seq = s.touchFeed(classes.name, row.id, row.schoolId);
            for (const char *name : {"grade", "name"})
                row.versions[name] = FieldVersion{made, seq};
            row.versions["head_teacher"] = FieldVersion{sync::Hlc{900, 0, "device-b"}, seq};
            s.saveRow(classes, row);
        });
    }
    // A store made before classes had an entry year: migrating adds its version columns, and
    // SQLite puts them after every other column.
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    exec(db, "ALTER TABLE classes_versions DROP COLUMN entry_year_hlc");
    exec(db, "ALTER TABLE classes_versions DROP COLUMN entry_year_seq");
    sqlite3_close(db);

    SqliteStore store(path);
    store.read([&](StoreSession &s) {
        const auto loaded = s.loadRow(classes, row.id);
        QVERIFY(loaded);
        QCOMPARE(loaded->versions.size(), std::size_t(3));
        QVERIFY(!loaded->versions.count("entry_year"));
        QCOMPARE(loaded->versions.at("head_teacher").hlc, row.versions.at("head_teacher").hlc);
        QCOMPARE(loaded->versions.at("head_teacher").seq, row.versions.at("head_teacher").seq);
        QVERIFY(loaded->deletedVersion.hlc.isZero());
    });
}

// 学历, 职称 and 政治面貌 were free text before schema version 4: a store of then maps what a code
// table names at start, and keeps the rest as it was for the school to correct.
void TestServerMigrations::migrate_staffFreeText_mappedToCodes_unknownTextKept()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("s.db")).toStdString();
    const schema::Table &staff = *schema::findTable("staff");
    const auto member = [&](const char *name, const char *idNumber, const char *education, const char *title,
                            const char *political) {
        StoredRow row;
        row.id = sync::newUuidV7();
        row.schoolId = "school-a";
        row.hlc = sync::Hlc{1000, 0, "device-a"}.toText();
        for (const auto &f : staff.fields)
            row.values[f.name] = Value{};
        row.values["name"] = Value{std::string(name)};
        row.values["sex"] = Value{std::string("1")};
        row.values["id_type"] = Value{std::string("1")};
        row.values["id_number"] = Value{std::string(idNumber)};
        row.values["post_category"] = Value{std::string("1")};
        row.values["education"] = Value{std::string(education)};
        row.values["title"] = Value{std::string(title)};
        row.values["political"] = Value{std::string(political)};
        return row;
    };
    const StoredRow known = member("甲", "36042919800101001X", "本科", "中学一级教师", "中共党员");
    const StoredRow unknown = member("乙", "360429198001010028", "大专在读", "31", "群众");
    {
        SqliteStore store(path);
        store.write([&](StoreSession &s) {
            s.saveRow(staff, known);
            s.saveRow(staff, unknown);
        });
    }
    SqliteStore store(path);
    store.read([&](StoreSession &s) {
        const auto a = s.loadRow(staff, known.id);
        const auto b = s.loadRow(staff, unknown.id);
        QVERIFY(a && b);
        QCOMPARE(displayText(a->values.at("education")), std::string("21"));
        QCOMPARE(displayText(a->values.at("title")), std::string("31"));
        QCOMPARE(displayText(a->values.at("political")), std::string("01"));
        QCOMPARE(a->hlc, known.hlc);  // mapped in place: no new write to sync
        QCOMPARE(displayText(b->values.at("education")), std::string("大专在读"));
        QCOMPARE(displayText(b->values.at("title")), std::string("31"));
        QCOMPARE(displayText(b->values.at("political")), std::string("13"));
    });
}

QTEST_GUILESS_MAIN(TestServerMigrations)
#include "tst_server_migrations.moc"
