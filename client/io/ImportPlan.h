#pragma once

#include "ColumnMapping.h"
#include "IoResult.h"
#include "Sheet.h"
#include "validate/RecordValidator.h"

#include <QCoreApplication>

#include <atomic>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace emis::io {

struct AcceptedRow {
    int line = 0;
    validate::Record record;        // whole, with defaults filled: what a new row is saved as
    std::set<std::string> given;    // fields that had a non-empty cell in the file
    // For a reference, what further columns naming its row held (ColumnMapping::alsoNaming):
    // the row is the one every text names.
    std::map<std::string, std::vector<std::string>, std::less<>> alsoNamedBy;
};

struct RejectedRow {
    int line = 0;
    std::vector<Issue> issues;      // in the table's field order; never empty
    std::string name;               // the person's 姓名 where it was read without an issue, else empty
    // The cell text of each field an issue names, as the sheet has it (the bad value the clerk
    // looks for); a field with no cell (missing) is absent.
    std::map<std::string, std::string, std::less<>> values;
    // The cell text behind `issue`, or empty.
    std::string valueOf(const Issue &issue) const
    {
        auto it = values.find(issue.field);
        return it == values.end() ? std::string() : it->second;
    }
    // Keeps `cell` as the value read for `field`: trimmed, and clipped to what a message holds.
    void keepValue(const std::string &field, std::string_view cell);
};

struct ImportOptions {
    // Called now and then from the thread running the plan: (rows done, rows in all).
    std::function<void(int, int)> progress;
    // Checked once per row; set it from another thread to stop early.
    const std::atomic_bool *cancel = nullptr;
};

// What importing a sheet would do, before anything is written: each data row becomes a
// normalized record (accepted) or a list of reasons (rejected), with the line the clerk sees.
// One bad row never takes good rows down. Pure: no store, no files; safe off the GUI thread.
class ImportPlan {
    Q_DECLARE_TR_FUNCTIONS(ImportPlan)
public:
    std::vector<AcceptedRow> accepted;
    std::vector<RejectedRow> rejected;

    // Refuses (as a value) when a required column is missing, or when cancelled.
    static Result<ImportPlan> build(const Sheet &sheet, const ColumnMapping &mapping, const ImportOptions &options = {});
    // Reads a .xlsx (sheet by index) or CSV file, finds the header row, maps by header, plans.
    static Result<ImportPlan> fromFile(const QString &path, const schema::Table &table, int sheetIndex = 0,
                                       const ImportOptions &options = {});

    // The rejected rows as the clerk's report: "line,reason" with one line per issue, reasons
    // as "zh / en" (Issue::text()), CRLF line ends as Excel writes them. Encode it with
    // encodeText() (UTF-8 with BOM for Excel).
    QString rejectionReport() const;
};

} // namespace emis::io
