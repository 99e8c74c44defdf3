#include "schema/SqlGen.h"

#include "schema/CodeTables.h"

namespace emis::schema {
namespace {

std::string join(const std::vector<std::string> &parts, const std::string &sep)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? sep : std::string()) + parts[i];
    return out;
}

std::string indexStatement(const Table &t, const std::vector<std::string> &columns)
{
    return "CREATE INDEX IF NOT EXISTS " + t.name + "_by_" + join(columns, "_") + " ON " + t.name + " (" +
           join(columns, ", ") + ")";
}

} // namespace

std::string uncodedRowsQuery(const Table &t, const Field &f)
{
    std::vector<std::string> codes;
    if (const CodeTable *table = findCodeTable(f.codeTable))
        for (const auto &e : table->entries)
            codes.push_back("'" + e.code + "'");  // codes are ASCII letters and digits
    std::string sql = "SELECT id, " + f.name + " FROM " + t.name + " WHERE " + f.name + " IS NOT NULL";
    if (!codes.empty())
        sql += " AND " + f.name + " NOT IN (" + join(codes, ", ") + ")";
    return sql;
}

std::string sqlType(const Field &f)
{
    switch (f.type) {
    case FieldType::Integer:
    case FieldType::Bool: return "INTEGER";
    case FieldType::Real: return "REAL";
    case FieldType::Blob: return "BLOB";
    default: return "TEXT";
    }
}

std::string versionsTable(const Table &table) { return table.name + "_versions"; }
std::string versionHlcColumn(const Field &field) { return field.name + "_hlc"; }
std::string versionSeqColumn(const Field &field) { return field.name + "_seq"; }

std::vector<std::string> createTableStatements(const Table &t)
{
    std::vector<std::string> columns = {
        "id TEXT PRIMARY KEY NOT NULL",
        "school_id TEXT NOT NULL",
        "hlc TEXT NOT NULL",
        "deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))",
    };
    for (const auto &f : t.fields) {
        std::string c = f.name + " " + sqlType(f);
        if (f.required)
            c += " NOT NULL";
        if (f.type == FieldType::Bool)
            c += " CHECK (" + f.name + " IN (0, 1))";
        if (f.maxLength > 0)
            c += " CHECK (length(" + f.name + ") <= " + std::to_string(f.maxLength) + ")";
        if (f.type == FieldType::Date)
            c += " CHECK (" + f.name + " GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')";
        if (f.type == FieldType::YearMonth)
            c += " CHECK (" + f.name + " GLOB '[12][0-9][0-9][0-9]-[01][0-9]')";
        columns.push_back(std::move(c));
    }
    std::vector<std::string> out;
    out.push_back("CREATE TABLE IF NOT EXISTS " + t.name + " (\n  " + join(columns, ",\n  ") + "\n)");

    std::vector<std::string> versionColumns = {"id TEXT PRIMARY KEY NOT NULL REFERENCES " + t.name + " (id)"};
    for (const auto &f : t.fields) {
        versionColumns.push_back(versionHlcColumn(f) + " TEXT");
        versionColumns.push_back(versionSeqColumn(f) + " INTEGER");
    }
    // The tombstone merges like a field.
    versionColumns.push_back("deleted_hlc TEXT");
    versionColumns.push_back("deleted_seq INTEGER");
    out.push_back("CREATE TABLE IF NOT EXISTS " + versionsTable(t) + " (\n  " + join(versionColumns, ",\n  ") + "\n)");

    out.push_back(indexStatement(t, {"school_id"}));
    for (const auto &key : t.naturalKeys)
        out.push_back(indexStatement(t, key));
    for (const auto &idx : t.indexes)
        out.push_back(indexStatement(t, idx));
    return out;
}

} // namespace emis::schema
