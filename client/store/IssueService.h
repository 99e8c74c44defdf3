#pragma once

#include "store/IssueStore.h"
#include "store/RecordRepository.h"

namespace emis::client {

class LocalStore;

// What a person does with a rejection or a conflict. Each is closed on purpose, with a note, and
// stays listed (with --all) as a record of what was decided.
class IssueService {
public:
    explicit IssueService(LocalStore &store) : m_store(store) {}

    // Correct and resend: the refused change's fields, with the corrections applied, go out again
    // as a new change; then the rejection is marked resolved.
    Result<SaveOutcome> resolveRejection(qint64 id, const RawFields &corrections, const QString &note);
    // Give the refused change up: the server's values for its fields come back on the next sync
    // (their local versions are cleared and the whole school is pulled again).
    Status discardRejection(qint64 id, const QString &note);

    // Accept the winner, or with corrections write a new value (a new change).
    Result<SaveOutcome> resolveConflict(qint64 id, const RawFields &corrections, const QString &note);
    Status discardConflict(qint64 id, const QString &note);

private:
    LocalStore &m_store;
};

} // namespace emis::client
