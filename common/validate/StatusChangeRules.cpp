#include "validate/StatusChangeRules.h"

#include "schema/CodeTables.h"
#include "schema/Schema.h"

#include <algorithm>
#include <initializer_list>
#include <string>

namespace emis::validate {
namespace {

std::string textOf(const Record &r, const char *field)
{
    auto it = r.find(field);
    return it == r.end() ? std::string() : displayText(it->second);
}

std::int64_t intOf(const Record &r, const char *field)
{
    auto it = r.find(field);
    if (it == r.end())
        return 0;
    if (const auto *i = std::get_if<std::int64_t>(&it->second))
        return *i;
    return 0;
}

bool in(const std::string &v, std::initializer_list<std::string_view> set)
{
    return std::find(set.begin(), set.end(), v) != set.end();
}

const schema::Field &changeField(const char *name) { return *schema::findTable("status_changes")->field(name); }

}  // namespace

bool needsApproval(std::string_view k)
{
    return k == kind::Suspension || k == kind::Resumption || k == kind::Withdrawal || k == kind::Repeat ||
           k == kind::Skip;
}

bool recordedByHand(std::string_view k)
{
    return k != kind::TransferIn && k != kind::TransferOut && k != kind::Promotion;
}

std::variant<Record, Issue> statusChangeEffect(const Record &pupil, const Record &change)
{
    const std::string k = textOf(change, "kind");
    const std::string status = textOf(pupil, "status");
    const std::int64_t grade = intOf(pupil, "grade");
    const std::int64_t toGrade = intOf(change, "to_grade");
    const std::string toClass = textOf(change, "to_class");
    const schema::CodeTable *kinds = schema::findCodeTable("change_kind");
    const schema::CodeEntry *entry = kinds->byCode(k);
    if (!entry)
        return makeIssue(Reason::NotRecognised, &changeField("kind"));

    const auto forbids = [&] {
        return makeIssue(Reason::PupilStatusForbids, "kind", entry->zh, entry->en,
                         schema::findCodeTable("student_status")->nameOf(status));
    };
    const auto allowedFrom = [&](std::initializer_list<std::string_view> statuses) { return in(status, statuses); };
    // Grade and class for the kinds that move a pupil; the class stays unless a new one is given.
    const auto move = [&](Record &out, std::int64_t newGrade) {
        out["grade"] = newGrade;
        if (!toClass.empty())
            out["class_name"] = toClass;
    };

    Record out;
    const auto setStatus = [&](const char *code) { out["status"] = std::string(code); };
    if (k == kind::TransferIn || k == kind::TransferOut)
        return makeIssue(Reason::ByTransferOnly, "kind", entry->zh, entry->en);
    if (k == kind::Suspension) {
        if (!allowedFrom({"1"}))
            return forbids();
        setStatus("2");
    } else if (k == kind::Resumption) {
        if (!allowedFrom({"2"}))
            return forbids();
        setStatus("1");
        if (toGrade)
            move(out, toGrade);
        else if (!toClass.empty())
            out["class_name"] = toClass;
    } else if (k == kind::Withdrawal) {
        if (!allowedFrom({"1", "2"}))
            return forbids();
        setStatus("4");
    } else if (k == kind::Repeat || k == kind::Skip || k == kind::Promotion) {
        if (!allowedFrom({"1"}))
            return forbids();
        const bool down = k == kind::Repeat;
        const std::int64_t target = toGrade ? toGrade : grade + (down ? -1 : 1);
        if (target < 1 || target > 12 || (down ? target >= grade : target <= grade))
            return makeIssue(Reason::NotRecognised, &changeField("to_grade"));
        move(out, target);
    } else if (k == kind::ClassChange) {
        if (!allowedFrom({"1"}))
            return forbids();
        if (toClass.empty())
            return makeIssue(Reason::Required, &changeField("to_class"));
        out["class_name"] = toClass;
        if (toGrade)
            out["grade"] = toGrade;
    } else if (k == kind::Restore) {
        if (allowedFrom({"1", "3"}))
            return forbids();
        setStatus("1");
        if (toGrade)
            move(out, toGrade);
    } else {
        // 毕业 09, 结业 10, 肄业 11 from 在读; 死亡 12 from 在读 or 休学; 注销学籍 13 from anything else.
        static const std::initializer_list<std::pair<std::string_view, const char *>> ends = {
            {"09", "5"}, {"10", "6"}, {"11", "7"}, {"12", "8"}, {"13", "9"}};
        const auto it = std::find_if(ends.begin(), ends.end(), [&](const auto &p) { return p.first == k; });
        if (it == ends.end())
            return makeIssue(Reason::NotRecognised, &changeField("kind"));
        const bool allowed = k == "12" ? allowedFrom({"1", "2"}) : k == "13" ? !allowedFrom({"9"}) : allowedFrom({"1"});
        if (!allowed)
            return forbids();
        setStatus(it->second);
    }
    return out;
}

}  // namespace emis::validate
