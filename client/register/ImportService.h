#pragma once

#include "ImportPlan.h"
#include "store/Result.h"

#include <QCoreApplication>
#include <QStringList>

#include <atomic>
#include <functional>

namespace emis::client {

class LocalStore;

struct ImportOutcome {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    QStringList failures;  // "line N: reason", in the clerk's language
    bool cancelled = false;
};

// Writes an import plan's accepted rows through the record store: a new record for a person not
// there yet, and only the changed fields for one already stored (matched on the table's natural
// keys: ID type and number, or 学籍号 / 工号), so importing the same file twice changes nothing.
// A row with no natural key at all (a ledger line with no 资产编号) is known again by its content:
// it matches a stored keyless row with the same values in the sheet's columns, each stored row once.
// The whole import is one transaction (one durable commit); each row is saved in its own nested
// one, so a refused row never takes the others with it. Cancelling keeps nothing.
class ImportService {
    Q_DECLARE_TR_FUNCTIONS(ImportService)
public:
    explicit ImportService(LocalStore &store) : m_store(store) {}

    Result<ImportOutcome> save(const schema::Table &table, const std::vector<io::AcceptedRow> &rows,
                               const std::function<void(int, int)> &progress = {},
                               const std::atomic_bool *cancel = nullptr);
    // The same, every row checked by the store exactly as save() would, then all rolled back: what
    // an import would add, update and refuse, with nothing written.
    Result<ImportOutcome> dryRun(const schema::Table &table, const std::vector<io::AcceptedRow> &rows);

    // The stored rows a sheet can match are only those whose `field` holds one of `values` (an
    // exam's subjects, for its scores): the rest of the table (a year of other exams) is not read.
    void limitTo(std::string field, QStringList values)
    {
        m_limitField = std::move(field);
        m_limitValues = std::move(values);
    }

private:
    Result<ImportOutcome> write(const schema::Table &table, const std::vector<io::AcceptedRow> &rows,
                                const std::function<void(int, int)> &progress, const std::atomic_bool *cancel,
                                bool keep);

    LocalStore &m_store;
    std::string m_limitField;
    QStringList m_limitValues;
};

} // namespace emis::client
