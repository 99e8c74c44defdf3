#include "store/ReportSummary.h"

#include "schema/Schema.h"
#include "store/SqliteDb.h"
#include "store/SqliteStatement.h"

#include <cstdlib>
#include <vector>

namespace emis::server {
namespace {

// A value over one pupil row, written once: as SQL over a row (the triggers over NEW and OLD, a
// recount over the table) and in C++ over a pupil's values (PendingCounts), with the same result.
struct Expr {
    enum Kind {
        Column,        // the column as it is
        TextOrEmpty,   // COALESCE(column, '')
        NumberOrZero,  // COALESCE(column, 0)
        Blank,         // (column IS NULL OR column = ''): 1 or 0
        One,           // 1
    } kind;
    const char *column = nullptr;
};

struct Column {
    const char *name;
    Expr expr;
};

struct Summary {
    const char *table;
    std::vector<Column> keys;      // what a report groups by
    std::vector<Column> counts;    // what it adds up
    std::vector<const char *> sources;  // the pupil's columns it depends on
    // Which live pupils count: every one, or only those holding a place (在读, 休学) under an
    // ID number (status IN ('1', '2') AND id_number <> '').
    bool placeHoldersOnly;
    const char *extra;             // a further statement when made, or nullptr
};

const std::vector<Summary> &summaries()
{
    using E = Expr;
    static const std::vector<Summary> all = {
        {"report_pupils",
         {{"school_id", {E::Column, "school_id"}},
          {"grade", {E::Column, "grade"}},
          {"class_name", {E::Column, "class_name"}},
          {"sex", {E::Column, "sex"}},
          {"ethnicity", {E::TextOrEmpty, "ethnicity"}},
          {"status", {E::Column, "status"}}},
         {{"pupils", {E::One}},
          {"left_behind", {E::NumberOrZero, "left_behind"}},
          {"migrant", {E::NumberOrZero, "migrant"}},
          {"poverty_registered", {E::NumberOrZero, "poverty_registered"}},
          {"boarding", {E::NumberOrZero, "boarding"}},
          {"no_entry_month", {E::Blank, "entry_month"}},
          {"no_guardian_phone", {E::Blank, "guardian_phone"}}},
         {"school_id", "grade", "class_name", "sex", "ethnicity", "status", "deleted", "left_behind", "migrant",
          "poverty_registered", "boarding", "entry_month", "guardian_phone"},
         false,
         nullptr},
        // Holders of each ID number among the pupils who hold a place (在读, 休学): 一人一籍
        // cases are the numbers held more than once, found through the partial index.
        {"report_ids",
         {{"id_type", {E::Column, "id_type"}}, {"id_number", {E::Column, "id_number"}}},
         {{"holders", {E::One}}},
         {"id_type", "id_number", "status", "deleted"},
         true,
         "CREATE INDEX report_ids_shared ON report_ids (id_number) WHERE holders > 1"},
    };
    return all;
}

// The expression over the pupil row `row` (a table, or NEW or OLD in a trigger).
std::string over(const Expr &e, const std::string &row)
{
    const std::string c = row + "." + (e.column ? e.column : "");
    switch (e.kind) {
    case Expr::Column:
        return c;
    case Expr::TextOrEmpty:
        return "COALESCE(" + c + ", '')";
    case Expr::NumberOrZero:
        return "COALESCE(" + c + ", 0)";
    case Expr::Blank:
        return "(" + c + " IS NULL OR " + c + " = '')";
    case Expr::One:
        break;
    }
    return "1";
}

std::string when(const Summary &m, const std::string &row)
{
    std::string out = row + ".deleted = 0";
    if (m.placeHoldersOnly)
        out += " AND " + row + ".status IN ('1', '2') AND " + row + ".id_number <> ''";
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
    return "SELECT " + list(m.keys, "students", false) + sums + " FROM students WHERE " + when(m, "students") +
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
    const std::string whenNew = when(m, "NEW"), whenOld = when(m, "OLD");
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

// The UPSERT that adds counts to one summary row, its keys and counts bound in order.
const std::vector<std::string> &addSql()
{
    static const std::vector<std::string> sql = [] {
        std::vector<std::string> out;
        for (const auto &m : summaries()) {
            std::string set, marks;
            for (const auto &c : m.counts)
                set += (set.empty() ? "" : ", ") + std::string(c.name) + " = " + c.name + " + excluded." + c.name;
            for (std::size_t i = 0; i < m.keys.size() + m.counts.size(); ++i)
                marks += i ? ", ?" : "?";
            out.push_back(std::string("INSERT INTO ") + m.table + " (" + list(m.keys, "", true) + ", " +
                          list(m.counts, "", true) + ") VALUES (" + marks + ") ON CONFLICT (" +
                          list(m.keys, "", true) + ") DO UPDATE SET " + set);
        }
        return out;
    }();
    return sql;
}

// What a column holds once stored in a TEXT column: a number becomes its digits.
std::string storedText(const Value *v)
{
    if (!v)
        return {};
    if (const auto *s = std::get_if<std::string>(v))
        return *s;
    if (const auto *n = std::get_if<std::int64_t>(v))
        return std::to_string(*n);
    return {};
}

// Expr over a pupil's values, as the SQL of over() gives it.
Value evaluate(const Expr &e, const Value *v)
{
    const bool null = !v || std::holds_alternative<std::monostate>(*v);
    switch (e.kind) {
    case Expr::Column:
        return null ? Value{} : *v;
    case Expr::TextOrEmpty:
        return null ? Value{std::string()} : *v;
    case Expr::NumberOrZero:
        if (null)
            return std::int64_t{0};
        if (const auto *s = std::get_if<std::string>(v))
            return std::int64_t{std::atoll(s->c_str())};
        return *v;
    case Expr::Blank:
        return std::int64_t{null || (std::holds_alternative<std::string>(*v) && std::get<std::string>(*v).empty())};
    case Expr::One:
        break;
    }
    return std::int64_t{1};
}

std::int64_t asCount(const Value &v)
{
    if (const auto *n = std::get_if<std::int64_t>(&v))
        return *n;
    if (const auto *d = std::get_if<double>(&v))
        return static_cast<std::int64_t>(*d);
    return 0;
}

} // namespace

void PendingCounts::add(const std::string &schoolId, bool deleted, const FieldValue &valueOf)
{
    if (deleted)
        return;  // every summary counts live pupils only
    // Each summary's columns as the students table's field indexes, found once (a bulk push adds
    // every pupil): kNone for no column, kOwner for the owning school.
    constexpr int kNone = -1, kOwner = -2;
    struct Columns {
        std::vector<int> keys, counts;
    };
    static const std::vector<Columns> indexes = [] {
        const schema::Table &students = *schema::findTable("students");
        const auto indexOf = [&](const char *name) {
            if (!name)
                return kNone;
            if (name == std::string_view(schema::kOwnerColumn))
                return kOwner;
            return students.fieldIndex(name);  // -1 (kNone) when it is no field
        };
        std::vector<Columns> out;
        for (const Summary &m : summaries()) {
            Columns c;
            for (const auto &k : m.keys)
                c.keys.push_back(indexOf(k.expr.column));
            for (const auto &k : m.counts)
                c.counts.push_back(indexOf(k.expr.column));
            out.push_back(std::move(c));
        }
        return out;
    }();
    static const int status = schema::findTable("students")->fieldIndex("status");
    static const int idNumber = schema::findTable("students")->fieldIndex("id_number");
    const Value owner{schoolId};
    auto column = [&](int index) -> const Value * {
        if (index == kOwner)
            return &owner;
        return index < 0 ? nullptr : valueOf(static_cast<std::size_t>(index));
    };
    for (std::size_t s = 0; s < summaries().size(); ++s) {
        const Summary &m = summaries()[s];
        const Columns &at = indexes[s];
        if (m.placeHoldersOnly) {
            const std::string state = storedText(column(status));
            if ((state != "1" && state != "2") || storedText(column(idNumber)).empty())
                continue;
        }
        std::vector<Value> key;
        key.reserve(m.keys.size());
        for (std::size_t k = 0; k < m.keys.size(); ++k)
            key.push_back(evaluate(m.keys[k].expr, column(at.keys[k])));
        auto [it, made] = m_rows.try_emplace({s, std::move(key)});
        if (made)
            it->second.assign(m.counts.size(), 0);
        for (std::size_t c = 0; c < m.counts.size(); ++c)
            it->second[c] += asCount(evaluate(m.counts[c].expr, column(at.counts[c])));
    }
}

void PendingCounts::flush(SqliteDb &db)
{
    for (const auto &[row, counts] : m_rows) {
        SqliteStatement q(db, addSql()[row.first]);
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
