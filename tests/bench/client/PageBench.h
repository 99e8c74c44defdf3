#pragma once

// The in-process half of bench_client: a pulled page applied as the sync engine applies it, and
// the longest a clerk's save waits while the sync worker's thread applies pages.
#include "DemoCounty.h"

#include <QString>

namespace emis::bench {

struct PageFigures {
    double applySeconds = 0;   // one page of `rows` new rows through RemoteMerge::applyPage
    double againSeconds = 0;   // the same page applied again (a re-pull: nothing changes)
    double rawSeconds = 0;     // raw sqlite3 insert of the same rows
    double longestWaitMs = 0;  // longest save on the GUI connection while the worker applies pages
    double workerSeconds = 0;  // the worker's pages meanwhile
    int saves = 0;
    int failedSaves = 0;
    int savesOver50Ms = 0;
};

// `dir` is a scratch folder; rows come from the county's pupils, owned by one school of it.
PageFigures measurePages(const demo::DemoCounty &county, const QString &dir, int rows);

} // namespace emis::bench
