#pragma once

#include "store/IssueStore.h"
#include "store/LocalStore.h"
#include "store/RecordRepository.h"

#include <QString>

#include <memory>

namespace emis::school {

// The GUI thread's way into the library: one data directory (one device), its store connection
// and the services widgets and view models call. Holds no SQL of its own; the sync thread and
// import worker open their own connections, as LocalStore requires.
class SchoolSession {
public:
    static client::Result<std::unique_ptr<SchoolSession>> open(const QString &dataDir);

    QString dataDir() const { return m_dataDir; }
    QString storePath() const;
    client::LocalStore &store() { return *m_store; }

    client::DeviceIdentity identity() const { return m_store->identity(); }
    client::SyncState syncState() const { return m_store->syncState(); }
    int pendingChanges() const;
    int openIssues() const;

    client::RecordRepository repository(const schema::Table &table) { return {*m_store, table}; }
    client::IssueStore issueStore() const { return client::IssueStore(m_store->db()); }

private:
    SchoolSession(QString dataDir, std::unique_ptr<client::LocalStore> store);

    QString m_dataDir;
    std::unique_ptr<client::LocalStore> m_store;
};

} // namespace emis::school
