#include "validate/References.h"

#include "schema/CodeTables.h"

#include <algorithm>

namespace emis::validate {

const schema::Table *refTarget(const schema::Field &field, const Record &row)
{
    if (field.type != schema::FieldType::Ref)
        return nullptr;
    if (!field.refTable.empty())
        return schema::findTable(field.refTable);
    // An attachment names its row's table: only a table files may be attached to.
    auto it = row.find(field.refTableField);
    const schema::Table *table = it == row.end() ? nullptr : schema::findTable(displayText(it->second));
    return table && schema::attachable(*table) ? table : nullptr;
}

namespace {

std::optional<double> number(const Record &row, const std::string &field)
{
    auto it = row.find(field);
    if (it == row.end())
        return std::nullopt;
    if (const auto *d = std::get_if<double>(&it->second))
        return *d;
    if (const auto *i = std::get_if<std::int64_t>(&it->second))
        return static_cast<double>(*i);
    return std::nullopt;
}

std::optional<Issue> checkBound(const schema::Field &field, const Record &whole, const Record &target)
{
    const auto value = number(whole, field.name);
    const auto limit = number(target, field.atMost.targetField);
    if (!value || !limit || *value <= *limit)
        return std::nullopt;
    return makeIssue(Reason::AboveLimit, &field, displayText(Value{*limit}));
}

} // namespace

std::optional<Issue> checkReferences(const schema::Table &table, const Record &written, const Record &whole,
                                     std::string_view schoolId, const RowFinder &find)
{
    for (const auto &field : table.fields) {
        if (field.type != schema::FieldType::Ref)
            continue;
        const bool boundWritten = std::any_of(table.fields.begin(), table.fields.end(), [&](const schema::Field &f) {
            return f.atMost.refField == field.name && written.count(f.name);
        });
        if (!written.count(field.name) && (field.refTableField.empty() || !written.count(field.refTableField)) &&
            !boundWritten)
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
                             (schema::countyRow(*target, place->owner) || place->owner == schoolId);
        if (!visible)
            return makeIssue(Reason::ForeignReference, &field);
        for (const auto &bounded : table.fields)
            if (bounded.atMost.refField == field.name)
                if (auto issue = checkBound(bounded, whole, place->values))
                    return issue;
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
