#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace emis::schema {

// A bureau officer's role (教育局的股室), as data: adding one (计财股, 电教站) is an entry here,
// not a table rebuild. What a role may do is said here (it decides the review queue) and in
// the tables' descriptions (Table::authors: which roles write the county's rows of a table).
struct Role {
    std::string name;  // stored in the users table and sent at login, ASCII
    std::string zh;
    std::string en;
    bool decides = false;   // approves or refuses status changes and transfers (审批)
    bool readOnly = false;  // writes nothing at all (督导室)
    bool readsStaffFiles = false;  // sees single teachers' files and person-level staff rows (PIPL)
};

const std::vector<Role> &roles();
const Role *findRole(std::string_view name);
// The role's Chinese name, or the name itself for a role this build does not know.
std::string_view roleNameZh(std::string_view name);

} // namespace emis::schema
