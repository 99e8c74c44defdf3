// A bureau officer's writes to the county's own rows (terms, a county joint exam) and the read
// of them: the write is one job on the store's writer, through the same checks, field merge,
// conflicts and audit as a device's push (PushHandler::applyCountyWrite); the read is the pull
// feed of the rows every school sees.
#include "net/HandlerSupport.h"
#include "store/Store.h"
#include "store/StoreSession.h"
#include "sync/Hlc.h"
#include "sync/PullHandler.h"
#include "sync/PushHandler.h"

#include <memory>

namespace emis::server {
namespace {

// The stamps of officers' writes: one clock for the process, used on the store's one writer.
sync::HlcClock &countyClock()
{
    static sync::HlcClock clock("bureau");
    return clock;
}

} // namespace

void RequestHandler::countyWrite(const wire::Envelope &request, Respond respond)
{
    const auto id = request.request_id();
    if (m_device) {
        logLine(m_who, "refused: a school device sent the bureau's write");
        return respond(errorReply(id, Reason::NotAllowed, false, "the county's rows are written by the bureau"));
    }
    if (m_user.empty())
        return respond(errorReply(id, Reason::NotAuthenticated, false));
    if (request.county_write().changes_size() > static_cast<int>(kMaxCountyWriteChanges))
        return respond(errorReply(id, Reason::BadRequest, false, "too many changes in one write"));
    auto batch = std::make_shared<std::vector<PreparedChange>>(prepareCountyWrite(request.county_write().changes(), m_role));
    auto ack = std::make_shared<wire::CountyWriteAck>();
    const DeviceIdentity author{"bureau:" + m_user, std::string(schema::kCountyOwner), {}};
    const std::string who = m_who;
    m_context.store.submitWrite(
        [=](StoreSession &s) {
            ack->Clear();  // a job may run twice (store/Store.h)
            PushHandler(s, author, nowMs()).applyCountyWrite(*batch, countyClock(), *ack);
        },
        [=](std::exception_ptr failure) {
            if (failure) {
                logLine(who, "county write failed");
                if (isDiskFailure(failure))
                    return respond(errorReply(id, Reason::ServerStorage, false));
                return respond(errorReply(id, Reason::Internal, false, "county write"));
            }
            logLine(who, "county write of " + std::to_string(batch->size()) + " changes: " +
                             std::to_string(ack->applied()) + " applied, " + std::to_string(ack->rejections_size()) +
                             " rejected");
            Reply r;
            r.envelope.set_request_id(id);
            *r.envelope.mutable_county_write_ack() = std::move(*ack);
            respond(std::move(r));
        },
        batch->size());
}

void RequestHandler::countyPull(const wire::Envelope &request, const Respond &respond)
{
    if (m_user.empty())
        return respond(errorReply(request.request_id(), Reason::NotAuthenticated, true));
    Reply r;
    r.envelope.set_request_id(request.request_id());
    auto *page = r.envelope.mutable_pull_page();
    m_context.store.read([&](StoreSession &s) {
        PullHandler::page(s, std::string(schema::kCountyOwner), request.pull_request(), *page);
    });
    respond(std::move(r));
}

} // namespace emis::server
