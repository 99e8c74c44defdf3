#include "net/RequestHandler.h"

#include "net/HandlerSupport.h"
#include "net/RefusalBudget.h"

#include "enroll/EnrollService.h"
#include "schema/Schema.h"
#include "store/Store.h"
#include "store/StoreSession.h"
#include "sync/PullHandler.h"
#include "sync/OutcomePages.h"
#include "sync/PushHandler.h"
#include "sync/PushLimits.h"
#include "validate/Reason.h"

#include <iostream>

namespace emis::server {

RequestHandler::RequestHandler(ServerContext &context, std::optional<DeviceIdentity> device, std::string peer)
    : m_context(context), m_device(std::move(device)), m_peer(std::move(peer))
{
    m_who = m_peer + (m_device ? " device " + m_device->deviceId : std::string(" (no certificate)"));
}

RequestHandler::PreparedPush RequestHandler::preparePush(const wire::Envelope &request) const
{
    if (!m_device || !m_helloDone || !request.has_push_batch() ||
        request.push_batch().changes_size() > sync::kMaxPushChanges)
        return nullptr;
    return std::make_shared<std::vector<PreparedChange>>(prepareChanges(request.push_batch(), nowMs()));
}

void RequestHandler::handle(const wire::Envelope &request, Respond respond, PreparedPush prepared)
{
    const auto id = request.request_id();
    if (m_device && !deviceStillActive()) {
        logLine(m_who, "refused: the device is revoked");
        return respond(errorReply(id, Reason::DeviceRevoked, true));
    }
    if (!m_helloDone && request.body_case() != wire::Envelope::kHello)
        return respond(errorReply(id, Reason::BadRequest, true, "Hello first"));
    switch (request.body_case()) {
    case wire::Envelope::kHello: return hello(request, respond);
    case wire::Envelope::kEnrollRequest: return enroll(request, std::move(respond));
    case wire::Envelope::kPushBatch:
    case wire::Envelope::kPullRequest:
    case wire::Envelope::kOutcomesRequest:
        if (!m_device && !m_user.empty() && request.body_case() == wire::Envelope::kPullRequest)
            return countyPull(request, respond);  // an officer reads the county's own rows
        if (!m_device) {
            logLine(m_who, "refused: sync without a client certificate");
            return respond(errorReply(id, Reason::NotAuthenticated, true));
        }
        if (request.body_case() == wire::Envelope::kPushBatch)
            return push(request, std::move(respond), std::move(prepared));
        if (request.body_case() == wire::Envelope::kOutcomesRequest)
            return outcomes(request, respond);
        return pull(request, respond);
    case wire::Envelope::kLoginRequest: return login(request, std::move(respond));
    case wire::Envelope::kReportRequest: return report(request, std::move(respond));
    case wire::Envelope::kDecisionRequest: return decide(request, std::move(respond));
    case wire::Envelope::kEvidenceRequest: return evidence(request, std::move(respond));
    case wire::Envelope::kCountyWrite: return countyWrite(request, std::move(respond));
    default:
        if (!m_device) {
            logLine(m_who, "refused: request without a client certificate");
            return respond(errorReply(id, Reason::NotAuthenticated, true));
        }
        return respond(errorReply(id, Reason::BadRequest, true, "unexpected message"));
    }
}

bool RequestHandler::deviceStillActive()
{
    std::optional<DeviceRecord> record;
    m_context.store.read([&](StoreSession &s) { record = s.device(m_device->deviceId); });
    return record && !record->revokedMs && record->schoolId == m_device->schoolId;
}

void RequestHandler::hello(const wire::Envelope &request, const Respond &respond)
{
    const auto &h = request.hello();
    if (m_helloDone)
        return respond(errorReply(request.request_id(), Reason::BadRequest, true, "Hello twice"));
    const std::uint32_t protocol = codec::sessionProtocol(h);
    if (protocol == 0)
        return respond(errorReply(request.request_id(), Reason::ProtocolVersion, true));
    if (h.schema_version() > schema::schemaVersion())
        return respond(errorReply(request.request_id(), Reason::SchemaVersion, true));
    m_helloDone = true;
    m_protocol = protocol;

    Reply r;
    r.envelope.set_request_id(request.request_id());
    auto *ack = r.envelope.mutable_hello_ack();
    ack->set_protocol_version(protocol);
    ack->set_schema_version(schema::schemaVersion());
    ack->set_server_time_ms(nowMs());
    if (m_device) {
        ack->set_device_id(m_device->deviceId);
        ack->set_school_id(m_device->schoolId);
        ack->set_school_code(m_device->schoolCode);
        m_context.store.read([&](StoreSession &s) {
            ack->set_watermark(s.watermark(m_device->deviceId));
            ack->set_feed_epoch(s.meta("feed_epoch"));
            if (const auto school = s.loadRow(*schema::findTable("schools"), m_device->schoolId))
                ack->set_school_name(displayText(school->values.at("name")));
        });
        const std::string detail = h.client_name() + " " + h.client_version() + " from " + m_peer;
        const DeviceIdentity device = *m_device;
        m_context.store.submitWrite(
            [device, detail](StoreSession &s) {
                const auto at = nowMs();
                s.touchDevice(device.deviceId, at);
                s.audit(AuditEntry{at, device.deviceId, device.schoolId, "session", detail});
            },
            [](std::exception_ptr) {});
    }
    logLine(m_who, "hello from " + h.client_name() + " " + h.client_version());
    respond(std::move(r));
}

void RequestHandler::enroll(const wire::Envelope &request, Respond respond)
{
    auto response = std::make_shared<wire::EnrollResponse>();
    auto issue = std::make_shared<std::optional<Issue>>();
    const auto id = request.request_id();
    const wire::EnrollRequest req = request.enroll_request();
    const std::string who = m_who;
    const CountyCa &ca = m_context.ca;
    m_context.store.submitWrite(
        [=, &ca](StoreSession &s) { *issue = EnrollService(ca).enroll(s, req, nowMs(), *response); },
        [=](std::exception_ptr failure) {
            if (failure) {
                logLine(who, "enrollment failed unexpectedly");
                return respond(errorReply(id, Reason::Internal, true, "enroll"));
            }
            if (*issue) {
                logLine(who, "enrollment refused: " + (*issue)->code());
                Reply r = errorReply(id, (*issue)->reason, false);
                return respond(std::move(r));
            }
            logLine(who, "enrolled device " + response->device_id() + " for school " + response->school_code());
            Reply r;
            r.envelope.set_request_id(id);
            *r.envelope.mutable_enroll_response() = std::move(*response);
            respond(std::move(r));
        });
}

void RequestHandler::push(const wire::Envelope &request, Respond respond, PreparedPush prepared)
{
    const auto id = request.request_id();
    if (request.push_batch().changes_size() > sync::kMaxPushChanges)
        return respond(errorReply(id, Reason::BadRequest, false,
                                  "a batch of " + std::to_string(request.push_batch().changes_size()) +
                                      " changes; at most " + std::to_string(sync::kMaxPushChanges)));
    if (!m_context.refusals.allows(m_device->deviceId, nowMs())) {
        logLine(m_who, "push refused: too many refused changes lately");
        return respond(errorReply(id, Reason::TooManyRefusals, false));
    }
    auto ack = std::make_shared<wire::PushAck>();
    auto error = std::make_shared<std::optional<wire::Error>>();
    auto refused = std::make_shared<unsigned>(0);
    auto inserted = std::make_shared<std::vector<std::int64_t>>();
    // Decoded and checked here, on the session's thread, so the store's one writer only does what
    // needs the store. The job owns the result: the request may not outlive this call.
    const PreparedPush batch =
        prepared ? std::move(prepared)
                 : std::make_shared<std::vector<PreparedChange>>(prepareChanges(request.push_batch(), nowMs()));
    const DeviceIdentity device = *m_device;
    const std::string who = m_who;
    RefusalBudget *refusals = &m_context.refusals;
    const std::size_t budget = m_context.outcomeBytes;
    logLine(who, "push of " + std::to_string(batch->size()) + " changes received");
    // The job only points at the batch: the reply holds it (Reply::hold), and the job never runs
    // after the reply is made.
    const std::vector<PreparedChange> *changes = batch.get();
    const std::size_t count = batch->size();
    m_context.store.submitWrite(
        [=](StoreSession &s) {
            ack->Clear();  // a job may run twice (store/Store.h)
            PushHandler handler(s, device, nowMs());
            *error = handler.apply(*changes, *ack);
            *refused = handler.rejected();
            *inserted = handler.inserted();
            pageOutcomes(*ack, budget);
        },
        [=, this, batch = batch](std::exception_ptr failure) mutable {
            Reply r;
            r.hold = std::move(batch);
            r.envelope.set_request_id(id);
            if (failure) {
                std::string what = "unknown";
                try {
                    std::rethrow_exception(failure);
                } catch (const std::exception &e) {
                    what = e.what();
                } catch (...) {
                }
                logLine(who, "push failed: " + what);
                if (isDiskFailure(failure))
                    return respond(errorReply(id, Reason::ServerStorage, false));
                return respond(errorReply(id, Reason::Internal, true, "push"));
            }
            if (*error) {
                logLine(who, "push refused: " + (*error)->code() + " at watermark " +
                                 std::to_string((*error)->watermark()));
                r.close = (*error)->fatal();
                *r.envelope.mutable_error() = std::move(**error);
            } else {
                logLine(who, "push of " + std::to_string(count) + " changes committed, watermark " +
                                 std::to_string(ack->watermark()) + ", " + std::to_string(ack->rejections_size()) +
                                 " rejected, " + std::to_string(ack->conflicts_size()) + " conflicts");
                refusals->spend(device.deviceId, *refused, nowMs());
                // Before the reply: the session answers in order, so a pull after this push is handled
                // only once this is done.
                for (const std::int64_t seq : *inserted)
                    if (m_knownInserts.size() < kMaxKnownInserts)
                        m_knownInserts.insert(seq);
                *r.envelope.mutable_push_ack() = std::move(*ack);
            }
            respond(std::move(r));
        },
        count);
}

void RequestHandler::outcomes(const wire::Envelope &request, const Respond &respond)
{
    Reply r;
    r.envelope.set_request_id(request.request_id());
    auto *ack = r.envelope.mutable_push_ack();
    m_context.store.read([&](StoreSession &s) {
        PushHandler::outcomes(s, m_device->deviceId, request.outcomes_request().from_seq(), *ack);
    });
    pageOutcomes(*ack, m_context.outcomeBytes);
    respond(std::move(r));
}

void RequestHandler::pull(const wire::Envelope &request, const Respond &respond)
{
    Reply r;
    r.envelope.set_request_id(request.request_id());
    auto *page = r.envelope.mutable_pull_page();
    // A session that pulls from the start may be a store that holds nothing: it gets every row.
    if (request.pull_request().cursor() == 0)
        m_pulledFromStart = true;
    const std::string holder = m_pulledFromStart ? std::string() : m_device->deviceId;
    m_context.store.read(
        [&](StoreSession &s) { PullHandler::page(s, m_device->schoolId, request.pull_request(), *page, &m_knownInserts, holder); });
    respond(std::move(r));
}

} // namespace emis::server
