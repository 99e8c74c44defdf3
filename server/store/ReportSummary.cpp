#include "store/ReportSummary.h"

#include "store/SqliteDb.h"
#include "store/SqliteStatement.h"

#include <vector>

namespace emis::server {
namespace {

struct Column {
    const char *name;
    const char *expr;  // over the pupil row R
};

struct Summary {
    const char *table;
    std::vector<Column> keys;      // what a report groups by
    std::vector<Column> counts;    // what it adds up
    std::vector<const char *> sources;  // the pupil's columns it depends on
    const char *when;              // which pupil rows count, over R
    const char *extra;             // a further statement when made, or nullptr
};

const std::vector<Summary> &summaries()
{
    static const std::vector<Summary> all = {
        {"report_pupils",
         {{"school_id", "R.school_id"}, {"grade", "R.grade"}, {"class_name", "R.class_name"}, {"sex", "R.sex"},
          {"ethnicity", "COALESCE(R.ethnicity, '')"}, {"status", "R.status"}},
         {{"pupils", "1"},
          {"left_behind", "COALESCE(R.left_behind, 0)"},
          {"migrant", "COALESCE(R.migrant, 0)"},
          {"poverty_registered", "COALESCE(R.poverty_registered, 0)"},
          {"boarding", "COALESCE(R.boarding, 0)"},
          {"no_entry_month", "(R.entry_month IS NULL OR R.entry_month = '')"},
          {"no_guardian_phone", "(R.guardian_phone IS NULL OR R.guardian_phone = '')"}},
         {"school_id", "grade", "class_name", "sex", "ethnicity", "status", "deleted", "left_behind", "migrant",
          "poverty_registered", "boarding", "entry_month", "guardian_phone"},
         "R.deleted = 0",
         nullptr},
        // Holders of each ID number among the pupils who hold a place (在读, 休学): 一人一籍
        // cases are the numbers held more than once, found through the partial index.
        {"report_ids",
         {{"id_type", "R.id_type"}, {"id_number", "R.id_number"}},
         {{"holders", "1"}},
         {"id_type", "id_number", "status", "deleted"},
         "R.deleted = 0 AND R.status IN ('1', '2') AND R.id_number <> ''",
         "CREATE INDEX report_ids_shared ON report_ids (id_number) WHERE holders > 1"},
    };
    return all;
}

std::string over(const char *expr, const std::string &row)
{
    std::string out(expr);
    for (std::size_t at = out.find("R."); at != std::string::npos; at = out.find("R.", at + row.size()))
        out.replace(at, 1, row);
    return out;
}

// The expression over the pupil's values bound by name (R.grade is :grade).
std::string overParameters(const char *expr)
{
    std::string out(expr);
    for (std::size_t at = out.find("R."); at != std::string::npos; at = out.find("R.", at))
        out.replace(at, 2, ":");
    return out;
}

std::string list(const std::vector<Column> &columns, const std::string &row, bool names)
{
    std::string out;
    for (const auto &c : columns)
        out += (out.empty() ? "" : ", ") + (names ? std::string(c.name) : over(c.expr, row));
    return out;
}

// Adds (sign +) or takes away (sign -) one pupil row's share.
std::string change(const Summary &m, const std::string &row, char sign)
{
    const auto &kKeys = m.keys;
    const auto &kCounts = m.counts;
    if (sign == '+') {
        std::string set;
        for (const auto &c : kCounts)
            set += (set.empty() ? "" : ", ") + std::string(c.name) + " = " + c.name + " + excluded." + c.name;
        return std::string("INSERT INTO ") + m.table + " (" + list(kKeys, row, true) + ", " + list(kCounts, row, true) +
               ") VALUES (" + list(kKeys, row, false) + ", " + list(kCounts, row, false) + ") ON CONFLICT (" +
               list(kKeys, row, true) + ") DO UPDATE SET " + set + ";";
    }
    std::string set, where;
    for (const auto &c : kCounts)
        set += (set.empty() ? "" : ", ") + std::string(c.name) + " = " + c.name + " - " + over(c.expr, row);
    for (const auto &k : kKeys)
        where += (where.empty() ? "" : " AND ") + std::string(k.name) + " = " + over(k.expr, row);
    return std::string("UPDATE ") + m.table + " SET " + set + " WHERE " + where + ";";
}

std::string changed(const Summary &m)
{
    std::string out;
    for (const char *c : m.sources)
        out += (out.empty() ? "" : " OR ") + std::string("OLD.") + c + " IS NOT NEW." + c;
    return "(" + out + ")";
}

std::string recount(const Summary &m)
{
    std::string sums;
    for (const auto &c : m.counts)
        sums += std::string(", SUM(") + over(c.expr, "students") + ")";
    return "SELECT " + list(m.keys, "students", false) + sums + " FROM students WHERE " + over(m.when, "students") +
           " GROUP BY " + list(m.keys, "students", false);
}

// Counting a pupil inserted, with its values bound by name: whether it counts, then a plain
// UPDATE of its summary row, or an INSERT when there is none yet. Each statement writes one row
// of one table. An INSERT trigger (as UPDATE and DELETE still have) would make every pupil insert
// a statement writing several tables; with the CHECK constraints on `students`, whose functions
// may fail, SQLite then keeps a statement journal for each, and inside a group commit job's
// savepoint that journal is never cut short: every pupil's pages were written out again, and a
// bulk push cost 5-6 times a plain insert of the same rows.
struct InsertSql {
    std::string counts, update, insert;
};

InsertSql insertSql(const Summary &m)
{
    std::string set, where, values;
    for (const auto &c : m.counts)
        set += (set.empty() ? "" : ", ") + std::string(c.name) + " = " + c.name + " + " + overParameters(c.expr);
    for (const auto &k : m.keys)
        where += (where.empty() ? "" : " AND ") + std::string(k.name) + " = " + overParameters(k.expr);
    for (const auto &column : {&m.keys, &m.counts})
        for (const auto &c : *column)
            values += (values.empty() ? "" : ", ") + overParameters(c.expr);
    return {"SELECT " + overParameters(m.when), "UPDATE " + std::string(m.table) + " SET " + set + " WHERE " + where,
            "INSERT INTO " + std::string(m.table) + " (" + list(m.keys, "", true) + ", " + list(m.counts, "", true) +
                ") VALUES (" + values + ")"};
}

void bindSources(SqliteStatement &q, const Summary &m, const PupilValues &valueOf)
{
    for (const char *column : m.sources)
        q.bindNamed(std::string(":") + column, valueOf(column));
}

void create(SqliteDb &db, const Summary &m)
{
    // Stores made before inserts were counted by countInsertedPupil() have a trigger for them.
    db.exec(std::string("DROP TRIGGER IF EXISTS ") + m.table + "_insert");
    {
        SqliteStatement q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
        q.bind(1, std::string(m.table));
        if (q.step())
            return;
    }
    std::string columns;
    for (const auto &k : m.keys)
        columns += std::string(k.name) + (std::string(k.name) == "grade" ? " INTEGER" : " TEXT") + " NOT NULL, ";
    for (const auto &c : m.counts)
        columns += std::string(c.name) + " INTEGER NOT NULL, ";
    const std::string t = m.table;
    db.exec("CREATE TABLE " + t + " (" + columns + "PRIMARY KEY (" + list(m.keys, "", true) + ")) WITHOUT ROWID");
    db.exec("INSERT INTO " + t + " " + recount(m));
    if (m.extra)
        db.exec(m.extra);
    const std::string whenNew = over(m.when, "NEW"), whenOld = over(m.when, "OLD");
    db.exec("CREATE TRIGGER " + t + "_delete AFTER DELETE ON students WHEN " + whenOld + " BEGIN " +
            change(m, "OLD", '-') + " END");
    db.exec("CREATE TRIGGER " + t + "_update_old AFTER UPDATE ON students WHEN " + whenOld + " AND " + changed(m) +
            " BEGIN " + change(m, "OLD", '-') + " END");
    db.exec("CREATE TRIGGER " + t + "_update_new AFTER UPDATE ON students WHEN " + whenNew + " AND " + changed(m) +
            " BEGIN " + change(m, "NEW", '+') + " END");
}

} // namespace

std::string reportSummaryRecountSql(std::string_view table)
{
    for (const auto &m : summaries())
        if (table == m.table)
            return recount(m);
    return {};
}

void createReportSummaries(SqliteDb &db)
{
    for (const auto &m : summaries())
        create(db, m);
}

void countInsertedPupil(SqliteDb &db, const PupilValues &valueOf)
{
    static const std::vector<InsertSql> sql = [] {
        std::vector<InsertSql> all;
        for (const auto &m : summaries())
            all.push_back(insertSql(m));
        return all;
    }();
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const Summary &m = summaries()[i];
        {
            SqliteStatement counts(db, sql[i].counts);
            bindSources(counts, m, valueOf);
            if (!counts.step() || counts.integer(0) == 0)
                continue;
        }
        SqliteStatement update(db, sql[i].update);
        bindSources(update, m, valueOf);
        update.run();
        if (sqlite3_changes(db.handle()) > 0)
            continue;
        SqliteStatement insert(db, sql[i].insert);
        bindSources(insert, m, valueOf);
        insert.run();
    }
}

} // namespace emis::server
