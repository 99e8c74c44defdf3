#pragma once

#include "schema/Moves.h"
#include "store/RecordStore.h"

#include <QString>

#include <vector>

namespace emis::client {

class LocalStore;

// What the receiving school fills in to ask for a pupil (转学) or a teacher (调动).
struct TransferRequest {
    QString idNumber;
    QString name;
    QString grade;         // a pupil's 年级 as a clerk writes it (五年级, 5); empty = keep the pupil's
    QString className;     // a pupil's class; empty = keep the pupil's
    QString reason;
    QString evidenceFile;  // a scanned document (image, <= 2 MB); empty = none
};

// One transfer as this school sees it.
struct TransferView {
    QString id;
    bool incoming = false;   // this school asked for the pupil (转入); else it is asked (转出)
    QString idNumber;
    QString name;
    QString otherSchool;     // the other school's name (or id while it is unknown here)
    QString state;           // transfer_state code
    QString stateText;       // in the user's language
    QString toGrade;         // as text
    QString toClass;
    QString requestDate;
    QString reason;
    QString fromNote;
    QString bureauNote;
    bool waitingForUs = false;  // this school has a step to take now
};

// Cross-school moves on the school's device, of one kind (schema/Moves.h: pupils' 转学 by
// default, teachers' 调动), with the rules the server enforces checked here first so the clerk
// hears of a wrong step at once: the receiving school requests, the sending school agrees or
// refuses with a reason, the receiving school may withdraw before the bureau decides. Every
// step is a saved change that completes on the next sync.
class TransferService {
public:
    explicit TransferService(LocalStore &store, const schema::MoveKind &kind = pupilTransfers());
    static const schema::MoveKind &pupilTransfers();
    static const schema::MoveKind &staffTransfers();

    Result<SaveOutcome> request(const TransferRequest &request);
    Result<std::vector<TransferView>> list() const;
    Result<SaveOutcome> agree(const QString &id, const QString &note = {});
    Result<SaveOutcome> refuse(const QString &id, const QString &reason);
    Result<SaveOutcome> withdraw(const QString &id);
    // People who moved out of this school, kept read-only.
    Result<std::vector<StoredRow>> transferredOut() const;

    static QString stateText(const QString &state);

private:
    Result<StoredRow> load(const QString &id) const;
    Result<SaveOutcome> setState(const StoredRow &row, const QString &state, const QString &note);

    LocalStore &m_store;
    const schema::MoveKind &m_kind;
    const schema::Table &m_requests;
};

} // namespace emis::client
