#include "store/Migrations.h"

#include "schema/SqlGen.h"
#include "store/Sql.h"
#include "store/SqlValue.h"
#include "store/Transaction.h"
#include "validate/FieldRules.h"

#include <QCoreApplication>
#include <QSet>

#include <functional>
#include <vector>

namespace emis::client {
namespace {

Status createMetaTables(const QSqlDatabase &db)
{
    const char *statements[] = {
        // One row per change the device made, in the order it made them. `fields` named the
        // changed fields (space separated) until base_hlcs (migration 3) came to name them with
        // their bases; it is written empty now.
        "CREATE TABLE change_log (\n"
        "  device_seq INTEGER PRIMARY KEY,\n"
        "  tbl TEXT NOT NULL,\n"
        "  row_id TEXT NOT NULL,\n"
        "  fields TEXT NOT NULL,\n"
        "  change BLOB NOT NULL,\n"
        "  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent')),\n"
        "  created_ms INTEGER NOT NULL)",
        "CREATE INDEX change_log_pending ON change_log (state, tbl, row_id)",
        "CREATE TABLE sync_state (\n"
        "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
        "  device_id TEXT NOT NULL DEFAULT '',\n"
        "  school_id TEXT NOT NULL DEFAULT '',\n"
        "  school_code TEXT NOT NULL DEFAULT '',\n"
        "  school_name TEXT NOT NULL DEFAULT '',\n"
        "  server TEXT NOT NULL DEFAULT '',\n"
        "  pull_cursor INTEGER NOT NULL DEFAULT 0,\n"
        "  watermark INTEGER NOT NULL DEFAULT 0,\n"
        "  last_sync_ms INTEGER NOT NULL DEFAULT 0,\n"
        "  last_error TEXT NOT NULL DEFAULT '',\n"
        "  last_hlc TEXT NOT NULL DEFAULT '')",
        "INSERT INTO sync_state (id) VALUES (1)",
        "CREATE TABLE rejections (\n"
        "  id INTEGER PRIMARY KEY,\n"
        "  device_seq INTEGER NOT NULL,\n"
        "  tbl TEXT NOT NULL,\n"
        "  row_id TEXT NOT NULL,\n"
        "  field TEXT NOT NULL,\n"
        "  code TEXT NOT NULL,\n"
        "  message_zh TEXT NOT NULL,\n"
        "  message_en TEXT NOT NULL,\n"
        "  created_ms INTEGER NOT NULL,\n"
        "  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved', 'discarded')),\n"
        "  closed_ms INTEGER,\n"
        "  note TEXT NOT NULL DEFAULT '',\n"
        "  UNIQUE (device_seq, field))",
        // origin: 'local' when a pull met an unacknowledged local change, 'server' when a PushAck
        // reported it. Values are serialized emis.wire.FieldValue messages.
        "CREATE TABLE conflicts (\n"
        "  id INTEGER PRIMARY KEY,\n"
        "  origin TEXT NOT NULL,\n"
        "  tbl TEXT NOT NULL,\n"
        "  row_id TEXT NOT NULL,\n"
        "  field TEXT NOT NULL,\n"
        "  winner BLOB NOT NULL,\n"
        "  winner_hlc TEXT NOT NULL,\n"
        "  loser BLOB NOT NULL,\n"
        "  loser_hlc TEXT NOT NULL,\n"
        "  device_seq INTEGER NOT NULL DEFAULT 0,\n"
        "  created_ms INTEGER NOT NULL,\n"
        "  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved', 'discarded')),\n"
        "  closed_ms INTEGER,\n"
        "  note TEXT NOT NULL DEFAULT '',\n"
        "  UNIQUE (tbl, row_id, field, winner_hlc, loser_hlc))",
    };
    for (const char *s : statements)
        if (auto st = execSql(db, QString::fromUtf8(s)); !st)
            return st;
    return Ok{};
}

// Rows pulled that this program could not hold whole (a table or a field of a newer schema),
// kept as they came until an upgraded program applies them (RemoteMerge::replayParked).
Status addParkedRows(const QSqlDatabase &db)
{
    return execSql(db, QStringLiteral("CREATE TABLE parked_rows (\n"
                                      "  id INTEGER PRIMARY KEY,\n"
                                      "  tbl TEXT NOT NULL,\n"
                                      "  row_id TEXT NOT NULL,\n"
                                      "  schema_version INTEGER NOT NULL,\n"
                                      "  row BLOB NOT NULL)"));
}

// What went on the wire, and what the server acknowledged, are each a prefix of the log
// (batches go out in seq order; an ack covers every change up to its watermark), so a number
// in sync_state says each: marking a batch no longer rewrites each of its change_log rows, blob
// and all, and its index entries. The per-row columns stay, unwritten, for the stores that have
// them; the index on them goes, and one finds a row's changes instead.
Status addLogMarks(const QSqlDatabase &db)
{
    for (const char *sql : {"ALTER TABLE sync_state ADD COLUMN attempted_through INTEGER NOT NULL DEFAULT 0",
                            "ALTER TABLE sync_state ADD COLUMN sent_through INTEGER NOT NULL DEFAULT 0",
                            "UPDATE sync_state SET "
                            "attempted_through = (SELECT coalesce(max(device_seq), 0) FROM change_log WHERE attempted = 1), "
                            "sent_through = (SELECT coalesce(max(device_seq), 0) FROM change_log WHERE state = 'sent')",
                            "DROP INDEX IF EXISTS change_log_pending",
                            "CREATE INDEX change_log_row ON change_log (tbl, row_id, device_seq)"})
        if (auto st = execSql(db, QString::fromLatin1(sql)); !st)
            return st;
    return Ok{};
}

struct Migration {
    int version;
    std::function<Status(const QSqlDatabase &)> run;
};

// Each change remembers the version of each field it overwrote (its base), so a pull can tell
// a write the device had already seen from one made concurrently.
Status addBaseVersions(const QSqlDatabase &db)
{
    return execSql(db, QStringLiteral("ALTER TABLE change_log ADD COLUMN base_hlcs TEXT NOT NULL DEFAULT ''"));
}

// A change is marked attempted before it first goes on the wire. A seq the server holds that
// was never attempted here cannot be this change: the log was restored from an older copy.
// Changes logged before this layout are taken as genuine.
Status addAttempted(const QSqlDatabase &db)
{
    if (auto st = execSql(db, QStringLiteral("ALTER TABLE change_log ADD COLUMN attempted INTEGER NOT NULL DEFAULT 0"));
        !st)
        return st;
    return execSql(db, QStringLiteral("UPDATE change_log SET attempted = 1"));
}

// Which server feed the pull cursor counts in: a server restored from a backup starts another.
Status addFeedEpoch(const QSqlDatabase &db)
{
    return execSql(db, QStringLiteral("ALTER TABLE sync_state ADD COLUMN feed_epoch TEXT NOT NULL DEFAULT ''"));
}

const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> all = {
        {1, createMetaTables},
        {2, syncRecordTables},
        {3, addBaseVersions},
        {4, addAttempted},
        {5, addFeedEpoch},
        {6, addParkedRows},
        {7, addLogMarks},
    };
    return all;
}

Result<int> userVersion(const QSqlDatabase &db)
{
    Sql q(db, QStringLiteral("PRAGMA user_version"));
    if (auto st = q.exec(); !st)
        return st.error();
    return q.next() ? q.value(0).toInt() : 0;
}

QSet<QString> columnsOf(const QSqlDatabase &db, const std::string &table)
{
    QSet<QString> out;
    Sql q(db, QStringLiteral("SELECT name FROM pragma_table_info(?)"));
    q.bind(qs(table));
    if (q.exec())
        while (q.next())
            out.insert(q.value(0).toString());
    return out;
}

Status addMissingColumns(const QSqlDatabase &db, const std::string &table, const std::vector<std::string> &defs)
{
    const QSet<QString> have = columnsOf(db, table);
    for (const auto &def : defs) {
        const std::string name = def.substr(0, def.find(' '));
        if (!have.contains(qs(name)))
            if (auto st = execSql(db, qs("ALTER TABLE " + table + " ADD COLUMN " + def)); !st)
                return st;
    }
    return Ok{};
}

// Text kept from before a field became a code (学历, 职称, 政治面貌): mapped to its code where the
// code table names it, the same way the server maps its copy, so nothing goes on the wire;
// anything else stays for the clerk to correct. A pending change still holding the text is
// mapped by the server on arrival.
Status recodeLegacyText(const QSqlDatabase &db, const schema::Table &table)
{
    for (const auto &f : table.fields) {
        if (!f.codedSince)
            continue;
        std::vector<std::pair<QString, std::string>> updates;
        Sql q(db, qs(schema::uncodedRowsQuery(table, f)));
        if (auto st = q.exec(); !st)
            return st;
        while (q.next())
            if (auto code = validate::recodedText(f, Value{q.value(1).toString().toStdString()}))
                updates.emplace_back(q.value(0).toString(), *code);
        for (const auto &[id, code] : updates) {
            Sql u(db, qs("UPDATE " + table.name + " SET " + f.name + " = ? WHERE id = ?"));
            if (auto st = u.bind(qs(code)).bind(id).exec(); !st)
                return st;
        }
    }
    return Ok{};
}

} // namespace

