#pragma once

#include "DemoCounty.h"
#include "DemoRandom.h"
#include "IdNumberMaker.h"
#include "NameGenerator.h"
#include "SchoolPlanner.h"

#include <array>
#include <vector>

namespace emis::demo {

// How many staff a school has: 专任教师 per stage it teaches, and others (行政, 教辅, 工勤).
struct Staffing {
    std::array<int, 3> teachers{};  // primary, junior, senior
    int others = 0;
};

// Shares the county's teachers of each stage out among the schools that hold the stage, by
// pupils plus a fixed part (a 教学点 of 20 pupils still needs its one or two teachers), so the
// stage totals are met exactly; other staff go to schools bigger than a teaching point.
std::vector<Staffing> planStaffing(const DemoOptions &options, const std::vector<DemoSchool> &schools,
                                   const std::vector<DemoClass> &classes, DemoRandom &rng);

// Makes a school's staff: ages 22-60, titles that go with age, subjects by stage, a work start
// after their studies, and an ID number like the pupils'.
class StaffMaker {
public:
    StaffMaker(const SchoolPlan &plan, IdNumberMaker &ids, const NameGenerator &names)
        : plan_(plan), ids_(ids), names_(names)
    {
    }

    void fillSchool(std::size_t school, const Staffing &staffing, DemoRandom &rng, std::vector<DemoStaff> &out);

private:
    DemoStaff person(std::size_t school, int number, const std::string &post, int stage, DemoRandom &rng);

    const SchoolPlan &plan_;
    IdNumberMaker &ids_;
    const NameGenerator &names_;
};

} // namespace emis::demo
