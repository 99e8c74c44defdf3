#include "schema/Schema.h"

#include "schema/Value.h"

#include <algorithm>

namespace emis {

std::string displayText(const Value &v)
{
    struct Visitor {
        std::string operator()(std::monostate) const { return {}; }
        std::string operator()(const std::string &s) const { return s; }
        std::string operator()(std::int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const
        {
            std::string s = std::to_string(d);
            while (s.size() > 1 && s.back() == '0')
                s.pop_back();
            if (!s.empty() && s.back() == '.')
                s.pop_back();
            return s;
        }
        std::string operator()(const Bytes &b) const { return "<" + std::to_string(b.size()) + " bytes>"; }
    };
    return std::visit(Visitor{}, v);
}

} // namespace emis

namespace emis::schema {

const Field *Table::field(std::string_view fieldName) const
{
    auto it = std::find_if(fields.begin(), fields.end(), [&](const Field &f) { return f.name == fieldName; });
    return it == fields.end() ? nullptr : &*it;
}

int Table::fieldIndex(std::string_view fieldName) const
{
    auto it = std::find_if(fields.begin(), fields.end(), [&](const Field &f) { return f.name == fieldName; });
    return it == fields.end() ? -1 : static_cast<int>(it - fields.begin());
}

bool Table::authoredBy(std::string_view role) const
{
    return std::find(authors.begin(), authors.end(), role) != authors.end();
}

bool Table::decidedBy(std::string_view role) const
{
    return std::find(deciders.begin(), deciders.end(), role) != deciders.end();
}

bool countyRow(const Table &table, std::string_view owner)
{
    return table.scope == Scope::County || owner == kCountyOwner;
}

bool attachable(const Table &table)
{
    return (table.scope == Scope::School || table.scope == Scope::Shared) && table.name != "evidence";
}

const Table *findTable(std::string_view name)
{
    const auto &all = tables();
    auto it = std::find_if(all.begin(), all.end(), [&](const Table &t) { return t.name == name; });
    return it == all.end() ? nullptr : &*it;
}

std::string_view typeName(FieldType t)
{
    switch (t) {
    case FieldType::Text: return "text";
    case FieldType::Integer: return "integer";
    case FieldType::Real: return "real";
    case FieldType::Bool: return "bool";
    case FieldType::Date: return "date";
    case FieldType::YearMonth: return "yearmonth";
    case FieldType::Code: return "code";
    case FieldType::Blob: return "blob";
    case FieldType::Ref: return "ref";
    }
    return "text";
}

} // namespace emis::schema
