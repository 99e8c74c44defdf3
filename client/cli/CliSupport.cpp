#include "cli/CliSupport.h"

#include "ImportPlan.h"
#include "cli/Output.h"
#include "schema/CodeTables.h"
#include "store/SqlValue.h"
#include "sync/DeviceFiles.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>

namespace emis::client::cli {

QString tr(const char *text) { return QCoreApplication::translate("emis::client::cli", text); }

Result<std::unique_ptr<LocalStore>> openDevice(const Options &o)
{
    if (o.dataDir.isEmpty())
        return makeError(ErrorKind::Usage, QCoreApplication::translate("emis-cli", "--data-dir is required."));
    if (!QDir().mkpath(o.dataDir))
        return makeError(ErrorKind::Other,
                         QCoreApplication::translate("emis-cli", "Cannot create the data directory %1.").arg(o.dataDir));
    // The directory holds the device key and pupils' records: its owner only.
    QFile::setPermissions(o.dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return LocalStore::open(DeviceFiles{o.dataDir}.store());
}

Result<RawFields> parseSets(const QStringList &sets)
{
    RawFields out;
    for (const auto &s : sets) {
        const int eq = s.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return makeError(ErrorKind::Usage,
                             QCoreApplication::translate("emis-cli", "--set takes FIELD=VALUE, not %1.").arg(s));
        out.insert(s.left(eq).trimmed(), s.mid(eq + 1));
    }
    return out;
}

QString displayValue(const schema::Field &field, const Value &value)
{
    if (isNull(value))
        return QString();
    if (!field.codeTable.empty())
        if (const auto *table = schema::findCodeTable(field.codeTable))
            return qs(table->nameOf(displayText(value)));
    if (field.type == schema::FieldType::Bool)
        return std::get_if<std::int64_t>(&value) && std::get<std::int64_t>(value) ? QStringLiteral("是")
                                                                                  : QStringLiteral("否");
    return qs(displayText(value));
}

QString isoTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QString();
}

QJsonObject issueJson(const Issue &issue)
{
    return QJsonObject{{QStringLiteral("field"), qs(issue.field)},
                       {QStringLiteral("code"), qs(issue.code())},
                       {QStringLiteral("message_zh"), qs(issue.zh)},
                       {QStringLiteral("message_en"), qs(issue.en)}};
}

QJsonArray rejectedRowsJson(const std::vector<io::RejectedRow> &rows, const Output &out)
{
    QJsonArray rejected;
    for (const auto &row : rows) {
        QJsonArray reasons;
        for (const auto &issue : row.issues) {
            QJsonObject reason = issueJson(issue);
            QString said = qs(issue.text());
            if (const std::string value = row.valueOf(issue); !value.empty()) {
                reason.insert(QStringLiteral("value"), qs(value));
                said = tr("%1 (read: %2)").arg(said, qs(value));
            }
            reasons.append(reason);
            if (row.name.empty())
                out.text(tr("line %1: %2").arg(row.line).arg(said));
            else
                out.text(tr("line %1 (%2): %3").arg(row.line).arg(qs(row.name), said));
        }
        rejected.append(QJsonObject{{QStringLiteral("line"), row.line},
                                    {QStringLiteral("name"), qs(row.name)},
                                    {QStringLiteral("reasons"), reasons}});
    }
    return rejected;
}

} // namespace emis::client::cli
