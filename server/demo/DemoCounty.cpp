#include "DemoCounty.h"

#include "ClassPlanner.h"
#include "DemoRandom.h"
#include "EquipmentMaker.h"
#include "ExamMaker.h"
#include "GrowthMaker.h"
#include "IdNumberMaker.h"
#include "NameGenerator.h"
#include "PupilMaker.h"
#include "SchoolPlanner.h"
#include "StaffMaker.h"

#include <stdexcept>

namespace emis::demo {
namespace {

// Each class gets a head teacher from the school's teachers of its stage, in turn.
void assignHeadTeachers(DemoCounty &county)
{
    std::size_t staffAt = 0;
    std::size_t classAt = 0;
    for (std::size_t i = 0; i < county.schools.size(); ++i) {
        std::vector<std::vector<const DemoStaff *>> byStage(4);
        for (; staffAt < county.staff.size() && county.staff[staffAt].school == i; ++staffAt)
            if (const DemoStaff &s = county.staff[staffAt]; !s.teachingStage.empty())
                byStage[static_cast<std::size_t>(std::stoi(s.teachingStage))].push_back(&s);
        std::vector<std::size_t> next(4, 0);
        for (; classAt < county.classes.size() && county.classes[classAt].school == i; ++classAt) {
            DemoClass &c = county.classes[classAt];
            const auto st = static_cast<std::size_t>(stageOfGrade(c.grade));
            if (!byStage[st].empty())
                c.headTeacher = byStage[st][next[st]++ % byStage[st].size()]->name;
        }
    }
}

} // namespace

DemoCounty generateDemoCounty(const DemoOptions &options)
{
    if (const std::string problem = options.problem(); !problem.empty())
        throw std::invalid_argument(problem);
    DemoRandom rng(options.seed);
    const NameGenerator names;
    SchoolPlan plan = planSchools(options, rng, names);

    DemoCounty county;
    county.seed = options.seed;
    county.townships = plan.townships;
    county.classes = planClasses(options, plan.schools, plan.townships.front(), rng);
    const auto staffing = planStaffing(options, plan.schools, county.classes, rng);

    IdNumberMaker ids;
    PupilMaker pupils(plan, ids, names);
    StaffMaker staff(plan, ids, names);
    county.pupils.reserve(static_cast<std::size_t>(options.pupilCount()));
    county.staff.reserve(static_cast<std::size_t>(options.staffCount()));
    std::size_t classAt = 0;
    for (std::size_t i = 0; i < plan.schools.size(); ++i) {
        // One stream per school: a school's people depend on the seed and the school alone.
        DemoRandom schoolRng(DemoRandom::derive(options.seed, i));
        staff.fillSchool(i, staffing[i], schoolRng, county.staff);
        for (; classAt < county.classes.size() && county.classes[classAt].school == i; ++classAt)
            pupils.fillClass(county.classes[classAt], schoolRng, county.pupils);
    }
    county.schools = std::move(plan.schools);
    assignHeadTeachers(county);
    addGrowthFiles(county);
    addEquipment(county);
    addJointExam(county);
    return county;
}

} // namespace emis::demo
