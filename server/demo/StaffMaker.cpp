#include "StaffMaker.h"

#include "Apportion.h"
#include "DemoDate.h"
#include "Places.h"
#include "PupilMaker.h"

#include <cstdio>
#include <string_view>

namespace emis::demo {
namespace {

const std::vector<Choice> &subjects(int stage)
{
    static const std::vector<Choice> primary = {
        {"语文", 34}, {"数学", 28}, {"英语", 9}, {"科学", 5}, {"道德与法治", 5}, {"体育", 7}, {"音乐", 5},
        {"美术", 5}, {"信息技术", 2},
    };
    static const std::vector<Choice> junior = {
        {"语文", 16}, {"数学", 16}, {"英语", 15}, {"物理", 8}, {"化学", 5}, {"生物", 6}, {"道德与法治", 7},
        {"历史", 6}, {"地理", 6}, {"体育", 6}, {"音乐", 3}, {"美术", 3}, {"信息技术", 3},
    };
    static const std::vector<Choice> senior = {
        {"语文", 14}, {"数学", 14}, {"英语", 14}, {"物理", 10}, {"化学", 9}, {"生物", 8}, {"思想政治", 7},
        {"历史", 7}, {"地理", 7}, {"体育", 5}, {"音乐", 2}, {"美术", 2}, {"信息技术", 3},
    };
    return stage == 1 ? primary : stage == 2 ? junior : senior;
}

std::string education(int stage, int age, DemoRandom &rng)
{
    // Older teachers came from the 中师 (secondary normal schools); most took a degree later.
    if (stage == 0)
        return choose({{"高中", 30}, {"中专", 20}, {"大专", 30}, {"本科", 20}}, rng);
    if (stage == 1)
        return age > 45 ? choose({{"中专", 15}, {"大专", 55}, {"本科", 30}}, rng)
                        : choose({{"大专", 30}, {"本科", 67}, {"硕士研究生", 3}}, rng);
    if (stage == 2)
        return choose({{"大专", 22}, {"本科", 75}, {"硕士研究生", 3}}, rng);
    return choose({{"本科", 86}, {"硕士研究生", 14}}, rng);
}

std::string teacherTitle(int age, DemoRandom &rng)
{
    if (age < 25)
        return choose({{"未定级", 60}, {"三级教师", 40}}, rng);
    if (age < 33)
        return choose({{"二级教师", 75}, {"一级教师", 20}, {"未定级", 5}}, rng);
    if (age < 45)
        return choose({{"一级教师", 65}, {"二级教师", 20}, {"高级教师", 15}}, rng);
    return choose({{"一级教师", 50}, {"高级教师", 45}, {"正高级教师", 1}, {"二级教师", 4}}, rng);
}

} // namespace

std::vector<Staffing> planStaffing(const DemoOptions &options, const std::vector<DemoSchool> &schools,
                                   const std::vector<DemoClass> &classes, DemoRandom &rng)
{
    std::vector<std::array<int, 3>> pupils(schools.size());
    for (const DemoClass &c : classes)
        pupils[c.school][static_cast<std::size_t>(static_cast<int>(stageOfGrade(c.grade)) - 1)] += c.size;
    std::vector<Staffing> out(schools.size());
    const int totals[] = {options.primaryTeachers, options.juniorTeachers, options.seniorTeachers};
    const double fixedPart[] = {8, 10, 0};
    for (std::size_t st = 0; st < 3; ++st) {
        std::vector<std::size_t> holders;
        std::vector<double> weights;
        for (std::size_t i = 0; i < schools.size(); ++i) {
            if (pupils[i][st] == 0)
                continue;
            holders.push_back(i);
            weights.push_back((pupils[i][st] + fixedPart[st]) * rng.between(0.9, 1.1));
        }
        const auto share = apportion(totals[st], weights, 1);
        for (std::size_t k = 0; k < holders.size(); ++k)
            out[holders[k]].teachers[st] = share[k];
    }
    std::vector<double> weights;
    for (std::size_t i = 0; i < schools.size(); ++i)
        weights.push_back(schools[i].kind == SchoolKind::TeachingPoint
                              ? 0.0
                              : (pupils[i][0] + pupils[i][1] + pupils[i][2]) * rng.between(0.8, 1.2));
    const auto others = apportion(options.otherStaff, weights, 0);
    for (std::size_t i = 0; i < schools.size(); ++i)
        out[i].others = others[i];
    return out;
}

void StaffMaker::fillSchool(std::size_t school, const Staffing &staffing, DemoRandom &rng, std::vector<DemoStaff> &out)
{
    int number = 0;
    for (int st = 0; st < 3; ++st)
        for (int k = 0; k < staffing.teachers[static_cast<std::size_t>(st)]; ++k)
            out.push_back(person(school, ++number, "1", st + 1, rng));
    for (int k = 0; k < staffing.others; ++k)
        out.push_back(person(school, ++number, choose({{"2", 45}, {"3", 25}, {"4", 30}}, rng), 0, rng));
}

DemoStaff StaffMaker::person(std::size_t school, int number, const std::string &post, int stage, DemoRandom &rng)
{
    DemoStaff s;
    s.school = school;
    char no[16];
    std::snprintf(no, sizeof no, "%03d", number);
    s.staffNo = plan_.schools[school].code + no;
    s.postCategory = post;
    const double maleShare = stage == 1 ? 0.35 : stage == 2 ? 0.5 : stage == 3 ? 0.55 : 0.55;
    s.male = rng.chance(maleShare);
    s.name = names_.personName(s.male, false, rng);
    const int age = rng.range(23, 59);
    const int year = kSchoolYear - age;
    const int birth = dayNumber(year - 1, 9, 2) + static_cast<int>(rng.below(365));
    s.birthDate = dateText(birth);
    s.idNumber = ids_.make(rng.chance(0.85) ? kCountyAreaCode : rng.pick(outsideAreas()).code, birth, s.male, rng);
    s.ethnicity = drawEthnicity(rng);
    if (stage > 0) {
        s.teachingStage = std::to_string(stage);
        // In a teaching point or a village school a teacher takes a class for everything; the
        // roster names the main subject.
        const bool small = plan_.schools[school].kind == SchoolKind::TeachingPoint ||
                           plan_.schools[school].kind == SchoolKind::VillagePrimary;
        s.subject = small ? choose({{"语文", 50}, {"数学", 45}, {"英语", 5}}, rng) : choose(subjects(stage), rng);
        s.title = teacherTitle(age, rng);
    } else if (post == "2") {
        s.title = teacherTitle(age, rng);  // administrators are mostly teachers by training
    } else if (post == "3") {
        s.title = choose({{"助理实验师", 40}, {"实验师", 30}, {"", 30}}, rng);
    }
    s.education = education(stage, age, rng);
    // Work starts after school or college, in the month the school year begins for teachers.
    const int startYear = std::min(kSchoolYear, civilDate(birth).year + rng.range(19, 24));
    s.workStart = yearMonthText(startYear, stage > 0 || post == "2" ? 9 : rng.range(1, 9));
    s.political = age < 28 && rng.chance(0.5) ? "共青团员" : choose({{"中共党员", 35}, {"群众", 64}, {"民进会员", 1}}, rng);
    s.phone = names_.mobileNumber(rng);
    return s;
}

} // namespace emis::demo
