// emisctl demo and emisctl report: the demo county and the county reports.
#include "ctl/Commands.h"

#include "DemoCounty.h"
#include "DemoFiles.h"
#include "DemoOptions.h"
#include "net/ServerConfig.h"
#include "report/ReportEngine.h"
#include "text/ReportTable.h"
#include "store/SqliteStore.h"
#include "store/StoreSession.h"
#include "sync/Hlc.h"
#include "validate/RecordValidator.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace emis::server::ctl {

int demo(const std::string &dir, std::uint64_t seed)
{
    const ServerConfig cfg = ServerConfig::load(dir);
    demo::DemoOptions options;
    if (seed)
        options.seed = seed;
    const demo::DemoCounty county = demo::generateDemoCounty(options);
    const std::string out = cfg.path("demo");
    if (const std::string error = demo::writeDemoFiles(county, out); !error.empty()) {
        std::cerr << "emisctl: " << error << "\n";
        return 1;
    }
    std::cout << "demo county written to " << out << ": " << county.schools.size() << " schools, "
              << county.pupils.size() << " pupils, " << county.staff.size() << " staff\n";
    // The schools enter the store the way IT adds them: through `school import`.
    if (const int status = schoolImport(dir, (std::filesystem::path(out) / "schools.csv").string()); status != 0)
        return status;
    // The county's joint exam, as 教研室 or IT adds one (`emisctl exam add`), once: a demo made
    // again keeps the exam the schools already score.
    bool known = false;
    SqliteStore(cfg.path("emis.db")).read([&](StoreSession &s) {
        for (const auto &e : s.allRows(*schema::findTable("exams")))
            known = known || (!e.deleted && e.schoolId == schema::kCountyOwner &&
                              validate::fieldText(e.values, "name") == county.exam.name);
    });
    if (known)
        return 0;
    std::vector<std::string> subjects;
    for (const auto &s : county.exam.subjects)
        subjects.push_back(s.name + ":" + std::to_string(s.fullMarks));
    std::cout << "county joint exam " << county.exam.name << ": ";
    return examAdd(dir, county.exam.name, county.exam.term, county.exam.grade, subjects, {});
}

int report(const std::string &dir, const std::string &name, const std::vector<std::string> &params, bool json)
{
    report::Params p;
    for (const auto &kv : params) {
        const auto eq = kv.find('=');
        if (eq == std::string::npos) {
            std::cerr << "emisctl: report parameters are key=value, not \"" << kv << "\"\n";
            return 2;
        }
        p[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    SqliteStore store(ServerConfig::load(dir).path("emis.db"));
    std::variant<std::string, Issue> result;
    store.read([&](StoreSession &s) { result = report::runReport(s, name, p, "admin"); });
    std::string detail = name;
    for (const auto &kv : params)
        detail += " " + kv;
    store.write([&](StoreSession &s) {
        s.audit(AuditEntry{static_cast<std::int64_t>(sync::systemNowMs()), "emisctl", {}, "report", detail});
    });
    if (const auto *issue = std::get_if<Issue>(&result)) {
        std::cerr << "emisctl: " << issue->text() << "\n";
        // The report's own parameters after a bad one; every report after an unknown name.
        const auto &all = report::reports();
        const bool known = std::any_of(all.begin(), all.end(), [&](const auto &info) { return info.name == name; });
        for (const auto &info : all)
            if (!known || info.name == name)
                std::cerr << "  " << info.name << "  " << info.titleZh << " / " << info.titleEn << "  "
                          << info.parameters << "\n";
        return 2;
    }
    const std::string &document = std::get<std::string>(result);
    std::cout << (json ? document : text::reportTable(document)) << (json ? "\n" : "");
    return 0;
}

} // namespace emis::server::ctl
