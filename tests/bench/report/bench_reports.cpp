// Report speed on a large county (issue 8 item 5): every county report, and each drill-down
// level, run on the server's store, several times each; prints p50 and max milliseconds per
// report against the 100 ms target.
//   bench_reports [--scale large|reference|FACTOR] [--runs 9] [--dir DIR]
// The county is the one `emis-demo-gen --scale large` writes (500 schools, 200,000 pupils,
// 15,000 staff), loaded server-side through CountyWriter: each row validated, versioned and put
// on the feed as the server writes any row, one transaction per school. With --dir the store is
// kept there and reused by the next run (the load is skipped when it already holds pupils).
#include "DemoCounty.h"
#include "DemoOptions.h"
#include "DemoRows.h"
#include "report/ReportEngine.h"
#include "store/SqliteStore.h"
#include "store/StoreSession.h"
#include "sync/CountyWriter.h"
#include "sync/Hlc.h"
#include "text/JsonReader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

using namespace emis;
using namespace emis::server;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

std::int64_t nowMs() { return static_cast<std::int64_t>(sync::systemNowMs()); }

void load(SqliteStore &store, const demo::DemoCounty &county)
{
    sync::HlcClock clock("server");
    std::vector<std::string> ids;
    store.write([&](StoreSession &s) {
        CountyWriter writer(s, clock, "bench", nowMs());
        for (const auto &school : county.schools) {
            auto id = writer.addSchool({{"code", school.code}, {"name", school.name},
                                        {"school_type", school.typeCode}, {"township", school.township}});
            if (auto *issues = std::get_if<std::vector<Issue>>(&id)) {
                std::fprintf(stderr, "school %s refused: %s\n", school.code.c_str(), issues->front().text().c_str());
                std::exit(1);
            }
            ids.push_back(std::get<std::string>(id));
        }
    });
    const auto *students = schema::findTable("students");
    const auto *staff = schema::findTable("staff");
    std::size_t pupil = 0, member = 0;
    for (std::size_t i = 0; i < county.schools.size(); ++i) {
        store.write([&](StoreSession &s) {
            CountyWriter writer(s, clock, "bench", nowMs());
            const auto add = [&](const schema::Table &table, const validate::Record &record) {
                const auto written = writer.addRow(table, ids[i], record);
                if (const auto *issues = std::get_if<std::vector<Issue>>(&written)) {
                    std::fprintf(stderr, "row refused: %s\n", issues->front().text().c_str());
                    std::exit(1);
                }
            };
            for (; pupil < county.pupils.size() && county.pupils[pupil].school == i; ++pupil)
                add(*students, bench::pupilRecord(county.pupils[pupil]));
            for (; member < county.staff.size() && county.staff[member].school == i; ++member)
                add(*staff, bench::staffRecord(county.staff[member]));
        });
    }
}

struct Case {
    std::string name;
    report::Params params;
};

