#include "Aggregates.h"

#include "schema/ClassSize.h"
#include "schema/CodeTables.h"
#include "schema/StaffFigures.h"

namespace emis::demo {
namespace {

void add(SpecialGroups &g, const DemoPupil &p)
{
    g.leftBehind += p.leftBehind;
    g.migrant += p.migrant;
    g.povertyRegistered += p.povertyRegistered;
    g.boarding += p.boarding;
}

std::size_t stageIndex(int grade) { return static_cast<std::size_t>(static_cast<int>(stageOfGrade(grade)) - 1); }

std::string coded(const char *codeTable, const std::string &text)
{
    return schema::findCodeTable(codeTable)->normalize(text).value_or("");
}

void addStaffFigures(CountyAggregates &a, SchoolAggregates &sa, const DemoStaff &s)
{
    namespace sf = schema::staff_figures;
    const int age = sf::ageOn(s.birthDate, referenceDate());
    for (const auto &band : sf::kAgeBands)
        if (age >= band.min && (band.max == 0 || age <= band.max))
            ++a.staffByAgeBand[band.key];
    ++a.staffByTitleLevel[sf::levelOf(sf::kTitleLevels, coded("title", s.title), "title_unknown")];
    ++a.staffByEducationLevel[sf::levelOf(sf::kEducationLevels, coded("education", s.education), "education_unknown")];
    ++a.staffByStaffing[s.staffing];
    ++a.staffByBackbone[s.backbone];
    for (const auto &h : s.honours)
        ++a.honoursByYear[std::stoi(h.date.substr(0, 4))][h.level];
    for (const auto &r : s.assessments)
        if (r.year == kAssessedYear)
            ++(r.kind == "1" ? a.annualResults : a.ethicsResults)[r.result];
    if (s.postCategory != "1")
        return;
    int hours = 0;
    for (const auto &t : s.training) {
        const int year = std::stoi(t.startDate.substr(0, 4));
        if (year >= kTrainingCycle && year < kTrainingCycle + sf::kCycleYears)
            hours += t.hours;
    }
    for (TrainingFigures *f : {&a.training, &sa.training}) {
        ++f->teachers;
        f->hours += hours;
        f->shortOf += hours < sf::kCycleHours;
    }
    bool passed = false;
    for (const auto &t : s.itTests)
        passed = passed || t.result == "1";
    if (!passed) {
        ++a.itNotPassed;
        ++sa.itNotPassed;
    }
}

} // namespace

std::string kindKey(SchoolKind kind)
{
    switch (kind) {
    case SchoolKind::CompleteSecondary: return "complete_secondary";
    case SchoolKind::NineYear: return "nine_year";
    case SchoolKind::Junior: return "junior_secondary";
    case SchoolKind::CentralPrimary: return "central_primary";
    case SchoolKind::VillagePrimary: return "village_primary";
    case SchoolKind::TeachingPoint: return "teaching_point";
    }
    return "other";
}

CountyAggregates computeAggregates(const DemoCounty &county)
{
    CountyAggregates a;
    a.seed = county.seed;
    a.schools = static_cast<int>(county.schools.size());
    for (const auto &t : county.townships)
        a.byTownship.push_back({t, 0, 0});
    const auto township = [&](const std::string &name) -> TownshipCount & {
        for (auto &t : a.byTownship)
            if (t.name == name)
                return t;
        a.byTownship.push_back({name, 0, 0});
        return a.byTownship.back();
    };
    for (const DemoSchool &s : county.schools) {
        ++a.schoolsByType[s.typeCode];
        ++a.schoolsByKind[kindKey(s.kind)];
        ++township(s.township).schools;
        SchoolAggregates sa;
        sa.code = s.code;
        sa.name = s.name;
        sa.typeCode = s.typeCode;
        sa.township = s.township;
        a.perSchool.push_back(std::move(sa));
    }

    // Classes are counted from the pupils' own grade and class, as a report over the rosters would.
    std::vector<std::map<std::pair<int, std::string>, std::size_t>> classIndex(county.schools.size());
    for (const DemoPupil &p : county.pupils) {
        SchoolAggregates &sa = a.perSchool[p.school];
        const std::size_t st = stageIndex(p.grade);
        for (auto *counts : {&a.byStage, &sa.byStage})
            ++(*counts)[st];
        ++a.byGrade[p.grade];
        ++sa.byGrade[p.grade];
        (p.male ? a.male : a.female)++;
        (p.male ? sa.male : sa.female)++;
        ++a.byEthnicity[p.ethnicity];
        ++township(county.schools[p.school].township).pupils;
        add(a.special, p);
        add(sa.special, p);
        ++a.pupils;
        ++sa.pupils;
        auto [it, fresh] = classIndex[p.school].try_emplace({p.grade, p.className}, sa.classes.size());
        if (fresh)
            sa.classes.push_back({p.grade, p.className, 0});
        ++sa.classes[it->second].pupils;
    }

    namespace cs = schema::class_size;
    for (const cs::Band &b : cs::kBands)
        a.classSizes.push_back({b.min, b.max, 0});
    for (SchoolAggregates &sa : a.perSchool) {
        for (const ClassCount &c : sa.classes) {
            ++a.classes;
            sa.largeClasses += cs::isLarge(c.pupils);
            sa.veryLargeClasses += cs::isVeryLarge(c.pupils);
            for (SizeBucket &b : a.classSizes)
                if (c.pupils >= b.min && (b.max == 0 || c.pupils <= b.max))
                    ++b.classes;
        }
        a.largeClasses += sa.largeClasses;
        a.veryLargeClasses += sa.veryLargeClasses;
    }

    for (const DemoStaff &s : county.staff) {
        SchoolAggregates &sa = a.perSchool[s.school];
        ++a.staff;
        ++sa.staff;
        ++a.staffByPost[s.postCategory];
        (s.male ? a.staffMale : a.staffFemale)++;
        if (s.postCategory == "1" && !s.teachingStage.empty()) {
            const auto st = static_cast<std::size_t>(std::stoi(s.teachingStage) - 1);
            ++a.teachers[st];
            ++sa.teachers[st];
        }
        addStaffFigures(a, sa, s);
    }
    addEquipmentFigures(a, county);
    a.exam = county.exam;
    a.examTruth = computeExamTruth(county);
    return a;
}

} // namespace emis::demo
