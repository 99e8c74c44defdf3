#include "validate/RecordValidator.h"

#include "validate/FieldRules.h"
#include "validate/TableRules.h"

#include <algorithm>

namespace emis::validate {
namespace {

void sortByFieldOrder(const schema::Table &table, std::vector<Issue> &issues)
{
    std::stable_sort(issues.begin(), issues.end(), [&](const Issue &a, const Issue &b) {
        const auto rank = [&](const Issue &i) {
            const int idx = table.fieldIndex(i.field);
            return idx < 0 ? static_cast<int>(table.fields.size()) : idx;
        };
        return rank(a) < rank(b);
    });
}

} // namespace

std::vector<Issue> validateRecord(const schema::Table &table, const Record &record, Completeness completeness)
{
    std::vector<Issue> issues;
    for (const auto &[name, value] : record) {
        const schema::Field *f = table.field(name);
        if (!f) {
            issues.push_back(makeIssue(Reason::UnknownField, name, {}, {}, name));
            continue;
        }
        if (auto issue = checkValue(*f, value))
            issues.push_back(*issue);
    }
    for (const auto &f : table.fields) {
        if (!f.required)
            continue;
        auto it = record.find(f.name);
        const bool given = it != record.end();
        const bool empty = !given || isNull(it->second) ||
                           (std::holds_alternative<std::string>(it->second) && std::get<std::string>(it->second).empty());
        if (empty && (given || completeness == Completeness::Whole))
            issues.push_back(makeIssue(Reason::Required, &f));
    }
    std::vector<Issue> ruleIssues;
    if (table.rules && table.rules->record)
        table.rules->record(table, record, completeness, issues, ruleIssues);
    issues.insert(issues.end(), ruleIssues.begin(), ruleIssues.end());
    sortByFieldOrder(table, issues);
    return issues;
}

NormalizedRecord normalizeRecord(const schema::Table &table, const std::map<std::string, std::string, std::less<>> &raw)
{
    NormalizedRecord out;
    std::vector<Issue> fieldIssues;
    for (const auto &f : table.fields) {
        auto it = raw.find(f.name);
        std::string_view text = it == raw.end() ? std::string_view{} : std::string_view(it->second);
        auto normalized = normalizeField(f, text);
        if (auto *issue = std::get_if<Issue>(&normalized)) {
            fieldIssues.push_back(*issue);
            continue;
        }
        Value v = std::get<Value>(std::move(normalized));
        if (isNull(v) && !f.defaultValue.empty())
            v = std::get<Value>(normalizeField(f, f.defaultValue));
        if (!isNull(v) || it != raw.end())
            out.values.emplace(f.name, std::move(v));
    }
    // Fields that failed to normalize are left out of the record, so that the record check does
    // not report them twice (as missing).
    Record forCheck = out.values;
    for (const auto &issue : fieldIssues)
        forCheck.erase(issue.field);
    auto recordIssues = validateRecord(table, forCheck, Completeness::Whole);
    // A required field that failed to normalize is reported by its own reason, not as missing.
    std::erase_if(recordIssues, [&](const Issue &i) {
        return i.reason == Reason::Required &&
               std::any_of(fieldIssues.begin(), fieldIssues.end(), [&](const Issue &f) { return f.field == i.field; });
    });
    out.issues = std::move(fieldIssues);
    out.issues.insert(out.issues.end(), recordIssues.begin(), recordIssues.end());
    sortByFieldOrder(table, out.issues);
    return out;
}

} // namespace emis::validate
