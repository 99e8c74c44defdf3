#include "sync/Pusher.h"

#include "emis.pb.h"
#include "store/IssueStore.h"
#include "store/LocalStore.h"
#include "store/Transaction.h"
#include "sync/ServerConnection.h"
#include "sync/ServerError.h"

#include <QCoreApplication>

#include <algorithm>

namespace emis::client {
namespace {

QString tr(const char *text) { return QCoreApplication::translate("emis::client::Pusher", text); }

} // namespace

Pusher::Pusher(LocalStore &store, ServerConnection &connection, int batchSize, SyncRunner::Progress progress)
    : m_store(store), m_connection(connection), m_log(store.db()), m_batchSize(batchSize), m_progress(std::move(progress))
{
}

Status Pusher::refuseRestoredLog(quint64 serverWatermark) const
{
    // A store restored from an old backup would number new changes with seqs the server has
    // already applied, and the server would skip them as resends: stop rather than lose them.
    if (serverWatermark <= m_log.lastSeq() && m_log.unattemptedUpTo(serverWatermark) == 0)
        return Ok{};
    return makeError(ErrorKind::Other,
                     tr("The server already holds changes up to %1 from this device, but its local log ends at "
                        "%2: was this data directory restored from a backup? Ask county IT to enroll it anew.")
                         .arg(serverWatermark)
                         .arg(m_log.lastSeq()),
                     QStringLiteral("log_behind_server"));
}

Status Pusher::run(quint64 serverWatermark, SyncReport &report)
{
    if (auto st = refuseRestoredLog(serverWatermark); !st)
        return st;
    if (auto st = settleHeld(serverWatermark, report); !st)
        return st;
    m_acknowledged = m_queued = serverWatermark;
    m_total = m_log.pendingCount();
    int gapRetries = 0;
    for (;;) {
        while (m_onTheWire.size() < kOnTheWire) {
            auto sent = sendNext();
            if (!sent)
                return sent.error();
            if (!*sent)
                break;
        }
        if (m_onTheWire.empty())
            return Ok{};
        const Sent sent = m_onTheWire.front();
        m_onTheWire.pop_front();
        auto reply = m_connection.receive(sent.id);
        if (!reply)
            return reply.error();
        if (reply->has_error() && reply->error().code() == "sequence_gap") {
            // The server holds another watermark than the session began with: the batches after
            // this one were refused for the same gap. Resend from its watermark.
            if (++gapRetries > 3)
                return errorFromServer(reply->error());
            if (auto st = drain(); !st)
                return st;
            m_acknowledged = m_queued = reply->error().watermark();
            continue;
        }
        if (!reply->has_push_ack())
            return unexpectedResponse(*reply, "PushAck");
        const wire::PushAck &ack = reply->push_ack();
        const quint64 before = m_acknowledged;
        if (auto st = answered(ack, report); !st)
            return st;
        if (ack.watermark() <= before)
            return makeError(ErrorKind::Other, tr("The server acknowledged nothing of a batch up to %1.").arg(sent.lastSeq));
        if (ack.watermark() < sent.lastSeq) {
            // Part of the batch only: the next one would leave a gap. Sent again from there.
            if (auto st = drain(); !st)
                return st;
            m_queued = m_acknowledged;
        }
    }
}

Status Pusher::settleHeld(quint64 serverWatermark, SyncReport &report)
{
    std::vector<wire::PushAck> pages;
    if (const quint64 first = m_log.firstPendingUpTo(serverWatermark); first > 0) {
        wire::Envelope e;
        e.mutable_outcomes_request()->set_from_seq(first);
        auto reply = m_connection.request(e);
        if (!reply)
            return reply.error();
        if (!reply->has_push_ack())
            return unexpectedResponse(*reply, "PushAck");
        const wire::PushAck held = reply->push_ack();
        if (auto st = fetchOutcomes(held, pages); !st)
            return st;
        pages.insert(pages.begin(), held);
        if (m_clockRepaired)
            for (auto &page : pages) {
                auto *refusals = page.mutable_rejections();
                refusals->erase(std::remove_if(refusals->begin(), refusals->end(),
                                               [](const wire::Rejection &r) { return r.code() == "hlc_too_far_ahead"; }),
                                refusals->end());
            }
    }
    const quint64 last = m_log.lastSeq();
    Transaction tx(m_store.db());
    std::vector<const wire::PushAck *> outcomes;
    for (const auto &page : pages)
        outcomes.push_back(&page);
    if (auto st = record(outcomes, report); !st)
        return st;
    if (auto st = m_log.markSentUpTo(serverWatermark); !st)
        return st;
    if (auto st = m_store.setWatermark(serverWatermark); !st)
        return st;
    // Everything logged so far may go on the wire in this session: marked once, here, before any
    // of it is sent (a later change is marked with its batch).
    if (auto st = m_log.markAttemptedThrough(last); !st)
        return st;
    if (!tx.commit())
        return makeError(ErrorKind::Other, tr("The local database could not record what the server holds."));
    m_attempted = std::max(last, serverWatermark);
    return Ok{};
}

Result<bool> Pusher::sendNext()
{
    auto batch = m_log.after(m_queued, m_batchSize);
    if (!batch)
        return batch.error();
    if (batch->empty())
        return false;
    wire::Envelope e;
    auto *changes = e.mutable_push_batch()->mutable_changes();
    changes->Reserve(static_cast<int>(batch->size()));
    for (auto &change : *batch)
        *changes->Add() = std::move(change);
    const quint64 lastSeq = changes->Get(changes->size() - 1).device_seq();
    if (lastSeq > m_attempted) {
        if (auto st = m_log.markAttemptedThrough(lastSeq); !st)
            return st.error();
        m_attempted = lastSeq;
    }
    auto id = m_connection.send(e);
    if (!id)
        return id.error();
    m_onTheWire.push_back({*id, lastSeq});
    m_queued = lastSeq;
    return true;
}

Status Pusher::answered(const wire::PushAck &ack, SyncReport &report)
{
    // Every rejection and conflict of the batch is in hand before any change is marked sent:
    // a cut connection then means a resend, never an outcome the clerk does not see.
    std::vector<wire::PushAck> rest;
    if (auto st = fetchOutcomes(ack, rest); !st)
        return st;
    std::vector<const wire::PushAck *> pages{&ack};
    for (const auto &more : rest)
        pages.push_back(&more);
    Transaction tx(m_store.db());
    if (auto st = record(pages, report); !st)
        return st;
    if (auto st = m_log.markSentUpTo(ack.watermark()); !st)
        return st;
    if (auto st = m_store.setWatermark(ack.watermark()); !st)
        return st;
    if (!tx.commit())
        return makeError(ErrorKind::Other, tr("The local database could not record the acknowledgement."));
    if (ack.watermark() > m_acknowledged) {
        report.pushed += static_cast<int>(ack.watermark() - m_acknowledged);
        m_acknowledged = ack.watermark();
    }
    if (m_progress)
        m_progress(tr("push"), report.pushed, m_total);
    return Ok{};
}

Status Pusher::fetchOutcomes(const wire::PushAck &ack, std::vector<wire::PushAck> &rest)
{
    quint64 through = ack.outcomes_through();  // 0: an older server sent them all
    while (through != 0 && through < ack.watermark()) {
        wire::Envelope e;
        e.mutable_outcomes_request()->set_from_seq(through + 1);
        auto reply = m_connection.request(e);
        if (!reply)
            return reply.error();
        if (!reply->has_push_ack())
            return unexpectedResponse(*reply, "PushAck");
        if (reply->push_ack().outcomes_through() <= through)
            return makeError(ErrorKind::Other, tr("The server sent the outcomes of the changes up to %1 again.").arg(through));
        through = reply->push_ack().outcomes_through();
        rest.push_back(std::move(*reply->mutable_push_ack()));
    }
    return Ok{};
}

Status Pusher::record(const std::vector<const wire::PushAck *> &pages, SyncReport &report)
{
    IssueStore issues(m_store.db());
    for (const wire::PushAck *page : pages) {
        for (const auto &r : page->rejections()) {
            auto added = issues.addRejection(r);
            if (!added)
                return added.error();
            report.rejections += *added ? 1 : 0;
        }
        for (const auto &cf : page->conflicts()) {
            auto added = issues.addConflict(QStringLiteral("server"), cf);
            if (!added)
                return added.error();
            report.conflicts += *added ? 1 : 0;
        }
    }
    return Ok{};
}

Status Pusher::drain()
{
    for (const Sent &later : m_onTheWire)
        if (auto reply = m_connection.receive(later.id); !reply)
            return reply.error();
    m_onTheWire.clear();
    return Ok{};
}

} // namespace emis::client
