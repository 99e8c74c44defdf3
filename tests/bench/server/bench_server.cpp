// Load tool for emis-server (issue 4's benchmark). Starts the real emisctl, emis-server and
// emis-cli on a free loopback port in a temporary directory and prints:
//   (a) one-change push round trip p50/p99 with 122 and with 500 connected devices
//   (b) a bulk push of the whole demo county in rows/s, beside a raw sqlite3 insert of the same
//       rows on the same disk, in the same run; both sides make their rows before their clock
//       starts
//   (c) the server's resident memory with 500 idle connections (measured first)
// Every push is durably committed by the server before it is acknowledged.
//   bench_server [--rounds 10] [--think-ms 1000] [--keep DIR] [--only bulk]
// --only bulk enrolls one device per school and runs (b) alone, for profiling the push path.
#include "DemoCounty.h"
#include "DemoOptions.h"
#include "DemoRows.h"
#include "LoadClient.h"
#include "RawInsert.h"
#include "RosterWriter.h"
#include "sync/Hlc.h"
#include "sync/Uuid.h"
#include "sync/WireConvert.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

using namespace emis;
using namespace emis::bench;
using Clock = std::chrono::steady_clock;

namespace {

QString g_dir;
quint16 g_port = 0;

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        std::cerr << "bench_server: " << program.toStdString() << " " << args.join(QLatin1Char(' ')).toStdString()
                  << " failed:\n"
                  << p.readAllStandardError().toStdString() << p.readAllStandardOutput().toStdString();
        std::exit(1);
    }
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

DeviceFilesOnDisk deviceFiles(int i)
{
    const QString d = g_dir + QStringLiteral("/devices/%1").arg(i);
    const auto file = [&](const char *name) { return QDir(d).filePath(QString::fromLatin1(name)).toStdString(); };
    return {file("device.pem"), file("device.key"), file("ca.pem")};
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto idx = static_cast<std::size_t>(std::max(0.0, std::ceil(p * static_cast<double>(v.size())) - 1));
    return v[std::min(idx, v.size() - 1)];
}

wire::Change makeChange(LoadClient &c, const schema::Table &table, const validate::Record &record,
                        sync::HlcClock &clock)
{
    wire::Change ch;
    ch.set_device_seq(c.nextSeq());
    ch.set_table(table.name);
    ch.set_row_id(sync::newUuidV7());
    for (const auto &[field, value] : record)
        if (!isNull(value))
            sync::toWire(field, value, *ch.add_fields());
    sync::Hlc h = clock.tick();
    h.device = c.deviceId();
    sync::toWire(h, *ch.mutable_hlc());
    return ch;
}

std::vector<std::unique_ptr<LoadClient>> connectAll(asio::io_context &io, int n)
{
    std::vector<std::unique_ptr<LoadClient>> clients;
    const asio::ip::tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), g_port);
    for (int i = 0; i < n; ++i) {
        clients.push_back(std::make_unique<LoadClient>(io, deviceFiles(i)));
        asio::co_spawn(io, clients.back()->connect(ep), [](std::exception_ptr e) {
            if (e)
                std::rethrow_exception(e);
        });
    }
    io.run();
    io.restart();
    return clients;
}

void pushRoundTrips(const demo::DemoCounty &county, int n, int rounds, int thinkMs)
{
    asio::io_context io;
    auto clients = connectAll(io, n);
    std::vector<double> rtts;
    sync::HlcClock clock("bench");
    const auto *students = schema::findTable("students");
    for (int i = 0; i < n; ++i) {
        asio::co_spawn(
            io,
            [&, i]() -> asio::awaitable<void> {
                LoadClient &c = *clients[static_cast<std::size_t>(i)];
                asio::steady_timer timer(co_await asio::this_coro::executor);
                // Spread the devices over the think time so they do not all push at once.
                timer.expires_after(std::chrono::milliseconds(thinkMs * i / std::max(1, n)));
                co_await timer.async_wait(asio::use_awaitable);
                // One of the device's own school's pupils: a pupil from another school would be a
                // second record of that person, and the bulk push (b), run later on this store,
                // would then find and record hundreds of 一人一籍 cases the raw insert never makes.
                const std::size_t school = static_cast<std::size_t>(i) % county.schools.size();
                std::vector<const demo::DemoPupil *> own;
                for (const auto &p : county.pupils)
                    if (p.school == school)
                        own.push_back(&p);
                for (int r = 0; r < rounds; ++r) {
                    const auto &pupil = *own[static_cast<std::size_t>(i * rounds + r) % own.size()];
                    wire::Envelope e;
                    *e.mutable_push_batch()->add_changes() = makeChange(c, *students, pupilRecord(pupil), clock);
                    const auto t0 = Clock::now();
                    const wire::Envelope ack = co_await c.request(std::move(e));
                    rtts.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                    if (!ack.has_push_ack() || ack.push_ack().rejections_size() > 0)
                        throw std::runtime_error("push not accepted");
                    timer.expires_after(std::chrono::milliseconds(thinkMs));
                    co_await timer.async_wait(asio::use_awaitable);
                }
            },
            [](std::exception_ptr e) {
                if (e)
                    std::rethrow_exception(e);
            });
    }
    io.run();
    std::printf("(a) one-change push round trip, %d devices connected, %d pushes each %d ms apart: "
                "p50 %.2f ms, p99 %.2f ms, max %.2f ms (n=%zu)\n",
                n, rounds, thinkMs, percentile(rtts, 0.50), percentile(rtts, 0.99), percentile(rtts, 1.0), rtts.size());
}

