// The bureau's decision on a status change sent for review (休学, 复学, 退学, 留级, 跳级): the
// approval state and note, and on approval the change's effect on the pupil, written as the server
// in the one write job, with the audit line. The schools see both on their next pull.
#include "workflow/Decision.h"

#include "schema/CodeTables.h"
#include "schema/Schema.h"
#include "store/StoreSession.h"
#include "sync/CountyWriter.h"
#include "validate/StatusChangeRules.h"

namespace emis::server::workflow {
namespace {

std::string textOf(const validate::Record &r, const char *field)
{
    auto it = r.find(field);
    return it == r.end() ? std::string() : displayText(it->second);
}

Issue firstOf(const std::vector<Issue> &issues)
{
    return issues.empty() ? makeIssue(Reason::Internal) : issues.front();
}

} // namespace

DecisionResult decideStatusChange(StoreSession &store, sync::HlcClock &clock, const Decision &decision)
{
    const schema::Table &changes = *schema::findTable("status_changes");
    const schema::Table &pupils = *schema::findTable("students");
    const auto row = store.loadRow(changes, decision.rowId);
    if (!row || row->deleted)
        return makeIssue(Reason::BadRequest, "", "", "", "status_changes " + decision.rowId);
    const std::string kindCode = textOf(row->values, "kind");
    const std::string state = textOf(row->values, "approval");
    if (!validate::needsApproval(kindCode) || state != validate::approval::Pending)
        return makeIssue(Reason::WrongState, changes.field("approval"),
                         schema::findCodeTable("approval_state")->nameOf(state));
    if (!decision.approve && decision.note.empty())
        return makeIssue(Reason::Required, changes.field("approval_note"));

    CountyWriter writer(store, clock, decision.user, decision.nowMs);
    const std::string studentId = textOf(row->values, "student_id");
    std::string effectText;
    if (decision.approve) {
        const auto pupil = store.loadRow(pupils, studentId);
        if (!pupil || pupil->deleted || pupil->schoolId != row->schoolId)
            return makeIssue(Reason::BadRequest, "", "", "", "students " + studentId);
        auto effect = validate::statusChangeEffect(pupil->values, row->values);
        if (auto *issue = std::get_if<Issue>(&effect))
            return *issue;  // the pupil changed since the request (graduated, transferred, ...)
        const auto &fields = std::get<validate::Record>(effect);
        auto written = writer.update(pupils, studentId, fields);
        if (auto *issues = std::get_if<std::vector<Issue>>(&written))
            return firstOf(*issues);
        for (const auto &[name, value] : fields)
            effectText += " " + name + "=" + displayText(value);
    }
    const std::string newState(decision.approve ? validate::approval::Approved : validate::approval::Refused);
    validate::Record values{{"approval", newState}};
    values["approval_note"] = decision.note.empty() ? Value{} : Value{decision.note};
    auto written = writer.update(changes, decision.rowId, values);
    if (auto *issues = std::get_if<std::vector<Issue>>(&written))
        return firstOf(*issues);
    store.audit(AuditEntry{decision.nowMs, decision.user, row->schoolId, decision.approve ? "approve" : "refuse",
                           "status_changes " + decision.rowId + " kind " + kindCode + " pupil " + studentId +
                               effectText + (decision.note.empty() ? "" : " note: " + decision.note)});
    return newState;
}

} // namespace emis::server::workflow
