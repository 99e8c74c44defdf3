#pragma once

#include "DemoOptions.h"

#include <cstddef>
#include <string>
#include <vector>

// The demo county of issue 4 item 8: a seeded, deterministic county shaped like the reference
// county in DESIGN.md, so that imports, sync, reports and benchmarks have realistic data and
// reports can be checked against true aggregates. Plain structs, no Qt, no store: `emisctl demo`
// and `emis-demo-gen` decide where the data goes.
namespace emis::demo {

// Reference day of the data: the first day of school year 2026-27. Ages, grades and entry
// months are consistent with it.
inline constexpr int kSchoolYear = 2026;

enum class SchoolKind {
    CompleteSecondary,  // 完全中学 (341): grades 7-12
    NineYear,           // 九年一贯制学校 (312): grades 1-9
    Junior,             // 初级中学 (311): grades 7-9
    CentralPrimary,     // 完小 / 中心小学 (211): grades 1-6
    VillagePrimary,     // 村小 (211): grades 1-6
    TeachingPoint,      // 小学教学点 (218): grades 1-3, some up to 4 or 6
};

// Stage codes of the `stage` code table.
enum class Stage { Primary = 1, Junior = 2, Senior = 3 };
Stage stageOfGrade(int grade);  // 1-6, 7-9, 10-12

struct DemoSchool {
    std::string id;        // UUIDv7, the row id in the stores (not written to any file)
    std::string code;      // 学校标识码, 10 digits
    std::string name;      // 湖口县流泗镇中心小学
    std::string typeCode;  // school_type code: 341, 312, 311, 211, 218
    std::string township;  // 所在乡镇
    SchoolKind kind = SchoolKind::CentralPrimary;
    int firstGrade = 1;
    int lastGrade = 6;
};

struct DemoClass {
    std::string id;        // UUIDv7
    std::size_t school = 0;  // index into DemoCounty::schools
    int grade = 1;
    std::string name;      // 1班, 2班, ...
    int entryYear = kSchoolYear;
    std::string headTeacher;
    int size = 0;          // pupils in it
};

// One pupil, fields as the students table has them (codes, YYYY-MM-DD, YYYY-MM).
struct DemoPupil {
    std::size_t school = 0;
    int grade = 1;
    std::string className;
    std::string studentNo;   // 学籍号: "G" + ID number
    std::string name;
    bool male = true;
    std::string birthDate;
    std::string idNumber;    // 18 characters, valid check character, unique in the county
    std::string ethnicity;   // code, "01" 汉族
    std::string entryMonth;
    std::string hukou;
    std::string address;
    std::string guardianName;
    std::string guardianPhone;
    bool leftBehind = false;         // 留守儿童
    bool migrant = false;            // 随迁子女
    bool povertyRegistered = false;  // 建档立卡
    bool boarding = false;           // 寄宿
};

// The teacher growth file's rows, fields as their tables (schema/StaffTables.cpp) have them.
struct DemoTraining {
    std::string course, organiser, level, startDate, endDate;  // level: award_level code
    int hours = 0;
};
struct DemoHonour {
    std::string title, level, date, issuer;
};
struct DemoAssessment {
    int year = 0;
    std::string kind, result;  // assessment_kind, assessment_result codes
};
struct DemoItTest {
    std::string date, result;  // it_result code
    int score = 0;
};

// One member of staff, fields as the staff table has them.
struct DemoStaff {
    std::size_t school = 0;
    std::string staffNo;       // 工号: 学校标识码 + 3 digits
    std::string name;
    bool male = true;
    std::string birthDate;
    std::string idNumber;
    std::string ethnicity;
    std::string postCategory;  // code: 1 专任教师, 2 行政, 3 教辅, 4 工勤
    std::string teachingStage; // stage code for 专任教师, empty otherwise
    std::string subject;
    std::string education;
    std::string title;
    std::string workStart;     // YYYY-MM
    std::string political;
    std::string phone;
    // 人事 (GrowthMaker.cpp): codes of the staffing and backbone tables, or empty.
    std::string department, position, staffing, backbone;
    std::vector<DemoTraining> training;
    std::vector<DemoHonour> honours;
    std::vector<DemoAssessment> assessments;
    std::vector<DemoItTest> itTests;
};

// Equipment (EquipmentMaker.cpp), fields as their tables (schema/EquipmentTables.cpp) have them.
struct DemoRoom {
    std::size_t school = 0;
    std::string name, kind, location;  // kind: room_kind code
    int seats = 0;
};
struct DemoAsset {
    std::size_t school = 0;
    std::string assetNo, category, name, brand, model, unit, purchaseDate, funding, state, use;  // codes
    int quantity = 1;
    double price = 0;            // 单价, yuan
    std::string priceText;       // as the school's sheet writes it: 4299, ¥4,299.00, 4299元
    std::string dateText;        // as the sheet writes the purchase date
    std::ptrdiff_t room = -1;    // index into DemoCounty::rooms, -1 for none
    std::ptrdiff_t keeper = -1;  // index into DemoCounty::staff, -1 for none
};
struct DemoAssetMove {
    std::size_t asset = 0;       // index into DemoCounty::assets
    std::string kind, date, reason;  // asset_move_kind code
    std::ptrdiff_t staff = -1;
};
struct DemoRoomUse {
    std::size_t room = 0;        // index into DemoCounty::rooms
    std::string date, content;
    int period = 1;
    std::ptrdiff_t teacher = -1;
};

// The county's joint exam (ExamMaker.cpp): every pupil of one grade, in each subject a score in
// half points, or the reason there is none.
inline constexpr int kAbsent = -1;  // 缺考
inline constexpr int kExempt = -2;  // 免考
struct DemoExamSubject {
    std::string code;  // subject code table: 01 语文 …
    std::string name;  // as the sheet's header writes it
    int fullMarks = 100;
};
struct DemoExam {
    std::string name, term;  // term as `emisctl exam add --term` takes it: 2026-2027-1
    int grade = 0;
    std::vector<DemoExamSubject> subjects;
    std::vector<std::size_t> pupils;      // indexes into DemoCounty::pupils, by school
    std::vector<std::vector<int>> halves;  // [pupil][subject]: the score × 2, or kAbsent / kExempt
};

struct DemoCounty {
    std::uint64_t seed = 0;
    std::vector<std::string> townships;
    std::vector<DemoSchool> schools;  // in 学校标识码 order
    std::vector<DemoClass> classes;   // by school, grade, class
    std::vector<DemoPupil> pupils;    // by school, grade, class
    std::vector<DemoStaff> staff;     // by school
    std::vector<DemoRoom> rooms;      // by school
    std::vector<DemoAsset> assets;    // by school
    std::vector<DemoAssetMove> assetMoves;  // by school, each school's in the order it records them
    std::vector<DemoRoomUse> roomUse; // by school
    DemoExam exam;
};

// Makes the county. Same options, same county (ids aside, which are fresh UUIDv7s).
// Precondition: options.problem() is empty (std::invalid_argument otherwise).
DemoCounty generateDemoCounty(const DemoOptions &options);

} // namespace emis::demo
