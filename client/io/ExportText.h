#pragma once

#include "schema/Schema.h"
#include "schema/Value.h"

#include <QString>

#include <string>
#include <vector>

namespace emis::io {

// The text a clerk reads for a stored value, as both exporters write it and the importer reads it
// back: code values as their names (1 -> 男, 01 -> 汉族, grade 7 -> 七年级), yes/no as 是/否,
// dates as YYYY-MM-DD, everything else as displayText().
QString exportText(const schema::Field &field, const Value &value);

// The fields to export, in the table's order: `names` when given (unknown names are left out),
// else every field that can be shown as text.
std::vector<const schema::Field *> exportFields(const schema::Table &table, const std::vector<std::string> &names);

} // namespace emis::io