// CPU seconds (user + system) a process has used so far, from /proc/PID/stat.
double cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: state is field 3, utime field 14, stime field 15 (1-based).
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

void bulkPush(const demo::DemoCounty &county, qint64 serverPid)
{
    asio::io_context io;
    const int n = static_cast<int>(county.schools.size());
    auto clients = connectAll(io, n);  // device i belongs to school i
    sync::HlcClock clock("bench");
    const auto *students = schema::findTable("students");
    const auto *staff = schema::findTable("staff");
    // Each device's batches are made before the clock starts, as a device reads them from its
    // change log on its own machine. Made during the run, by this one-threaded tool on the
    // server's two cores, they took the server's CPU, and every device's first batch waited
    // until the tool had made all the others'.
    std::size_t rows = 0;
    std::vector<std::vector<wire::Envelope>> batches(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        LoadClient &c = *clients[static_cast<std::size_t>(i)];
        std::vector<const demo::DemoPupil *> pupils;
        std::vector<const demo::DemoStaff *> staffMembers;
        for (const auto &p : county.pupils)
            if (p.school == static_cast<std::size_t>(i))
                pupils.push_back(&p);
        for (const auto &s : county.staff)
            if (s.school == static_cast<std::size_t>(i))
                staffMembers.push_back(&s);
        const std::size_t total = pupils.size() + staffMembers.size();
        for (std::size_t at = 0; at < total; at += 500) {
            wire::Envelope e;
            auto *batch = e.mutable_push_batch();
            for (std::size_t k = at; k < std::min(total, at + 500); ++k)
                *batch->add_changes() =
                    k < pupils.size()
                        ? makeChange(c, *students, pupilRecord(*pupils[k]), clock)
                        : makeChange(c, *staff, staffRecord(*staffMembers[k - pupils.size()]), clock);
            batches[static_cast<std::size_t>(i)].push_back(std::move(e));
        }
        rows += total;
    }
    const double serverCpuBefore = cpuSeconds(serverPid);
    const double clientCpuBefore = cpuSeconds(QCoreApplication::applicationPid());
    const auto t0 = Clock::now();
    for (int i = 0; i < n; ++i) {
        asio::co_spawn(
            io,
            [&, i]() -> asio::awaitable<void> {
                LoadClient &c = *clients[static_cast<std::size_t>(i)];
                for (auto &e : batches[static_cast<std::size_t>(i)]) {
                    const wire::Envelope ack = co_await c.request(std::move(e));
                    if (!ack.has_push_ack() || ack.push_ack().rejections_size() > 0)
                        throw std::runtime_error("bulk push refused: " + ack.error().message_en() +
                                                 (ack.push_ack().rejections_size()
                                                      ? ack.push_ack().rejections(0).message_en()
                                                      : std::string()));
                }
            },
            [](std::exception_ptr e) {
                if (e)
                    std::rethrow_exception(e);
            });
    }
    io.run();
    const double pushSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    const double serverCpu = cpuSeconds(serverPid) - serverCpuBefore;
    const double clientCpu = cpuSeconds(QCoreApplication::applicationPid()) - clientCpuBefore;
    const double rawSeconds = rawSqliteInsert(county, QDir(g_dir).filePath(QStringLiteral("raw.db")).toStdString());
    std::printf("(b) bulk push of the demo county by %d devices at once: %zu rows in %.2f s = %.0f rows/s; "
                "raw sqlite3 insert of the same rows (one transaction, WAL, synchronous=FULL): %.2f s = %.0f rows/s; "
                "push/raw = %.1fx (target <= 3x); the server used %.2f s of CPU meanwhile, this load tool %.2f s\n",
                n, rows, pushSeconds, static_cast<double>(rows) / pushSeconds, rawSeconds,
                static_cast<double>(rows) / rawSeconds, pushSeconds / rawSeconds, serverCpu, clientCpu);
}

