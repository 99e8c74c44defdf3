#pragma once

// The helpers the table descriptions (Tables.cpp, StaffTables.cpp) are written with. Internal to
// the schema: nothing outside common/schema includes this.
#include "schema/Schema.h"

#include <string>
#include <utility>
#include <vector>

namespace emis::schema::build {

using T = FieldType;

inline Field make(std::string name, std::string zh, std::string en, FieldType type, bool required, std::string codeTable,
           int maxLength, std::vector<std::string> aliases)
{
    Field f;
    f.name = std::move(name);
    f.labelZh = std::move(zh);
    f.labelEn = std::move(en);
    f.type = type;
    f.required = required;
    f.codeTable = std::move(codeTable);
    f.maxLength = maxLength;
    f.aliases = std::move(aliases);
    return f;
}

inline Table table(std::string name, std::string zh, std::string en, Scope scope, std::vector<Field> fields,
            std::vector<std::vector<std::string>> naturalKeys, std::vector<std::vector<std::string>> indexes,
            const validate::TableRules *rules)
{
    Table t;
    t.name = std::move(name);
    t.labelZh = std::move(zh);
    t.labelEn = std::move(en);
    t.scope = scope;
    t.fields = std::move(fields);
    t.naturalKeys = std::move(naturalKeys);
    t.indexes = std::move(indexes);
    t.rules = rules;
    return t;
}

inline Field text(std::string name, std::string zh, std::string en, int maxLength, bool required = false,
           std::vector<std::string> aliases = {})
{
    return make(std::move(name), std::move(zh), std::move(en), T::Text, required, {}, maxLength, std::move(aliases));
}

inline Field typed(std::string name, std::string zh, std::string en, FieldType type, bool required = false,
            std::vector<std::string> aliases = {})
{
    return make(std::move(name), std::move(zh), std::move(en), type, required, {}, 0, std::move(aliases));
}

inline Field coded(std::string name, std::string zh, std::string en, std::string codeTable, bool required = false,
            std::vector<std::string> aliases = {}, FieldType type = T::Code)
{
    return make(std::move(name), std::move(zh), std::move(en), type, required, std::move(codeTable), 0,
                std::move(aliases));
}

// A field added by schema `version`: an older client never sends it.
inline Field since(Field f, unsigned version)
{
    f.since = version;
    return f;
}

inline Field withDefault(Field f, std::string value)
{
    f.defaultValue = std::move(value);
    return f;
}

inline Field checked(Field f, Check check)
{
    f.check = check;
    return f;
}

inline Field ref(std::string name, std::string zh, std::string en, std::string target, bool required = false,
          std::vector<std::string> aliases = {})
{
    Field f = make(std::move(name), std::move(zh), std::move(en), T::Ref, required, {}, 36, std::move(aliases));
    f.refTable = std::move(target);
    return f;
}

inline Field attachedTo(Field f, std::string tableField)
{
    f.refTableField = std::move(tableField);
    return f;
}

inline Table shared(Table t, std::string partyField)
{
    t.partyField = std::move(partyField);
    return t;
}

inline Table listed(Table t, std::vector<std::string> listFields)
{
    t.listFields = std::move(listFields);
    return t;
}

inline Table labelled(Table t, std::vector<std::string> labelFields, std::vector<std::vector<std::string>> lookupKeys = {})
{
    t.labelFields = std::move(labelFields);
    t.lookupKeys = std::move(lookupKeys);
    return t;
}

inline Table authored(Table t, std::vector<std::string> roles)
{
    t.authors = std::move(roles);
    return t;
}

inline Table decided(Table t, std::vector<std::string> roles)
{
    t.deciders = std::move(roles);
    return t;
}

inline Field bounded(Field f, std::string refField, std::string targetField)
{
    f.atMost = Bound{std::move(refField), std::move(targetField)};
    return f;
}


inline std::vector<Field> personFields(bool idRequired)
{
    return {
        text("name", "姓名", "name", 50, true, {"学生姓名", "教师姓名", "full name"}),
        coded("sex", "性别", "gender", "sex", true, {"sex"}),
        typed("birth_date", "出生日期", "birth date", T::Date, false, {"出生年月日", "生日", "date of birth", "birthday"}),
        withDefault(coded("id_type", "身份证件类型", "ID type", "id_type", true, {"证件类型", "id type"}), "1"),
        checked(text("id_number", "身份证件号", "ID number", 30, idRequired,
                     {"身份证号", "身份证号码", "身份证件号码", "证件号码", "id no", "id card"}),
                Check::IdNumber),
        coded("ethnicity", "民族", "ethnicity", "ethnicity", false, {"nation"}),
    };
}

} // namespace emis::schema::build

namespace emis::schema {

// StaffTables.cpp: the staff record (教职工) and, after the other tables, its growth file.
Table staffTable();
std::vector<Table> staffGrowthTables();
// EquipmentTables.cpp: rooms, assets, asset_moves, room_usage, stocktakes, stocktake_items.
std::vector<Table> equipmentTables();

} // namespace emis::schema
