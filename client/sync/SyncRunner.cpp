#include "sync/SyncRunner.h"

#include "codec/FrameCodec.h"

#include "emis.pb.h"
#include "schema/Schema.h"
#include "store/LocalStore.h"
#include "store/RemoteMerge.h"
#include "store/SqlValue.h"
#include "store/Transaction.h"
#include "sync/Pusher.h"
#include "sync/ServerConnection.h"
#include "sync/ServerError.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace emis::client {
namespace {

QString tr(const char *text) { return QCoreApplication::translate("emis::client::SyncRunner", text); }

// The computer's time is far ahead of the server's, as the server would judge it.
bool wallClockAhead(const wire::HelloAck &ack)
{
    return ack.server_time_ms() > 0 &&
           sync::systemNowMs() > static_cast<std::uint64_t>(ack.server_time_ms()) + sync::kDefaultMaxSkewMs;
}

QString minuteText(std::uint64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(ms)).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

void fillHello(wire::Envelope &e, const QString &clientName)
{
    auto *h = e.mutable_hello();
    h->set_protocol_version(wire::PROTOCOL_V1);
    h->set_max_protocol_version(codec::kProtocolVersion);
    h->set_schema_version(schema::schemaVersion());
    h->set_client_name(ss(clientName));
    h->set_client_version(ss(QCoreApplication::applicationVersion()));
}

SyncRunner::SyncRunner(LocalStore &store, DeviceFiles files, QString clientName)
    : m_store(store), m_files(std::move(files)), m_clientName(std::move(clientName))
{
}

namespace {

wire::Envelope pullRequest(quint64 cursor, int batchSize)
{
    wire::Envelope e;
    auto *req = e.mutable_pull_request();
    req->set_cursor(cursor);
    req->set_max_rows(static_cast<quint32>(batchSize));
    return e;
}

} // namespace

Status SyncRunner::hello(ServerConnection &c, wire::HelloAck &ack, quint64 *pullInFlight)
{
    wire::Envelope e;
    fillHello(e, m_clientName);
    auto sent = c.send(e);
    if (!sent)
        return sent.error();
    // The server answers in order: the pull behind the Hello is answered after it, and not at
    // all when the Hello is refused (the session then ends).
    if (pullInFlight) {
        wire::Envelope pull = pullRequest(m_store.syncState().pullCursor, m_batchSize);
        auto id = c.send(pull);
        if (!id)
            return id.error();
        *pullInFlight = *id;
    }
    auto reply = c.receive(*sent);
    if (!reply)
        return reply.error();
    if (!reply->has_hello_ack())
        return unexpectedResponse(*reply, "HelloAck");
    ack = reply->hello_ack();
    if (ack.device_id().empty() || qs(ack.device_id()) != m_store.identity().deviceId)
        return makeError(ErrorKind::Refused, tr("The server does not know this device as %1 (it says \"%2\").")
                                                 .arg(m_store.identity().deviceId, qs(ack.device_id())),
                         QStringLiteral("not_authenticated"));
    return followFeedEpoch(qs(ack.feed_epoch()));
}

Status SyncRunner::followFeedEpoch(const QString &epoch)
{
    const QString known = m_store.syncState().feedEpoch;
    if (epoch.isEmpty() || epoch == known)
        return Ok{};
    // Another feed than the cursor counts in: the server was restored from a backup and hands out
    // again seqs this device has already pulled past. Pull everything again from the start; field
    // versions keep what is newer here, and the change log resends what the backup lacks.
    Transaction tx(m_store.db());
    if (!known.isEmpty())
        if (auto st = m_store.setPullCursor(0); !st)
            return st;
    if (auto st = m_store.setFeedEpoch(epoch); !st)
        return st;
    if (!tx.commit())
        return makeError(ErrorKind::Other, tr("The local database could not record the server's feed."));
    return Ok{};
}

Status SyncRunner::repairClock(const wire::HelloAck &ack)
{
    if (ack.server_time_ms() <= 0 || wallClockAhead(ack))
        return Ok{};
    const auto serverTime = static_cast<std::uint64_t>(ack.server_time_ms());
    ClockRepair repair(m_store);
    if (!repair.needed(serverTime))
        return Ok{};
    auto report = repair.run(serverTime, ack.watermark());
    if (!report)
        return report.error();
    m_clockRepair = *report;
    return Ok{};
}

Status SyncRunner::refuseWhileAhead(const wire::HelloAck &ack) const
{
    if (!wallClockAhead(ack))
        return Ok{};
    return makeError(ErrorKind::Other,
                     tr("This computer's clock reads %1 but the county server's reads %2: correct the computer's "
                        "date and time, then sync again. Nothing was sent; every change is kept.")
                         .arg(minuteText(sync::systemNowMs()), minuteText(static_cast<std::uint64_t>(ack.server_time_ms()))),
                     QStringLiteral("clock_ahead"));
}

Result<SyncReport> SyncRunner::run()
{
    m_clockRepair.reset();
    const SyncState state = m_store.syncState();
    if (!state.identity.enrolled())
        return makeError(ErrorKind::Usage, tr("This device is not enrolled; run enroll first."));
    auto endpoint = parseEndpoint(state.identity.server);
    if (!endpoint)
        return endpoint.error();
    const auto cas = QSslCertificate::fromPath(m_files.ca());
    const auto certs = QSslCertificate::fromPath(m_files.certificate());
    QFile keyFile(m_files.key());
    if (cas.isEmpty() || certs.isEmpty() || !keyFile.open(QIODevice::ReadOnly))
        return makeError(ErrorKind::Other, tr("The device's certificate or key is missing from %1.").arg(m_files.dir));
    const QSslKey key(&keyFile, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return makeError(ErrorKind::Other, tr("The device key in %1 cannot be read.").arg(m_files.key()));

    SyncReport report;
    ServerConnection c(m_timeoutMs);
    auto outcome = [&]() -> Status {
        if (auto st = c.open(*endpoint, cas.constFirst(), certs.constFirst(), key); !st)
            return st;
        wire::HelloAck ack;
        const quint64 cursorBefore = m_store.syncState().pullCursor;
        quint64 firstPull = 0;
        if (auto st = hello(c, ack, &firstPull); !st)
            return st;
        // Before the pull: a merge must compare the device's stamps as corrected.
        if (auto st = repairClock(ack); !st)
            return st;
        std::optional<quint64> inFlight = firstPull;
        if (m_store.syncState().pullCursor != cursorBefore) {
            // Another feed (a restored server): the page asked from the old cursor is not applied.
            auto stale = c.receive(firstPull);
            if (!stale)
                return stale.error();
            inFlight.reset();
        }
        if (auto st = pull(c, report, inFlight); !st)
            return st;
        if (auto st = refuseWhileAhead(ack); !st)
            return st;
        const int pushedBefore = report.pushed;
        if (auto st = push(c, ack.watermark(), report); !st)
            return st;
        // Brings back what the server made of our changes (and anything that came meanwhile);
        // with nothing pushed, the pull above has it all.
        if (report.pushed == pushedBefore && report.rejections == 0)
            return Ok{};
        return pull(c, report);
    }();
    c.close();
    const qint64 now = static_cast<qint64>(sync::systemNowMs());
    (void)m_store.recordSyncOutcome(now, outcome ? QString() : outcome.error().message);
    if (!outcome)
        return outcome.error();
    const SyncState after = m_store.syncState();
    report.watermark = after.watermark;
    report.cursor = after.pullCursor;
    return report;
}

Status SyncRunner::pull(ServerConnection &c, SyncReport &report, std::optional<quint64> inFlight)
{
    for (;;) {
        const quint64 cursor = m_store.syncState().pullCursor;
        Result<wire::Envelope> reply = makeError(ErrorKind::Other, QString());
        if (inFlight) {
            reply = c.receive(*inFlight);
            inFlight.reset();
        } else {
            wire::Envelope e = pullRequest(cursor, m_batchSize);
            reply = c.request(e);
        }
        if (!reply)
            return reply.error();
        if (!reply->has_pull_page())
            return unexpectedResponse(*reply, "PullPage");
        const auto &page = reply->pull_page();
        auto stats = RemoteMerge(m_store).applyPage(page);
        if (!stats)
            return stats.error();
        report.pulled += stats->rows;
        report.conflicts += stats->conflicts;
        if (m_progress)
            m_progress(tr("pull"), report.pulled, 0);
        if (!page.more())
            return Ok{};
        // A page of rows this device pushed itself is passed over and comes empty; a page that
        // does not move the cursor either would never end.
        if (page.rows_size() == 0 && page.next_cursor() <= cursor)
            return makeError(ErrorKind::Other, tr("The server said there is more to pull but sent nothing."));
    }
}

Status SyncRunner::push(ServerConnection &c, quint64 serverWatermark, SyncReport &report)
{
    Pusher pusher(m_store, c, m_batchSize, m_progress);
    pusher.setClockRepaired(m_clockRepair.has_value());
    return pusher.run(serverWatermark, report);
}

} // namespace emis::client
