#include "cli/Output.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace emis::client::cli {

void Output::text(const QString &line) const
{
    if (m_json)
        return;
    const QByteArray b = line.toUtf8() + '\n';
    std::fwrite(b.constData(), 1, static_cast<std::size_t>(b.size()), stdout);
}

void Output::data(const QJsonValue &value) const
{
    if (!m_json)
        return;
    const QByteArray b = value.isObject()  ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)
                         : value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)
                                           : value.toVariant().toString().toUtf8() + '\n';
    std::fwrite(b.constData(), 1, static_cast<std::size_t>(b.size()), stdout);
}

int Output::fail(const Error &error) const
{
    if (m_json) {
        const QJsonObject o{{QStringLiteral("error"), error.message},
                            {QStringLiteral("code"), error.code},
                            {QStringLiteral("exit"), static_cast<int>(error.kind)}};
        const QByteArray b = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
        std::fwrite(b.constData(), 1, static_cast<std::size_t>(b.size()), stderr);
    } else {
        const QByteArray b = QStringLiteral("emis-cli: %1\n").arg(error.message).toUtf8();
        std::fwrite(b.constData(), 1, static_cast<std::size_t>(b.size()), stderr);
    }
    std::fflush(stdout);
    return static_cast<int>(error.kind);
}

} // namespace emis::client::cli
