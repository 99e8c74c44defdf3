// bench_client_crash [rounds=1000] [seed=1]: crash and cut-network rounds against the real
// server and clients; prints "lost N, doubled M" (both must be 0).
#include "CrashScenario.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int rounds = args.size() > 1 ? args.at(1).toInt() : 1000;
    const quint32 seed = args.size() > 2 ? args.at(2).toUInt() : 1u;
    QElapsedTimer clock;
    clock.start();
    CrashScenario scenario(seed);
    if (!scenario.setUp()) {
        std::fprintf(stderr, "set-up failed: %s\n", qPrintable(scenario.figures().problems.join(QLatin1Char('\n'))));
        return 1;
    }
    for (int i = 0; i < rounds; ++i) {
        scenario.round();
        if ((i + 1) % 100 == 0)
            std::fprintf(stderr, "%d rounds\n", i + 1);
    }
    const auto f = scenario.finish();
    std::printf("%d rounds (seed %u) in %.1f s: %d saves, client kills %d, server kills %d, cuts %d\n", f.rounds, seed,
                static_cast<double>(clock.elapsed()) / 1000.0, f.saves, f.clientKills, f.serverKills, f.cuts);
    for (const auto &p : f.problems)
        std::printf("problem: %s\n", qPrintable(p));
    std::printf("lost %d, doubled %d\n", f.lost, f.doubled);
    return f.lost == 0 && f.doubled == 0 && f.problems.isEmpty() ? 0 : 1;
}
