#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace emis::schema {

// A cross-school move of a person with their file (转学 of a pupil, 调动 of a teacher), as data:
// the request is a Shared row filed by the receiving school, which names the person by ID number
// and name; the sending school agrees or refuses; the bureau's deciding roles approve, and the
// person's row with every row that follows it (the tables naming the person and no other
// school's row, and their evidence) belongs to the receiving school from then on. The states are
// validate/TransferStates.h's, the same for every kind.
struct MoveKind {
    std::string requestTable;  // transfers | staff_transfers
    std::string personTable;   // students | staff
    std::string personField;   // the request's field the server fills with the person's id
    std::string nameField;     // the request's field holding the person's name
    // The person's statuses that may move (status field), empty: any live row.
    std::vector<std::string> movableStatuses;
    // Request fields carried onto the person on approval, when given (to_grade -> grade), and the
    // history row's fields for the value before and after (from_grade, to_grade).
    struct Carry {
        std::string requestField, personField, historyFrom, historyTo;
    };
    std::vector<Carry> carries;
    // The history the approval writes for both schools: a row of this table per school, of the
    // kind `kindIn` for the receiving school and `kindOut` for the sending one.
    std::string historyTable, kindIn, kindOut;
    std::vector<std::string> deciders;  // the bureau roles that approve (schema/Roles.h)
    std::string notFound;               // the reason code when no such person is found
};

const std::vector<MoveKind> &moveKinds();
const MoveKind *moveByRequest(std::string_view requestTable);
bool decidesMove(const MoveKind &kind, std::string_view role);

struct Table;
// The tables whose rows go with the person (their required `field` names the person, and they name no
// other school-owned row: a pupil's status changes, a teacher's growth file; not the scores of
// the old school's exams, nor its 教学分工), with the field.
std::vector<std::pair<const Table *, std::string>> followersOf(const MoveKind &kind);

} // namespace emis::schema
