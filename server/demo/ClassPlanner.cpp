#include "ClassPlanner.h"

#include "Apportion.h"

#include "sync/Uuid.h"

#include <algorithm>
#include <cmath>

namespace emis::demo {
namespace {

struct StageSpan {
    Stage stage;
    int first;
    int last;
};
constexpr StageSpan kStages[] = {{Stage::Primary, 1, 6}, {Stage::Junior, 7, 9}, {Stage::Senior, 10, 12}};

int gradesHeld(const DemoSchool &s, const StageSpan &st)
{
    return std::max(0, std::min(s.lastGrade, st.last) - std::max(s.firstGrade, st.first) + 1);
}

// Relative size of a school's part in a stage (the reference county's schools, roughly).
double stageWeight(const DemoSchool &s, Stage stage, int grades, bool countySeat)
{
    switch (stage) {
    case Stage::Primary:
        switch (s.kind) {
        case SchoolKind::NineYear: return 1000;
        case SchoolKind::CentralPrimary: return countySeat ? 1900 : 650;  // the town's big primaries
        case SchoolKind::VillagePrimary: return 140;
        case SchoolKind::TeachingPoint: return 9.0 * grades;
        default: return 0;
        }
    case Stage::Junior:
        switch (s.kind) {
        case SchoolKind::CompleteSecondary: return 1100;
        case SchoolKind::NineYear: return 450;
        case SchoolKind::Junior: return 460;
        default: return 0;
        }
    case Stage::Senior: return s.kind == SchoolKind::CompleteSecondary ? 1 : 0;
    }
    return 0;
}

// Mean class size and its spread (as a fraction) for a school kind in a stage.
struct ClassShape {
    double mean;
    double spread;
};

ClassShape classShape(const DemoSchool &s, Stage stage, bool countySeat)
{
    if (stage == Stage::Senior)
        return {57, 0.2};
    if (stage == Stage::Junior)
        return s.kind == SchoolKind::CompleteSecondary ? ClassShape{55, 0.2}
                                                       : ClassShape{s.kind == SchoolKind::NineYear ? 48.0 : 50.0, 0.18};
    switch (s.kind) {
    case SchoolKind::TeachingPoint: return {1000, 0};  // one class per grade, however small
    case SchoolKind::VillagePrimary: return {40, 0.1};
    default: return countySeat ? ClassShape{52, 0.16} : ClassShape{45, 0.15};
    }
}

} // namespace

Stage stageOfGrade(int grade) { return grade <= 6 ? Stage::Primary : grade <= 9 ? Stage::Junior : Stage::Senior; }

std::vector<DemoClass> planClasses(const DemoOptions &options, const std::vector<DemoSchool> &schools,
                                   const std::string &countySeat, DemoRandom &rng)
{
    const int totals[] = {options.primaryPupils, options.juniorPupils, options.seniorPupils};
    // pupils[school][grade]
    std::vector<std::vector<int>> pupils(schools.size(), std::vector<int>(13, 0));
    for (const StageSpan &st : kStages) {
        std::vector<double> weights;
        std::vector<int> minimums;
        std::vector<std::size_t> holders;
        for (std::size_t i = 0; i < schools.size(); ++i) {
            const int grades = gradesHeld(schools[i], st);
            if (grades == 0)
                continue;
            holders.push_back(i);
            weights.push_back(stageWeight(schools[i], st.stage, grades, schools[i].township == countySeat) *
                              rng.between(0.75, 1.25));
            minimums.push_back(grades);  // at least one pupil in each grade held
        }
        const auto perSchool = apportion(totals[static_cast<int>(st.stage) - 1], weights, minimums);
        for (std::size_t k = 0; k < holders.size(); ++k) {
            const DemoSchool &s = schools[holders[k]];
            const int first = std::max(s.firstGrade, st.first);
            const int grades = gradesHeld(s, st);
            // Cohorts differ a little year to year; in a teaching point by a lot.
            const double jitter = s.kind == SchoolKind::TeachingPoint ? 0.4 : 0.08;
            std::vector<double> gw;
            for (int g = 0; g < grades; ++g)
                gw.push_back(rng.between(1 - jitter, 1 + jitter));
            const auto perGrade = apportion(perSchool[k], gw, 1);
            for (int g = 0; g < grades; ++g)
                pupils[holders[k]][static_cast<std::size_t>(first + g)] = perGrade[static_cast<std::size_t>(g)];
        }
    }

    std::vector<DemoClass> classes;
    for (std::size_t i = 0; i < schools.size(); ++i) {
        const DemoSchool &s = schools[i];
        const bool seat = s.township == countySeat;
        for (int g = 1; g <= 12; ++g) {
            const int n = pupils[i][static_cast<std::size_t>(g)];
            if (n == 0)
                continue;
            const Stage stage = stageOfGrade(g);
            const ClassShape shape = classShape(s, stage, seat);
            // Round to the nearest count of classes, but never leave a class far above the usual size
            // just because a cohort is a little more than one class (77 in one room is not a plan).
            const int count = std::max({1, static_cast<int>(std::lround(n / shape.mean)),
                                        static_cast<int>(std::ceil(n / (shape.mean * 1.25)))});
            std::vector<double> w;
            for (int c = 0; c < count; ++c)
                w.push_back(rng.between(1 - shape.spread, 1 + shape.spread));
            const auto sizes = apportion(n, w, std::min(1, n / count));
            const int stageStart = stage == Stage::Primary ? 1 : stage == Stage::Junior ? 7 : 10;
            for (int c = 0; c < count; ++c) {
                DemoClass cl;
                cl.id = sync::newUuidV7();
                cl.school = i;
                cl.grade = g;
                cl.name = std::to_string(c + 1) + "班";
                cl.entryYear = kSchoolYear - (g - stageStart);
                cl.size = sizes[static_cast<std::size_t>(c)];
                classes.push_back(std::move(cl));
            }
        }
    }
    return classes;
}

} // namespace emis::demo
