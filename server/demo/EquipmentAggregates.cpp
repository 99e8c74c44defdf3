// The demo county's true equipment figures, counted from its rows the way the equipment reports
// define them (schema/EquipmentFigures.h), never read back from a store.
#include "Aggregates.h"

#include "schema/EquipmentFigures.h"

#include <algorithm>
#include <cmath>

namespace emis::demo {
namespace {

namespace ef = schema::equipment_figures;

bool isLab(const std::string &kind)
{
    return std::find(ef::kLabKinds.begin(), ef::kLabKinds.end(), kind) != ef::kLabKinds.end();
}

void addRatios(EquipmentTruth &e, const SchoolAggregates &sa)
{
    double need = 0;
    for (std::size_t i = 0; i < 3; ++i)
        need += sa.byStage[i] / ef::kPupilsPerComputerNorm[i];
    e.schools = 1;
    e.pupils = sa.pupils;
    e.classes = static_cast<int>(sa.classes.size());
    e.computersNeeded = static_cast<int>(std::ceil(need - 1e-9));
    e.shortTeacher = e.teacherComputers < e.teachers * ef::kTeacherComputersPerTeacher ? 1 : 0;
    e.shortPupil = e.pupilComputers < e.computersNeeded ? 1 : 0;
    e.shortMultimedia = e.multimedia < e.classes ? 1 : 0;
    e.shortServers = sa.typeCode != ef::kNoServerNormType && e.servers < ef::kServersPerSchool ? 1 : 0;
}

void sumInto(EquipmentTruth &to, const EquipmentTruth &e)
{
    for (auto [a, b] : {std::pair{&to.schools, e.schools}, {&to.teachers, e.teachers}, {&to.teacherComputers, e.teacherComputers},
                        {&to.pupils, e.pupils}, {&to.pupilComputers, e.pupilComputers}, {&to.computersNeeded, e.computersNeeded},
                        {&to.classes, e.classes}, {&to.multimedia, e.multimedia}, {&to.servers, e.servers},
                        {&to.shortTeacher, e.shortTeacher}, {&to.shortPupil, e.shortPupil},
                        {&to.shortMultimedia, e.shortMultimedia}, {&to.shortServers, e.shortServers}, {&to.held, e.held},
                        {&to.overdue, e.overdue}, {&to.beforePlan, e.beforePlan}, {&to.noDate, e.noDate},
                        {&to.rooms, e.rooms}, {&to.sessions, e.sessions}, {&to.computerRooms, e.computerRooms},
                        {&to.computerRoomSessions, e.computerRoomSessions}, {&to.labs, e.labs},
                        {&to.labSessions, e.labSessions}, {&to.unusedRooms, e.unusedRooms}})
        *a += b;
    to.overdueCost += e.overdueCost;
    to.beforePlanCost += e.beforePlanCost;
    for (std::size_t i = 0; i < 3; ++i) {
        to.due[i] += e.due[i];
        to.dueCost[i] += e.dueCost[i];
    }
}

} // namespace

void addEquipmentFigures(CountyAggregates &a, const DemoCounty &county)
{
    const std::string on = referenceDate();
    for (const DemoStaff &s : county.staff)
        if (s.postCategory == "1")
            ++a.perSchool[s.school].equipment.teachers;
    for (const DemoAsset &x : county.assets) {
        if (!ef::held(x.state))
            continue;
        EquipmentTruth &e = a.perSchool[x.school].equipment;
        const ef::Category *c = ef::category(x.category);
        if (c->counts == ef::Counts::Computer && x.use == ef::kTeacherUse)
            e.teacherComputers += x.quantity;
        if (c->counts == ef::Counts::Computer && x.use == ef::kPupilUse)
            e.pupilComputers += x.quantity;
        if (c->counts == ef::Counts::Server)
            e.servers += x.quantity;
        if (c->counts == ef::Counts::Multimedia)
            e.multimedia += x.quantity;
        e.held += x.quantity;
        const std::string due = ef::dueDate(x.purchaseDate, c->lifeYears);
        const double cost = x.quantity * x.price;
        if (due.empty()) {
            e.noDate += x.quantity;
        } else if (due <= on) {
            e.overdue += x.quantity;
            e.overdueCost += cost;
        } else if (due < std::to_string(kPlanYear) + "-01-01") {
            e.beforePlan += x.quantity;
            e.beforePlanCost += cost;
        } else if (const int k = std::stoi(due.substr(0, 4)) - kPlanYear; k < 3) {
            e.due[static_cast<std::size_t>(k)] += x.quantity;
            e.dueCost[static_cast<std::size_t>(k)] += cost;
        }
    }
    std::vector<int> sessions(county.rooms.size(), 0);
    for (const DemoRoomUse &u : county.roomUse)
        if (u.date >= kUseFrom && u.date <= kUseTo)
            ++sessions[u.room];
    for (std::size_t r = 0; r < county.rooms.size(); ++r) {
        const DemoRoom &room = county.rooms[r];
        if (!isLab(room.kind))
            continue;
        EquipmentTruth &e = a.perSchool[room.school].equipment;
        const bool computerRoom = room.kind == "01";
        ++e.rooms;
        e.sessions += sessions[r];
        ++(computerRoom ? e.computerRooms : e.labs);
        (computerRoom ? e.computerRoomSessions : e.labSessions) += sessions[r];
        e.unusedRooms += sessions[r] == 0 ? 1 : 0;
    }
    for (SchoolAggregates &sa : a.perSchool) {
        addRatios(sa.equipment, sa);
        sumInto(a.equipment, sa.equipment);
    }
}

} // namespace emis::demo
