// The bureau's decision on a cross-school transfer (转学审批), and on approval the move of the
// pupil's record with its history to the receiving school.
#include "workflow/Decision.h"

#include "schema/CodeTables.h"
#include "schema/Schema.h"
#include "store/StoreSession.h"
#include "sync/CountyWriter.h"
#include "sync/Hlc.h"
#include "sync/ProblemFinder.h"
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

// The pupil's record and its history (status changes, their evidence) now belong to `school`.
void movePupil(StoreSession &store, CountyWriter &writer, StoredRow &pupil, const StoredRow &transfer,
               const std::string &school)
{
    validate::Record changes;
    if (!isNull(valueOf(transfer.values, "to_grade")))
        changes["grade"] = transfer.values.at("to_grade");
    if (!fieldText(transfer.values, "to_class").empty())
        changes["class_name"] = transfer.values.at("to_class");
    writer.rewrite(table("students"), pupil, changes, school);
    for (auto &change : store.rowsWhere(table("status_changes"), {{"student_id", Value{pupil.id}}})) {
        writer.rewrite(table("status_changes"), change, {}, school);
        for (auto &doc : store.rowsWhere(table("evidence"), {{"owner_id", Value{change.id}}}))
            writer.rewrite(table("evidence"), doc, {}, school);
    }
}

void addChange(CountyWriter &writer, const std::string &owner, const std::string &kind, const StoredRow &before,
               const StoredRow &transfer, const std::string &otherSchool, const std::string &date)
{
    validate::Record values{
        {"student_id", Value{before.id}},
        {"kind", Value{kind}},
        {"change_date", Value{date}},
        {"from_grade", valueOf(before.values, "grade")},
        {"from_class", valueOf(before.values, "class_name")},
        {"to_grade", isNull(valueOf(transfer.values, "to_grade")) ? valueOf(before.values, "grade")
                                                                   : transfer.values.at("to_grade")},
        {"to_class", fieldText(transfer.values, "to_class").empty() ? valueOf(before.values, "class_name")
                                                                 : transfer.values.at("to_class")},
        {"other_school_id", Value{otherSchool}},
        {"approval", Value{std::string("2")}},
    };
    if (!fieldText(transfer.values, "reason").empty())
        values["reason"] = transfer.values.at("reason");
    writer.addRow(table("status_changes"), owner, values);
}

} // namespace

DecisionResult decideTransfer(StoreSession &store, sync::HlcClock &clock, const Decision &decision)
{
    const schema::Table &transfers = table("transfers");
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
    auto pupil = store.loadRow(table("students"), fieldText(row->values, "student_id"));
    if (!pupil || pupil->deleted || pupil->schoolId != sending)
        return makeIssue(Reason::PupilNotFound, transfers.field("id_number"), fieldText(row->values, "id_number"));
    const StoredRow before = *pupil;
    movePupil(store, writer, *pupil, *row, receiving);
    addChange(writer, receiving, "01", before, *row, sending, date);
    addChange(writer, sending, "02", before, *row, receiving, date);
    validate::Record done{{"state", Value{next}}};
    if (!decision.note.empty())
        done["bureau_note"] = Value{decision.note};
    writer.rewrite(transfers, *row, done);
    refreshProblems(store, writer, {pupil->id});
    store.audit(AuditEntry{decision.nowMs, decision.user, receiving, "transfer_approve",
                           row->id + " pupil " + pupil->id + " from " + sending + " to " + receiving});
    return next;
}

} // namespace emis::server::workflow
