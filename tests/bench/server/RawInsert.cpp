#include "RawInsert.h"

#include "DemoRows.h"
#include "schema/SqlGen.h"
#include "sync/Uuid.h"

#include <sqlite3.h>

#include <chrono>
#include <iostream>
#include <utility>
#include <vector>

namespace emis::bench {
namespace {

using Clock = std::chrono::steady_clock;

// The raw insert's rows, made before its clock starts, as the push's batches are: each side times
// getting rows into its store, not making them.
using RawRows = std::vector<std::pair<std::string, validate::Record>>;  // (id, values)

template <typename Source, typename ToRecord>
RawRows rawRows(const std::vector<Source> &rows, ToRecord toRecord)
{
    RawRows out;
    out.reserve(rows.size());
    for (const auto &row : rows)
        out.emplace_back(sync::newUuidV7(), toRecord(row));
    return out;
}

sqlite3 *openRaw(const std::string &path, const std::vector<const schema::Table *> &tables)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", nullptr, nullptr, nullptr);
    for (const auto *t : tables)
        for (const auto &sql : schema::createTableStatements(*t))
            sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    return db;
}

void insertAll(sqlite3 *db, const schema::Table &t, const RawRows &rows)
{
    std::string cols = "id, school_id, hlc", marks = "?, ?, ?";
    for (const auto &f : t.fields) {
        cols += ", " + f.name;
        marks += ", ?";
    }
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, ("INSERT INTO " + t.name + " (" + cols + ") VALUES (" + marks + ")").c_str(), -1, &st,
                       nullptr);
    // Bound in place (SQLITE_STATIC): the rows outlive each step.
    for (const auto &[id, r] : rows) {
        sqlite3_bind_text(st, 1, id.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, "school", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, "0000000000000-0000-bench", -1, SQLITE_STATIC);
        int i = 4;
        for (const auto &f : t.fields) {
            const auto it = r.find(f.name);
            const std::string *text = it == r.end() ? nullptr : std::get_if<std::string>(&it->second);
            const std::int64_t *number = it == r.end() ? nullptr : std::get_if<std::int64_t>(&it->second);
            if (text)
                sqlite3_bind_text(st, i, text->c_str(), static_cast<int>(text->size()), SQLITE_STATIC);
            else if (number)
                sqlite3_bind_int64(st, i, *number);
            else
                sqlite3_bind_null(st, i);
            ++i;
        }
        if (sqlite3_step(st) != SQLITE_DONE)
            std::cerr << "raw insert: " << sqlite3_errmsg(db) << "\n";
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
}

template <typename Body>
double timedTransaction(sqlite3 *db, Body body)
{
    const auto t0 = Clock::now();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    body();
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    sqlite3_close(db);
    return seconds;
}

} // namespace

double rawSqliteInsert(const demo::DemoCounty &county, const std::string &path)
{
    const schema::Table &students = *schema::findTable("students"), &staffTable = *schema::findTable("staff");
    sqlite3 *db = openRaw(path, {&students, &staffTable});
    const RawRows pupils = rawRows(county.pupils, pupilRecord);
    const RawRows staff = rawRows(county.staff, staffRecord);
    return timedTransaction(db, [&] {
        insertAll(db, students, pupils);
        insertAll(db, staffTable, staff);
    });
}

double rawSqliteInsert(const schema::Table &table, const std::vector<validate::Record> &rows, const std::string &path)
{
    sqlite3 *db = openRaw(path, {&table});
    const RawRows raw = rawRows(rows, [](const validate::Record &r) { return r; });
    return timedTransaction(db, [&] { insertAll(db, table, raw); });
}

} // namespace emis::bench
