#pragma once

#include "DemoCounty.h"

#include <array>
#include <map>
#include <string>
#include <vector>

namespace emis::demo {

// The county's true figures, counted from the generated rows themselves (never copied from the
// options), so that a report over the imported rosters can be checked against them.
inline constexpr double kPupilsPerTeacherNorm[3] = {19, 13.5, 12.5};  // 小学, 初中, 高中

struct SpecialGroups {
    int leftBehind = 0;
    int migrant = 0;
    int povertyRegistered = 0;
    int boarding = 0;
};

struct ClassCount {
    int grade = 0;
    std::string name;
    int pupils = 0;
};

// The 人事股's figures (schema/StaffFigures.h groups them).
inline std::string referenceDate() { return std::to_string(kSchoolYear) + "-09-01"; }  // ages are on this day
inline constexpr int kTrainingCycle = 2021;  // the cycle the truth counts: 2021–2025
inline constexpr int kAssessedYear = kSchoolYear - 1;

struct TrainingFigures {
    int teachers = 0;  // 专任教师
    int hours = 0;     // their 学时 in the cycle
    int shortOf = 0;   // teachers below 360 学时 in it
};

// 装备 (EquipmentAggregates.cpp), counted as the equipment reports count (schema/EquipmentFigures.h):
// the ratios' parts, the replacement plan on the reference date for the three years from
// kPlanYear, and the computer rooms' and labs' use through the demo's spring term.
inline constexpr int kPlanYear = kSchoolYear + 1;
inline constexpr const char *kUseFrom = "2026-03-02";
inline constexpr const char *kUseTo = "2026-06-26";

struct EquipmentTruth {
    int schools = 0, teachers = 0, teacherComputers = 0, pupils = 0, pupilComputers = 0, computersNeeded = 0, classes = 0,
        multimedia = 0, servers = 0;
    int shortTeacher = 0, shortPupil = 0, shortMultimedia = 0, shortServers = 0;  // schools short of each
    int held = 0, overdue = 0, beforePlan = 0, noDate = 0;
    std::array<int, 3> due{};
    double overdueCost = 0, beforePlanCost = 0;
    std::array<double, 3> dueCost{};
    int rooms = 0, sessions = 0, computerRooms = 0, computerRoomSessions = 0, labs = 0, labSessions = 0, unusedRooms = 0;
};

// 考试 (ExamAggregates.cpp): the joint exam's figures as the exam_analysis report shows them (the
// definitions are common/exam/ExamAnalysis.h's), counted again from the generated scores in exact
// integer arithmetic and rounded as stated there: means and deviations to 2 decimals, rates to 1.
struct ExamFigures {
    int expected = 0, sat = 0;
    double mean = 0, sd = 0, max = 0, min = 0, excellentRate = 0, passRate = 0, lowRate = 0;
    int rank = 0;          // among the groups of its level; 0 for the county
    bool hasOverMean = false;
    double overMean = 0;
};
struct ExamGroup {
    std::string key;                 // 学校标识码, the township's name, or "county"
    std::vector<ExamFigures> figures;  // by subject in the exam's order, then 总分
};
struct ExamTruth {
    ExamGroup county;
    std::vector<ExamGroup> townships;  // county seat first
    std::vector<ExamGroup> schools;    // the schools taking part, 学校标识码 order
};
ExamTruth computeExamTruth(const DemoCounty &county);

struct SchoolAggregates {
    std::string code, name, typeCode, township;
    int pupils = 0;
    std::array<int, 3> byStage{};  // primary, junior, senior
    std::map<int, int> byGrade;
    int male = 0, female = 0;
    std::vector<ClassCount> classes;  // by grade, in roster order
    int largeClasses = 0, veryLargeClasses = 0;
    SpecialGroups special;
    int staff = 0;
    std::array<int, 3> teachers{};  // 专任教师 by teaching stage
    TrainingFigures training;
    int itNotPassed = 0;  // 专任教师 who have not passed the IT skills test
    EquipmentTruth equipment;
};

struct TownshipCount {
    std::string name;
    int schools = 0;
    int pupils = 0;
};

struct SizeBucket {
    int min = 0;
    int max = 0;  // 0: no upper bound
    int classes = 0;
};

struct CountyAggregates {
    std::uint64_t seed = 0;
    int schools = 0;
    std::map<std::string, int> schoolsByType;  // school_type code
    std::map<std::string, int> schoolsByKind;  // complete_secondary, nine_year, ...
    int pupils = 0;
    std::array<int, 3> byStage{};
    std::map<int, int> byGrade;
    int male = 0, female = 0;
    std::map<std::string, int> byEthnicity;  // GB 3304 code
    std::vector<TownshipCount> byTownship;   // county seat first
    int classes = 0;
    std::vector<SizeBucket> classSizes;
    int largeClasses = 0, veryLargeClasses = 0;
    std::array<int, 3> teachers{};
    SpecialGroups special;
    int staff = 0;
    std::map<std::string, int> staffByPost;  // post_category code
    int staffMale = 0, staffFemale = 0;
    // Keys: the age band, title and education level keys of StaffFigures.h; staffing and
    // backbone codes, "" for none given.
    std::map<std::string, int> staffByAgeBand, staffByTitleLevel, staffByEducationLevel, staffByStaffing,
        staffByBackbone;
    TrainingFigures training;
    std::map<int, std::map<std::string, int>> honoursByYear;  // year -> award_level code -> honours
    std::map<std::string, int> annualResults, ethicsResults;   // kAssessedYear, assessment_result code
    int itNotPassed = 0;
    EquipmentTruth equipment;
    std::vector<SchoolAggregates> perSchool;
    DemoExam exam;      // what the exam is (its subjects and full marks)
    ExamTruth examTruth;
};

CountyAggregates computeAggregates(const DemoCounty &county);
// Fills each school's and the county's equipment figures (after the pupils and staff are counted).
void addEquipmentFigures(CountyAggregates &a, const DemoCounty &county);
std::string kindKey(SchoolKind kind);  // complete_secondary, nine_year, junior, central_primary, ...

} // namespace emis::demo
