// The bureau's decision on a cross-school move (转学审批, 调动审批: schema/Moves.h), and on approval
// the move of the person's record with their file to the receiving school.
#include "workflow/Decision.h"

#include "schema/CodeTables.h"
#include "schema/Moves.h"
#include "schema/Schema.h"
#include "store/StoreSession.h"
#include "sync/CountyWriter.h"
#include "sync/Hlc.h"
#include "sync/ProblemFinder.h"
#include "sync/ServerRules.h"
#include "sync/TransferRules.h"
#include "validate/TransferStates.h"

#include <chrono>
#include <ctime>

namespace emis::server::workflow {
namespace {

const schema::Table &table(const char *name) { return *schema::findTable(name); }

std::string dateOf(std::int64_t ms)
{
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char out[16];
    std::strftime(out, sizeof out, "%Y-%m-%d", &tm);
    return out;
}

Value valueOf(const validate::Record &r, const std::string &name)
{
    const auto it = r.find(name);
    return it == r.end() ? Value{} : it->second;
}

// The person's record and every row that follows it (schema::followersOf: a pupil's status
// changes, a teacher's growth file), with their files (evidence), now belong to `school`.
void movePerson(StoreSession &store, CountyWriter &writer, const schema::MoveKind &kind, StoredRow &person,
                const StoredRow &request, const std::string &school)
{
    validate::Record changes;
    for (const auto &c : kind.carries)
        if (!fieldText(request.values, c.requestField).empty())
            changes[c.personField] = request.values.at(c.requestField);
    writer.rewrite(table(kind.personTable.c_str()), person, changes, school);
    // Files kept with the person's own record (a teacher's certificate scans) go too.
    for (auto &doc : store.rowsWhere(table("evidence"), {{"owner_id", Value{person.id}}}))
        writer.rewrite(table("evidence"), doc, {}, school);
    for (const auto &[follower, field] : schema::followersOf(kind)) {
        for (auto &row : store.rowsWhere(*follower, {{field, Value{person.id}}})) {
            writer.rewrite(*follower, row, {}, school);
            for (auto &doc : store.rowsWhere(table("evidence"), {{"owner_id", Value{row.id}}}))
                writer.rewrite(table("evidence"), doc, {}, school);
        }
    }
}

// The history row each school keeps of the move (a 转入/转出 status change, a 调入/调出 人事异动).
void addHistory(CountyWriter &writer, const schema::MoveKind &kind, const std::string &owner, const std::string &historyKind,
                const StoredRow &before, const StoredRow &request, const std::string &otherSchool, const std::string &date)
{
    const schema::Table &history = table(kind.historyTable.c_str());
    validate::Record values{
        {kind.personField, Value{before.id}},
        {"kind", Value{historyKind}},
        {"change_date", Value{date}},
        {"other_school_id", Value{otherSchool}},
    };
    for (const auto &c : kind.carries) {
        values[c.historyFrom] = valueOf(before.values, c.personField);
        values[c.historyTo] = fieldText(request.values, c.requestField).empty() ? valueOf(before.values, c.personField)
                                                                              : request.values.at(c.requestField);
    }
    if (history.field("approval"))
        values["approval"] = Value{std::string("2")};  // the bureau's approval is the move's
    if (!fieldText(request.values, "reason").empty())
        values["reason"] = request.values.at("reason");
    writer.addRow(history, owner, values);
}

} // namespace

DecisionResult decideTransfer(StoreSession &store, sync::HlcClock &clock, const Decision &decision)
{
    const schema::MoveKind &kind = *schema::moveByRequest(decision.table);
    const schema::Table &transfers = table(kind.requestTable.c_str());
    auto row = store.loadRow(transfers, decision.rowId);
    if (!row || row->deleted)  // no such request waiting: nothing to decide
        return makeIssue(Reason::WrongState, transfers.field("state"), decision.rowId);
    namespace transfer = validate::transfer;
    const std::string state = transferState(*row);
    const std::string next(decision.approve ? transfer::Completed : transfer::RefusedByBureau);
    if (!transfer::mayMove(transfer::Party::Bureau, state, next))
        return makeIssue(Reason::WrongState, transfers.field("state"),
                         schema::findCodeTable("transfer_state")->nameOf(state));
    CountyWriter writer(store, clock, decision.user, decision.nowMs);
    const std::string receiving = row->schoolId;
    const std::string sending = fieldText(row->values, "from_school_id");
    const std::string date = dateOf(decision.nowMs);
    if (!decision.approve) {
        writer.rewrite(transfers, *row, {{"state", Value{next}}, {"bureau_note", Value{decision.note}}});
        store.audit(AuditEntry{decision.nowMs, decision.user, receiving, "transfer_refuse",
                               row->id + " " + fieldText(row->values, "id_number") + ": " + decision.note});
        return next;
    }
    auto pupil = store.loadRow(table(kind.personTable.c_str()), fieldText(row->values, kind.personField));
    if (!pupil || pupil->deleted || pupil->schoolId != sending)
        return makeIssue(reasonFromCode(kind.notFound), transfers.field("id_number"), fieldText(row->values, "id_number"));
    const StoredRow before = *pupil;
    movePerson(store, writer, kind, *pupil, *row, receiving);
    addHistory(writer, kind, receiving, kind.kindIn, before, *row, sending, date);
    addHistory(writer, kind, sending, kind.kindOut, before, *row, receiving, date);
    validate::Record done{{"state", Value{next}}};
    if (!decision.note.empty())
        done["bureau_note"] = Value{decision.note};
    writer.rewrite(transfers, *row, done);
    if (const ServerRules *rules = serverRules(table(kind.personTable.c_str())); rules && rules->onePersonOneRecord)
        refreshProblems(store, writer, {pupil->id});
    store.audit(AuditEntry{decision.nowMs, decision.user, receiving, "transfer_approve",
                           row->id + " " + kind.personTable + " " + pupil->id + " from " + sending + " to " + receiving});
    return next;
}

} // namespace emis::server::workflow
