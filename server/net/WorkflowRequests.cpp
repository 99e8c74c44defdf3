// The bureau's decisions on requests waiting for it, and the evidence images behind them. A
// decision is one write job (the decision, its effect on the pupil and the audit line commit
// together); only the roles that decide it (schema/Roles.cpp: 管理员, 基教股 for status changes; a
// move's or a table's own deciders) may; other offices and
// school devices are refused. Every decision, refusal and evidence read is audited.
#include "net/HandlerSupport.h"
#include "net/WorkPool.h"
#include "schema/Moves.h"
#include "schema/Roles.h"
#include "store/Store.h"
#include "store/StoreSession.h"
#include "sync/Hlc.h"
#include "workflow/Decision.h"
#include "workflow/Evidence.h"

#include <memory>

namespace emis::server {
namespace {

// The server's stamps for its own writes. Decisions run on the store's one writer thread; the
// clock also moves past every version a decided row holds (CountyWriter::update).
sync::HlcClock &serverClock()
{
    static sync::HlcClock clock("server");
    return clock;
}

bool mayDecide(const std::string &role)
{
    const schema::Role *r = schema::findRole(role);
    return r && r->decides;
}

} // namespace

void RequestHandler::decide(const wire::Envelope &request, Respond respond)
{
    const auto id = request.request_id();
    const wire::DecisionRequest req = request.decision_request();
    const auto refuse = [&](Reason reason, const std::string &why) {
        const std::string actor = m_device ? m_device->deviceId : m_user;
        const std::string school = m_device ? m_device->schoolId : std::string();
        const AuditEntry entry{nowMs(), actor, school, "decision_refused", req.table() + " " + req.row_id() + ": " + why};
        m_context.store.submitWrite([entry](StoreSession &s) { s.audit(entry); }, [](std::exception_ptr) {});
        logLine(m_who, "decision refused: " + why);
        respond(errorReply(id, reason, false, why));
    };
    if (m_device)
        return refuse(Reason::NotAllowed, "a school device cannot decide the bureau's requests");
    if (m_user.empty())
        return respond(errorReply(id, Reason::NotAuthenticated, false));
    const schema::MoveKind *move = schema::moveByRequest(req.table());
    const schema::Table *decided = schema::findTable(req.table());
    if (decided && decided->deciders.empty())
        decided = nullptr;
    if (req.table() != "status_changes" && !move && !decided)
        return respond(errorReply(id, Reason::UnknownTable, false, req.table()));
    const bool allowed = move ? schema::decidesMove(*move, m_role) : decided ? decided->decidedBy(m_role) : mayDecide(m_role);
    if (!allowed)
        return refuse(Reason::NotAllowed, "role " + m_role + " may not approve " + req.table());

    workflow::Decision decision{req.table(), req.row_id(), req.approve(), req.note(), m_user, nowMs()};
    auto result = std::make_shared<workflow::DecisionResult>();
    const std::string who = m_who;
    m_context.store.submitWrite(
        [decision, result](StoreSession &s) {
            *result = decision.table == "status_changes" ? workflow::decideStatusChange(s, serverClock(), decision)
                      : decision.table == "asset_moves"  ? workflow::decideAssetMove(s, serverClock(), decision)
                                                         : workflow::decideTransfer(s, serverClock(), decision);
            if (const auto *issue = std::get_if<Issue>(result.get()))
                s.audit(AuditEntry{decision.nowMs, decision.user, {}, "decision_refused",
                                   decision.table + " " + decision.rowId + ": " + issue->code()});
        },
        [id, decision, result, who, respond](std::exception_ptr failure) {
            if (failure) {
                logLine(who, "decision failed unexpectedly");
                return respond(errorReply(id, Reason::Internal, false, "decision"));
            }
            if (const auto *issue = std::get_if<Issue>(result.get())) {
                logLine(who, "decision on " + decision.table + " " + decision.rowId + " refused: " + issue->code());
                Reply r = errorReply(id, issue->reason, false);
                r.envelope.mutable_error()->set_message_zh(issue->zh);
                r.envelope.mutable_error()->set_message_en(issue->en);
                return respond(std::move(r));
            }
            logLine(who, decision.user + (decision.approve ? " approved " : " refused ") + decision.table + " " +
                             decision.rowId);
            Reply r;
            r.envelope.set_request_id(id);
            auto *out = r.envelope.mutable_decision_response();
            out->set_table(decision.table);
            out->set_row_id(decision.rowId);
            out->set_state(std::get<std::string>(*result));
            respond(std::move(r));
        });
}

void RequestHandler::evidence(const wire::Envelope &request, Respond respond)
{
    const auto id = request.request_id();
    if (m_device) {
        logLine(m_who, "refused: a school device asked for evidence through the bureau's request");
        return respond(errorReply(id, Reason::NotAllowed, false, "evidence is served to the bureau"));
    }
    if (m_user.empty())
        return respond(errorReply(id, Reason::NotAuthenticated, false));
    const std::string owner = request.evidence_request().owner_id();
    auto job = [this, id, owner, respond]() {
        std::vector<workflow::EvidenceFile> files;
        m_context.store.read([&](StoreSession &s) { files = workflow::evidenceOf(s, owner); });
        m_context.store.write([&](StoreSession &s) {
            s.audit(AuditEntry{nowMs(), m_user, files.empty() ? std::string() : files.front().schoolId, "evidence",
                               owner + ": " + std::to_string(files.size()) + " files"});
        });
        Reply r;
        r.envelope.set_request_id(id);
        auto *out = r.envelope.mutable_evidence_response();
        for (auto &f : files) {
            auto *file = out->add_files();
            file->set_id(f.id);
            file->set_file_name(f.fileName);
            file->set_mime_type(f.mimeType);
            file->set_data(std::string(f.data.begin(), f.data.end()));
        }
        respond(std::move(r));
    };
    if (!m_context.work.post(job))
        respond(errorReply(id, Reason::ServerBusy, false));
}

} // namespace emis::server
