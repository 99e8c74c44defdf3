#include "sync/ServerError.h"

#include "emis.pb.h"
#include "store/SqlValue.h"

#include <QCoreApplication>
#include <QSet>

namespace emis::client {

Error deviceRevokedError()
{
    return makeError(ErrorKind::Refused,
                     QCoreApplication::translate("emis::client::ServerError", "The county server refused this device: it has "
                                                                                "been revoked. Ask county IT to enroll it again."),
                     QStringLiteral("device_revoked"));
}

Error serverBusyError(const QString &detail)
{
    return makeError(ErrorKind::Offline,
                     QCoreApplication::translate("emis::client::ServerError",
                                                 "The county server is busy; try again in a few minutes. (%1)")
                         .arg(detail),
                     QStringLiteral("server_busy"));
}

Error errorFromServer(const wire::Error &e)
{
    static const QSet<QString> refusals = {
        QStringLiteral("not_authenticated"),   QStringLiteral("not_allowed"),        QStringLiteral("device_revoked"),
        QStringLiteral("enroll_code_unknown"), QStringLiteral("enroll_code_used"),   QStringLiteral("enroll_code_expired"),
        QStringLiteral("protocol_version"),    QStringLiteral("schema_version"),     QStringLiteral("login_failed"),
        QStringLiteral("account_locked"),      QStringLiteral("login_throttled"),     QStringLiteral("too_many_refusals"),
    };
    const QString code = qs(e.code());
    if (code == QLatin1String("device_revoked"))
        return deviceRevokedError();
    const ErrorKind kind = refusals.contains(code) ? ErrorKind::Refused : ErrorKind::Other;
    QString text = qs(e.message_zh());
    if (!e.message_en().empty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" / ")) + qs(e.message_en());
    if (text.isEmpty())
        text = code;
    if (code == QLatin1String("server_busy"))
        return serverBusyError(text);
    return makeError(kind, QCoreApplication::translate("emis::client::ServerError", "The server refused: %1").arg(text),
                     code);
}

Error unexpectedResponse(const wire::Envelope &e, const char *expected)
{
    if (e.has_error())
        return errorFromServer(e.error());
    return makeError(ErrorKind::Other, QCoreApplication::translate("emis::client::ServerError",
                                                                   "The server answered with something other than %1.")
                                           .arg(QLatin1String(expected)));
}

} // namespace emis::client
