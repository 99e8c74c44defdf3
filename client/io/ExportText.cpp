#include "ExportText.h"

#include "schema/CodeTables.h"

#include <algorithm>

namespace emis::io {

QString exportText(const schema::Field &field, const Value &value)
{
    if (isNull(value))
        return {};
    const std::string text = displayText(value);
    // 是/否 are values of the roster, read back by parseYesNo, not interface text: no tr().
    if (field.type == schema::FieldType::Bool)
        return text == "1" ? QStringLiteral("是") : QStringLiteral("否");
    if (!field.codeTable.empty())
        if (const auto *table = schema::findCodeTable(field.codeTable))
            return QString::fromStdString(table->nameOf(text));
    return QString::fromStdString(text);
}

std::vector<const schema::Field *> exportFields(const schema::Table &table, const std::vector<std::string> &names)
{
    std::vector<const schema::Field *> out;
    for (const auto &f : table.fields) {
        if (f.type == schema::FieldType::Blob)
            continue;
        if (names.empty() || std::find(names.begin(), names.end(), f.name) != names.end())
            out.push_back(&f);
    }
    return out;
}

} // namespace emis::io
