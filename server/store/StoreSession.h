#pragma once

#include "schema/Schema.h"
#include "store/StoreTypes.h"

#include <functional>
#include <vector>

namespace emis::server {

// What the sync, enrollment and admin code may do with the store, inside one transaction (a
// read snapshot, or one job of a group commit). The only SQL lives behind this; a PostgreSQL
// store implements the same operations.
class StoreSession {
public:
    virtual ~StoreSession() = default;

    // Records
    virtual std::optional<StoredRow> loadRow(const schema::Table &table, const std::string &id) = 0;
    virtual void saveRow(const schema::Table &table, const StoredRow &row) = 0;
    // A row the store does not have yet, owned by `schoolId`, entered in the feed: `fields` in the
    // table's field order, each one holding a value written at `stamp` with the feed entry's seq;
    // NULL and absent fields are never written. What saveRow would store after touchFeed, without
    // a StoredRow to build first. Returns the feed entry's seq.
    // `holder`: the device that sent the row as stored (FeedEntry::holder).
    virtual std::int64_t insertRow(const schema::Table &table, const std::string &id, const std::string &schoolId,
                                   const sync::Hlc &stamp, const std::vector<std::optional<Value>> &fields,
                                   const std::string &holder = {}) = 0;
    virtual std::vector<StoredRow> allRows(const schema::Table &table) = 0;
    virtual std::optional<StoredRow> schoolByCode(const std::string &code) = 0;
    // Rows (tombstones included) whose columns equal the values given; the columns are the
    // table's own or standard ones, never text from a request.
    using ColumnValues = std::vector<std::pair<std::string, Value>>;
    virtual std::vector<StoredRow> rowsWhere(const schema::Table &table, const ColumnValues &equal) = 0;

    // Feed: a server-wide sequence, one entry per row, moved to the next seq on every change.
    // A new entry holds no device (`holder` empty) unless one is named.
    virtual std::int64_t touchFeed(const std::string &table, const std::string &rowId, const std::string &schoolId,
                                   const std::string &holder = {}) = 0;
    // The device holds the row as stored now (its push was taken whole); until the next change.
    virtual void setFeedHolder(const std::string &table, const std::string &rowId, const std::string &deviceId) = 0;
    // A second school that may see the row besides its owner (the sending school of a
    // transfer); kept when the row is touched again. Empty = the owner only.
    virtual void setFeedReader(const std::string &table, const std::string &rowId, const std::string &schoolId) = 0;
    // Entries after `cursor` that `schoolId` may see (its own, addressed to it as reader, or in
    // a county table), in order.
    virtual std::vector<FeedEntry> readFeed(std::int64_t cursor, const std::string &schoolId,
                                            const std::vector<std::string> &countyTables, int limit) = 0;

    // The store's own facts (the meta table). "feed_epoch" names this store's feed: it is made with
    // the store and made anew by a restore, so that a device whose pull cursor came from the lost
    // server's feed pulls again from the start (the restored feed reuses those seqs).
    virtual std::string meta(const std::string &key) = 0;
    virtual void setMeta(const std::string &key, const std::string &value) = 0;

    // Devices and their watermark
    virtual std::uint64_t watermark(const std::string &deviceId) = 0;
    virtual void setWatermark(const std::string &deviceId, std::uint64_t seq) = 0;
    virtual void addDevice(const DeviceRecord &device) = 0;
    virtual std::optional<DeviceRecord> device(const std::string &id) = 0;
    virtual std::vector<DeviceRecord> devices() = 0;
    virtual bool revokeDevice(const std::string &id, std::int64_t atMs) = 0;
    virtual void touchDevice(const std::string &id, std::int64_t atMs) = 0;

    // Enrollment codes (only their hash is stored)
    virtual void addEnrollCode(const EnrollCodeRecord &code) = 0;
    virtual std::optional<EnrollCodeRecord> enrollCode(const std::string &codeHash) = 0;
    virtual void markEnrollCodeUsed(const std::string &codeHash, const std::string &deviceId, std::int64_t atMs) = 0;

    // Bureau users
    virtual void addUser(const UserRecord &user) = 0;
    virtual std::optional<UserRecord> user(const std::string &name) = 0;
    virtual std::vector<UserRecord> users() = 0;
    // Writes hash, failures, locked and last login back.
    virtual void updateUser(const UserRecord &user) = 0;
    // A login's outcome, as one statement each, so that neither a parallel login nor an
    // emisctl change to the account (a new password, a lock) is overwritten by a stale copy.
    virtual void countLoginFailure(const std::string &name) = 0;
    virtual void recordLogin(const std::string &name, std::int64_t atMs) = 0;

    // Outcomes kept for the device and for review
    virtual void addRejection(const RejectionRecord &r, std::int64_t atMs) = 0;
    virtual std::vector<RejectionRecord> rejections(const std::string &deviceId, std::uint64_t fromSeq,
                                                    std::uint64_t toSeq) = 0;
    virtual void addConflict(const ConflictRecord &c, std::int64_t atMs) = 0;
    virtual std::vector<ConflictRecord> conflicts(const std::string &deviceId, std::uint64_t fromSeq,
                                                  std::uint64_t toSeq) = 0;
    virtual void audit(const AuditEntry &entry) = 0;
    virtual std::vector<AuditEntry> auditLog(int limit) = 0;

    // Reports: read-only SQL over the record tables, portable between SQLite and PostgreSQL
    // (plain joins, GROUP BY, CASE; values bound as ?). Only server/report and server/workflow
    // (evidence lookups) call this, with SQL text they own; nothing from a request is ever pasted into it.
    using QueryRow = std::vector<Value>;
    virtual std::vector<QueryRow> query(const std::string &sql, const std::vector<Value> &params) = 0;
    // The same rows one at a time, in one buffer reused (its text too: `each` reads the values,
    // or moves them out at the cost of an allocation for the next row): for a report that reads
    // a few hundred thousand rows without holding them all.
    virtual void queryEach(const std::string &sql, const std::vector<Value> &params,
                           const std::function<void(QueryRow &)> &each)
    {
        for (auto &row : query(sql, params))
            each(row);
    }
};

} // namespace emis::server
