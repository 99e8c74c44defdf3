// report_assets: the assets held (在用, 闲置, 维修) summed by school, category, purchase day and use,
// kept equal to the live rows by triggers in the same transaction as every write (ReportSummary.h).
#include "store/ReportSummary.h"

#include "schema/EquipmentFigures.h"
#include "store/SqliteDb.h"
#include "store/SqliteStatement.h"

#include <array>
#include <string>

namespace emis::server {
namespace {

// The key columns, NULL stored as '' so that rows with none share their key; in the order the
// replacement plan groups by (school, category, day), so that it reads them without a sort.
constexpr std::array<const char *, 4> kKeys = {"school_id", "category", "purchase_date", "use"};
constexpr std::array<const char *, 7> kSources = {"school_id", "category", "state", "use", "purchase_date", "quantity",
                                                  "unit_price"};

// The row counts when live and held.
std::string counted(const std::string &row)
{
    std::string states;
    for (const char *st : schema::equipment_figures::kHeldStates)
        states += (states.empty() ? "'" : ", '") + std::string(st) + "'";
    return row + ".deleted = 0 AND " + row + ".state IN (" + states + ")";
}

std::string keysOf(const std::string &row)
{
    std::string out;
    for (const char *k : kKeys)
        out += (out.empty() ? "" : ", ") + std::string("COALESCE(") + row + "." + k + ", '')";
    return out;
}

std::string items(const std::string &row) { return "COALESCE(" + row + ".quantity, 0)"; }
std::string cost(const std::string &row) { return items(row) + " * COALESCE(" + row + ".unit_price, 0)"; }

std::string add(const std::string &row)
{
    return "INSERT INTO report_assets (school_id, category, purchase_date, use, items, cost) VALUES (" + keysOf(row) +
           ", " + items(row) + ", " + cost(row) + ") ON CONFLICT (school_id, category, purchase_date, use)"
           " DO UPDATE SET items = items + excluded.items, cost = cost + excluded.cost;";
}

std::string subtract(const std::string &row)
{
    std::string where;
    for (const char *k : kKeys)
        where += (where.empty() ? "" : " AND ") + std::string(k) + " = COALESCE(" + row + "." + k + ", '')";
    return "UPDATE report_assets SET items = items - " + items(row) + ", cost = cost - " + cost(row) + " WHERE " + where + ";";
}

} // namespace

std::string assetSummaryRecountSql()
{
    return "SELECT " + keysOf("assets") + ", SUM(" + items("assets") + "), SUM(" + cost("assets") +
           ") FROM assets WHERE " + counted("assets") + " GROUP BY " + keysOf("assets");
}

void createAssetSummary(SqliteDb &db)
{
    {
        SqliteStatement q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'report_assets'");
        if (q.step())
            return;
    }
    for (const char *t : {"insert", "delete", "update_old", "update_new"})
        db.exec(std::string("DROP TRIGGER IF EXISTS report_assets_") + t);
    db.exec("CREATE TABLE report_assets (school_id TEXT NOT NULL, category TEXT NOT NULL, purchase_date TEXT NOT NULL,"
            " use TEXT NOT NULL, items INTEGER NOT NULL, cost REAL NOT NULL,"
            " PRIMARY KEY (school_id, category, purchase_date, use)) WITHOUT ROWID");
    db.exec("INSERT INTO report_assets " + assetSummaryRecountSql());
    std::string changed;
    for (const char *c : kSources)
        changed += (changed.empty() ? "" : " OR ") + std::string("OLD.") + c + " IS NOT NEW." + c;
    changed = "(" + changed + " OR OLD.deleted IS NOT NEW.deleted)";
    db.exec("CREATE TRIGGER report_assets_insert AFTER INSERT ON assets WHEN " + counted("NEW") + " BEGIN " + add("NEW") + " END");
    db.exec("CREATE TRIGGER report_assets_delete AFTER DELETE ON assets WHEN " + counted("OLD") + " BEGIN " + subtract("OLD") +
            " END");
    db.exec("CREATE TRIGGER report_assets_update_old AFTER UPDATE ON assets WHEN " + counted("OLD") + " AND " + changed +
            " BEGIN " + subtract("OLD") + " END");
    db.exec("CREATE TRIGGER report_assets_update_new AFTER UPDATE ON assets WHEN " + counted("NEW") + " AND " + changed +
            " BEGIN " + add("NEW") + " END");
}

void createScoreIndex(SqliteDb &db)
{
    db.exec("CREATE INDEX IF NOT EXISTS scores_for_analysis ON scores (exam_subject_id, deleted, student_id, score, "
            "absence, class_name, school_id)");
    db.exec("CREATE INDEX IF NOT EXISTS students_deleted ON students (id) WHERE deleted <> 0");
}

} // namespace emis::server
