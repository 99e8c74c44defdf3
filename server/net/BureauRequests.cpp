// Bureau officers on the protocol: a password login (argon2id, lock-out after repeated
// failures), then county reports. Both run on the work pool, never on a network thread, and
// every login, failure and report run is audited.
#include "auth/Passwords.h"
#include "net/HandlerSupport.h"
#include "net/WorkPool.h"
#include "report/ReportEngine.h"
#include "store/Store.h"
#include "store/StoreSession.h"

namespace emis::server {

void RequestHandler::login(const wire::Envelope &request, Respond respond)
{
    const auto id = request.request_id();
    if (m_device)
        return respond(errorReply(id, Reason::NotAllowed, false, "a school device does not log in as a bureau user"));
    const std::string name = request.login_request().user();
    const std::string password = request.login_request().password();
    auto job = [this, id, name, password, respond]() {
        std::optional<UserRecord> user;
        m_context.store.read([&](StoreSession &s) { user = s.user(name); });
        const auto audit = [&](const std::string &action, const std::string &detail) {
            m_context.store.write(
                [&](StoreSession &s) { s.audit(AuditEntry{nowMs(), name, {}, action, detail + " from " + m_peer}); });
        };
        if (!user) {
            // Spend the same time as a real check, so a wrong name cannot be told from a wrong password.
            static const std::string dummy = hashPassword("not a password of anyone's");
            verifyPassword(dummy, password);
            audit("login_failed", "unknown user");
            return respond(errorReply(id, Reason::LoginFailed, false));
        }
        if (user->locked) {
            audit("login_refused", "account locked");
            return respond(errorReply(id, Reason::AccountLocked, false));
        }
        if (!verifyPassword(user->passwordHash, password)) {
            ++user->failures;
            user->locked = user->failures >= kMaxLoginFailures;
            m_context.store.write([&](StoreSession &s) { s.updateUser(*user); });
            audit("login_failed", "wrong password (" + std::to_string(user->failures) + ")" +
                                      (user->locked ? ", account locked" : ""));
            return respond(errorReply(id, user->locked ? Reason::AccountLocked : Reason::LoginFailed, false));
        }
        user->failures = 0;
        user->lastLoginMs = nowMs();
        m_context.store.write([&](StoreSession &s) { s.updateUser(*user); });
        audit("login", "role " + user->role);
        m_user = user->name;
        m_role = user->role;
        logLine(m_who, "bureau user " + m_user + " logged in (" + m_role + ")");
        Reply r;
        r.envelope.set_request_id(id);
        r.envelope.mutable_login_response()->set_user(user->name);
        r.envelope.mutable_login_response()->set_role(user->role);
        r.envelope.mutable_login_response()->set_display_name(user->displayName);
        respond(std::move(r));
    };
    if (!m_context.work.post(job))
        respond(errorReply(id, Reason::ServerBusy, false));
}

void RequestHandler::report(const wire::Envelope &request, Respond respond)
{
    const auto id = request.request_id();
    if (m_device) {
        logLine(m_who, "refused: a school device asked for a county report");
        return respond(errorReply(id, Reason::NotAllowed, false, "county reports are for the bureau"));
    }
    if (m_user.empty())
        return respond(errorReply(id, Reason::NotAuthenticated, false));
    report::Params params(request.report_request().parameters().begin(), request.report_request().parameters().end());
    const std::string name = request.report_request().name();
    auto job = [this, id, name, params, respond]() {
        std::variant<std::string, Issue> result;
        m_context.store.read([&](StoreSession &s) { result = report::runReport(s, name, params); });
        std::string detail = name;
        for (const auto &[k, v] : params)
            detail += " " + k + "=" + v;
        m_context.store.write([&](StoreSession &s) { s.audit(AuditEntry{nowMs(), m_user, {}, "report", detail}); });
        if (const auto *issue = std::get_if<Issue>(&result)) {
            Reply r = errorReply(id, issue->reason, false);
            r.envelope.mutable_error()->set_message_zh(issue->zh);
            r.envelope.mutable_error()->set_message_en(issue->en);
            return respond(std::move(r));
        }
        Reply r;
        r.envelope.set_request_id(id);
        r.envelope.mutable_report_response()->set_name(name);
        r.envelope.mutable_report_response()->set_json(std::get<std::string>(result));
        respond(std::move(r));
    };
    if (!m_context.work.post(job))
        respond(errorReply(id, Reason::ServerBusy, false));
}

} // namespace emis::server
