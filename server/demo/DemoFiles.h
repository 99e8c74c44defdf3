#pragma once

#include "DemoCounty.h"

#include <filesystem>
#include <string>

namespace emis::demo {

// Writes the county into `dir` (created if missing; files of the same names are replaced):
//   schools.csv                       one row per school
//   rosters/<学校标识码>_students.csv  学生名册 per school
//   rosters/<学校标识码>_staff.csv     教职工名册 per school
//   rosters/<学校标识码>_<table>.csv   the staff's growth file per school, a sheet per table
//   aggregates.json                   the true figures (AggregatesWriter.cpp documents the shape)
// Returns an error a person can read ("cannot write /x/schools.csv: Permission denied"), or
// an empty string when every file was written.
std::string writeDemoFiles(const DemoCounty &county, const std::filesystem::path &dir);

} // namespace emis::demo