std::string paramText(const report::Params &p)
{
    std::string out;
    for (const auto &[k, v] : p)
        out += (out.empty() ? "" : " ") + k + "=" + v;
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    std::string scale = "large", dir;
    int runs = 9;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--scale")
            scale = argv[i + 1];
        else if (a == "--runs")
            runs = std::max(1, std::atoi(argv[i + 1]));
        else if (a == "--dir")
            dir = argv[i + 1];
    }
    demo::DemoOptions options = scale == "large"       ? demo::DemoOptions::large()
                                : scale == "reference" ? demo::DemoOptions{}
                                                       : demo::DemoOptions::scaled(std::atof(scale.c_str()));
    auto t = Clock::now();
    const demo::DemoCounty county = demo::generateDemoCounty(options);
    std::printf("county: %zu schools, %zu classes, %zu pupils, %zu staff, %zu townships (generated in %.0f ms)\n",
                county.schools.size(), county.classes.size(), county.pupils.size(), county.staff.size(),
                county.townships.size(), msSince(t));

    const bool temporary = dir.empty();
    if (temporary)
        dir = (std::filesystem::temp_directory_path() / ("bench_reports." + std::to_string(nowMs()))).string();
    std::filesystem::create_directories(dir);
    const std::string db = (std::filesystem::path(dir) / "emis.db").string();
    SqliteStore store(db);
    std::int64_t pupilsInStore = 0;
    store.read([&](StoreSession &s) {
        pupilsInStore = std::get<std::int64_t>(s.query("SELECT COUNT(*) FROM students", {})[0][0]);
    });
    if (pupilsInStore == 0) {
        t = Clock::now();
        load(store, county);
        const double loadMs = msSince(t);
        std::printf("loaded through CountyWriter in %.1f s (%.0f rows/s) into %s\n", loadMs / 1000,
                    static_cast<double>(county.pupils.size() + county.staff.size()) / (loadMs / 1000), db.c_str());
    } else {
        std::printf("store %s already holds %lld pupils: not loaded again\n", db.c_str(),
                    static_cast<long long>(pupilsInStore));
    }

    // The biggest township and school, so the drill-down levels do the most work.
    const std::string township = county.townships.front();
    const std::string school = county.schools.front().code;
    const std::vector<Case> cases = {
        {"enrolment", {{"by", "county"}}},
        {"enrolment", {{"by", "township"}}},
        {"enrolment", {{"by", "school"}, {"township", township}}},
        {"enrolment", {{"by", "school"}}},
        {"enrolment", {{"by", "grade"}, {"school", school}}},
        {"enrolment", {{"by", "class"}, {"school", school}, {"grade", "10"}}},
        {"enrolment", {{"by", "grade"}}},
        {"enrolment", {{"by", "class"}}},
        {"enrolment", {{"by", "stage"}}},
        {"enrolment", {{"by", "sex"}}},
        {"enrolment", {{"by", "ethnicity"}}},
        {"class_size", {{"by", "county"}}},
        {"class_size", {{"by", "township"}}},
        {"class_size", {{"by", "school"}}},
        {"class_size", {{"by", "size"}}},
        {"class_size", {{"by", "class"}}},
        {"class_size", {{"by", "class"}, {"school", school}}},
        {"teachers", {}},
        {"teachers", {{"school", school}}},
        {"staff", {{"by", "post"}}},
        {"staff", {{"by", "school"}}},
        {"schools", {{"by", "school"}}},
        {"schools", {{"by", "type"}}},
        {"schools", {{"by", "township"}}},
        {"special_groups", {{"by", "county"}}},
        {"special_groups", {{"by", "school"}}},
        {"duplicates", {}},
        {"data_quality", {}},
        {"data_quality", {{"township", township}}},
    };

    std::printf("\n%-15s %-40s %6s %8s %8s  %s\n", "report", "parameters", "rows", "p50 ms", "max ms", "<= 100 ms");
    int misses = 0;
    for (const auto &c : cases) {
        std::vector<double> times;
        std::size_t rows = 0;
        for (int r = 0; r <= runs; ++r) {  // the first run warms the page cache and is not counted
            std::variant<std::string, Issue> result;
            t = Clock::now();
            store.read([&](StoreSession &s) { result = report::runReport(s, c.name, c.params, "admin"); });
            const double ms = msSince(t);
            if (const auto *issue = std::get_if<Issue>(&result)) {
                std::fprintf(stderr, "%s: %s\n", c.name.c_str(), issue->text().c_str());
                return 1;
            }
            if (r > 0)
                times.push_back(ms);
            else if (const auto doc = text::parseJson(std::get<std::string>(result)))
                rows = doc->find("rows")->items.size();
        }
        std::sort(times.begin(), times.end());
        const double p50 = times[times.size() / 2], max = times.back();
        misses += max > 100 ? 1 : 0;
        std::printf("%-15s %-40s %6zu %8.1f %8.1f  %s\n", c.name.c_str(), paramText(c.params).c_str(), rows, p50, max,
                    max <= 100 ? "yes" : "NO");
    }
    std::printf("\n%d of %zu report runs over 100 ms at their slowest (%d runs each)\n", misses, cases.size(), runs);
    store.close();
    if (temporary)
        std::filesystem::remove_all(dir);
    return 0;
}
