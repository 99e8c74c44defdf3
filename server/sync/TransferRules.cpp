#include "sync/TransferRules.h"

#include "schema/CodeTables.h"
#include "schema/Schema.h"
#include "store/StoreSession.h"
#include "text/TextUtil.h"
#include "validate/TransferStates.h"

#include <algorithm>
#include <set>

namespace emis::server {
namespace {

namespace transfer = validate::transfer;

const schema::Table &transfers() { return *schema::findTable("transfers"); }

Issue wrongState(std::string_view state)
{
    return makeIssue(Reason::WrongState, transfers().field("state"),
                     schema::findCodeTable("transfer_state")->nameOf(std::string(state)));
}

// The fields of `incoming` whose value differs from the row's (a resent equal value is no write).
std::set<std::string> written(const validate::Record &incoming, const StoredRow &row)
{
    std::set<std::string> out;
    for (const auto &[name, value] : incoming) {
        const auto it = row.values.find(name);
        if (it == row.values.end() || !(it->second == value))
            out.insert(name);
    }
    return out;
}

std::optional<Issue> checkRequest(StoreSession &store, const std::string &schoolId, validate::Record &incoming)
{
    for (const char *name : {"student_id", "from_school_id", "from_note", "bureau_note"})
        if (!text::trim(fieldText(incoming, name)).empty())
            return makeIssue(Reason::ReadOnly, transfers().field(name));
    const std::string state = fieldText(incoming, "state");
    if (!state.empty() && !transfer::mayMove(transfer::Party::Receiving, "", state))
        return wrongState(transfer::WaitingForSender);
    const std::string idNumber = fieldText(incoming, "id_number");
    const std::string name(text::trim(fieldText(incoming, "student_name")));
    const schema::Table &students = *schema::findTable("students");
    const auto found = store.rowsWhere(students, {{"id_type", Value{std::string("1")}},
                                                  {"id_number", Value{idNumber}},
                                                  {"deleted", Value{std::int64_t{0}}}});
    for (const auto &pupil : found) {
        const std::string status = fieldText(pupil.values, "status");
        if (pupil.schoolId == schoolId || (status != "1" && status != "2"))
            continue;
        if (!name.empty() && text::trim(fieldText(pupil.values, "name")) != name)
            continue;  // the ID number and the name must agree, or it is someone else
        incoming["student_id"] = Value{pupil.id};
        incoming["from_school_id"] = Value{pupil.schoolId};
        incoming["state"] = Value{std::string(transfer::WaitingForSender)};
        return std::nullopt;
    }
    return makeIssue(Reason::PupilNotFound, transfers().field("id_number"), idNumber);
}

} // namespace

std::string transferState(const StoredRow &row) { return fieldText(row.values, "state"); }

std::optional<Issue> checkTransferChange(StoreSession &store, const std::string &schoolId, bool deleted,
                                         validate::Record &incoming, const std::optional<StoredRow> &current)
{
    if (!current)
        return deleted ? std::nullopt : checkRequest(store, schoolId, incoming);
    const std::string state = transferState(*current);
    const std::string fromSchool = fieldText(current->values, "from_school_id");
    const bool receiving = current->schoolId == schoolId;
    const bool sending = !receiving && fromSchool == schoolId;
    if (!receiving && !sending)
        return makeIssue(Reason::NotOwner);
    const auto changed = written(incoming, *current);
    if (deleted)
        return wrongState(state);  // a request ends by withdrawal or refusal, and stays on record
    const std::set<std::string> allowed =
        receiving ? std::set<std::string>{"state"} : std::set<std::string>{"state", "from_note"};
    for (const auto &name : changed) {
        if (name == "student_id" || name == "from_school_id" || name == "bureau_note")
            return makeIssue(Reason::ReadOnly, transfers().field(name));
        if (!allowed.count(name))
            return makeIssue(Reason::NotOwner, transfers().field(name));
    }
    if (changed.empty())
        return std::nullopt;
    const std::string next = changed.count("state") ? fieldText(incoming, "state") : state;
    const auto party = receiving ? transfer::Party::Receiving : transfer::Party::Sending;
    if (!transfer::mayMove(party, state, next))
        return wrongState(state);
    if (transfer::needsNote(party, next)) {
        const auto note = changed.count("from_note") ? fieldText(incoming, "from_note") : fieldText(current->values, "from_note");
        if (text::trim(note).empty())
            return makeIssue(Reason::Required, transfers().field("from_note"));
    }
    return std::nullopt;
}

} // namespace emis::server
