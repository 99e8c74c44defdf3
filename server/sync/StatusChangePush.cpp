#include "sync/StatusChangePush.h"

#include "schema/CodeTables.h"
#include "schema/Schema.h"
#include "validate/StatusChangeRules.h"

namespace emis::server {
namespace {

std::string textOf(const validate::Record &r, const char *field)
{
    auto it = r.find(field);
    return it == r.end() ? std::string() : displayText(it->second);
}

const schema::Field *fieldOf(const char *name) { return schema::findTable("status_changes")->field(name); }

Issue wrongState(const std::string &state)
{
    return makeIssue(Reason::WrongState, fieldOf("approval"), schema::findCodeTable("approval_state")->nameOf(state));
}

} // namespace

std::optional<Issue> checkStatusChangePush(const validate::Record &incoming, const std::optional<StoredRow> &current,
                                           bool deleting)
{
    using namespace validate;
    const bool setsApproval = incoming.count("approval") > 0;
    const std::string wanted = textOf(incoming, "approval");
    if (setsApproval && (wanted == approval::Approved || wanted == approval::Refused))
        return makeIssue(Reason::ReadOnly, "approval", "审批结果", "the approval decision");
    if (incoming.count("approval_note") && !isNull(incoming.at("approval_note")))
        return makeIssue(Reason::ReadOnly, fieldOf("approval_note"));

    if (!current || current->deleted) {
        if (deleting)
            return std::nullopt;
        const std::string k = textOf(incoming, "kind");
        const std::string expected(needsApproval(k) ? approval::Pending : approval::None);
        if (wanted != expected)
            return wrongState(wanted);
        return std::nullopt;
    }

    const std::string state = textOf(current->values, "approval");
    const std::string k = textOf(current->values, "kind");
    // The bureau has decided, or the school withdrew: the request is kept as it ended.
    if (state == approval::Approved || state == approval::Refused || state == approval::Withdrawn)
        return wrongState(state);
    if (incoming.count("kind") && textOf(incoming, "kind") != k &&
        (needsApproval(k) || needsApproval(textOf(incoming, "kind"))))
        return wrongState(state);
    if (deleting && state == approval::Pending)
        return wrongState(state);  // withdraw it instead, so the bureau sees what became of it
    if (setsApproval && wanted != state) {
        const bool withdraw = state == approval::Pending && wanted == approval::Withdrawn;
        const bool undoPromotion =
            state == approval::None && wanted == approval::Withdrawn && !textOf(current->values, "batch_id").empty();
        if (!withdraw && !undoPromotion)
            return wrongState(state);
    }
    return std::nullopt;
}

} // namespace emis::server
