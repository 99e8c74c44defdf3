#pragma once

#include "DemoCounty.h"
#include "DemoRandom.h"
#include "IdNumberMaker.h"
#include "NameGenerator.h"
#include "SchoolPlanner.h"

#include <vector>

namespace emis::demo {

// Fills a class with pupils whose every field is plausible and passes the students table's
// rules: age fits the grade, the ID number carries the birth date and sex, a guardian with a
// mobile number, and the special-group flags at the rates a Jiangxi county sees (many 留守儿童
// in the villages, 寄宿 mostly in middle schools, 随迁子女 mostly in the county seat).
class PupilMaker {
public:
    PupilMaker(const SchoolPlan &plan, IdNumberMaker &ids, const NameGenerator &names)
        : plan_(plan), ids_(ids), names_(names)
    {
    }

    void fillClass(const DemoClass &cl, DemoRandom &rng, std::vector<DemoPupil> &out);

private:
    void setFlags(const DemoSchool &s, bool seat, int grade, DemoRandom &rng, DemoPupil &p) const;
    void setHome(std::size_t school, bool seat, DemoRandom &rng, DemoPupil &p) const;
    void setGuardian(const std::string &childSurname, DemoRandom &rng, DemoPupil &p) const;

    const SchoolPlan &plan_;
    IdNumberMaker &ids_;
    const NameGenerator &names_;
};

// Ethnicity codes (GB 3304): nearly everyone in the county is 汉族; a few pupils and staff are not.
std::string drawEthnicity(DemoRandom &rng);

} // namespace emis::demo
