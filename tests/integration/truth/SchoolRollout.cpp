#include "SchoolRollout.h"

#include "CliRunner.h"
#include "ServerFixture.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <mutex>
#include <thread>

namespace {

QString describe(const QString &code, const char *step, const CliResult &r)
{
    return QStringLiteral("%1 %2: exit %3 %4 %5").arg(code, QLatin1String(step)).arg(r.exitCode).arg(r.out, r.err);
}

// One school, start to end; returns what went wrong or an empty string.
QString runSchool(const ServerFixture &server, const QString &rosterDir, const QString &devicesDir,
                  const RolloutSchool &school, std::array<std::atomic<qint64>, RolloutResult::kSteps> &stepMs)
{
    QElapsedTimer t;
    const auto lap = [&](int step) { stepMs[static_cast<std::size_t>(step)] += t.restart(); };
    t.start();
    const auto code = server.ctl({QStringLiteral("enroll-code"), QStringLiteral("--dir"), server.dir(),
                                  QStringLiteral("--school"), school.code});
    lap(0);
    if (code.exitCode != 0)
        return school.code + QStringLiteral(" enroll-code: ") + code.err;

    const CliRunner cli(devicesDir + QLatin1Char('/') + school.code);
    const auto enroll = cli.run({QStringLiteral("enroll"), QStringLiteral("--server"),
                                 QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("--code"),
                                 code.out.trimmed()});
    lap(1);
    if (enroll.exitCode != 0)
        return describe(school.code, "enroll", enroll);

    const QString roster = rosterDir + QLatin1Char('/') + school.code;
    const std::pair<const char *, int> imports[] = {{"students", school.pupils}, {"staff", school.staff}};
    for (int i = 0; i < 2; ++i) {
        const auto &[table, rows] = imports[i];
        const auto r = cli.run({QStringLiteral("--json"), QStringLiteral("import"), QLatin1String(table),
                                roster + QStringLiteral("_%1.csv").arg(QLatin1String(table))});
        lap(2 + i);
        if (r.exitCode != 0 || r.json().object().value(QLatin1String("added")).toInt() != rows)
            return describe(school.code, table, r) + QStringLiteral(" (expected %1 added)").arg(rows);
    }

    // The staff's growth file, a sheet per table naming each teacher by 工号, then the school's
    // equipment (rooms, the register, its moves, the rooms' use): every row kept.
    for (const char *table : {"staff_training", "staff_honours", "staff_assessments", "staff_it_tests", "rooms", "assets",
                              "asset_moves", "room_usage"}) {
        const auto r = cli.run({QStringLiteral("--json"), QStringLiteral("import"), QLatin1String(table),
                                roster + QStringLiteral("_%1.csv").arg(QLatin1String(table))});
        const QJsonObject o = r.json().object();
        if (r.exitCode != 0 || !o.value(QLatin1String("rejected")).toArray().isEmpty() ||
            !o.value(QLatin1String("refused")).toArray().isEmpty() ||
            o.value(QLatin1String("added")).toInt() != o.value(QLatin1String("accepted")).toInt())
            return describe(school.code, table, r);
    }
    lap(4);

    const auto synced = [&](const char *what) {
        const auto sync = cli.run({QStringLiteral("--json"), QStringLiteral("sync")}, 300000);
        const QJsonObject s = sync.json().object();
        if (sync.exitCode != 0 || s.value(QLatin1String("rejections")).toInt() != 0 ||
            s.value(QLatin1String("pending")).toInt() != 0)
            return describe(school.code, what, sync);
        return QString();
    };
    if (QString failed = synced("sync"); !failed.isEmpty())
        return failed;
    lap(5);

    // The county's joint exam arrived with the sync: the school's score sheet, as its teachers
    // keep it, imported against it, every cell kept, and synced.
    const QString sheet = roster + QStringLiteral("_scores.csv");
    if (!QFileInfo::exists(sheet))
        return {};
    const auto exams = cli.run({QStringLiteral("--json"), QStringLiteral("exams")});
    QString examId;
    for (const auto &e : exams.json().array())
        if (e.toObject().value(QLatin1String("county")).toBool())
            examId = e.toObject().value(QLatin1String("id")).toString();
    if (exams.exitCode != 0 || examId.isEmpty())
        return describe(school.code, "exams (no county exam)", exams);
    const auto scores = cli.run({QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("scores"), sheet,
                                 QStringLiteral("--exam"), examId});
    const QJsonObject o = scores.json().object();
    if (scores.exitCode != 0 || !o.value(QLatin1String("rejected")).toArray().isEmpty() ||
        !o.value(QLatin1String("refused")).toArray().isEmpty() || o.value(QLatin1String("added")).toInt() == 0)
        return describe(school.code, "import scores", scores);
    const QString failed = synced("sync of the scores");
    lap(6);
    return failed;
}

} // namespace

const char *RolloutResult::stepName(int i)
{
    static const char *const names[kSteps] = {"emisctl enroll-code", "emis-cli enroll", "emis-cli import students",
                                              "emis-cli import staff", "emis-cli import growth, equipment",
                                              "emis-cli sync", "emis-cli import scores, sync"};
    return names[i];
}

RolloutResult rollOut(const ServerFixture &server, const QString &rosterDir, const QString &devicesDir,
                      const std::vector<RolloutSchool> &schools, int jobs)
{
    RolloutResult result;
    std::array<std::atomic<qint64>, RolloutResult::kSteps> stepMs{};
    std::atomic<std::size_t> next{0};
    std::mutex failuresMutex;
    QElapsedTimer wall;
    wall.start();
    // Each worker blocks on its own child processes (QProcess needs no event loop for that).
    std::vector<std::thread> workers;
    for (int j = 0; j < std::max(1, jobs); ++j)
        workers.emplace_back([&] {
            for (std::size_t i = next++; i < schools.size(); i = next++) {
                const QString failure = runSchool(server, rosterDir, devicesDir, schools[i], stepMs);
                if (!failure.isEmpty()) {
                    const std::lock_guard lock(failuresMutex);
                    result.failures << failure;
                }
            }
        });
    for (auto &w : workers)
        w.join();
    result.wallMs = wall.elapsed();
    for (int i = 0; i < RolloutResult::kSteps; ++i)
        result.stepMs[static_cast<std::size_t>(i)] = stepMs[static_cast<std::size_t>(i)];
    return result;
}
