#include "sync/ServerError.h"

#include "emis.pb.h"
#include "store/SqlValue.h"

#include <QCoreApplication>
#include <QSet>

namespace emis::client {

Error errorFromServer(const wire::Error &e)
{
    static const QSet<QString> refusals = {
        QStringLiteral("not_authenticated"),   QStringLiteral("not_allowed"),        QStringLiteral("device_revoked"),
        QStringLiteral("enroll_code_unknown"), QStringLiteral("enroll_code_used"),   QStringLiteral("enroll_code_expired"),
        QStringLiteral("protocol_version"),    QStringLiteral("schema_version"),     QStringLiteral("login_failed"),
        QStringLiteral("account_locked"),      QStringLiteral("too_many_refusals"),
    };
    const QString code = qs(e.code());
    ErrorKind kind = ErrorKind::Other;
    if (refusals.contains(code))
        kind = ErrorKind::Refused;
    else if (code == QLatin1String("server_busy"))
        kind = ErrorKind::Offline;
    QString text = qs(e.message_zh());
    if (!e.message_en().empty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" / ")) + qs(e.message_en());
    if (text.isEmpty())
        text = code;
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
