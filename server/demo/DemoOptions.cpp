#include "DemoOptions.h"

#include "Apportion.h"

#include <algorithm>
#include <cmath>

namespace emis::demo {

int DemoOptions::schoolCount() const
{
    return completeSecondary + nineYear + junior + centralPrimary + villagePrimary + teachingPoints;
}

int DemoOptions::pupilCount() const { return primaryPupils + juniorPupils + seniorPupils; }

int DemoOptions::staffCount() const { return primaryTeachers + juniorTeachers + seniorTeachers + otherStaff; }

DemoOptions DemoOptions::scaled(double factor)
{
    const DemoOptions ref;
    const auto times = [&](int n, int minimum) { return std::max(minimum, static_cast<int>(std::lround(n * factor))); };
    DemoOptions o;
    o.completeSecondary = times(ref.completeSecondary, 1);
    o.nineYear = times(ref.nineYear, 1);
    o.junior = times(ref.junior, 1);
    o.centralPrimary = times(ref.centralPrimary, 1);
    o.villagePrimary = times(ref.villagePrimary, 1);
    o.teachingPoints = times(ref.teachingPoints, 1);
    o.primaryPupils = times(ref.primaryPupils, 0);
    o.juniorPupils = times(ref.juniorPupils, 0);
    o.seniorPupils = times(ref.seniorPupils, 0);
    o.primaryTeachers = times(ref.primaryTeachers, 0);
    o.juniorTeachers = times(ref.juniorTeachers, 0);
    o.seniorTeachers = times(ref.seniorTeachers, 0);
    o.otherStaff = times(ref.otherStaff, 0);
    // A bigger county has more townships, but not proportionally more: towns grow too.
    o.townships = std::clamp(static_cast<int>(std::lround(ref.townships * std::sqrt(factor))), 1, 40);
    return o;
}

DemoOptions DemoOptions::large()
{
    const DemoOptions ref;
    DemoOptions o;
    const auto schools = apportion(500, {double(ref.completeSecondary), double(ref.nineYear), double(ref.junior),
                                         double(ref.centralPrimary), double(ref.villagePrimary),
                                         double(ref.teachingPoints)});
    o.completeSecondary = schools[0];
    o.nineYear = schools[1];
    o.junior = schools[2];
    o.centralPrimary = schools[3];
    o.villagePrimary = schools[4];
    o.teachingPoints = schools[5];
    const auto pupils = apportion(200000, {double(ref.primaryPupils), double(ref.juniorPupils), double(ref.seniorPupils)});
    o.primaryPupils = pupils[0];
    o.juniorPupils = pupils[1];
    o.seniorPupils = pupils[2];
    const auto staff = apportion(15000, {double(ref.primaryTeachers), double(ref.juniorTeachers),
                                         double(ref.seniorTeachers), double(ref.otherStaff)});
    o.primaryTeachers = staff[0];
    o.juniorTeachers = staff[1];
    o.seniorTeachers = staff[2];
    o.otherStaff = staff[3];
    o.townships = 24;
    return o;
}

std::string DemoOptions::problem() const
{
    for (int n : {completeSecondary, nineYear, junior, centralPrimary, villagePrimary, teachingPoints, primaryPupils,
                  juniorPupils, seniorPupils, primaryTeachers, juniorTeachers, seniorTeachers, otherStaff})
        if (n < 0)
            return "counts cannot be negative";
    // One county area code has 1,000 ID sequence numbers per birth day; about 13 birth years
    // of pupils share them, so a county far beyond a city's size would run out.
    if (pupilCount() + staffCount() > 2'000'000)
        return "more than two million people: a county's ID numbers would run out";
    if (townships < 1)
        return "a county needs at least one township";
    const int primarySchools = nineYear + centralPrimary + villagePrimary + teachingPoints;
    const int juniorSchools = completeSecondary + nineYear + junior;
    const int seniorSchools = completeSecondary;
    // Each school holds at least one pupil and one teacher in each of its grades' stages.
    const auto check = [](int pupils, int teachers, int schools, int gradesEach, const char *stage) -> std::string {
        if (schools == 0 && (pupils > 0 || teachers > 0))
            return std::string(stage) + " pupils or teachers but no school that holds " + stage;
        if (pupils < schools * gradesEach)
            return std::string("too few ") + stage + " pupils: every grade of every school needs one";
        if (teachers < schools)
            return std::string("too few ") + stage + " teachers: every school needs one";
        return {};
    };
    if (auto p = check(primaryPupils, primaryTeachers, primarySchools, 6, "primary"); !p.empty())
        return p;
    if (auto p = check(juniorPupils, juniorTeachers, juniorSchools, 3, "junior"); !p.empty())
        return p;
    if (auto p = check(seniorPupils, seniorTeachers, seniorSchools, 3, "senior"); !p.empty())
        return p;
    return {};
}

} // namespace emis::demo
