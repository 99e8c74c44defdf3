#include "validate/References.h"

#include "schema/CodeTables.h"

namespace emis::validate {

const schema::Table *refTarget(const schema::Field &field, const Record &row)
{
    if (field.type != schema::FieldType::Ref)
        return nullptr;
    if (!field.refTable.empty())
        return schema::findTable(field.refTable);
    auto it = row.find(field.refTableField);
    return it == row.end() ? nullptr : schema::findTable(displayText(it->second));
}

std::optional<Issue> checkReferences(const schema::Table &table, const Record &written, const Record &whole,
                                     std::string_view schoolId, const RowFinder &find)
{
    for (const auto &field : table.fields) {
        if (field.type != schema::FieldType::Ref)
            continue;
        if (!written.count(field.name) && (field.refTableField.empty() || !written.count(field.refTableField)))
            continue;
        auto it = whole.find(field.name);
        if (it == whole.end() || isNull(it->second))
            continue;
        const std::string id = displayText(it->second);
        if (id.empty())
            continue;
        const schema::Table *target = refTarget(field, whole);
        const auto place = target ? find(*target, id) : std::nullopt;
        const bool visible = place && !place->deleted &&
                             (target->scope == schema::Scope::County || place->owner == schoolId);
        if (!visible)
            return makeIssue(Reason::ForeignReference, &field);
    }
    return std::nullopt;
}

std::string rowLabel(const schema::Table &table, const Record &row)
{
    std::string out;
    const auto add = [&](const schema::Field &f) {
        auto it = row.find(f.name);
        if (it == row.end() || isNull(it->second))
            return;
        std::string text = displayText(it->second);
        if (!f.codeTable.empty())
            if (const auto *codes = schema::findCodeTable(f.codeTable))
                text = codes->nameOf(text);
        if (text.empty())
            return;
        if (!out.empty())
            out += ' ';
        out += text;
    };
    if (table.labelFields.empty() && !table.fields.empty())
        add(table.fields.front());
    for (const auto &name : table.labelFields)
        if (const auto *f = table.field(name))
            add(*f);
    return out;
}

} // namespace emis::validate
