// bench_link: sync over the links schools have (issue 25), through the real emis-cli and
// emis-server and a loopback relay that holds every byte 100 ms each way and carries 1 Mbit/s
// each direction (LinkRelay; this kernel has no netem). Prints, each beside its limit:
//   - the first sync of the demo county's largest school (its roster imported offline): seconds
//     (limit 15 s), bytes up and down (down at most 10% of up), round trips;
//   - a sync with nothing to do, and one with one edited pupil: round trips after the TLS
//     handshake (limit 3) and bytes each way (limit 1 KB);
//   - the school's exam scores (one exam per grade, six subjects), imported offline, synced;
//   - the first sync of the next largest schools with the connection cut every 20 s and every second,
//     emis-cli sync run again after each cut until it completes: attempts, seconds, and the
//     server's count of the school's pupils against its roster (nothing lost, nothing doubled).
// A round trip is a burst of the client's bytes after the server's; a TLS 1.3 handshake with a
// client certificate takes 2 of them (the ClientHello; the client's certificate and Finished).
// Usage: bench_link [--delay-ms 100] [--kbit 1000]
#include "CliRunner.h"
#include "LinkRelay.h"
#include "ScoreSheets.h"
#include "ServerFixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

using namespace emis;
using bench::gradesOf;
using bench::writeScores;

namespace {

constexpr int kTlsRoundTrips = 2;

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "bench_link: %s\n", qPrintable(what));
    std::exit(1);
}

CliResult mustRun(const CliRunner &cli, const QStringList &args)
{
    CliResult r = cli.run(args, 900000);
    if (r.exitCode != 0)
        fail(QStringLiteral("emis-cli %1 exited %2: %3 %4").arg(args.join(QLatin1Char(' '))).arg(r.exitCode).arg(r.out, r.err));
    return r;
}

int linesOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    int n = 0;
    while (!f.atEnd())
        n += f.readLine().trimmed().isEmpty() ? 0 : 1;
    return n;
}

struct Roster {
    QString code;
    QString path;
    int pupils = 0;
};

// The demo's rosters, largest first.
std::vector<Roster> rosters(const ServerFixture &server)
{
    std::vector<Roster> out;
    const QDir dir(server.dir() + QStringLiteral("/demo/rosters"));
    for (const QString &name : dir.entryList({QStringLiteral("*_students.csv")}, QDir::Files)) {
        const QString path = dir.filePath(name);
        out.push_back({name.section(QLatin1Char('_'), 0, 0), path, linesOf(path) - 1});
    }
    std::sort(out.begin(), out.end(), [](const Roster &a, const Roster &b) { return a.pupils > b.pupils; });
    if (out.size() < 2)
        fail(QStringLiteral("the demo has fewer than two rosters"));
    return out;
}

CliRunner enrolledThrough(const ServerFixture &server, const LinkRelay &relay, const QString &dataDir, const QString &code)
{
    CliRunner cli(dataDir);
    const auto r = cli.run({QStringLiteral("enroll"), QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(relay.port()),
                            QStringLiteral("--code"), server.enrollCode(code)},
                           120000);
    if (r.exitCode != 0)
        fail(QStringLiteral("enroll %1: %2").arg(code, r.err));
    return cli;
}

double seconds(const QElapsedTimer &t) { return static_cast<double>(t.nsecsElapsed()) / 1e9; }

void printLine(const char *what, double s, const LinkRelay::Counts &c)
{
    std::printf("%-44s %8.2f s  up %9lld B  down %9lld B  round trips %3d\n", what, s, static_cast<long long>(c.up),
                static_cast<long long>(c.down), c.roundTrips);
}

