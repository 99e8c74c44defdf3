#include "store/Migrations.h"

#include "schema/SqlGen.h"
#include "store/ReportSummary.h"
#include "store/SqliteDb.h"
#include "store/SqliteSavepoint.h"
#include "store/SqliteStatement.h"
#include "store/SqliteTransaction.h"
#include "validate/FieldRules.h"

#include <set>
#include <string>
#include <vector>

namespace emis::server {
namespace {

// Migration N takes the store from version N-1 to N. Append; never edit one that has shipped.
const std::vector<std::vector<std::string>> &migrations()
{
    static const std::vector<std::vector<std::string>> all = {
        {
            "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
            "CREATE TABLE devices (id TEXT PRIMARY KEY NOT NULL, school_id TEXT NOT NULL, name TEXT NOT NULL "
            "DEFAULT '', cert_serial TEXT NOT NULL DEFAULT '', enrolled_ms INTEGER NOT NULL, revoked_ms INTEGER, "
            "last_seen_ms INTEGER)",
            "CREATE TABLE enroll_codes (code_hash TEXT PRIMARY KEY NOT NULL, school_id TEXT NOT NULL, "
            "created_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL, used_ms INTEGER, device_id TEXT)",
            "CREATE TABLE watermarks (device_id TEXT PRIMARY KEY NOT NULL, seq INTEGER NOT NULL)",
            "CREATE TABLE feed (seq INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT NOT NULL, row_id TEXT NOT NULL, "
            "school_id TEXT NOT NULL, UNIQUE (tbl, row_id))",
            "CREATE INDEX feed_by_school ON feed (school_id, seq)",
            "CREATE TABLE rejections (device_id TEXT NOT NULL, device_seq INTEGER NOT NULL, tbl TEXT NOT NULL, "
            "row_id TEXT NOT NULL, field TEXT NOT NULL, code TEXT NOT NULL, message_zh TEXT NOT NULL, "
            "message_en TEXT NOT NULL, at_ms INTEGER NOT NULL, PRIMARY KEY (device_id, device_seq))",
            "CREATE TABLE conflicts (id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, row_id TEXT NOT NULL, "
            "field TEXT NOT NULL, winner_value, winner_hlc TEXT NOT NULL, loser_value, loser_hlc TEXT NOT NULL, "
            "device_id TEXT NOT NULL, device_seq INTEGER NOT NULL, at_ms INTEGER NOT NULL, "
            "resolved INTEGER NOT NULL DEFAULT 0)",
            "CREATE INDEX conflicts_by_device ON conflicts (device_id, device_seq)",
            "CREATE TABLE audit (id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, actor TEXT NOT NULL, "
            "school_id TEXT NOT NULL DEFAULT '', action TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '')",
            "CREATE INDEX audit_by_time ON audit (at_ms)",
        },
        {
            "CREATE TABLE users (name TEXT PRIMARY KEY NOT NULL, display_name TEXT NOT NULL DEFAULT '', "
            "role TEXT NOT NULL CHECK (role IN ('admin', 'enrolment', 'staffing', 'inspector')), "
            "password_hash TEXT NOT NULL, failures INTEGER NOT NULL DEFAULT 0, locked INTEGER NOT NULL DEFAULT 0, "
            "created_ms INTEGER NOT NULL, last_login_ms INTEGER)",
        },
        {
            // A row a second school may see besides its owner (a transfer: the sending school).
            "ALTER TABLE feed ADD COLUMN reader_id TEXT NOT NULL DEFAULT ''",
            "CREATE INDEX feed_by_reader ON feed (reader_id, seq)",
        },
        {
            // The feed, lighter to write (a bulk push adds an entry per row):
            // - no AUTOINCREMENT, which updated sqlite_sequence on every insert. A new entry
            //   still takes a seq above every other: SQLite picks max(seq) + 1 before REPLACE
            //   removes the row's old entry, and nothing else deletes entries;
            // - the reader index holds only the entries that have a reader (few: transfers).
            "CREATE TABLE feed_v4 (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, row_id TEXT NOT NULL, "
            "school_id TEXT NOT NULL, reader_id TEXT NOT NULL DEFAULT '', UNIQUE (tbl, row_id))",
            "INSERT INTO feed_v4 (seq, tbl, row_id, school_id, reader_id) "
            "SELECT seq, tbl, row_id, school_id, reader_id FROM feed",
            "DROP TABLE feed",
            "ALTER TABLE feed_v4 RENAME TO feed",
            "CREATE INDEX feed_by_school ON feed (school_id, seq)",
            "CREATE INDEX feed_by_reader ON feed (reader_id, seq) WHERE reader_id <> ''",
        },
        {
            // Roles are data (schema/Roles.cpp), checked when a user is added: no CHECK list
            // that needs a rebuild for every new office.
            "CREATE TABLE users_v5 (name TEXT PRIMARY KEY NOT NULL, display_name TEXT NOT NULL DEFAULT '', "
            "role TEXT NOT NULL, password_hash TEXT NOT NULL, failures INTEGER NOT NULL DEFAULT 0, "
            "locked INTEGER NOT NULL DEFAULT 0, created_ms INTEGER NOT NULL, last_login_ms INTEGER)",
            "INSERT INTO users_v5 SELECT name, display_name, role, password_hash, failures, locked, created_ms, "
            "last_login_ms FROM users",
            "DROP TABLE users",
            "ALTER TABLE users_v5 RENAME TO users",
        },
        {
            // The device that holds an entry's row as stored (it pushed it so): not sent it back,
            // whichever session pulls (PullHandler).
            "ALTER TABLE feed ADD COLUMN holder TEXT NOT NULL DEFAULT ''",
        },
    };
    return all;
}

int userVersion(SqliteDb &db)
{
    SqliteStatement q(db, "PRAGMA user_version");
    return q.step() ? static_cast<int>(q.integer(0)) : 0;
}

// A field added to an existing table arrives as a nullable column (SQLite cannot add a NOT NULL
// column without a default), with its version columns; validation still requires it on write.
void addMissingColumns(SqliteDb &db, const schema::Table &table)
{
    const auto columnsOf = [&](const std::string &name) {
        std::set<std::string> out;
        SqliteStatement q(db, "SELECT name FROM pragma_table_info(?)");
        q.bind(1, name);
        while (q.step())
            out.insert(q.text(0));
        return out;
    };
    const auto rows = columnsOf(table.name);
    const auto versions = columnsOf(schema::versionsTable(table));
    for (const auto &f : table.fields) {
        if (!rows.count(f.name))
            db.exec("ALTER TABLE " + table.name + " ADD COLUMN " + f.name + " " + schema::sqlType(f));
        if (!versions.count(schema::versionHlcColumn(f))) {
            db.exec("ALTER TABLE " + schema::versionsTable(table) + " ADD COLUMN " + schema::versionHlcColumn(f) + " TEXT");
            db.exec("ALTER TABLE " + schema::versionsTable(table) + " ADD COLUMN " + schema::versionSeqColumn(f) +
                    " INTEGER");
        }
    }
}

// Text kept from before a field became a code (学历, 职称, 政治面貌): mapped to its code where the
// code table names it; anything else stays for the school to correct. Devices map their own
// copies the same way, so no row is rewritten on the wire.
void recodeLegacyText(SqliteDb &db, const schema::Table &table)
{
    for (const auto &f : table.fields) {
        if (!f.codedSince)
            continue;
        std::vector<std::pair<std::string, std::string>> updates;
        SqliteStatement q(db, schema::uncodedRowsQuery(table, f));
        while (q.step())
            if (auto code = validate::recodedText(f, Value{q.text(1)}))
                updates.emplace_back(q.text(0), *code);
        SqliteStatement u(db, "UPDATE " + table.name + " SET " + f.name + " = ? WHERE id = ?");
        for (const auto &[id, code] : updates) {
            u.bind(1, code).bind(2, id);
            u.step();
            u.reset();
        }
    }
}

} // namespace

void migrate(SqliteDb &db)
{
    SqliteTransaction tx(db, SqliteTransaction::Kind::Immediate);
    const int from = userVersion(db);
    if (from > kStoreVersion)
        throw SqliteError("the store was written by a newer emis-server (version " + std::to_string(from) + ")", 0);
    for (int v = from; v < kStoreVersion; ++v) {
        for (const auto &sql : migrations()[static_cast<std::size_t>(v)])
            db.exec(sql);
    }
    for (const auto &table : schema::tables()) {
        for (const auto &sql : schema::createTableStatements(table))
            db.exec(sql);
        addMissingColumns(db, table);
        recodeLegacyText(db, table);
    }
    createReportSummaries(db);
    createAssetSummary(db);
    createScoreIndex(db);
    // Every store names its feed (StoreSession::meta); a store from before this gets its name here.
    db.exec("INSERT OR IGNORE INTO meta (key, value) VALUES ('feed_epoch', lower(hex(randomblob(16))))");
    db.exec("PRAGMA user_version = " + std::to_string(kStoreVersion));
    tx.commit();
}

} // namespace emis::server
