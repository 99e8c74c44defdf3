#include "DemoFiles.h"

#include "Aggregates.h"
#include "AggregatesWriter.h"
#include "ExamMaker.h"
#include "RosterWriter.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace emis::demo {
namespace {

std::string writeFile(const std::filesystem::path &path, const std::string &bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (out)
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (out)
        out.close();
    if (!out)
        return "cannot write " + path.string() + ": " + std::strerror(errno);
    return {};
}

} // namespace

std::string writeDemoFiles(const DemoCounty &county, const std::filesystem::path &dir)
{
    std::error_code ec;
    std::filesystem::create_directories(dir / "rosters", ec);
    if (ec)
        return "cannot create " + (dir / "rosters").string() + ": " + ec.message();
    if (auto e = writeFile(dir / "schools.csv", schoolsCsv(county)); !e.empty())
        return e;
    // Pupils and staff are stored by school, so each school's rows are one run.
    std::size_t pupil = 0, member = 0;
    for (std::size_t i = 0; i < county.schools.size(); ++i) {
        const std::size_t pupilStart = pupil, staffStart = member;
        while (pupil < county.pupils.size() && county.pupils[pupil].school == i)
            ++pupil;
        while (member < county.staff.size() && county.staff[member].school == i)
            ++member;
        const std::filesystem::path base = dir / "rosters" / county.schools[i].code;
        if (auto e = writeFile(base.string() + "_students.csv", studentsCsv(county, pupilStart, pupil)); !e.empty())
            return e;
        if (auto e = writeFile(base.string() + "_staff.csv", staffCsv(county, staffStart, member)); !e.empty())
            return e;
        for (std::string_view table : kGrowthTables)
            if (auto e = writeFile(base.string() + "_" + std::string(table) + ".csv",
                                   growthCsv(county, staffStart, member, table));
                !e.empty())
                return e;
        // The joint exam's sheet, for the schools with pupils of its grade.
        if (std::any_of(county.exam.pupils.begin(), county.exam.pupils.end(),
                        [&](std::size_t p) { return county.pupils[p].school == i; }))
            if (auto e = writeFile(base.string() + "_scores.csv", scoreSheetCsv(county, i)); !e.empty())
                return e;
        for (std::string_view table : kEquipmentTables)
            if (auto e = writeFile(base.string() + "_" + std::string(table) + ".csv", equipmentCsv(county, i, table));
                !e.empty())
                return e;
    }
    return writeFile(dir / "aggregates.json", aggregatesJson(computeAggregates(county)));
}

} // namespace emis::demo
