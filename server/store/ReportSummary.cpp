#include "store/ReportSummary.h"

#include "schema/Schema.h"
#include "store/SqliteDb.h"
#include "store/SqliteStatement.h"

#include <algorithm>
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

// The expression over the pupil row `row` (a table or NEW or OLD: R.grade is NEW.grade).
std::string over(const char *expr, const std::string &row)
{
    std::string out(expr);
    for (std::size_t at = out.find("R."); at != std::string::npos; at = out.find("R.", at + row.size()))
        out.replace(at, 1, row);
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

void create(SqliteDb &db, const Summary &m)
{
    // Stores made before inserts were counted by PendingCounts have a trigger for them.
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

namespace {

// `expr` over the pupil's values bound by number: R.grade is ?N, N the place of grade in `columns`, 1-based.
std::string overBound(const char *expr, const std::vector<std::string> &columns)
{
    std::string out;
    for (const char *at = expr; *at;) {
        if (at[0] != 'R' || at[1] != '.') {
            out += *at++;
            continue;
        }
        at += 2;
        std::string name;
        while (*at == '_' || (*at >= 'a' && *at <= 'z'))
            name += *at++;
        const auto it = std::find(columns.begin(), columns.end(), name);
        out += "?" + std::to_string(it - columns.begin() + 1);
    }
    return out;
}

// What PendingCounts runs, built once from the summaries.
struct CountSql {
    std::vector<std::string> columns;  // every summary's sources, bound ?1, ?2, ... in this order
    std::vector<int> fieldOf;          // per column, its field in `students`, or -1 (school_id, deleted)
    // One row: per summary, whether the pupil counts (0/1), its key values and its counts.
    std::string share;
    std::vector<std::string> add;  // adds counts to a summary row, its keys and counts bound in order
};

const CountSql &countSql()
{
    static const CountSql sql = [] {
        CountSql out;
        const schema::Table &students = *schema::findTable("students");
        for (const auto &m : summaries())
            for (const char *column : m.sources)
                if (std::find(out.columns.begin(), out.columns.end(), column) == out.columns.end()) {
                    out.columns.emplace_back(column);
                    out.fieldOf.push_back(students.fieldIndex(column));
                }
        for (const auto &m : summaries()) {
            out.share += (out.share.empty() ? "SELECT " : ", ") + overBound(m.when, out.columns);
            for (const auto *part : {&m.keys, &m.counts})
                for (const auto &c : *part)
                    out.share += ", " + overBound(c.expr, out.columns);
            std::string set, marks;
            for (const auto &c : m.counts)
                set += (set.empty() ? "" : ", ") + std::string(c.name) + " = " + c.name + " + excluded." + c.name;
            for (std::size_t i = 0; i < m.keys.size() + m.counts.size(); ++i)
                marks += i ? ", ?" : "?";
            out.add.push_back(std::string("INSERT INTO ") + m.table + " (" + list(m.keys, "", true) + ", " +
                              list(m.counts, "", true) + ") VALUES (" + marks + ") ON CONFLICT (" +
                              list(m.keys, "", true) + ") DO UPDATE SET " + set);
        }
        return out;
    }();
    return sql;
}

} // namespace

void PendingCounts::add(SqliteDb &db, const std::string &schoolId, bool deleted, const FieldValue &valueOf)
{
    const CountSql &sql = countSql();
    SqliteStatement q(db, sql.share);
    // Bound without copies: the values outlive the statement's step below.
    for (std::size_t i = 0; i < sql.columns.size(); ++i) {
        const int index = static_cast<int>(i) + 1;
        if (sql.fieldOf[i] >= 0) {
            const Value *v = valueOf(static_cast<std::size_t>(sql.fieldOf[i]));
            if (v)
                q.bindView(index, *v);
            else
                q.bindNull(index);
        } else if (sql.columns[i] == schema::kOwnerColumn) {
            q.bindView(index, schoolId);
        } else {
            q.bind(index, std::int64_t{deleted ? 1 : 0});
        }
    }
    if (!q.step())
        return;
    int column = 0;
    for (std::size_t s = 0; s < summaries().size(); ++s) {
        const Summary &m = summaries()[s];
        if (q.integer(column++) == 0) {
            column += static_cast<int>(m.keys.size() + m.counts.size());
            continue;
        }
        std::vector<Value> key;
        key.reserve(m.keys.size());
        for (std::size_t k = 0; k < m.keys.size(); ++k)
            key.push_back(q.value(column++));
        auto [it, made] = m_rows.try_emplace({s, std::move(key)});
        if (made)
            it->second.assign(m.counts.size(), 0);
        for (std::size_t c = 0; c < m.counts.size(); ++c)
            it->second[c] += q.integer(column++);
    }
}

void PendingCounts::flush(SqliteDb &db)
{
    const CountSql &sql = countSql();
    for (const auto &[row, counts] : m_rows) {
        SqliteStatement q(db, sql.add[row.first]);
        int index = 1;
        for (const auto &value : row.second)
            q.bind(index++, value);
        for (const std::int64_t c : counts)
            q.bind(index++, c);
        q.run();
    }
    m_rows.clear();
}

} // namespace emis::server
