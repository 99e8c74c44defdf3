#include "PageBench.h"

#include "DemoRows.h"
#include "RawInsert.h"
#include "emis.pb.h"
#include "store/LocalStore.h"
#include "store/RecordStore.h"
#include "store/RemoteMerge.h"
#include "store/SqlValue.h"
#include "sync/Uuid.h"
#include "sync/WireConvert.h"

#include <QElapsedTimer>

#include <atomic>
#include <chrono>
#include <thread>

namespace emis::bench {
namespace {

using namespace emis::client;

const schema::Table &students() { return *schema::findTable("students"); }

// A page as the server's PullHandler writes it: every field with its version, the row's stamp,
// rising feed seqs.
wire::PullPage makePage(const demo::DemoCounty &county, std::size_t from, int rows, const std::string &schoolId,
                        std::uint64_t firstSeq)
{
    wire::PullPage page;
    const sync::Hlc stamp{sync::systemNowMs() - 60000, 0, "server-bench-device"};
    for (int i = 0; i < rows; ++i) {
        const auto &pupil = county.pupils[(from + static_cast<std::size_t>(i)) % county.pupils.size()];
        const validate::Record r = pupilRecord(pupil);
        auto *row = page.add_rows();
        row->set_server_seq(firstSeq + static_cast<std::uint64_t>(i));
        row->set_table("students");
        row->set_row_id(sync::newUuidV7());
        row->set_school_id(schoolId);
        for (const auto &f : students().fields) {
            const auto it = r.find(f.name);
            // As the server sends a row inserted whole: a NULL was never written and has no stamp.
            sync::toWire(f.name, it == r.end() ? Value{} : it->second, *row->add_fields());
            auto *h = row->add_field_hlcs();
            if (it != r.end() && !isNull(it->second))
                sync::toWire(stamp, *h);
        }
        sync::toWire(stamp, *row->mutable_hlc());
    }
    page.set_next_cursor(firstSeq + static_cast<std::uint64_t>(rows) - 1);
    return page;
}

std::unique_ptr<LocalStore> openDevice(const QString &path)
{
    auto opened = LocalStore::open(path);
    if (!opened) {
        std::fprintf(stderr, "bench_client: %s\n", qPrintable(opened.error().message));
        std::exit(1);
    }
    return std::move(*opened);
}

double seconds(const QElapsedTimer &t) { return static_cast<double>(t.nsecsElapsed()) / 1e9; }

} // namespace

PageFigures measurePages(const demo::DemoCounty &county, const QString &dir, int rows)
{
    PageFigures out;
    const QString storePath = dir + QStringLiteral("/page.db");
    auto gui = openDevice(storePath);
    const DeviceIdentity id{QStringLiteral("bench-device"), qs(county.schools[0].id), qs(county.schools[0].code),
                            qs(county.schools[0].name), QStringLiteral("127.0.0.1:1")};
    (void)gui->setIdentity(id);

    const wire::PullPage first = makePage(county, 0, rows, county.schools[0].id, 1);
    RemoteMerge merge(*gui);
    QElapsedTimer t;
    t.start();
    auto applied = merge.applyPage(first);
    out.applySeconds = seconds(t);
    if (!applied || applied->rows != rows)
        std::fprintf(stderr, "bench_client: page applied %d rows: %s\n", applied ? applied->rows : -1,
                     applied ? "" : qPrintable(applied.error().message));
    t.restart();
    (void)merge.applyPage(first);
    out.againSeconds = seconds(t);

    std::vector<validate::Record> raw;
    for (int i = 0; i < rows; ++i)
        raw.push_back(pupilRecord(county.pupils[static_cast<std::size_t>(i) % county.pupils.size()]));
    out.rawSeconds = rawSqliteInsert(students(), raw, QString(dir + QStringLiteral("/page-raw.db")).toStdString());

    // The clerk edits one pupil again and again on the GUI connection while the sync worker's
    // own connection applies two more pages of new rows.
    RecordStore records(*gui);
    auto pupil = records.save(students(), QString(), pupilRecord(county.pupils[county.pupils.size() - 1]));
    if (!pupil) {
        std::fprintf(stderr, "bench_client: %s\n", qPrintable(pupil.error().message));
        return out;
    }
    std::atomic_bool done{false};
    std::thread worker([&] {
        auto store = openDevice(storePath);
        QElapsedTimer w;
        w.start();
        for (int p = 0; p < 2; ++p) {
            const wire::PullPage page =
                makePage(county, static_cast<std::size_t>(rows) * (1 + static_cast<std::size_t>(p)), rows,
                         county.schools[0].id, static_cast<std::uint64_t>(rows) * (1 + static_cast<std::uint64_t>(p)) + 1);
            if (auto r = RemoteMerge(*store).applyPage(page); !r)
                std::fprintf(stderr, "bench_client: worker page: %s\n", qPrintable(r.error().message));
        }
        out.workerSeconds = seconds(w);
        done = true;
    });
    for (int n = 0; !done; ++n) {
        QElapsedTimer s;
        s.start();
        const validate::Record edit{{"guardian_phone", "1390000" + std::to_string(1000 + n % 9000)}};
        auto saved = records.save(students(), pupil->id, edit);
        const double ms = seconds(s) * 1000;
        out.longestWaitMs = std::max(out.longestWaitMs, ms);
        out.savesOver50Ms += ms > 50 ? 1 : 0;
        ++out.saves;
        if (!saved)
            ++out.failedSaves;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    worker.join();
    return out;
}

} // namespace emis::bench
