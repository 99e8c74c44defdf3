#pragma once

#include "store/ReportSummary.h"
#include "store/StoreSession.h"

namespace emis::server {

class SqliteDb;

// StoreSession over one SQLite connection; the caller owns the transaction around it, and ends
// every job of writes with endJob() (or abandonJob() when rolling it back).
class SqliteSession final : public StoreSession {
public:
    explicit SqliteSession(SqliteDb &db) : m_db(db) {}

    std::optional<StoredRow> loadRow(const schema::Table &table, const std::string &id) override;
    void saveRow(const schema::Table &table, const StoredRow &row) override;
    std::int64_t insertRow(const schema::Table &table, const std::string &id, const std::string &schoolId,
                           const sync::Hlc &stamp, const std::vector<std::optional<Value>> &fields,
                           const std::string &holder = {}) override;
    std::vector<StoredRow> allRows(const schema::Table &table) override;
    std::optional<StoredRow> schoolByCode(const std::string &code) override;
    std::vector<StoredRow> rowsWhere(const schema::Table &table, const ColumnValues &equal) override;

    std::int64_t touchFeed(const std::string &table, const std::string &rowId, const std::string &schoolId,
                           const std::string &holder = {}) override;
    void setFeedHolder(const std::string &table, const std::string &rowId, const std::string &deviceId) override;
    void setFeedReader(const std::string &table, const std::string &rowId, const std::string &schoolId) override;
    std::vector<FeedEntry> readFeed(std::int64_t cursor, const std::string &schoolId,
                                    const std::vector<std::string> &countyTables, int limit) override;

    std::string meta(const std::string &key) override;
    void setMeta(const std::string &key, const std::string &value) override;
    std::uint64_t watermark(const std::string &deviceId) override;
    void setWatermark(const std::string &deviceId, std::uint64_t seq) override;
    void addDevice(const DeviceRecord &device) override;
    std::optional<DeviceRecord> device(const std::string &id) override;
    std::vector<DeviceRecord> devices() override;
    bool revokeDevice(const std::string &id, std::int64_t atMs) override;
    void touchDevice(const std::string &id, std::int64_t atMs) override;

    void addEnrollCode(const EnrollCodeRecord &code) override;
    std::optional<EnrollCodeRecord> enrollCode(const std::string &codeHash) override;
    void markEnrollCodeUsed(const std::string &codeHash, const std::string &deviceId, std::int64_t atMs) override;

    void addUser(const UserRecord &user) override;
    std::optional<UserRecord> user(const std::string &name) override;
    std::vector<UserRecord> users() override;
    void updateUser(const UserRecord &user) override;
    void countLoginFailure(const std::string &name) override;
    void recordLogin(const std::string &name, std::int64_t atMs) override;

    void addRejection(const RejectionRecord &r, std::int64_t atMs) override;
    std::vector<RejectionRecord> rejections(const std::string &deviceId, std::uint64_t fromSeq,
                                            std::uint64_t toSeq) override;
    void addConflict(const ConflictRecord &c, std::int64_t atMs) override;
    std::vector<ConflictRecord> conflicts(const std::string &deviceId, std::uint64_t fromSeq,
                                          std::uint64_t toSeq) override;
    void audit(const AuditEntry &entry) override;
    std::vector<AuditEntry> auditLog(int limit) override;
    std::vector<QueryRow> query(const std::string &sql, const std::vector<Value> &params) override;
    void queryEach(const std::string &sql, const std::vector<Value> &params,
                   const std::function<void(QueryRow &)> &each) override;

    // Writes what the job left pending (the summary counts of the pupils it inserted).
    void endJob();
    void abandonJob();

private:
    std::vector<StoredRow> selectRows(const schema::Table &table, const std::string &where,
                                      const std::vector<Value> &args);

    SqliteDb &m_db;
    PendingCounts m_counts;
};

} // namespace emis::server
