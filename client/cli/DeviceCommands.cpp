// enroll, sync, status.
#include "cli/CliSupport.h"
#include "store/ChangeLog.h"
#include "store/IssueStore.h"
#include "sync/DeviceFiles.h"
#include "sync/Enrollment.h"
#include "sync/SyncRunner.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QJsonObject>

namespace emis::client::cli {
int enrollCommand(const Options &o, const Output &out)
{
    if (o.server.isEmpty() || o.code.isEmpty())
        return out.fail(makeError(ErrorKind::Usage, tr("enroll needs --server HOST:PORT and --code CODE.")));
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    const QString name = o.deviceName.isEmpty() ? QHostInfo::localHostName() : o.deviceName;
    auto id = enroll(**store, DeviceFiles{o.dataDir}, o.server, o.code, name, o.timeoutSeconds * 1000);
    if (!id)
        return out.fail(id.error());
    out.text(tr("Enrolled as device %1 of %2 (%3).").arg(id->deviceId, id->schoolName, id->schoolCode));
    out.data(QJsonObject{{QStringLiteral("device_id"), id->deviceId},
                         {QStringLiteral("school_id"), id->schoolId},
                         {QStringLiteral("school_code"), id->schoolCode},
                         {QStringLiteral("school_name"), id->schoolName},
                         {QStringLiteral("server"), id->server}});
    return 0;
}

int syncCommand(const Options &o, const Output &out)
{
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    SyncRunner runner(**store, DeviceFiles{o.dataDir}, QStringLiteral("emis-cli"));
    runner.setTimeoutMs(o.timeoutSeconds * 1000);
    runner.setBatchSize(o.batchSize);
    auto report = runner.run();
    // The clerk hears of a clock correction even when the sync failed after it.
    if (const auto &repair = runner.clockRepair())
        out.text(clockRepairNotice(*repair));
    if (!report)
        return out.fail(report.error());
    const int pending = ChangeLog((*store)->db()).pendingCount();
    out.text(tr("Synced: %1 changes sent, %2 rows received, %3 new rejections, %4 conflicts; %5 changes still pending.")
                 .arg(report->pushed)
                 .arg(report->pulled)
                 .arg(report->rejections)
                 .arg(report->conflicts)
                 .arg(pending));
    QJsonObject data{{QStringLiteral("pushed"), report->pushed},
                     {QStringLiteral("pulled"), report->pulled},
                     {QStringLiteral("rejections"), report->rejections},
                     {QStringLiteral("conflicts"), report->conflicts},
                     {QStringLiteral("watermark"), static_cast<qint64>(report->watermark)},
                     {QStringLiteral("cursor"), static_cast<qint64>(report->cursor)},
                     {QStringLiteral("pending"), pending}};
    if (const auto &repair = runner.clockRepair())
        data.insert(QStringLiteral("clock_correction"),
                    QJsonObject{{QStringLiteral("clock_was"), isoTime(static_cast<qint64>(repair->was.physicalMs))},
                                {QStringLiteral("server_time"), isoTime(static_cast<qint64>(repair->serverTimeMs))},
                                {QStringLiteral("restamped"), repair->restamped},
                                {QStringLiteral("rows"), repair->rowsCorrected},
                                {QStringLiteral("resent"), repair->resent},
                                {QStringLiteral("notice"), clockRepairNotice(*repair)}});
    out.data(data);
    // Synced, but the server refused some changes or two devices changed the same field: a script
    // learns that a person has to look (emis-cli rejections / conflicts).
    return report->rejections > 0 || report->conflicts > 0 ? kExitNeedsAttention : 0;
}

int statusCommand(const Options &o, const Output &out)
{
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    const SyncState s = (*store)->syncState();
    ChangeLog log((*store)->db());
    IssueStore issues((*store)->db());
    const int pending = log.pendingCount();
    const int rejections = issues.openRejectionCount();
    const int conflicts = issues.openConflictCount();
    if (s.identity.enrolled())
        out.text(tr("School: %1 (%2), device %3, server %4")
                     .arg(s.identity.schoolName, s.identity.schoolCode, s.identity.deviceId, s.identity.server));
    else
        out.text(tr("Not enrolled."));
    out.text(tr("Pending changes: %1").arg(pending));
    out.text(tr("Last sync: %1").arg(s.lastSyncMs ? isoTime(s.lastSyncMs) : tr("never")));
    if (!s.lastError.isEmpty())
        out.text(tr("Last error: %1").arg(s.lastError));
    out.text(tr("Open rejections: %1").arg(rejections));
    out.text(tr("Open conflicts: %1").arg(conflicts));
    out.data(QJsonObject{{QStringLiteral("enrolled"), s.identity.enrolled()},
                         {QStringLiteral("device_id"), s.identity.deviceId},
                         {QStringLiteral("school_id"), s.identity.schoolId},
                         {QStringLiteral("school_code"), s.identity.schoolCode},
                         {QStringLiteral("school_name"), s.identity.schoolName},
                         {QStringLiteral("server"), s.identity.server},
                         {QStringLiteral("pending"), pending},
                         {QStringLiteral("last_seq"), static_cast<qint64>(log.lastSeq())},
                         {QStringLiteral("watermark"), static_cast<qint64>(s.watermark)},
                         {QStringLiteral("pull_cursor"), static_cast<qint64>(s.pullCursor)},
                         {QStringLiteral("last_sync"), isoTime(s.lastSyncMs)},
                         {QStringLiteral("last_error"), s.lastError},
                         {QStringLiteral("rejections"), rejections},
                         {QStringLiteral("conflicts"), conflicts}});
    return 0;
}

} // namespace emis::client::cli
