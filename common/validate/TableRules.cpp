#include "validate/TableRules.h"

#include "schema/CodeTables.h"
#include "text/TextUtil.h"
#include "validate/IdNumber.h"
#include "validate/StatusChangeRules.h"

#include <algorithm>

namespace emis::validate {
namespace {

const std::string *textOf(const Record &r, std::string_view field)
{
    auto it = r.find(field);
    return it == r.end() ? nullptr : std::get_if<std::string>(&it->second);
}

// People (pupils, staff): the ID number checked by its document type, and a resident ID's birth
// date and sex against 出生日期 and 性别.
void personRecord(const schema::Table &table, const Record &r, Completeness, const std::vector<Issue> &fieldIssues,
                  std::vector<Issue> &out)
{
    const auto hasIssue = [&](std::string_view field) {
        return std::any_of(fieldIssues.begin(), fieldIssues.end(), [&](const Issue &i) { return i.field == field; });
    };
    const std::string *number = textOf(r, "id_number");
    if (!number || number->empty() || hasIssue("id_number") || hasIssue("id_type"))
        return;
    const std::string *idType = textOf(r, "id_type");
    const std::string type = idType ? *idType : "1";
    if (type != "1") {
        if (auto issue = checkDocumentNumber(type, *number))
            out.push_back(*issue);
        return;
    }
    auto checked = checkResidentId(*number);
    if (auto *issue = std::get_if<Issue>(&checked)) {
        out.push_back(*issue);
        return;
    }
    const auto &id = std::get<ResidentId>(checked);
    const schema::Field *idField = table.field("id_number");
    const std::string *birth = textOf(r, "birth_date");
    if (birth && !hasIssue("birth_date") && *birth != id.birthDate)
        out.push_back(makeIssue(Reason::IdBirthMismatch, idField));
    const std::string *sex = textOf(r, "sex");
    if (sex && !hasIssue("sex") && *sex != id.sexCode)
        out.push_back(makeIssue(Reason::IdSexMismatch, idField));
}

// 休学, 复学, 退学 and 转出 reach a stored pupil only through a status change the bureau approved
// or a transfer (both written by the server), never by editing the pupil.
std::optional<Issue> pupilChange(const Record &incoming, const Record *current, bool)
{
    auto it = incoming.find("status");
    if (!current || it == incoming.end())
        return std::nullopt;
    const std::string was = fieldText(*current, "status");
    const std::string now = displayText(it->second);
    const auto reviewed = [](const std::string &s) { return s == "2" || s == "3" || s == "4"; };
    if (was == now || (!reviewed(was) && !reviewed(now)))
        return std::nullopt;
    return makeIssue(Reason::StatusByReview, schema::findTable("students")->field("status"));
}

const schema::Field *changeField(const char *name) { return schema::findTable("status_changes")->field(name); }

Issue wrongState(const std::string &state)
{
    return makeIssue(Reason::WrongState, changeField("approval"), schema::findCodeTable("approval_state")->nameOf(state));
}

// A request sent to the bureau says why.
void statusChangeRecord(const schema::Table &, const Record &r, Completeness completeness, const std::vector<Issue> &,
                        std::vector<Issue> &out)
{
    if (completeness != Completeness::Whole)
        return;
    const std::string k = fieldText(r, "kind");
    if (!needsApproval(k) || !text::trim(fieldText(r, "reason")).empty())
        return;
    const auto *entry = schema::findCodeTable("change_kind")->byCode(k);
    out.push_back(makeIssue(Reason::ReviewNeedsReason, "reason", "异动原因", "reason", entry ? entry->zh : k));
}

// What a school may write on a status change: a kind sent for review is created only as pending
// (approval 1) and every other kind as 0; the school may withdraw (4) a pending request, or undo
// a promotion batch's rows (0 to 4); approving and refusing (2, 3) and the bureau's note are the
// bureau's alone, and a decided or withdrawn request no longer changes.
std::optional<Issue> statusChangeChange(const Record &incoming, const Record *current, bool deleting)
{
    const bool setsApproval = incoming.count("approval") > 0;
    const std::string wanted = fieldText(incoming, "approval");
    if (setsApproval && (wanted == approval::Approved || wanted == approval::Refused))
        return makeIssue(Reason::ReadOnly, "approval", "审批结果", "the approval decision");
    if (incoming.count("approval_note") && !isNull(incoming.at("approval_note")))
        return makeIssue(Reason::ReadOnly, changeField("approval_note"));

    if (!current) {
        if (deleting)
            return std::nullopt;
        const std::string k = fieldText(incoming, "kind");
        const std::string expected(needsApproval(k) ? approval::Pending : approval::None);
        if (wanted != expected)
            return wrongState(wanted);
        return std::nullopt;
    }

    const std::string state = fieldText(*current, "approval");
    const std::string k = fieldText(*current, "kind");
    if (state == approval::Approved || state == approval::Refused || state == approval::Withdrawn)
        return wrongState(state);
    if (incoming.count("kind") && fieldText(incoming, "kind") != k &&
        (needsApproval(k) || needsApproval(fieldText(incoming, "kind"))))
        return wrongState(state);
    if (deleting && state == approval::Pending)
        return wrongState(state);  // withdraw it instead, so the bureau sees what became of it
    if (setsApproval && wanted != state) {
        const bool withdraw = state == approval::Pending && wanted == approval::Withdrawn;
        const bool undoPromotion =
            state == approval::None && wanted == approval::Withdrawn && !fieldText(*current, "batch_id").empty();
        if (!withdraw && !undoPromotion)
            return wrongState(state);
    }
    return std::nullopt;
}

// A score, or the reason there is none (缺考, 免考, 作弊): one of the two, never both.
void scoreRecord(const schema::Table &table, const Record &r, Completeness completeness,
                 const std::vector<Issue> &fieldIssues, std::vector<Issue> &out)
{
    if (completeness != Completeness::Whole || !fieldIssues.empty())
        return;
    const auto given = [&](std::string_view f) {
        auto it = r.find(f);
        return it != r.end() && !isNull(it->second) && !displayText(it->second).empty();
    };
    if (given("score") == given("absence"))
        out.push_back(makeIssue(Reason::ScoreOrAbsence, table.field("score")));
}

} // namespace

const TableRules kScoreRules{"score", &scoreRecord, nullptr};
const TableRules kPersonRules{"person", &personRecord, nullptr};
const TableRules kPupilRules{"pupil", &personRecord, &pupilChange};
const TableRules kStatusChangeRules{"status_change", &statusChangeRecord, &statusChangeChange};

std::optional<Issue> checkChange(const schema::Table &table, const Record &incoming, const Record *current,
                                 bool deleting)
{
    if (!table.rules || !table.rules->change)
        return std::nullopt;
    return table.rules->change(incoming, current, deleting);
}

} // namespace emis::validate
