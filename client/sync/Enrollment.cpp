#include "sync/Enrollment.h"

#include "emis.pb.h"
#include "store/SqlValue.h"
#include "sync/KeyMaker.h"
#include "sync/ServerConnection.h"
#include "sync/ServerError.h"
#include "sync/SyncRunner.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

namespace emis::client {
namespace {

// The context lupdate files these under: tr() in free functions belongs to the namespace.
QString tr(const char *text) { return QCoreApplication::translate("emis::client", text); }

Status writeFile(const QString &path, const QByteArray &bytes, bool secret)
{
    QFile f(path);
    const auto perms = secret ? QFileDevice::ReadOwner | QFileDevice::WriteOwner
                              : QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                    QFileDevice::ReadOther;
    // Created with its mode, so the key is never readable by others, not even for a moment.
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate, perms) || !f.setPermissions(perms) ||
        f.write(bytes) != bytes.size() || !f.flush())
        return makeError(ErrorKind::Other, tr("Cannot write %1: %2").arg(path, f.errorString()));
    f.close();
    return Ok{};
}

} // namespace

Result<EnrollCode> parseEnrollCode(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^([A-Za-z0-9-]+)\\.([0-9a-fA-F]{32})$"));
    const auto m = shape.match(text.trimmed());
    if (!m.hasMatch())
        return makeError(ErrorKind::Usage, tr("An enrollment code looks like XXXX-XXXX-XXXX.<32 hex digits>; got %1.").arg(text));
    return EnrollCode{m.captured(1), m.captured(2).toLower()};
}

Result<DeviceIdentity> enroll(LocalStore &store, const DeviceFiles &files, const QString &server, const QString &codeText,
                              const QString &deviceName, int timeoutMs)
{
    if (store.identity().enrolled())
        return makeError(ErrorKind::Usage, tr("This data directory is already enrolled for %1 (%2).")
                                               .arg(store.identity().schoolName, store.identity().schoolCode));
    auto code = parseEnrollCode(codeText);
    if (!code)
        return code.error();
    auto endpoint = parseEndpoint(server);
    if (!endpoint)
        return endpoint.error();

    auto chain = ServerConnection::presentedChain(*endpoint, timeoutMs);
    if (!chain)
        return chain.error();
    QSslCertificate ca;
    for (const auto &cert : *chain)
        if (caFingerprint(cert) == code->fingerprint)
            ca = cert;
    if (ca.isNull())
        return makeError(ErrorKind::Refused, tr("The server at %1 does not present the county CA named in the code; "
                                                "check the address and the code.")
                                                 .arg(server),
                         QStringLiteral("untrusted_server"));

    auto keys = makeKeyAndRequest(deviceName);
    if (!keys)
        return keys.error();
    // From here on only the pinned CA is trusted; open() verifies it signed the server's
    // certificate and that the certificate names this host.
    ServerConnection c(timeoutMs);
    if (auto st = c.open(*endpoint, ca); !st)
        return st.error();
    wire::Envelope hello;
    fillHello(hello, QCoreApplication::applicationName());
    auto ack = c.request(hello);
    if (!ack)
        return ack.error();
    if (!ack->has_hello_ack())
        return unexpectedResponse(*ack, "HelloAck");

    wire::Envelope e;
    auto *req = e.mutable_enroll_request();
    req->set_code(ss(code->code));
    req->set_csr_pem(keys->csrPem.toStdString());
    req->set_device_name(ss(deviceName));
    auto reply = c.request(e);
    c.close();
    if (!reply)
        return reply.error();
    if (!reply->has_enroll_response())
        return unexpectedResponse(*reply, "EnrollResponse");
    const auto &r = reply->enroll_response();
    const QByteArray certPem = QByteArray::fromStdString(r.client_certificate_pem());
    const auto issued = QSslCertificate::fromData(certPem);
    const auto sentCa = QSslCertificate::fromData(QByteArray::fromStdString(r.ca_certificate_pem()));
    if (issued.isEmpty() || r.device_id().empty() || r.school_id().empty())
        return makeError(ErrorKind::Other, tr("The server's enrollment answer is incomplete."));
    if (!sentCa.isEmpty() && caFingerprint(sentCa.constFirst()) != code->fingerprint)
        return makeError(ErrorKind::Refused, tr("The server sent a different CA than the code names."),
                         QStringLiteral("untrusted_server"));

    // The key first: a certificate without its key would be useless.
    if (auto st = writeFile(files.key(), keys->keyPem, true); !st)
        return st.error();
    if (auto st = writeFile(files.certificate(), certPem, false); !st)
        return st.error();
    if (auto st = writeFile(files.ca(), ca.toPem(), false); !st)
        return st.error();
    DeviceIdentity id{qs(r.device_id()), qs(r.school_id()), qs(r.school_code()), qs(r.school_name()), endpoint->text()};
    if (auto st = store.setIdentity(id); !st)
        return st.error();
    return id;
}

} // namespace emis::client
