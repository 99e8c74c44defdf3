#pragma once

#include "schema/Schema.h"
#include "schema/Value.h"
#include "sync/Hlc.h"
#include "validate/Reason.h"
#include "validate/RecordValidator.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace emis::wire {
class Change;
class PushBatch;
}

namespace google::protobuf {
template <typename T>
class RepeatedPtrField;
}

namespace emis::server {

// One pushed change, decoded and checked on the session's network thread before its batch is
// queued for the store's single writer: the wire values turned into the fields' typed values,
// and every check that needs no stored row already made. The writer then only looks up the
// stored row, runs the checks that need it, merges and writes (see PushHandler).
struct PreparedChange {
    std::uint64_t deviceSeq = 0;
    std::string tableName;                  // as sent, for a rejection of an unknown table
    const schema::Table *table = nullptr;   // null when the table is unknown
    std::string rowId;
    sync::Hlc hlc;
    bool deleted = false;
    std::int64_t baseCursor = 0;
    // The values sent, in the table's field order; nullopt where the change did not carry the field.
    std::vector<std::optional<Value>> fields;
    // The first issue of a check that needs no stored row; the change is rejected with it.
    std::optional<Issue> refused;
    // The issues of the fields sent taken as a whole new row (required fields, field and
    // cross-field rules). Used when the store has no such row; not computed for a tombstone.
    std::vector<Issue> asNewRow;

    // The values sent, by field name (what the checks and the field-level merge of a stored row
    // walk): `fields` keyed by name, made once when the change is decoded.
    const validate::Record &incoming() const { return m_incoming; }
    // Replaces the values sent by `values` (fields of other tables are ignored).
    void setIncoming(const validate::Record &values);
    // Makes incoming() from `fields`, once they are decoded.
    void nameFields();

private:
    validate::Record m_incoming;
};

// Decodes every change of `batch` (resends included: the writer alone knows the watermark).
std::vector<PreparedChange> prepareChanges(const wire::PushBatch &batch, std::int64_t nowMs);
// Decodes a bureau officer's changes to the county's own rows (wire::CountyWrite): the same
// checks, except that the table must name `role` among its authors, and that the stamp is the
// server's, set by the writer (PushHandler::applyCountyWrite).
std::vector<PreparedChange> prepareCountyWrite(const google::protobuf::RepeatedPtrField<wire::Change> &changes,
                                               const std::string &role);

} // namespace emis::server