void printRatio(const char *what, double value, double limit, const char *unit)
{
    std::printf("  %-42s %10.2f %-3s limit %8.2f  ratio %.2f%s\n", what, value, unit, limit, value / limit,
                value > limit ? "  OVER" : "");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int delayMs = 100, kbit = 1000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (a == QLatin1String("--delay-ms"))
            delayMs = std::atoi(argv[i + 1]);
        else if (a == QLatin1String("--kbit"))
            kbit = std::atoi(argv[i + 1]);
        else
            fail(QStringLiteral("usage: bench_link [--delay-ms 100] [--kbit 1000]"));
    }
    QTemporaryDir scratch;
    ServerFixture server;
    if (!server.init(false))
        fail(QStringLiteral("emisctl init failed"));
    if (const auto r = server.ctl({QStringLiteral("demo"), QStringLiteral("--dir"), server.dir()}); r.exitCode != 0)
        fail(QStringLiteral("emisctl demo: ") + r.err);
    const auto all = rosters(server);
    // The largest school's end-of-term exams, one per grade it has (七年级 to 高三 in the demo),
    // six subjects each: about as many score rows as the school has pupils, times six.
    const QStringList subjects{QStringLiteral("语文"), QStringLiteral("数学"), QStringLiteral("英语"),
                               QStringLiteral("物理"), QStringLiteral("化学"), QStringLiteral("道德与法治")};
    std::map<int, QString> exams;  // grade -> exam id
    for (int grade : gradesOf(all[0].path)) {
        QStringList args{QStringLiteral("exam"), QStringLiteral("add"), QStringLiteral("--dir"), server.dir(),
                         QStringLiteral("--name"), QStringLiteral("期末考试 %1").arg(grade), QStringLiteral("--term"),
                         QStringLiteral("2025-2026-2"), QStringLiteral("--grade"), QString::number(grade),
                         QStringLiteral("--school"), all[0].code};
        for (const auto &subject : subjects)
            args << QStringLiteral("--subject") << subject + QStringLiteral(":100");
        const auto r = server.ctl(args);
        if (r.exitCode != 0)
            fail(QStringLiteral("emisctl exam add: ") + r.err);
        exams[grade] = r.out.trimmed();
    }
    if (!server.start())
        fail(QStringLiteral("emis-server did not start"));
    LinkRelay relay(server.port(), delayMs, static_cast<qint64>(kbit) * 1000 / 8);
    std::printf("link: %d ms each way, %d kbit/s each direction\n\n", delayMs, kbit);

    // The largest school's first sync, its roster imported offline.
    const Roster &big = all[0];
    const CliRunner cli = enrolledThrough(server, relay, scratch.filePath(QStringLiteral("big")), big.code);
    mustRun(cli, {QStringLiteral("import"), QStringLiteral("students"), big.path});
    relay.reset();
    QElapsedTimer t;
    t.start();
    mustRun(cli, {QStringLiteral("sync")});
    const double first = seconds(t);
    const auto firstCounts = relay.counts();
    char label[96];
    std::snprintf(label, sizeof label, "first sync, school %s (%d pupils)", qPrintable(big.code), big.pupils);
    printLine(label, first, firstCounts);
    printRatio("seconds", first, 15, "s");
    printRatio("bytes down / bytes up, in %", 100.0 * static_cast<double>(firstCounts.down) / static_cast<double>(firstCounts.up),
               10, "%");
    std::printf("  per pupil: up %lld B, down %lld B\n", static_cast<long long>(firstCounts.up / big.pupils),
                static_cast<long long>(firstCounts.down / big.pupils));

    relay.reset();
    t.restart();
    mustRun(cli, {QStringLiteral("sync")});
    const auto noop = relay.counts();
    printLine("no-op sync", seconds(t), noop);
    printRatio("round trips after the TLS handshake", noop.roundTrips - kTlsRoundTrips, 3, "");

    const auto listed = mustRun(cli, {QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("students")});
    const QString pupil = listed.json().array().at(0).toObject().value(QStringLiteral("id")).toString();
    mustRun(cli, {QStringLiteral("edit"), QStringLiteral("students"), pupil, QStringLiteral("--set"),
                  QStringLiteral("家庭住址=城关镇解放路12号")});
    relay.reset();
    t.restart();
    mustRun(cli, {QStringLiteral("sync")});
    const auto edit = relay.counts();
    printLine("one-edit sync", seconds(t), edit);
    printRatio("round trips after the TLS handshake", edit.roundTrips - kTlsRoundTrips, 3, "");
    printRatio("bytes up (TLS handshake included)", static_cast<double>(edit.up), 1024, "B");
    printRatio("bytes down (TLS handshake included)", static_cast<double>(edit.down), 1024, "B");
    std::printf("  beyond the no-op sync (the TLS handshake, the Hello and an empty pull): up %lld B, down %lld B\n",
                static_cast<long long>(edit.up - noop.up), static_cast<long long>(edit.down - noop.down));

    // One exam's scores of the school, per grade, imported offline and synced.
    int scoreRows = 0;
    for (const auto &[grade, exam] : exams) {
        const QString sheet = scratch.filePath(QStringLiteral("scores_%1.csv").arg(grade));
        scoreRows += writeScores(big.path, grade, subjects, sheet);
        mustRun(cli, {QStringLiteral("import"), QStringLiteral("scores"), sheet, QStringLiteral("--exam"), exam});
    }
    relay.reset();
    t.restart();
    mustRun(cli, {QStringLiteral("sync")});
    const auto scores = relay.counts();
    std::snprintf(label, sizeof label, "sync of the exam's scores (%d rows)", scoreRows);
    printLine(label, seconds(t), scores);
    std::printf("  per score: up %.1f B, down %.1f B\n", static_cast<double>(scores.up) / scoreRows,
                static_cast<double>(scores.down) / scoreRows);
    const int heldScores = server.query(QStringLiteral("SELECT count(*) FROM scores WHERE deleted = 0")).toInt();
    std::printf("  the server holds %d score rows%s\n", heldScores, heldScores == scoreRows ? "" : "  (not every row)");

    // The next schools, the connection cut every 20 s, then every second (a sync here takes less
    // than 20 s); emis-cli sync again after each cut.
    bool whole = true;
    for (const auto &[school, cutMs] : {std::pair{all[1], 20000}, {all[2], 1000}}) {
        const CliRunner cut = enrolledThrough(server, relay, scratch.filePath(school.code), school.code);
        mustRun(cut, {QStringLiteral("import"), QStringLiteral("students"), school.path});
        relay.reset();
        relay.setCutEvery(cutMs);
        t.restart();
        int attempts = 0;
        for (int code = -1; code != 0 && attempts < 60; ++attempts)
            code = cut.run({QStringLiteral("sync")}, 900000).exitCode;
        const double cutSeconds = seconds(t);
        relay.setCutEvery(0);
        std::snprintf(label, sizeof label, "first sync cut every %.0f s, %s (%d pupils)", cutMs / 1000.0, qPrintable(school.code),
                      school.pupils);
        printLine(label, cutSeconds, relay.counts());
        const int held = server
                             .query(QStringLiteral("SELECT count(*) FROM students WHERE deleted = 0 AND school_id = "
                                                   "(SELECT id FROM schools WHERE code = ?)"),
                                    {school.code})
                             .toInt();
        std::printf("  %d attempt(s), %d cut(s); the server holds %d of the roster's %d pupils%s\n", attempts,
                    relay.counts().cuts, held, school.pupils, held == school.pupils ? "" : "  LOST OR DOUBLED");
        whole = whole && held == school.pupils;
    }
    return whole ? 0 : 1;
}
