#include "schema/Moves.h"

#include "schema/Schema.h"

#include <algorithm>

namespace emis::schema {

const std::vector<MoveKind> &moveKinds()
{
    static const std::vector<MoveKind> all = {
        {"transfers", "students", "student_id", "student_name", {"1", "2"}, {{"to_grade", "grade", "from_grade", "to_grade"}, {"to_class", "class_name", "from_class", "to_class"}},
         "status_changes", "01", "02", {"admin", "enrolment"}, "pupil_not_found"},
        {"staff_transfers", "staff", "staff_id", "staff_name", {"1", ""}, {}, "staff_changes", "01", "02", {"admin", "staffing"},
         "staff_not_found"},
    };
    return all;
}

const MoveKind *moveByRequest(std::string_view requestTable)
{
    for (const auto &k : moveKinds())
        if (k.requestTable == requestTable)
            return &k;
    return nullptr;
}

bool decidesMove(const MoveKind &kind, std::string_view role)
{
    return std::find(kind.deciders.begin(), kind.deciders.end(), role) != kind.deciders.end();
}

std::vector<std::pair<const Table *, std::string>> followersOf(const MoveKind &kind)
{
    std::vector<std::pair<const Table *, std::string>> out;
    for (const auto &t : tables()) {
        if (t.scope != Scope::School || t.name == kind.requestTable)
            continue;
        std::string field;
        bool namesOtherRows = false;
        for (const auto &f : t.fields) {
            if (f.type != FieldType::Ref)
                continue;
            if (f.refTable == kind.personTable && f.required)
                field = f.name;
            else if (f.refTable == kind.personTable)
                namesOtherRows = true;  // names the person in passing (a room's keeper): stays
            else if (const Table *target = findTable(f.refTable); !target || target->scope != Scope::County)
                namesOtherRows = true;
        }
        if (!field.empty() && !namesOtherRows)
            out.emplace_back(&t, field);
    }
    return out;
}

} // namespace emis::schema
