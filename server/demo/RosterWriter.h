#pragma once

#include "DemoCounty.h"

#include <string>
#include <string_view>

namespace emis::demo {

// The demo county's CSV files, as text (UTF-8 with BOM), in the shapes clerks and IT hand in:
//   schools.csv      学校标识码,学校名称,办学类型,所在乡镇 — what `emisctl school import` reads
//   <code>_students.csv  the 学生名册 template of DESIGN.md ("Import templates"), in its order
//   <code>_staff.csv     the 教职工名册 template
//   <code>_<table>.csv   a growth file sheet (staff_training, staff_honours, staff_assessments,
//                        staff_it_tests): the teacher by 工号 and 姓名, then the table's columns
//   <code>_<table>.csv   an equipment sheet (rooms, assets, asset_moves, room_usage): people by
//                        name and 工号, rooms by name, assets by 资产编号; prices and purchase
//                        dates in the forms sheets use (¥4,299.00, 4299元; 2019/9/1, 2019年9月1日)
//   <code>_scores.csv    the joint exam's score sheet (ExamMaker.h), for schools with its grade
// Values are written as clerks write them: 男/女, 民族 and 年级 by name (一年级, 高一),
// dates 2016-09-01, months 2016-09, yes/no as 是/否. Headers come from the schema's labels.
std::string schoolsCsv(const DemoCounty &county);
// `first`..`last` is the school's range in county.pupils / county.staff (both are by school).
std::string studentsCsv(const DemoCounty &county, std::size_t first, std::size_t last);
std::string staffCsv(const DemoCounty &county, std::size_t first, std::size_t last);
std::string growthCsv(const DemoCounty &county, std::size_t first, std::size_t last, std::string_view table);
std::string equipmentCsv(const DemoCounty &county, std::size_t school, std::string_view table);
inline constexpr std::string_view kEquipmentTables[] = {"rooms", "assets", "asset_moves", "room_usage"};
// The growth file's tables the demo fills, in the order a school imports them.
inline constexpr std::string_view kGrowthTables[] = {"staff_training", "staff_honours", "staff_assessments",
                                                     "staff_it_tests"};

} // namespace emis::demo
