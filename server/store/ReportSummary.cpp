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

// The key: what a report groups pupils by.
const std::vector<Column> kKeys = {
    {"school_id", "R.school_id"}, {"grade", "R.grade"},   {"class_name", "R.class_name"},
    {"sex", "R.sex"},             {"ethnicity", "COALESCE(R.ethnicity, '')"}, {"status", "R.status"},
};
// The counts: what a report adds up.
const std::vector<Column> kCounts = {
    {"pupils", "1"},
    {"left_behind", "COALESCE(R.left_behind, 0)"},
    {"migrant", "COALESCE(R.migrant, 0)"},
    {"poverty_registered", "COALESCE(R.poverty_registered, 0)"},
    {"boarding", "COALESCE(R.boarding, 0)"},
    {"no_entry_month", "(R.entry_month IS NULL OR R.entry_month = '')"},
    {"no_guardian_phone", "(R.guardian_phone IS NULL OR R.guardian_phone = '')"},
};
// The pupil's columns the summary depends on: an update touching none of them changes nothing.
const std::vector<const char *> kSources = {"school_id", "grade", "class_name", "sex", "ethnicity",
                                            "status", "deleted", "left_behind", "migrant", "poverty_registered",
                                            "boarding", "entry_month", "guardian_phone"};

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
std::string change(const std::string &row, char sign)
{
    if (sign == '+') {
        std::string set;
        for (const auto &c : kCounts)
            set += (set.empty() ? "" : ", ") + std::string(c.name) + " = " + c.name + " + excluded." + c.name;
        return "INSERT INTO report_pupils (" + list(kKeys, row, true) + ", " + list(kCounts, row, true) +
               ") VALUES (" + list(kKeys, row, false) + ", " + list(kCounts, row, false) + ") ON CONFLICT (" +
               list(kKeys, row, true) + ") DO UPDATE SET " + set + ";";
    }
    std::string set, where;
    for (const auto &c : kCounts)
        set += (set.empty() ? "" : ", ") + std::string(c.name) + " = " + c.name + " - " + over(c.expr, row);
    for (const auto &k : kKeys)
        where += (where.empty() ? "" : " AND ") + std::string(k.name) + " = " + over(k.expr, row);
    return "UPDATE report_pupils SET " + set + " WHERE " + where + ";";
}

std::string changed()
{
    std::string out;
    for (const char *c : kSources)
        out += (out.empty() ? "" : " OR ") + std::string("OLD.") + c + " IS NOT NEW." + c;
    return "(" + out + ")";
}

} // namespace

std::string reportSummaryRecountSql()
{
    std::string sums;
    for (const auto &c : kCounts)
        sums += std::string(", SUM(") + over(c.expr, "students") + ")";
    return "SELECT " + list(kKeys, "students", false) + sums + " FROM students WHERE deleted = 0 GROUP BY " +
           list(kKeys, "students", false);
}

void createReportSummary(SqliteDb &db)
{
    bool exists = false;
    {
        SqliteStatement q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'report_pupils'");
        exists = q.step();
    }
    if (exists)
        return;
    std::string columns = "school_id TEXT NOT NULL, grade INTEGER NOT NULL, class_name TEXT NOT NULL, "
                          "sex TEXT NOT NULL, ethnicity TEXT NOT NULL, status TEXT NOT NULL";
    for (const auto &c : kCounts)
        columns += std::string(", ") + c.name + " INTEGER NOT NULL";
    db.exec("CREATE TABLE report_pupils (" + columns + ", PRIMARY KEY (" + list(kKeys, "", true) +
            ")) WITHOUT ROWID");
    db.exec("INSERT INTO report_pupils " + reportSummaryRecountSql());
    db.exec("CREATE TRIGGER report_pupils_insert AFTER INSERT ON students WHEN NEW.deleted = 0 BEGIN " +
            change("NEW", '+') + " END");
    db.exec("CREATE TRIGGER report_pupils_delete AFTER DELETE ON students WHEN OLD.deleted = 0 BEGIN " +
            change("OLD", '-') + " END");
    db.exec("CREATE TRIGGER report_pupils_update_old AFTER UPDATE ON students WHEN OLD.deleted = 0 AND " + changed() +
            " BEGIN " + change("OLD", '-') + " END");
    db.exec("CREATE TRIGGER report_pupils_update_new AFTER UPDATE ON students WHEN NEW.deleted = 0 AND " + changed() +
            " BEGIN " + change("NEW", '+') + " END");
}

} // namespace emis::server
