#pragma once

#include "store/RecordStore.h"

#include <QMap>
#include <QString>

namespace emis::client {

class LocalStore;

// What a form or the command line has: raw text per field, keyed by field name, Chinese label,
// English label or an import alias.
using RawFields = QMap<QString, QString>;

// The service a form or the CLI uses for one table: raw text in, normalized and validated by
// emis::validate, saved by RecordStore. No SQL above this line.
class RecordRepository {
public:
    RecordRepository(LocalStore &store, const schema::Table &table) : m_store(store), m_table(table) {}

    const schema::Table &table() const { return m_table; }
    LocalStore &store() const { return m_store; }
    // The field a user's key names (name, labels or alias), or null.
    const schema::Field *resolveField(const QString &key) const;

    // A new record: every required field must be there (defaults fill the rest). Returns its id.
    Result<SaveOutcome> add(const RawFields &raw);
    // Changes the fields given; the record as a whole must stay valid.
    Result<SaveOutcome> edit(const QString &id, const RawFields &raw, const std::vector<std::string> &alsoSend = {});
    Result<SaveOutcome> remove(const QString &id);
    Result<std::optional<StoredRow>> get(const QString &id) const;
    Result<std::vector<StoredRow>> list() const;

private:
    Result<std::map<std::string, std::string, std::less<>>> byFieldName(const RawFields &raw) const;

    LocalStore &m_store;
    const schema::Table &m_table;
};

} // namespace emis::client
