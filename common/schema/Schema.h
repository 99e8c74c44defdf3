#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace emis::validate {
struct TableRules;
}

namespace emis::schema {

// The schema's version, bumped whenever a table or field is added (Tables.cpp), so both ends can
// tell in the handshake. A function, not a constant: a test build links the next schema's
// Tables.cpp in place of this one, and every other object stays as it is.
unsigned schemaVersion();

// Ref: the id of a row of another table (Field::refTable), as text; a reference must name a
// live row the writer's school owns, or any live row of a county table (validate/References.h).
enum class FieldType { Text, Integer, Real, Bool, Date, YearMonth, Code, Blob, Ref };

// A shape rule of one field, beyond its type (validate/FieldRules.cpp).
enum class Check {
    None,
    IdNumber,    // 身份证件号: normalized (full-width, spaces, lower-case x), checked by document type
    Phone,       // a mainland phone number
    SchoolCode,  // 学校标识码: ten digits
    Image,       // a scanned image (JPEG, PNG, GIF, BMP) of at most kMaxEvidenceBytes
    Score,       // marks: 0 or more, in whole or half points
    Money,       // yuan: 0 or more, to the fen; a sheet's ¥3,200.00, 3200元 or 0.32万 reads as 3200
    Count,       // a quantity: a whole number, 1 or more
};

// A bound a field's value may not pass, taken from the row one of its Ref fields names (a
// score at most its subject's full marks): checked with the references (validate/References.h).
struct Bound {
    std::string refField;     // a Ref field of the same table
    std::string targetField;  // a numeric field of the row it names
};

struct Field {
    std::string name;          // column name, ASCII snake_case
    std::string labelZh;       // the header clerks use (导入模板的列名)
    std::string labelEn;       // English label, also an import alias
    FieldType type = FieldType::Text;
    bool required = false;
    std::string codeTable;     // for Code (and coded Integer) fields, see CodeTables.h
    int maxLength = 0;         // for text-like fields; 0 = no limit
    std::vector<std::string> aliases;  // further header spellings accepted on import
    Check check = Check::None;
    std::string defaultValue;  // canonical text used when an import or a form leaves the field empty
    std::string refTable;      // for Ref fields: the table whose row it names, or empty and then
    std::string refTableField; // the field of the same row that holds the table's name (attachments)
    unsigned since = 1;        // the schema version that added the field: an older client never sends it
    // The schema version that made this field's free text a code (学历, 职称), 0 for none: text
    // an older client sends, or a store kept, is mapped to its code where the code table names it
    // (validate::recodedText), on arrival at the server and in both stores at start.
    unsigned codedSince = 0;
    Bound atMost;              // empty refField: no bound
};

// Where a table's rows may travel.
enum class Scope {
    School,   // owned by one school (owner column), seen by that school's devices
    County,   // county data kept by the bureau, seen by every device, written only by the server
    Server,   // owned by one school and seen by its devices, but written only by the server
              // (the problem-record queue: the server's findings about that school's rows)
    Shared,   // owned by one school, and also seen and written by the school its party field names
              // (a transfer: filed by the receiving school, answered by the sending one); what each
              // may write is the table's rule
};

struct Table {
    std::string name;          // SQL table name
    std::string labelZh;
    std::string labelEn;
    Scope scope = Scope::School;
    std::vector<Field> fields; // the record's own fields, without the standard columns
    // Each checked for duplicates (within the school, for a school's rows) and indexed; a key
    // names the record's own fields only, so that a sheet imported again finds its rows.
    std::vector<std::vector<std::string>> naturalKeys;
    std::vector<std::vector<std::string>> indexes;      // further indexes for reports and lookups
    const validate::TableRules *rules = nullptr;  // the table's own rules (validate/TableRules.h)
    std::string partyField;    // Shared: the field naming the other school
    // The columns a list shows first (the command line's list, a page's table); empty: every
    // field but blobs.
    std::vector<std::string> listFields;
    // What names a row to a person (a list cell or a picker showing a reference): these fields'
    // values joined by a space. Empty: the first field.
    std::vector<std::string> labelFields;
    // How a sheet names a row of this table in a reference column, tried in order: each set of
    // fields, all present in the sheet's row, must match exactly one live row.
    std::vector<std::vector<std::string>> lookupKeys;
    // The bureau roles (schema/Roles.h) that write the county's own rows of this table over the
    // protocol (a CountyWrite: terms, a county joint exam). Empty: no officer writes it. A
    // school-owned table with authors holds both kinds of row: the county's, read by every
    // school and written only by those roles, and each school's own.
    std::vector<std::string> authors;
    // The bureau roles that approve or refuse this table's rows waiting for the bureau (its
    // approval field 待审批: a 调拨 or 报废 of an asset), with a DecisionRequest. Status changes
    // and moves say theirs elsewhere (Role::decides, MoveKind::deciders).
    std::vector<std::string> deciders;

    const Field *field(std::string_view fieldName) const;
    int fieldIndex(std::string_view fieldName) const;
    bool authoredBy(std::string_view role) const;
    bool decidedBy(std::string_view role) const;
};

// The owner (school_id) of the county's own rows: seen by every device, written by the
// table's authors only.
inline constexpr std::string_view kCountyOwner = "";
// A row every device sees: a county table's, or the county's own row of any table.
bool countyRow(const Table &table, std::string_view owner);
// Whether a school may attach files (evidence rows: photos, scans, certificates) to the table's
// rows: any table a school writes, but not the attachments themselves.
bool attachable(const Table &table);

// The standard columns every synced table has, besides its own fields:
//   id        TEXT PRIMARY KEY  UUIDv7 made offline
//   school_id TEXT              owner school (for schools: the school's own id)
//   hlc       TEXT              the row's last change, as Hlc::toText()
//   deleted   INTEGER           tombstone
inline constexpr std::string_view kIdColumn = "id";
inline constexpr std::string_view kOwnerColumn = "school_id";
inline constexpr std::string_view kHlcColumn = "hlc";
inline constexpr std::string_view kDeletedColumn = "deleted";

// Every synced table, in dependency order.
const std::vector<Table> &tables();
const Table *findTable(std::string_view name);

std::string_view typeName(FieldType t);

} // namespace emis::schema
