#include "GrowthMaker.h"

#include "DemoDate.h"
#include "DemoRandom.h"

#include <algorithm>
#include <string_view>

namespace emis::demo {
namespace {

constexpr std::uint64_t kGrowthStream = 0x67726f77;  // "grow": apart from the schools' streams
constexpr int kFirstYear = 2021;                     // the first year of the files
constexpr int kLastAssessed = kSchoolYear - 1;       // the last year with 年度/师德 results

int yearOf(const std::string &yearMonthOrDate) { return std::stoi(yearMonthOrDate.substr(0, 4)); }

// A course: its level (award_level code), what it is called, who runs it, how long it takes.
DemoTraining course(int year, const DemoSchool &school, const DemoStaff &s, DemoRandom &rng)
{
    DemoTraining t;
    t.level = choose({{"1", 4}, {"2", 9}, {"3", 15}, {"4", 36}, {"5", 36}}, rng);
    const int level = std::stoi(t.level);
    static const char *const kOrganisers[] = {"", "教育部", "省教育厅", "市教育局", "县教育体育局"};
    t.organiser = level == 5 ? school.name : kOrganisers[level];
    const std::string subject = s.subject.empty() ? "教育管理" : s.subject;
    static const char *const kTopics[] = {"课堂教学能力提升", "新课标解读", "信息技术应用能力", "班主任工作",
                                          "师德师风", "作业设计", "心理健康教育", "课题研究方法"};
    const std::string topic = kTopics[rng.below(std::size(kTopics))];
    if (level == 1)
        t.course = "国培计划（" + std::to_string(year) + "）" + subject + "教师" + topic + "研修";
    else if (level == 5)
        t.course = "校本培训：" + topic;
    else
        t.course = std::to_string(year) + "年" + subject + topic + "培训";
    static const int kHours[6][2] = {{0, 0}, {80, 120}, {60, 96}, {40, 72}, {24, 48}, {8, 24}};
    t.hours = rng.range(kHours[level][0], kHours[level][1]);
    const int lastDay = year == kSchoolYear ? dayNumber(year, 8, 20) : dayNumber(year, 12, 20);
    const int first = dayNumber(year, 1, 5) + static_cast<int>(rng.below(static_cast<std::uint64_t>(lastDay - dayNumber(year, 1, 5))));
    static const int kDays[6] = {0, 10, 7, 5, 3, 1};
    t.startDate = dateText(first);
    t.endDate = dateText(first + static_cast<int>(rng.below(static_cast<std::uint64_t>(kDays[level]))));
    return t;
}

void fields(DemoStaff &s, bool smallSchool, DemoRandom &rng)
{
    if (s.postCategory == "1") {
        s.department = smallSchool ? "" : (s.subject.empty() ? "教务处" : s.subject + "教研组");
        s.staffing = smallSchool ? choose({{"1", 60}, {"4", 28}, {"3", 12}}, rng)
                                 : choose({{"1", 86}, {"4", 8}, {"2", 4}, {"3", 2}}, rng);
        s.backbone = choose({{"", 800}, {"1", 90}, {"2", 70}, {"3", 30}, {"4", 7}, {"5", 3}}, rng);
    } else if (s.postCategory == "2") {
        s.department = choose({{"办公室", 30}, {"教务处", 30}, {"政教处", 20}, {"总务处", 20}}, rng);
        s.position = choose({{"副校长", 25}, {"教务主任", 20}, {"政教主任", 15}, {"办公室主任", 15}, {"总务主任", 10},
                             {"", 15}},
                            rng);
        s.staffing = "1";
    } else if (s.postCategory == "3") {
        s.department = choose({{"实验室", 50}, {"图书室", 30}, {"教务处", 20}}, rng);
        s.staffing = choose({{"1", 70}, {"2", 30}}, rng);
    } else {
        s.department = "总务处";
        s.staffing = choose({{"1", 40}, {"2", 30}, {"5", 30}}, rng);
    }
}

void growthFile(DemoStaff &s, const DemoSchool &school, DemoRandom &rng)
{
    const int started = yearOf(s.workStart);
    const bool teaches = s.postCategory == "1" || s.postCategory == "2";
    for (int year = std::max(kFirstYear, started); teaches && year <= kSchoolYear; ++year) {
        const int courses = year == kSchoolYear ? rng.range(0, 1) : rng.range(1, 3);
        for (int k = 0; k < courses; ++k) {
            DemoTraining t = course(year, school, s, rng);
            // A course is named by its title and first day (the table's natural key).
            const bool again = std::any_of(s.training.begin(), s.training.end(), [&](const DemoTraining &o) {
                return o.course == t.course && o.startDate == t.startDate;
            });
            if (!again)
                s.training.push_back(std::move(t));
        }
    }
    if (teaches && rng.chance(0.15)) {
        const int n = rng.range(1, 2);
        for (int k = 0; k < n; ++k) {
            DemoHonour h;
            h.level = choose({{"5", 40}, {"4", 35}, {"3", 18}, {"2", 6}, {"1", 1}}, rng);
            h.title = choose({{"优秀教师", 35}, {"优秀班主任", 25}, {"师德标兵", 10}, {"教学能手", 15},
                              {"优秀教育工作者", 15}},
                             rng);
            static const char *const kIssuers[] = {"", "教育部", "省教育厅", "市教育局", "县教育体育局"};
            h.issuer = h.level == "5" ? school.name : kIssuers[std::stoi(h.level)];
            const int year = rng.range(std::max(kFirstYear, started), kSchoolYear);
            h.date = dateText(dayNumber(year, 9, 10) - static_cast<int>(rng.below(200)));
            const bool again = std::any_of(s.honours.begin(), s.honours.end(), [&](const DemoHonour &o) {
                return o.title == h.title && o.date == h.date;
            });
            if (!again)
                s.honours.push_back(std::move(h));
        }
    }
    for (int year = std::max(kFirstYear, started + 1); year <= kLastAssessed; ++year) {
        s.assessments.push_back({year, "1", choose({{"1", 15}, {"2", 82}, {"3", 2}, {"4", 1}}, rng)});
        s.assessments.push_back({year, "2", choose({{"1", 20}, {"2", 79.6}, {"4", 0.4}}, rng)});
    }
    if (s.postCategory == "1") {
        // 信息技术应用能力测评: first sat in 2022 (or the first year at work); a teacher who fails
        // sits again the next year, twice at most.
        const double passChance[] = {0.85, 0.75, 0.7};
        for (int k = 0; k < 3; ++k) {
            const int year = std::max(2022, started) + k;
            if (year > kSchoolYear)
                break;
            const bool passed = rng.chance(passChance[k]);
            const int day = dayNumber(year, 5, 10) + static_cast<int>(rng.below(150));
            s.itTests.push_back({dateText(day), passed ? "1" : "2", passed ? rng.range(60, 98) : rng.range(30, 59)});
            if (passed)
                break;
        }
    }
}

} // namespace

void addGrowthFiles(DemoCounty &county)
{
    std::size_t at = 0;
    for (std::size_t i = 0; i < county.schools.size(); ++i) {
        DemoRandom rng(DemoRandom::derive(county.seed ^ kGrowthStream, i));
        const DemoSchool &school = county.schools[i];
        const bool small = school.kind == SchoolKind::TeachingPoint || school.kind == SchoolKind::VillagePrimary;
        for (; at < county.staff.size() && county.staff[at].school == i; ++at) {
            fields(county.staff[at], small, rng);
            growthFile(county.staff[at], school, rng);
        }
    }
}

} // namespace emis::demo
