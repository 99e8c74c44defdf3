#pragma once

#include "store/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <vector>

namespace emis::wire {
class Rejection;
class Conflict;
class FieldValue;
class Hlc;
}

namespace emis::client {

struct RejectionEntry {
    qint64 id = 0;
    quint64 deviceSeq = 0;
    QString table, rowId, field, code, messageZh, messageEn, state, note;
    qint64 createdMs = 0;
};

struct ConflictEntry {
    qint64 id = 0;
    QString origin;  // "local" (found on pull) or "server" (reported in a PushAck)
    QString table, rowId, field;
    QString winnerText, winnerHlc, loserText, loserHlc;
    quint64 deviceSeq = 0;
    QString state, note;
    qint64 createdMs = 0;
};

// Rejections and conflicts kept until a person resolves or discards each one: nothing from the
// server is dropped silently. Adding the same one twice (a resent batch) keeps one entry.
class IssueStore {
public:
    explicit IssueStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // True when the entry is new, false when it was already kept (so counts say what was stored).
    Result<bool> addRejection(const wire::Rejection &r);
    Result<bool> addConflict(const QString &origin, const wire::Conflict &c);

    Result<std::vector<RejectionEntry>> rejections(bool openOnly) const;
    Result<std::vector<ConflictEntry>> conflicts(bool openOnly) const;
    Result<RejectionEntry> rejection(qint64 id) const;
    int openRejectionCount() const;
    int openConflictCount() const;

    // state: "resolved" or "discarded"; the note says why (recorded, shown in lists).
    Status closeRejection(qint64 id, const QString &state, const QString &note);
    Status closeConflict(qint64 id, const QString &state, const QString &note);

private:
    QSqlDatabase m_db;
};

// A value from the wire as a person reads it ("(empty)" for NULL).
QString displayFieldValue(const wire::FieldValue &v);

} // namespace emis::client
