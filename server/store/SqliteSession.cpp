#include "store/SqliteSession.h"

#include "schema/SqlGen.h"
#include "store/ReportSummary.h"
#include "store/SqliteDb.h"
#include "store/SqliteSavepoint.h"
#include "store/SqliteStatement.h"
#include "store/SqliteTransaction.h"

#include <algorithm>
#include <unordered_map>

namespace emis::server {
namespace {

std::string placeholders(std::size_t n)
{
    std::string out;
    for (std::size_t i = 0; i < n; ++i)
        out += i ? ", ?" : "?";
    return out;
}

// How this store keeps the per-field versions (<table>_versions): <f>_hlc and <f>_seq as usual,
// except that a field whose stamp is the row's own stamp (the row's hlc column, its latest
// change) keeps NULL in <f>_hlc and only its seq. Every field of a new row carries the row's
// stamp, and the full stamp text repeated per field made the versions table four times the size
// of the records themselves. Both NULL: the field was never written. The tombstone's
// deleted_hlc is always written out.
// A row with no versions row at all was inserted whole (insertRow) and not written since: each
// field holding a value carries the row's stamp and the seq of the row's feed entry, the one
// insertRow made; NULL fields count as never written. The first change to the row writes its
// versions row out. A bulk push inserts tens of thousands of new rows, and their versions rows
// (a copy of the same stamp for every field) were about a tenth of the writer's work.

// The SQL of one record table, built once: a bulk push saves tens of thousands of rows, and
// building these strings per row cost more than some of the statements themselves.
struct TableSql {
    std::string select;          // SELECT <all columns> FROM <table>, a WHERE clause follows
    std::string selectById;      // the same, WHERE id = ?
    std::string selectVersions;  // the versions, by name: a column added later comes last
    std::string update;          // the row, when stored: the same parameters as insert
    std::string upsertVersions;  // its versions
    std::string insert;          // a new row (no versions row, see above)
};

TableSql buildSql(const schema::Table &t)
{
    std::string fields = "id, school_id, hlc, deleted";
    std::string update = "school_id = ?2, hlc = ?3, deleted = ?4";
    std::string versionColumns = "id";
    std::string versionUpdate;
    int parameter = 5;
    for (const auto &f : t.fields) {
        fields += ", " + f.name;
        update += ", " + f.name + " = ?" + std::to_string(parameter++);
        const std::string h = schema::versionHlcColumn(f);
        const std::string q = schema::versionSeqColumn(f);
        versionColumns += ", " + h + ", " + q;
        versionUpdate += h + " = excluded." + h + ", " + q + " = excluded." + q + ", ";
    }
    versionColumns += ", deleted_hlc, deleted_seq";
    versionUpdate += "deleted_hlc = excluded.deleted_hlc, deleted_seq = excluded.deleted_seq";
    const std::string versions = schema::versionsTable(t);
    const std::string insert = "INSERT INTO " + t.name + " (" + fields + ") VALUES (" +
                               placeholders(t.fields.size() + 4) + ")";
    return TableSql{
        "SELECT " + fields + " FROM " + t.name,
        "SELECT " + fields + " FROM " + t.name + " WHERE id = ?",
        "SELECT " + versionColumns + " FROM " + versions + " WHERE id = ?",
        "UPDATE " + t.name + " SET " + update + " WHERE id = ?1",
        "INSERT INTO " + versions + " (" + versionColumns + ") VALUES (" + placeholders(2 * t.fields.size() + 3) +
            ") ON CONFLICT (id) DO UPDATE SET " + versionUpdate,
        insert,
    };
}

const TableSql &sqlFor(const schema::Table &t)
{
    static const std::unordered_map<std::string, TableSql> all = [] {
        std::unordered_map<std::string, TableSql> m;
        for (const auto &table : schema::tables())
            m.emplace(table.name, buildSql(table));
        return m;
    }();
    // Only the schema's tables exist in the store.
    return all.at(t.name);
}

FieldVersion readVersion(const SqliteStatement &q, int hlcColumn)
{
    FieldVersion v;
    if (auto h = sync::Hlc::fromText(q.text(hlcColumn)))
        v.hlc = *h;
    v.seq = q.integer(hlcColumn + 1);
    return v;
}

const std::string kWhereId = " WHERE id = ?";

} // namespace

std::vector<StoredRow> SqliteSession::selectRows(const schema::Table &t, const std::string &where,
                                                 const std::vector<Value> &args)
{
    std::vector<StoredRow> rows;
    const TableSql &sql = sqlFor(t);
    SqliteStatement q(m_db, where == kWhereId ? sql.selectById : sql.select + where);
    for (std::size_t i = 0; i < args.size(); ++i)
        q.bind(static_cast<int>(i) + 1, args[i]);
    while (q.step()) {
        StoredRow r;
        r.id = q.text(0);
        r.schoolId = q.text(1);
        r.hlc = q.text(2);
        r.deleted = q.integer(3) != 0;
        for (std::size_t i = 0; i < t.fields.size(); ++i)
            r.values[t.fields[i].name] = q.value(static_cast<int>(i) + 4);
        rows.push_back(std::move(r));
    }
    for (auto &r : rows) {
        SqliteStatement v(m_db, sql.selectVersions);
        v.bind(1, r.id);
        const sync::Hlc rowHlc = sync::Hlc::fromText(r.hlc).value_or(sync::Hlc{});
        if (!v.step()) {
            // Inserted whole and not written since (the layout note above).
            SqliteStatement feed(m_db, "SELECT seq FROM feed WHERE tbl = ? AND row_id = ?");
            feed.bindView(1, t.name).bindView(2, r.id);
            const std::int64_t seq = feed.step() ? feed.integer(0) : 0;
            for (const auto &[name, value] : r.values)
                if (!std::holds_alternative<std::monostate>(value))
                    r.versions[name] = FieldVersion{rowHlc, seq};
            continue;
        }
        // Columns: id, then (<f>_hlc, <f>_seq) per field, then deleted_hlc, deleted_seq.
        for (std::size_t i = 0; i < t.fields.size(); ++i) {
            const int col = 1 + 2 * static_cast<int>(i);
            if (!v.isNull(col))
                r.versions[t.fields[i].name] = readVersion(v, col);
            else if (!v.isNull(col + 1))
                r.versions[t.fields[i].name] = FieldVersion{rowHlc, v.integer(col + 1)};
        }
        const int del = 1 + 2 * static_cast<int>(t.fields.size());
        if (!v.isNull(del))
            r.deletedVersion = readVersion(v, del);
    }
    return rows;
}

std::optional<StoredRow> SqliteSession::loadRow(const schema::Table &table, const std::string &id)
{
    auto rows = selectRows(table, kWhereId, {Value{id}});
    if (rows.empty())
        return std::nullopt;
    return std::move(rows.front());
}

std::vector<StoredRow> SqliteSession::allRows(const schema::Table &table)
{
    return selectRows(table, " ORDER BY rowid", {});
}

std::optional<StoredRow> SqliteSession::schoolByCode(const std::string &code)
{
    const auto *t = schema::findTable("schools");
    auto rows = selectRows(*t, " WHERE code = ? AND deleted = 0", {Value{code}});
    if (rows.empty())
        return std::nullopt;
    return std::move(rows.front());
}

std::vector<StoredRow> SqliteSession::rowsWhere(const schema::Table &table, const ColumnValues &equal)
{
    std::string where;
    std::vector<Value> args;
    for (const auto &[column, value] : equal) {
        const bool standard = column == schema::kIdColumn || column == schema::kOwnerColumn ||
                              column == schema::kDeletedColumn;
        if (!standard && !table.field(column))
            throw SqliteError("rowsWhere: no column " + column + " in " + table.name, 0);
        where += (where.empty() ? " WHERE " : " AND ") + column + " = ?";
        args.push_back(value);
    }
    return selectRows(table, where, args);
}

void SqliteSession::saveRow(const schema::Table &t, const StoredRow &row)
{
    const TableSql &sql = sqlFor(t);
    // Update the row, or insert it when the store does not have it yet: an insert is counted in
    // the report summaries here, not by a trigger (ReportSummary.h). An update's triggers expect
    // the pupils inserted before it counted.
    if (t.name == "students")
        m_counts.flush(m_db);
    for (const std::string *text : {&sql.update, &sql.insert}) {
        SqliteStatement q(m_db, *text);
        q.bind(1, row.id).bind(2, row.schoolId).bind(3, row.hlc).bind(4, std::int64_t{row.deleted ? 1 : 0});
        for (std::size_t i = 0; i < t.fields.size(); ++i) {
            const auto it = row.values.find(t.fields[i].name);
            q.bind(static_cast<int>(i) + 5, it == row.values.end() ? Value{} : it->second);
        }
        q.run();
        if (sqlite3_changes(m_db.handle()) > 0) {
            if (text == &sql.insert && t.name == "students")
                m_counts.add(row.schoolId, row.deleted, [&](std::size_t i) -> const Value * {
                    const auto it = row.values.find(t.fields[i].name);
                    return it == row.values.end() ? nullptr : &it->second;
                });
            break;
        }
    }

    SqliteStatement v(m_db, sql.upsertVersions);
    v.bind(1, row.id);
    const sync::Hlc rowHlc = sync::Hlc::fromText(row.hlc).value_or(sync::Hlc{});
    int index = 2;
    // A field stamped with the row's own stamp keeps only its seq (see the layout note above).
    auto bindVersion = [&](const FieldVersion *fv, bool mayShare) {
        if (fv && !fv->hlc.isZero()) {
            if (mayShare && fv->hlc == rowHlc)
                v.bindNull(index);
            else
                v.bind(index, fv->hlc.toText());
            v.bind(index + 1, fv->seq);
        } else {
            v.bindNull(index);
            v.bindNull(index + 1);
        }
        index += 2;
    };
    for (const auto &f : t.fields) {
        const auto it = row.versions.find(f.name);
        bindVersion(it == row.versions.end() ? nullptr : &it->second, true);
    }
    bindVersion(&row.deletedVersion, false);
    v.run();
}

std::int64_t SqliteSession::insertRow(const schema::Table &t, const std::string &id, const std::string &schoolId,
                                      const sync::Hlc &stamp, const std::vector<std::optional<Value>> &fields,
                                      const std::string &holder)
{
    // The row's stamp is its latest field's: the change's, unless no field was sent.
    const bool written = std::any_of(fields.begin(), fields.end(), [](const auto &f) { return f.has_value(); });
    const TableSql &sql = sqlFor(t);
    const std::string hlc = (written ? stamp : sync::Hlc{}).toText();
    const std::int64_t seq = touchFeed(t.name, id, schoolId, holder);
    // Everything bound here outlives the statements' run(): no copies (a bulk push binds ~25 values
    // a row). A parameter left unbound is NULL (SqliteStatement.h).
    SqliteStatement q(m_db, sql.insert);
    q.bindView(1, id).bindView(2, schoolId).bindView(3, hlc).bind(4, std::int64_t{0});
    for (std::size_t i = 0; i < t.fields.size() && i < fields.size(); ++i)
        if (fields[i])
            q.bindView(static_cast<int>(i) + 5, *fields[i]);
    q.run();
    // No versions row: the layout note above.
    if (t.name == "students")
        m_counts.add(schoolId, false, [&fields](std::size_t i) -> const Value * {
            return i < fields.size() && fields[i] ? &*fields[i] : nullptr;
        });
    return seq;
}

std::int64_t SqliteSession::touchFeed(const std::string &table, const std::string &rowId, const std::string &schoolId,
                                      const std::string &holder)
{
    // A row's first entry (every row of a bulk push) is a plain insert.
    {
        SqliteStatement first(m_db, "INSERT INTO feed (tbl, row_id, school_id, holder) VALUES (?, ?, ?, ?) "
                                    "ON CONFLICT (tbl, row_id) DO NOTHING");
        first.bindView(1, table).bindView(2, rowId).bindView(3, schoolId).bindView(4, holder).run();
        if (sqlite3_changes(m_db.handle()) > 0)
            return m_db.lastInsertRowId();
    }
    // REPLACE deletes the row's old entry after the new seq is chosen, so seqs only rise
    // (migration 4 in Migrations.cpp).
    // The reader is read before REPLACE deletes the old entry, so it stays with the row.
    SqliteStatement q(m_db, "INSERT OR REPLACE INTO feed (tbl, row_id, school_id, reader_id, holder) VALUES (?, ?, ?, "
                            "COALESCE((SELECT reader_id FROM feed WHERE tbl = ? AND row_id = ?), ''), ?)");
    q.bindView(1, table).bindView(2, rowId).bindView(3, schoolId).bindView(4, table).bindView(5, rowId).bindView(6, holder).run();
    return m_db.lastInsertRowId();
}

void SqliteSession::setFeedHolder(const std::string &table, const std::string &rowId, const std::string &deviceId)
{
    SqliteStatement q(m_db, "UPDATE feed SET holder = ? WHERE tbl = ? AND row_id = ?");
    q.bind(1, deviceId).bind(2, table).bind(3, rowId).run();
}

void SqliteSession::setFeedReader(const std::string &table, const std::string &rowId, const std::string &schoolId)
{
    SqliteStatement q(m_db, "UPDATE feed SET reader_id = ? WHERE tbl = ? AND row_id = ?");
    q.bind(1, schoolId).bind(2, table).bind(3, rowId).run();
}

std::vector<FeedEntry> SqliteSession::readFeed(std::int64_t cursor, const std::string &schoolId,
                                               const std::vector<std::string> &countyTables, int limit)
{
    // `reader_id <> ''` lets SQLite use the partial index of the entries that have a reader.
    // The county's own rows (school_id '') go to every reader.
    std::string sql = "SELECT seq, tbl, row_id, school_id, holder FROM feed WHERE seq > ? AND (school_id = ? OR "
                      "school_id = '' OR (reader_id = ? AND reader_id <> '')";
    if (!countyTables.empty())
        sql += " OR tbl IN (" + placeholders(countyTables.size()) + ")";
    sql += ") ORDER BY seq LIMIT ?";
    SqliteStatement q(m_db, sql);
    int i = 1;
    q.bind(i++, cursor);
    q.bind(i++, schoolId);
    q.bind(i++, schoolId);
    for (const auto &t : countyTables)
        q.bind(i++, t);
    q.bind(i, std::int64_t{limit});
    std::vector<FeedEntry> out;
    while (q.step())
        out.push_back(FeedEntry{q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4)});
    return out;
}

