#include "register/TransferService.h"

#include "register/Attachments.h"

#include "schema/CodeTables.h"
#include "store/LocalStore.h"
#include "store/Transaction.h"
#include "register/RegisterText.h"
#include "validate/FieldRules.h"
#include "validate/IdNumber.h"
#include "validate/TransferStates.h"

#include <QCoreApplication>
#include <QDate>

namespace emis::client {
namespace {

QString tr(const char *text) { return QCoreApplication::translate("emis::client::TransferService", text); }

namespace transfer = validate::transfer;

bool mayMove(transfer::Party party, const QString &from, std::string_view to)
{
    return transfer::mayMove(party, ss(from), to);
}

QString stateCode(std::string_view state) { return QString::fromLatin1(state.data(), static_cast<qsizetype>(state.size())); }

Error invalid(const QString &message, const char *code = "wrong_state")
{
    return makeError(ErrorKind::Invalid, message, QLatin1String(code));
}

} // namespace

TransferService::TransferService(LocalStore &store, const schema::MoveKind &kind)
    : m_store(store), m_kind(kind), m_requests(*schema::findTable(kind.requestTable))
{
}

const schema::MoveKind &TransferService::pupilTransfers() { return *schema::moveByRequest("transfers"); }
const schema::MoveKind &TransferService::staffTransfers() { return *schema::moveByRequest("staff_transfers"); }

QString TransferService::stateText(const QString &state)
{
    const std::string code = ss(state);
    if (code == transfer::WaitingForSender)
        return tr("waiting for the sending school");
    if (code == transfer::WaitingForBureau)
        return tr("waiting for the bureau");
    if (code == transfer::RefusedBySender)
        return tr("refused by the sending school");
    if (code == transfer::Withdrawn)
        return tr("withdrawn");
    if (code == transfer::Completed)
        return tr("completed");
    if (code == transfer::RefusedByBureau)
        return tr("refused by the bureau");
    return state;
}

Result<SaveOutcome> TransferService::request(const TransferRequest &r)
{
    std::map<std::string, std::string, std::less<>> raw{
        {"id_number", ss(r.idNumber)},
        {m_kind.nameField, ss(r.name.trimmed())},
        {"request_date", ss(QDate::currentDate().toString(Qt::ISODate))},
        {"reason", ss(r.reason.trimmed())},
        {"state", std::string(transfer::WaitingForSender)},
    };
    if (m_requests.field("to_grade"))  // a pupil's grade and class on arrival
        raw["to_grade"] = ss(r.grade);
    if (m_requests.field("to_class"))
        raw["to_class"] = ss(r.className.trimmed());
    // The pupil is found by a resident ID number: check it whole here (digits, check
    // character, a number Excel mangled) so the clerk hears of a typo before any sync.
    if (auto checked = validate::checkResidentId(ss(r.idNumber)); std::holds_alternative<Issue>(checked))
        return invalidRecord({std::get<Issue>(checked)});
    auto normalized = validate::normalizeRecord(m_requests, raw);
    if (!normalized.issues.empty())
        return invalidRecord(normalized.issues);
    for (const std::string &serverField : {m_kind.personField, std::string("from_school_id"), std::string("from_note"),
                                           std::string("bureau_note")})
        normalized.values.erase(serverField);
    // The evidence is read before anything is written, so a bad file writes nothing.
    std::optional<EvidenceFile> evidence;
    if (!r.evidenceFile.isEmpty()) {
        auto file = Attachments::readFile(r.evidenceFile);
        if (!file)
            return file.error();
        evidence = std::move(*file);
    }
    Transaction tx(m_store.db());
    auto saved = RecordStore(m_store).save(m_requests, QString(), normalized.values);
    if (!saved)
        return saved;
    if (evidence)
        if (auto doc = Attachments(m_store).attach(m_requests, saved->id, *evidence); !doc)
            return doc.error();
    if (!tx.commit())
        return makeError(ErrorKind::Other, tr("The local database could not commit the change."));
    return saved;
}

Result<std::vector<TransferView>> TransferService::list() const
{
    RecordStore records(m_store);
    auto rows = records.list(m_requests);
    if (!rows)
        return rows.error();
    const QString mine = m_store.identity().schoolId;
    const QHash<QString, QString> schools = schoolNames(m_store);
    std::vector<TransferView> out;
    for (const auto &row : *rows) {
        TransferView v;
        v.id = row.id;
        v.incoming = row.schoolId == mine;
        v.idNumber = fieldText(row.values, "id_number");
        v.name = fieldText(row.values, m_kind.nameField.c_str());
        const QString other = v.incoming ? fieldText(row.values, "from_school_id") : row.schoolId;
        v.otherSchool = schools.value(other, other);
        v.state = fieldText(row.values, "state");
        v.stateText = stateText(v.state);
        v.toGrade = qs(schema::findCodeTable("grade")->nameOf(ss(fieldText(row.values, "to_grade"))));
        if (fieldText(row.values, "to_grade").isEmpty())
            v.toGrade.clear();
        v.toClass = fieldText(row.values, "to_class");
        v.requestDate = fieldText(row.values, "request_date");
        v.reason = fieldText(row.values, "reason");
        v.fromNote = fieldText(row.values, "from_note");
        v.bureauNote = fieldText(row.values, "bureau_note");
        v.waitingForUs = !v.incoming && mayMove(transfer::Party::Sending, v.state, transfer::WaitingForBureau);
        out.push_back(std::move(v));
    }
    return out;
}

Result<StoredRow> TransferService::load(const QString &id) const
{
    auto row = RecordStore(m_store).load(m_requests, id.trimmed());
    if (!row)
        return row.error();
    if (!row->has_value() || (*row)->deleted)
        return invalid(tr("No transfer request with id %1.").arg(id), "not_found");
    return **row;
}

Result<SaveOutcome> TransferService::setState(const StoredRow &row, const QString &state, const QString &note)
{
    validate::Record values{{"state", Value{ss(state)}}};
    if (!note.isNull())
        values["from_note"] = Value{ss(note.trimmed())};
    return RecordStore(m_store).save(m_requests, row.id, values);
}

Result<SaveOutcome> TransferService::agree(const QString &id, const QString &note)
{
    auto row = load(id);
    if (!row)
        return row.error();
    const QString mine = m_store.identity().schoolId;
    if (row->schoolId == mine)
        return invalid(tr("Only the sending school agrees to a transfer; this school asked for it."), "not_owner");
    const QString state = fieldText(row->values, "state");
    if (!mayMove(transfer::Party::Sending, state, transfer::WaitingForBureau))
        return invalid(tr("The request is now \"%1\", so it can no longer be agreed to.").arg(stateText(state)));
    return setState(*row, stateCode(transfer::WaitingForBureau), note.isEmpty() ? QString() : note);
}

Result<SaveOutcome> TransferService::refuse(const QString &id, const QString &reason)
{
    auto row = load(id);
    if (!row)
        return row.error();
    if (row->schoolId == m_store.identity().schoolId)
        return invalid(tr("Only the sending school refuses a transfer; to stop your own request, withdraw it."),
                       "not_owner");
    const QString state = fieldText(row->values, "state");
    if (!mayMove(transfer::Party::Sending, state, transfer::RefusedBySender))
        return invalid(tr("The request is now \"%1\", so it can no longer be refused.").arg(stateText(state)));
    if (transfer::needsNote(transfer::Party::Sending, transfer::RefusedBySender) && reason.trimmed().isEmpty())
        return invalid(tr("Give the reason for refusing; the receiving school reads it."), "required");
    return setState(*row, stateCode(transfer::RefusedBySender), reason);
}

Result<SaveOutcome> TransferService::withdraw(const QString &id)
{
    auto row = load(id);
    if (!row)
        return row.error();
    if (row->schoolId != m_store.identity().schoolId)
        return invalid(tr("Only the school that asked for the transfer can withdraw the request."), "not_owner");
    const QString state = fieldText(row->values, "state");
    if (!mayMove(transfer::Party::Receiving, state, transfer::Withdrawn))
        return invalid(tr("The request is now \"%1\", so it can no longer be withdrawn.").arg(stateText(state)));
    return setState(*row, stateCode(transfer::Withdrawn), QString());
}

Result<std::vector<StoredRow>> TransferService::transferredOut() const
{
    return RecordStore(m_store).traces(*schema::findTable(m_kind.personTable));
}

} // namespace emis::client
