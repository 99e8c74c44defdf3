#pragma once

#include "ImportPlan.h"
#include "validate/RecordValidator.h"

namespace emis::io {

// How an imported row relates to a stored one, so that importing the same file twice changes
// nothing and a corrected file changes only what was corrected.
class RecordDiff {
public:
    // The fields of the row whose value differs from the stored record: what an update writes.
    // Only fields the file filled count: an empty cell never erases a stored value, and a default
    // (学籍状态 在读) never overwrites one set since.
    static validate::Record changedFields(const AcceptedRow &row, const validate::Record &existing);

    // Whether two records are the same person: equal on any of the table's natural keys with
    // every part present (ID type and number, or 学籍号 / 工号).
    static bool sameRecord(const schema::Table &table, const validate::Record &a, const validate::Record &b);
};

} // namespace emis::io
