#include "schema/Roles.h"

namespace emis::schema {

const std::vector<Role> &roles()
{
    static const std::vector<Role> all = {
        {"admin", "管理员", "administrator", true, false, true},
        {"enrolment", "基教股", "enrolment office", true, false},
        {"staffing", "人事股", "personnel office", false, false, true},
        {"teaching", "教研室", "teaching research office", false, false},
        {"equipment", "电教站", "educational technology centre", false, false},
        {"finance", "计财股", "planning and finance office", false, false},
        {"inspector", "督导室", "inspectorate", false, true},
    };
    return all;
}

const Role *findRole(std::string_view name)
{
    for (const auto &r : roles())
        if (r.name == name)
            return &r;
    return nullptr;
}

std::string_view roleNameZh(std::string_view name)
{
    const Role *r = findRole(name);
    return r ? std::string_view(r->zh) : name;
}

} // namespace emis::schema
