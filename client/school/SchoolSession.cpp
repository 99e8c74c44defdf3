#include "SchoolSession.h"

#include "store/ChangeLog.h"
#include "sync/DeviceFiles.h"

#include <QCoreApplication>
#include <QDir>

namespace emis::school {

SchoolSession::SchoolSession(QString dataDir, std::unique_ptr<client::LocalStore> store)
    : m_dataDir(std::move(dataDir)), m_store(std::move(store))
{
}

client::Result<std::unique_ptr<SchoolSession>> SchoolSession::open(const QString &dataDir)
{
    if (!QDir().mkpath(dataDir))
        return client::makeError(client::ErrorKind::Other,
                                 QCoreApplication::translate("emis::school::SchoolSession",
                                                             "Cannot create the data folder %1.")
                                     .arg(dataDir));
    auto store = client::LocalStore::open(client::DeviceFiles{dataDir}.store());
    if (!store)
        return store.error();
    return std::unique_ptr<SchoolSession>(new SchoolSession(dataDir, std::move(*store)));
}

QString SchoolSession::storePath() const { return m_store->path(); }

int SchoolSession::pendingChanges() const { return client::ChangeLog(m_store->db()).pendingCount(); }

int SchoolSession::openIssues() const
{
    const client::IssueStore issues(m_store->db());
    return issues.openRejectionCount() + issues.openConflictCount();
}

} // namespace emis::school
