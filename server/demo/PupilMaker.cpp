#include "PupilMaker.h"

#include "DemoDate.h"
#include "Places.h"

namespace emis::demo {

std::string drawEthnicity(DemoRandom &rng)
{
    static const std::vector<std::string> others = {"03", "22", "06", "15", "08", "11", "12", "13", "02"};
    return rng.chance(0.994) ? std::string("01") : rng.pick(others);
}

void PupilMaker::fillClass(const DemoClass &cl, DemoRandom &rng, std::vector<DemoPupil> &out)
{
    const DemoSchool &s = plan_.schools[cl.school];
    const bool seat = plan_.townshipOf[cl.school] == 0;
    for (int k = 0; k < cl.size; ++k) {
        DemoPupil p;
        p.school = cl.school;
        p.grade = cl.grade;
        p.className = cl.name;
        p.male = rng.chance(0.53);  // the region's sex ratio at birth leans male
        // China enrols at six by 31 August: grade 1 of 2026-27 was born 2019-09-01..2020-08-31.
        // Some pupils started a year late or repeated one.
        const int cohort = kSchoolYear - 6 - cl.grade - (rng.chance(0.06) ? 1 : 0);
        const int from = dayNumber(cohort, 9, 1);
        const int birth = from + static_cast<int>(rng.below(static_cast<std::uint64_t>(dayNumber(cohort + 1, 9, 1) - from)));
        p.birthDate = dateText(birth);
        const std::string surname = names_.surname(rng);
        p.name = surname + names_.givenName(p.male, true, rng);
        p.ethnicity = drawEthnicity(rng);
        p.entryMonth = yearMonthText(cl.entryYear, 9);
        setFlags(s, seat, cl.grade, rng, p);
        std::string_view area = kCountyAreaCode;
        if (p.migrant) {
            const Area &from_ = rng.pick(outsideAreas());
            area = from_.code;
            p.hukou = std::string(from_.name);
        }
        p.idNumber = ids_.make(area, birth, p.male, rng);
        p.studentNo = "G" + p.idNumber;  // the national 学籍号 is G followed by the ID number
        setHome(cl.school, seat, rng, p);
        setGuardian(surname, rng, p);
        out.push_back(std::move(p));
    }
}

void PupilMaker::setFlags(const DemoSchool &s, bool seat, int grade, DemoRandom &rng, DemoPupil &p) const
{
    const Stage stage = stageOfGrade(grade);
    double leftBehind = 0.2;
    switch (s.kind) {
    case SchoolKind::TeachingPoint: leftBehind = 0.32; break;
    case SchoolKind::VillagePrimary: leftBehind = 0.28; break;
    case SchoolKind::CompleteSecondary: leftBehind = 0.1; break;
    default: break;
    }
    if (seat)
        leftBehind = std::min(leftBehind, 0.06);
    p.migrant = rng.chance(seat ? 0.08 : 0.015);
    p.leftBehind = !p.migrant && rng.chance(leftBehind);  // a child who moved with its parents is not left behind
    p.povertyRegistered = rng.chance(s.kind == SchoolKind::TeachingPoint ? 0.07 : seat ? 0.02 : 0.045);
    double boarding = 0;
    if (stage == Stage::Senior)
        boarding = 0.75;
    else if (stage == Stage::Junior)
        boarding = s.kind == SchoolKind::NineYear ? 0.4 : s.kind == SchoolKind::Junior ? 0.55 : 0.6;
    else if (grade >= 4 && !seat && (s.kind == SchoolKind::CentralPrimary || s.kind == SchoolKind::NineYear))
        boarding = 0.12;
    p.boarding = rng.chance(boarding);
}

void PupilMaker::setHome(std::size_t school, bool seat, DemoRandom &rng, DemoPupil &p) const
{
    const DemoSchool &s = plan_.schools[school];
    // Town schools and the senior schools draw pupils from the whole county.
    std::size_t township = static_cast<std::size_t>(plan_.townshipOf[school]);
    const bool wide = seat || s.kind == SchoolKind::CompleteSecondary;
    if (wide && !rng.chance(0.5))
        township = static_cast<std::size_t>(rng.below(plan_.townships.size()));
    const std::string county(kCountyName);
    const std::string &town = plan_.townships[township];
    const auto &villages = plan_.villages[township];
    const std::string village = villages.empty() ? std::string("新村") : rng.pick(villages);
    if (township == 0 && rng.chance(0.7))
        p.address = county + town + std::string(rng.pick(seatStreets())) + std::to_string(rng.range(1, 320)) + "号";
    else
        p.address = county + town + village + "村" + std::to_string(rng.range(1, 12)) + "组";
    if (!p.migrant)
        p.hukou = std::string(kCountyHukou) + town + village + "村";
}

void PupilMaker::setGuardian(const std::string &childSurname, DemoRandom &rng, DemoPupil &p) const
{
    // The child's surname is (nearly always) the father's. Left-behind children mostly live
    // with a grandparent.
    const double r = rng.unit();
    const double father = p.leftBehind ? 0.25 : 0.7;
    const double mother = p.leftBehind ? 0.15 : 0.24;
    std::string surname;
    bool male = true;
    if (r < father) {
        surname = childSurname;
    } else if (r < father + mother) {
        surname = names_.surname(rng);
        male = false;
    } else {
        male = rng.chance(0.5);
        surname = male ? childSurname : names_.surname(rng);
    }
    p.guardianName = surname + names_.givenName(male, false, rng);
    p.guardianPhone = names_.mobileNumber(rng);
}

} // namespace emis::demo
