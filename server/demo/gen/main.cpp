// emis-demo-gen --out DIR [--seed N] [--scale reference|large|FACTOR]
#include "DemoCounty.h"
#include "DemoFiles.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char **argv)
{
    CLI::App app{"Writes a seeded demo county (schools.csv, rosters/, aggregates.json) to a folder."};
    std::string out;
    std::uint64_t seed = emis::demo::DemoOptions{}.seed;
    std::string scale = "reference";
    app.add_option("--out", out, "Folder to write into (created if missing)")->required();
    app.add_option("--seed", seed, "Seed: the same seed makes the same county");
    app.add_option("--scale", scale,
                   "reference (122 schools, 37,051 pupils, 2,519 staff), large (500 / 200,000 / 15,000), "
                   "or a factor of the reference county such as 0.1");
    CLI11_PARSE(app, argc, argv);

    emis::demo::DemoOptions options;
    if (scale == "large") {
        options = emis::demo::DemoOptions::large();
    } else if (scale != "reference") {
        char *end = nullptr;
        const double factor = std::strtod(scale.c_str(), &end);
        if (end == scale.c_str() || *end != '\0' || factor <= 0) {
            std::fprintf(stderr, "--scale: expected reference, large or a positive factor, got %s\n", scale.c_str());
            return 2;
        }
        options = emis::demo::DemoOptions::scaled(factor);
    }
    options.seed = seed;
    if (const auto problem = options.problem(); !problem.empty()) {
        std::fprintf(stderr, "cannot make this county: %s\n", problem.c_str());
        return 2;
    }

    using Clock = std::chrono::steady_clock;
    const auto ms = [](Clock::duration d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
    const auto t0 = Clock::now();
    const auto county = emis::demo::generateDemoCounty(options);
    const auto t1 = Clock::now();
    if (const auto error = emis::demo::writeDemoFiles(county, out); !error.empty()) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    const auto t2 = Clock::now();
    std::printf("%zu schools, %zu classes, %zu pupils, %zu staff (seed %llu) written to %s\n", county.schools.size(),
                county.classes.size(), county.pupils.size(), county.staff.size(),
                static_cast<unsigned long long>(seed), out.c_str());
    std::printf("generate %lld ms, write %lld ms\n", static_cast<long long>(ms(t1 - t0)),
                static_cast<long long>(ms(t2 - t1)));
    return 0;
}
