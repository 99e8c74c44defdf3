#include "sync/TransferRules.h"

#include "schema/CodeTables.h"
#include "schema/Moves.h"
#include "schema/Schema.h"
#include "store/StoreSession.h"
#include "text/TextUtil.h"
#include "validate/TransferStates.h"

#include <algorithm>
#include <set>

namespace emis::server {
namespace {

namespace transfer = validate::transfer;

Issue wrongState(const schema::Table &requests, std::string_view state)
{
    return makeIssue(Reason::WrongState, requests.field("state"),
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

std::optional<Issue> checkRequest(StoreSession &store, const schema::Table &requests, const schema::MoveKind &kind,
                                  const std::string &schoolId, validate::Record &incoming)
{
    for (const std::string &name : {kind.personField, std::string("from_school_id"), std::string("from_note"),
                                    std::string("bureau_note")})
        if (!text::trim(fieldText(incoming, name)).empty())
            return makeIssue(Reason::ReadOnly, requests.field(name));
    const std::string state = fieldText(incoming, "state");
    if (!state.empty() && !transfer::mayMove(transfer::Party::Receiving, "", state))
        return wrongState(requests, transfer::WaitingForSender);
    const std::string idNumber = fieldText(incoming, "id_number");
    const std::string name(text::trim(fieldText(incoming, kind.nameField)));
    const schema::Table &people = *schema::findTable(kind.personTable);
    const auto found = store.rowsWhere(people, {{"id_type", Value{std::string("1")}},
                                                {"id_number", Value{idNumber}},
                                                {"deleted", Value{std::int64_t{0}}}});
    for (const auto &person : found) {
        const auto &statuses = kind.movableStatuses;
        if (person.schoolId == schoolId ||
            (!statuses.empty() &&
             std::find(statuses.begin(), statuses.end(), fieldText(person.values, "status")) == statuses.end()))
            continue;
        if (!name.empty() && text::trim(fieldText(person.values, "name")) != name)
            continue;  // the ID number and the name must agree, or it is someone else
        incoming[kind.personField] = Value{person.id};
        incoming["from_school_id"] = Value{person.schoolId};
        incoming["state"] = Value{std::string(transfer::WaitingForSender)};
        return std::nullopt;
    }
    return makeIssue(reasonFromCode(kind.notFound), requests.field("id_number"), idNumber);
}

} // namespace

std::string transferState(const StoredRow &row) { return fieldText(row.values, "state"); }

std::optional<Issue> checkTransferChange(StoreSession &store, const schema::Table &requests, const std::string &schoolId,
                                         bool deleted, validate::Record &incoming,
                                         const std::optional<StoredRow> &current)
{
    const schema::MoveKind *kind = schema::moveByRequest(requests.name);
    if (!kind)
        return makeIssue(Reason::Internal, "", "", "", requests.name);
    if (!current)
        return deleted ? std::nullopt : checkRequest(store, requests, *kind, schoolId, incoming);
    const std::string state = transferState(*current);
    const std::string fromSchool = fieldText(current->values, "from_school_id");
    const bool receiving = current->schoolId == schoolId;
    const bool sending = !receiving && fromSchool == schoolId;
    if (!receiving && !sending)
        return makeIssue(Reason::NotOwner);
    const auto changed = written(incoming, *current);
    if (deleted)
        return wrongState(requests, state);  // a request ends by withdrawal or refusal, and stays on record
    const std::set<std::string> allowed =
        receiving ? std::set<std::string>{"state"} : std::set<std::string>{"state", "from_note"};
    for (const auto &name : changed) {
        if (name == kind->personField || name == "from_school_id" || name == "bureau_note")
            return makeIssue(Reason::ReadOnly, requests.field(name));
        if (!allowed.count(name))
            return makeIssue(Reason::NotOwner, requests.field(name));
    }
    if (changed.empty())
        return std::nullopt;
    const std::string next = changed.count("state") ? fieldText(incoming, "state") : state;
    const auto party = receiving ? transfer::Party::Receiving : transfer::Party::Sending;
    if (!transfer::mayMove(party, state, next))
        return wrongState(requests, state);
    if (transfer::needsNote(party, next)) {
        const auto note = changed.count("from_note") ? fieldText(incoming, "from_note") : fieldText(current->values, "from_note");
        if (text::trim(note).empty())
            return makeIssue(Reason::Required, requests.field("from_note"));
    }
    return std::nullopt;
}

} // namespace emis::server