Status syncRecordTables(const QSqlDatabase &db)
{
    for (const auto &table : schema::tables()) {
        for (const auto &statement : schema::createTableStatements(table))
            if (auto st = execSql(db, qs(statement)); !st)
                return st;
        // A field added to an existing table: added as a nullable column (SQLite cannot add a
        // NOT NULL column without a default); validation still requires it on save.
        std::vector<std::string> rowColumns, versionColumns;
        for (const auto &f : table.fields) {
            rowColumns.push_back(f.name + " " + schema::sqlType(f));
            versionColumns.push_back(schema::versionHlcColumn(f) + " TEXT");
            versionColumns.push_back(schema::versionSeqColumn(f) + " INTEGER");
        }
        if (auto st = addMissingColumns(db, table.name, rowColumns); !st)
            return st;
        if (auto st = addMissingColumns(db, schema::versionsTable(table), versionColumns); !st)
            return st;
        if (auto st = recodeLegacyText(db, table); !st)
            return st;
    }
    return Ok{};
}

Status migrate(const QSqlDatabase &db)
{
    auto current = userVersion(db);
    if (!current)
        return current.error();
    if (*current > kStoreVersion)
        return makeError(ErrorKind::Other,
                         QCoreApplication::translate("emis::client::Migrations",
                                                     "The local database was written by a newer version "
                                                     "(layout %1, this program knows %2).")
                             .arg(*current)
                             .arg(kStoreVersion));
    for (const auto &m : migrations()) {
        if (m.version <= *current)
            continue;
        Transaction tx(db);
        if (auto st = m.run(db); !st)
            return st;
        if (auto st = execSql(db, QStringLiteral("PRAGMA user_version = %1").arg(m.version)); !st)
            return st;
        if (!tx.commit())
            return makeError(ErrorKind::Other, QStringLiteral("commit failed"));
    }
    Transaction tx(db);
    if (auto st = syncRecordTables(db); !st)
        return st;
    tx.commit();
    return Ok{};
}

} // namespace emis::client
