#include "CaTrust.h"

#include "sync/ServerConnection.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

namespace emis::bureau {
namespace {

QString tr(const char *text) { return QCoreApplication::translate("emis::bureau", text); }

} // namespace

QString normalizeFingerprint(const QString &typed)
{
    QString s = typed.trimmed().toLower();
    s.remove(QLatin1Char(':')).remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{32}$"));
    return hex.match(s).hasMatch() ? s : QString();
}

client::Result<QSslCertificate> caFromFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return client::makeError(client::ErrorKind::Usage, tr("Cannot read %1: %2").arg(path, f.errorString()));
    const auto certs = QSslCertificate::fromData(f.readAll(), QSsl::Pem);
    if (certs.isEmpty())
        return client::makeError(client::ErrorKind::Usage, tr("%1 holds no certificate (a PEM file such as ca.pem).").arg(path));
    return certs.constFirst();
}

client::Result<QSslCertificate> pinCa(const QString &server, const QString &fingerprint, int timeoutMs)
{
    auto endpoint = client::parseEndpoint(server);
    if (!endpoint)
        return endpoint.error();
    auto chain = client::ServerConnection::presentedChain(*endpoint, timeoutMs);
    if (!chain)
        return chain.error();
    for (const auto &cert : *chain)
        if (client::caFingerprint(cert) == fingerprint)
            return cert;
    return client::makeError(client::ErrorKind::Refused,
                             tr("The server at %1 does not present the county CA with the fingerprint %2.")
                                 .arg(server, fingerprint),
                             QStringLiteral("untrusted_server"));
}

} // namespace emis::bureau