void SqliteSession::endJob() { m_counts.flush(m_db); }

void SqliteSession::abandonJob() { m_counts.discard(); }

std::vector<StoreSession::QueryRow> SqliteSession::query(const std::string &sql, const std::vector<Value> &params)
{
    m_counts.flush(m_db);  // the SQL may read the summaries, or change pupils
    SqliteStatement st(m_db, sql);
    for (std::size_t i = 0; i < params.size(); ++i)
        st.bind(static_cast<int>(i + 1), params[i]);
    std::vector<QueryRow> rows;
    const int columns = st.columnCount();
    while (st.step()) {
        QueryRow row;
        row.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c)
            row.push_back(st.value(c));
        rows.push_back(std::move(row));
    }
    return rows;
}

void SqliteSession::queryEach(const std::string &sql, const std::vector<Value> &params,
                              const std::function<void(QueryRow &)> &each)
{
    m_counts.flush(m_db);
    SqliteStatement st(m_db, sql);
    for (std::size_t i = 0; i < params.size(); ++i)
        st.bind(static_cast<int>(i + 1), params[i]);
    QueryRow row(static_cast<std::size_t>(st.columnCount()));
    while (st.step()) {
        for (std::size_t c = 0; c < row.size(); ++c)
            st.read(static_cast<int>(c), row[c]);
        each(row);
    }
}

} // namespace emis::server