long rssKb(qint64 pid, const char *key)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(static_cast<int>(std::strlen(key))).trimmed().split(' ').value(0).toLong();
    return -1;
}

void idleConnections(qint64 pid, int n)
{
    const long before = rssKb(pid, "VmRSS:");
    asio::io_context io;
    auto clients = connectAll(io, n);
    QThread::sleep(2);
    const long after = rssKb(pid, "VmRSS:");
    std::printf("(c) server RSS with %d idle connections: %.1f MB (%.1f MB before they connected; peak %.1f MB; "
                "target <= 100 MB)\n",
                n, after / 1024.0, before / 1024.0, rssKb(pid, "VmHWM:") / 1024.0);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int rounds = 10, thinkMs = 1000;
    QString keep;
    bool bulkOnly = false;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--rounds"))
            rounds = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--think-ms"))
            thinkMs = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--keep"))
            keep = args[i + 1];
        else if (args[i] == QLatin1String("--only"))
            bulkOnly = args[i + 1] == QLatin1String("bulk");
    }
    QTemporaryDir tmp;
    g_dir = keep.isEmpty() ? tmp.path() : keep;
    QDir().mkpath(g_dir);
    g_port = freePort();
    const QString server = g_dir + QStringLiteral("/server");
    const QString emisctl = QStringLiteral(EMISCTL);

    run(emisctl, {QStringLiteral("init"), QStringLiteral("--dir"), server, QStringLiteral("--listen"),
                  QStringLiteral("127.0.0.1:%1").arg(g_port)});
    {
        // Every simulated device comes from 127.0.0.1, and 500 connect at once: the per-address
        // and not-yet-authenticated caps would turn most of them away.
        QFile conf(server + QStringLiteral("/emis.conf"));
        conf.open(QIODevice::Append);
        conf.write("max_connections=1000\nmax_connections_per_address=1000\n"
                   "max_pending_connections=1000\nmax_pending_per_address=1000\n");
    }
    const demo::DemoCounty county = demo::generateDemoCounty(demo::DemoOptions{});
    {
        QFile f(g_dir + QStringLiteral("/schools.csv"));
        f.open(QIODevice::WriteOnly);
        f.write(QByteArray::fromStdString(demo::schoolsCsv(county)));
    }
    run(emisctl, {QStringLiteral("school"), QStringLiteral("import"), QStringLiteral("--dir"), server,
                  g_dir + QStringLiteral("/schools.csv")});

    QProcess serverProcess;
    serverProcess.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    serverProcess.start(QStringLiteral(EMIS_SERVER), {QStringLiteral("--dir"), server});
    serverProcess.waitForStarted();
    QThread::msleep(500);

    const int devices = bulkOnly ? static_cast<int>(county.schools.size()) : 500;
    const auto enrollStart = Clock::now();
    for (int i = 0; i < devices; ++i) {
        const auto &school = county.schools[static_cast<std::size_t>(i) % county.schools.size()];
        const QString code = run(emisctl, {QStringLiteral("enroll-code"), QStringLiteral("--dir"), server,
                                           QStringLiteral("--school"), QString::fromStdString(school.code)});
        run(QStringLiteral(EMIS_CLI), {QStringLiteral("--data-dir"), g_dir + QStringLiteral("/devices/%1").arg(i),
                                       QStringLiteral("enroll"), QStringLiteral("--server"),
                                       QStringLiteral("127.0.0.1:%1").arg(g_port), QStringLiteral("--code"), code});
    }
    std::printf("enrolled %d devices in %.1f s\n", devices,
                std::chrono::duration<double>(Clock::now() - enrollStart).count());
    std::fflush(stdout);

    if (!bulkOnly) {
        // Memory first, on a server that has done nothing but enroll: later phases grow SQLite's
        // page cache, which is not what idle connections cost.
        idleConnections(serverProcess.processId(), 500);
        std::fflush(stdout);
        pushRoundTrips(county, 122, rounds, thinkMs);
        std::fflush(stdout);
        pushRoundTrips(county, 500, rounds, thinkMs);
        std::fflush(stdout);
    }
    bulkPush(county, serverProcess.processId());

    serverProcess.terminate();
    serverProcess.waitForFinished(30000);
    return 0;
}
