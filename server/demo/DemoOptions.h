#pragma once

#include <cstdint>
#include <string>

namespace emis::demo {

// How big the demo county is. The defaults are the reference county of DESIGN.md ("Scale":
// Hukou county, Jiangxi), and the generator hits every one of these totals exactly.
struct DemoOptions {
    std::uint64_t seed = 20260901;

    // Institutions by kind. The reference gives "88 村小/教学点" as one figure; it is split here
    // into village primary schools (办学类型 211) and teaching points (218).
    int completeSecondary = 2;   // 完全中学: 初中 + 高中
    int nineYear = 4;            // 九年一贯制学校: grades 1-9
    int junior = 11;             // 初级中学: grades 7-9
    int centralPrimary = 17;     // 完小 (中心小学): grades 1-6
    int villagePrimary = 38;     // 村小: grades 1-6
    int teachingPoints = 50;     // 教学点: often grades 1-3 only

    int primaryPupils = 20934;   // grades 1-6
    int juniorPupils = 8942;     // grades 7-9
    int seniorPupils = 7175;     // grades 10-12

    int primaryTeachers = 1319;  // 专任教师 by the stage they teach
    int juniorTeachers = 645;
    int seniorTeachers = 455;
    int otherStaff = 100;        // 行政, 教辅, 工勤: 2,519 staff in all at reference scale

    int townships = 12;

    int schoolCount() const;
    int pupilCount() const;
    int staffCount() const;

    // Every figure of the reference county times `factor` (at least one school of each kind, so
    // that every stage has somewhere to go): 0.05 makes a county a test can read in a blink.
    static DemoOptions scaled(double factor);
    // The benchmark county of DESIGN.md: 500 schools, 200,000 pupils, 15,000 staff, shaped like
    // the reference one.
    static DemoOptions large();

    // Why these options cannot make a county (a stage with pupils but no school to hold them,
    // fewer pupils than classes, ...), or empty when they can.
    std::string problem() const;
};

} // namespace emis::demo
