#include "BureauSession.h"

#include "emis.pb.h"
#include "schema/Roles.h"
#include "store/SqlValue.h"
#include "sync/ServerError.h"
#include "sync/SyncRunner.h"

#include <QCoreApplication>

namespace emis::bureau {

bool LoginInfo::mayDecide() const
{
    const schema::Role *r = schema::findRole(role.toStdString());
    return r && r->decides;
}

namespace {

using client::qs;
using client::ss;

} // namespace

BureauSession::BureauSession(int timeoutMs) : m_timeoutMs(timeoutMs) {}

BureauSession::~BureauSession() { close(); }

void BureauSession::close()
{
    if (m_connection)
        m_connection->close();
    m_connection.reset();
}

Result<LoginInfo> BureauSession::login(const Credentials &credentials)
{
    close();
    m_credentials = credentials;
    auto info = connectAndLogin();
    if (!info) {
        m_credentials.password.clear();  // kept only while it works, for reconnecting
        close();
    }
    return info;
}

Result<LoginInfo> BureauSession::connectAndLogin()
{
    auto endpoint = client::parseEndpoint(m_credentials.server);
    if (!endpoint)
        return endpoint.error();
    if (m_credentials.ca.isNull())
        return client::makeError(ErrorKind::Usage, tr("The county CA is not set."), QStringLiteral("no_ca"));
    m_connection = std::make_unique<client::ServerConnection>(m_timeoutMs);
    if (auto st = m_connection->open(*endpoint, m_credentials.ca); !st)
        return st.error();
    wire::Envelope hello;
    client::fillHello(hello, QStringLiteral("emis-bureau"));
    auto ack = m_connection->request(hello);
    if (!ack)
        return ack.error();
    if (!ack->has_hello_ack())
        return client::unexpectedResponse(*ack, "HelloAck");
    wire::Envelope e;
    e.mutable_login_request()->set_user(ss(m_credentials.user));
    e.mutable_login_request()->set_password(ss(m_credentials.password));
    auto reply = m_connection->request(e);
    if (!reply)
        return reply.error();
    if (!reply->has_login_response())
        return client::unexpectedResponse(*reply, "LoginResponse");
    const auto &r = reply->login_response();
    return LoginInfo{qs(r.user()), qs(r.role()), qs(r.display_name())};
}

Result<wire::Envelope> BureauSession::call(wire::Envelope &request)
{
    if (m_credentials.password.isEmpty())
        return client::makeError(ErrorKind::Refused, tr("Not logged in."), QStringLiteral("not_authenticated"));
    if (m_connection) {
        auto reply = m_connection->request(request);
        if (reply || reply.error().kind != ErrorKind::Offline)
            return reply;
    }
    // The server closes idle sessions (and may have restarted): connect and log in again, once.
    close();
    if (auto info = connectAndLogin(); !info) {
        close();
        return info.error();
    }
    return m_connection->request(request);
}

Result<QByteArray> BureauSession::report(const QString &name, const Params &params)
{
    wire::Envelope e;
    auto *r = e.mutable_report_request();
    r->set_name(ss(name));
    for (auto it = params.begin(); it != params.end(); ++it)
        (*r->mutable_parameters())[ss(it.key())] = ss(it.value());
    auto reply = call(e);
    if (!reply)
        return reply.error();
    if (reply->has_report_response())
        return QByteArray::fromStdString(reply->report_response().json());
    if (reply->has_error() && reply->error().code() == "bad_request" &&
        reply->error().message_en().find("report " + ss(name)) != std::string::npos)
        return client::makeError(ErrorKind::Refused, name, QStringLiteral("unknown_report"));
    return client::unexpectedResponse(*reply, "ReportResponse");
}

Result<QString> BureauSession::decide(const QString &table, const QString &rowId, bool approve, const QString &note)
{
    wire::Envelope e;
    auto *d = e.mutable_decision_request();
    d->set_table(ss(table));
    d->set_row_id(ss(rowId));
    d->set_approve(approve);
    d->set_note(ss(note));
    auto reply = call(e);
    if (!reply)
        return reply.error();
    if (!reply->has_decision_response())
        return client::unexpectedResponse(*reply, "DecisionResponse");
    return qs(reply->decision_response().state());
}

Result<QList<EvidenceImage>> BureauSession::evidence(const QString &ownerId)
{
    wire::Envelope e;
    e.mutable_evidence_request()->set_owner_id(ss(ownerId));
    auto reply = call(e);
    if (!reply)
        return reply.error();
    if (!reply->has_evidence_response())
        return client::unexpectedResponse(*reply, "EvidenceResponse");
    QList<EvidenceImage> out;
    for (const auto &f : reply->evidence_response().files())
        out.push_back({qs(f.id()), qs(f.file_name()), qs(f.mime_type()), QByteArray::fromStdString(f.data())});
    return out;
}

QString describeError(const Error &error)
{
    const QString &code = error.code;
    if (code == QLatin1String("login_failed"))
        return BureauSession::tr("Wrong user name or password.");
    if (code == QLatin1String("account_locked"))
        return BureauSession::tr("This account is locked by the county administrator. Ask them to unlock it "
                  "(emisctl user unlock).");
    if (code == QLatin1String("login_throttled"))
        return BureauSession::tr("Too many wrong passwords from this computer. Wait a little and try again. (%1)")
            .arg(error.message);
    if (code == QLatin1String("server_busy"))
        return BureauSession::tr("The county server is busy. Try again in a few minutes.");
    if (code == QLatin1String("not_allowed"))
        return BureauSession::tr("Your account is not allowed to do this. (%1)").arg(error.message);
    if (code == QLatin1String("unknown_report"))
        return BureauSession::tr("This county server does not offer the report “%1” yet; it may need an update.").arg(error.message);
    if (code == QLatin1String("untrusted_server") || code == QLatin1String("tls_refused"))
        return BureauSession::tr("The server is not the county server: its certificate is not signed by the county CA you set. "
                  "Check the address and the CA fingerprint. (%1)")
            .arg(error.message);
    if (code == QLatin1String("no_ca"))
        return BureauSession::tr("Enter the county CA fingerprint (ask the county IT; `emisctl ca` prints it) or choose the CA file.");
    if (code == QLatin1String("not_authenticated"))
        return BureauSession::tr("The server did not accept this request from your session. (%1)").arg(error.message);
    if (error.kind == ErrorKind::Offline)
        return BureauSession::tr("The county server cannot be reached. Check the address and the network, then try again. (%1)")
            .arg(error.message);
    return error.message;
}

} // namespace emis::bureau
