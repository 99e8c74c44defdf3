#pragma once

#include "schema/Schema.h"
#include "store/LocalStore.h"
#include "store/Result.h"
#include "validate/RecordValidator.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

#include <memory>
#include <optional>
#include <vector>

namespace emis::client {

struct StoredRow {
    QString id;
    QString schoolId;
    QString hlc;
    bool deleted = false;
    validate::Record values;  // every field of the table, NULLs included
};

struct SaveOutcome {
    QString id;
    quint64 deviceSeq = 0;  // 0 when nothing changed and no change was logged
};

// Storage of records of any table of the schema: the generic code under the typed repositories.
// A save is one transaction: the row, its per-field versions and one Change in the change log.
class RecordStore {
public:
    explicit RecordStore(LocalStore &store) : m_store(store) {}

    // Many saves and removes in one transaction (an import, a promotion): the device's state and
    // clock are read once, the clock is persisted once, and one durable commit ends it. Each save
    // between begin and commit is checked as a save alone is, and one refused writes nothing and
    // leaves the others standing. Without commit (or when a write failed part-way) nothing stays.
    Status beginBatch();
    Status commitBatch();

    Result<std::optional<StoredRow>> load(const schema::Table &table, const QString &id) const;
    // The school's own rows. A school table may also hold another school's rows: a transfer
    // request addressed to it (listed too), and the trace of a pupil who transferred out with
    // the history (left out; see traces()).
    Result<std::vector<StoredRow>> list(const schema::Table &table, bool includeDeleted = false) const;
    // Live rows whose `field` holds `value` (an indexed lookup: a pupil's status changes, a
    // change's evidence). `only`: the fields read into `values` (all when empty): an exam's
    // thousands of scores read with the few a report needs.
    Result<std::vector<StoredRow>> listWhere(const schema::Table &table, const std::string &field,
                                             const QString &value, const std::vector<std::string> &only = {}) const;
    // Rows of `table` this school no longer owns: what is left of pupils who transferred out.
    Result<std::vector<StoredRow>> traces(const schema::Table &table) const;

    // A new row when `id` is empty, else changes to the fields given. Values must be canonical;
    // the row as it will be is validated whole before anything is written.
    // `alsoSend` names fields that go into the change even when their value is unchanged (a
    // correction resending what the server refused).
    Result<SaveOutcome> save(const schema::Table &table, const QString &id, const validate::Record &values,
                             const std::vector<std::string> &alsoSend = {});
    // A tombstone, logged like any change. `again`: logged even when the row is deleted here
    // already (resending a tombstone the server refused).
    Result<SaveOutcome> remove(const schema::Table &table, const QString &id, bool again = false);

private:
    // What every save of a transaction needs: read once per transaction.
    struct WriteContext {
        SyncState state;
        quint64 lastSeq = 0;  // the change log's last device_seq
    };
    struct Batch;
    Result<SaveOutcome> saveIn(WriteContext &ctx, const schema::Table &table, const QString &id,
                               const validate::Record &values, const std::vector<std::string> &alsoSend);
    Result<SaveOutcome> removeIn(WriteContext &ctx, const schema::Table &table, const QString &id, bool again);
    // One save in a batch, in its own savepoint.
    template <typename Body>
    Result<SaveOutcome> inBatch(Body body);
    // One save alone: its own transaction.
    template <typename Body>
    Result<SaveOutcome> alone(Body body);
    Result<std::vector<StoredRow>> select(const schema::Table &table, const QStringList &where,
                                          const QVariantList &args) const;
    Status checkTableRules(const schema::Table &table, const validate::Record *stored, const validate::Record &written,
                           const validate::Record &whole, const QString &schoolId) const;
    Status checkNaturalKeys(const schema::Table &table, const QString &id, const QString &schoolId,
                            const validate::Record &row) const;
    Status writeRow(const schema::Table &table, const QString &id, const QString &schoolId, bool isNew,
                    const validate::Record &row, const std::vector<std::string> &changed, const QString &hlc);

    LocalStore &m_store;
    std::shared_ptr<Batch> m_batch;
};

// The issues of a record as one readable message (an Invalid error).
Error invalidRecord(const std::vector<Issue> &issues);

} // namespace emis::client
