#include "RecordDiff.h"

namespace emis::io {

validate::Record RecordDiff::changedFields(const AcceptedRow &row, const validate::Record &existing)
{
    validate::Record changed;
    for (const auto &name : row.given) {
        auto mine = row.record.find(name);
        if (mine == row.record.end())
            continue;
        auto theirs = existing.find(name);
        if (theirs == existing.end() || theirs->second != mine->second)
            changed.emplace(name, mine->second);
    }
    return changed;
}

bool RecordDiff::sameRecord(const schema::Table &table, const validate::Record &a, const validate::Record &b)
{
    for (const auto &key : table.naturalKeys) {
        bool all = !key.empty();
        for (const auto &name : key) {
            auto x = a.find(name);
            auto y = b.find(name);
            if (x == a.end() || y == b.end() || isNull(x->second) || displayText(x->second).empty() ||
                x->second != y->second) {
                all = false;
                break;
            }
        }
        if (all)
            return true;
    }
    return false;
}

} // namespace emis::io
