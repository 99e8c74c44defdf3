#pragma once

#include "schema/Value.h"
#include "sync/Hlc.h"
#include "validate/RecordValidator.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace emis::server {

// The version of one field: the stamp of its last write and the server sequence that applied it.
struct FieldVersion {
    sync::Hlc hlc;
    std::int64_t seq = 0;
};

// One record row as the store holds it, with its per-field versions.
struct StoredRow {
    std::string id;
    std::string schoolId;
    std::string hlc;  // Hlc::toText() of the row's last change
    bool deleted = false;
    validate::Record values;                                   // every field; NULL as monostate
    std::map<std::string, FieldVersion, std::less<>> versions; // fields ever written
    FieldVersion deletedVersion;
};

using validate::fieldText;

struct FeedEntry {
    std::int64_t seq = 0;
    std::string table;
    std::string rowId;
    std::string schoolId;
    std::string holder;  // the device that holds the row as stored (it pushed it so), or empty
};

struct DeviceRecord {
    std::string id;
    std::string schoolId;
    std::string name;
    std::string certSerial;
    std::int64_t enrolledMs = 0;
    std::optional<std::int64_t> revokedMs;
    std::optional<std::int64_t> lastSeenMs;
};

struct EnrollCodeRecord {
    std::string codeHash;
    std::string schoolId;
    std::int64_t createdMs = 0;
    std::int64_t expiresMs = 0;
    std::optional<std::int64_t> usedMs;
};

struct RejectionRecord {
    std::string deviceId;
    std::uint64_t deviceSeq = 0;
    std::string table;
    std::string rowId;
    std::string field;
    std::string code;
    std::string messageZh;
    std::string messageEn;
};

struct ConflictRecord {
    std::string table;
    std::string rowId;
    std::string field;
    Value winner;
    std::string winnerHlc;
    Value loser;
    std::string loserHlc;
    std::string deviceId;
    std::uint64_t deviceSeq = 0;
};

// A bureau officer's account; its role is one of schema::roles() (common/schema/Roles.cpp).
struct UserRecord {
    std::string name;
    std::string displayName;
    std::string role;
    std::string passwordHash;  // argon2id, libsodium's crypto_pwhash_str format
    int failures = 0;          // wrong passwords since the last good one (shown to IT; the throttle is in memory)
    bool locked = false;       // the administrative lock: emisctl user lock|unlock
    std::int64_t createdMs = 0;
    std::optional<std::int64_t> lastLoginMs;
};

struct AuditEntry {
    std::int64_t atMs = 0;
    std::string actor;     // device id, user, or "emisctl"
    std::string schoolId;
    std::string action;    // "enroll", "session", "push", "reject", "not_owner", "revoke", "backup", ...
    std::string detail;
};

} // namespace emis::server
