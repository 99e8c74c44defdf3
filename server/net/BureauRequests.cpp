// Bureau officers on the protocol: a password login (argon2id; wrong ones throttled per account
// and source address; an administrative lock from emisctl), then county reports. Both run on
// the work pool, never on a network thread, and every login, failure and report run is audited.
#include "auth/LoginThrottle.h"
#include "auth/Passwords.h"
#include "net/HandlerSupport.h"
#include "net/WorkPool.h"
#include "report/ReportEngine.h"
#include "store/Store.h"
#include "store/StoreSession.h"

namespace emis::server {

namespace {

// "address:port" → "address": wrong passwords are counted per source address, not per connection.
std::string sourceAddress(const std::string &peer)
{
    const auto colon = peer.rfind(':');
    return colon == std::string::npos ? peer : peer.substr(0, colon);
}

// An attempt the throttle admitted: ended with its outcome, or abandoned if the job fails first.
class ThrottledAttempt {
public:
    ThrottledAttempt(LoginThrottle &throttle, std::string name, std::string source)
        : m_throttle(throttle), m_name(std::move(name)), m_source(std::move(source))
    {
    }
    ~ThrottledAttempt()
    {
        if (!m_ended)
            m_throttle.abandon(m_name, m_source);
    }
    ThrottledAttempt(const ThrottledAttempt &) = delete;
    ThrottledAttempt &operator=(const ThrottledAttempt &) = delete;
    std::chrono::seconds end(bool passwordOk)
    {
        m_ended = true;
        return m_throttle.end(m_name, m_source, passwordOk);
    }

private:
    LoginThrottle &m_throttle;
    std::string m_name;
    std::string m_source;
    bool m_ended = false;
};

} // namespace

void RequestHandler::login(const wire::Envelope &request, Respond respond)
{
    const auto id = request.request_id();
    if (m_device)
        return respond(errorReply(id, Reason::NotAllowed, false, "a school device does not log in as a bureau user"));
    const std::string name = request.login_request().user();
    const std::string password = request.login_request().password();
    const std::string source = sourceAddress(m_peer);
    // Reserved here, before the job is queued: parallel sessions from one source cannot get more
    // password checks than the throttle allows, however the work pool orders them.
    if (const auto wait = m_context.logins.begin(name, source); wait.count() > 0) {
        const std::string detail = "throttled for " + std::to_string(wait.count()) + " s from " + m_peer;
        m_context.store.submitWrite(
            [name, detail](StoreSession &s) { s.audit(AuditEntry{nowMs(), name, {}, "login_throttled", detail}); },
            [](std::exception_ptr) {});
        return respond(errorReply(id, Reason::LoginThrottled, false, std::to_string(wait.count())));
    }
    auto attempt = std::make_shared<ThrottledAttempt>(m_context.logins, name, source);
    auto job = [this, id, name, password, respond, attempt]() {
        std::optional<UserRecord> user;
        m_context.store.read([&](StoreSession &s) { user = s.user(name); });
        const auto audit = [&](const std::string &action, const std::string &detail) {
            m_context.store.write(
                [&](StoreSession &s) { s.audit(AuditEntry{nowMs(), name, {}, action, detail + " from " + m_peer}); });
        };
        const auto failed = [&](std::chrono::seconds pause) {
            if (pause.count() > 0)
                return respond(errorReply(id, Reason::LoginThrottled, false, std::to_string(pause.count())));
            respond(errorReply(id, Reason::LoginFailed, false));
        };
        if (!user) {
            // Spend the same time as a real check, so a wrong name cannot be told from a wrong password.
            static const std::string dummy = hashPassword("not a password of anyone's");
            verifyPassword(dummy, password);
            const auto pause = attempt->end(false);
            audit("login_failed", "unknown user");
            return failed(pause);
        }
        if (user->locked) {
            audit("login_refused", "account locked");
            return respond(errorReply(id, Reason::AccountLocked, false));
        }
        if (!verifyPassword(user->passwordHash, password)) {
            const auto pause = attempt->end(false);
            m_context.store.write([&](StoreSession &s) { s.countLoginFailure(name); });
            audit("login_failed", "wrong password" + (pause.count() > 0 ? ", throttled for " +
                                                                             std::to_string(pause.count()) + " s"
                                                                       : std::string()));
            return failed(pause);
        }
        attempt->end(true);
        m_context.store.write([&](StoreSession &s) { s.recordLogin(name, nowMs()); });
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
        m_context.store.read([&](StoreSession &s) { result = report::runReport(s, name, params, m_role); });
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
