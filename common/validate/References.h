#pragma once

#include "schema/Schema.h"
#include "validate/Reason.h"
#include "validate/RecordValidator.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace emis::validate {

// What a reference check needs to know of the row a Ref field names.
struct RowPlace {
    std::string owner;  // the owner school (school_id)
    bool deleted = false;
    Record values;      // the row's fields (a bound, schema::Field::atMost, reads them)
};
// Finds a row by table and id in whichever store checks the reference (the client's local
// database, the server's county store).
using RowFinder = std::function<std::optional<RowPlace>(const schema::Table &table, const std::string &id)>;

// The table a Ref field of `row` names, or null for a field that is no reference (or names a
// table this build does not know).
const schema::Table *refTarget(const schema::Field &field, const Record &row);

// Each Ref field a change writes (in `written`, or whose table field it writes) must name, in the
// row as it will be (`whole`), a live row that `schoolId` owns or a live county row (schema::countyRow);
// the first one that does not is refused as ForeignReference. A field with a bound
// (schema::Field::atMost) is then checked against the row its Ref field names (AboveLimit). Used
// by the client before a save and by the server on every pushed change.
std::optional<Issue> checkReferences(const schema::Table &table, const Record &written, const Record &whole,
                                     std::string_view schoolId, const RowFinder &find);

// How a row is named to a person (a list cell or a picker showing a reference): the values of the
// table's label fields, codes by their names, joined by a space.
std::string rowLabel(const schema::Table &table, const Record &row);

} // namespace emis::validate
