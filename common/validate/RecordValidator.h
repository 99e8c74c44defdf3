#pragma once

#include "schema/Schema.h"
#include "schema/Value.h"
#include "validate/Reason.h"

#include <map>
#include <string>
#include <vector>

namespace emis::validate {

using Record = std::map<std::string, Value, std::less<>>;  // field name -> canonical value

// A field of a record as text (displayText), empty when the field is absent or NULL.
inline std::string fieldText(const Record &r, std::string_view name)
{
    const auto it = r.find(name);
    return it == r.end() ? std::string() : displayText(it->second);
}

enum class Completeness {
    Whole,    // a new row or a whole row after a merge: required fields must be present
    Partial,  // some fields of an existing row: only what is given is checked
};

// Field checks and the table's cross-field rules (for people: the ID number by document type,
// the birth date and sex inside a resident ID against 出生日期 and 性别). Issues come in the
// table's field order, so the first one is the one a clerk meets first reading the row.
std::vector<Issue> validateRecord(const schema::Table &table, const Record &record, Completeness completeness);

// What an import or a form has: raw text per field. Normalizes each value, fills defaults for
// empty fields that have one, and validates the result as a whole record.
struct NormalizedRecord {
    Record values;
    std::vector<Issue> issues;  // empty when the record may be saved
};
NormalizedRecord normalizeRecord(const schema::Table &table, const std::map<std::string, std::string, std::less<>> &raw);

} // namespace emis::validate
