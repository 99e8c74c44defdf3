#include "sync/ProblemFinder.h"

#include "schema/Schema.h"
#include "store/StoreSession.h"
#include "sync/CountyWriter.h"

#include <map>
#include <string>
#include <vector>
#include <tuple>

namespace emis::server {
namespace {

const schema::Table &students() { return *schema::findTable("students"); }
const schema::Table &problems() { return *schema::findTable("problems"); }

// A pupil who still holds a place (在读 or 休学), as the duplicates report counts them.
bool active(const StoredRow &pupil)
{
    const std::string status = fieldText(pupil.values, "status");
    return !pupil.deleted && (status == "1" || status == "2");
}

// (student, other student) -> kind, for the pairs that are a problem now.
using Pairs = std::map<std::pair<std::string, std::string>, std::string>;

void findPairs(StoreSession &store, const StoredRow &pupil, Pairs &out)
{
    if (!active(pupil))
        return;
    const std::string idNumber = fieldText(pupil.values, "id_number");
    const Value notDeleted{std::int64_t{0}};
    if (!idNumber.empty()) {
        const auto same = store.rowsWhere(students(), {{"id_type", pupil.values.at("id_type")},
                                                       {"id_number", Value{idNumber}},
                                                       {"deleted", notDeleted}});
        for (const auto &other : same)
            if (other.schoolId != pupil.schoolId && active(other))
                out[{pupil.id, other.id}] = "1";
    }
    const std::string birth = fieldText(pupil.values, "birth_date");
    if (birth.empty())
        return;
    const auto same = store.rowsWhere(students(), {{"name", pupil.values.at("name")},
                                                   {"sex", pupil.values.at("sex")},
                                                   {"birth_date", pupil.values.at("birth_date")},
                                                   {"deleted", notDeleted}});
    for (const auto &other : same) {
        if (other.schoolId == pupil.schoolId || !active(other))
            continue;
        // Two resident ID numbers tell the two apart (equal ones are kind 1 above); another
        // document (a passport, a permit) does not.
        if (fieldText(pupil.values, "id_type") == "1" && fieldText(other.values, "id_type") == "1")
            continue;
        out.emplace(std::make_pair(pupil.id, other.id), "2");
    }
}

std::string detailOf(const std::string &kind, const StoredRow &other, StoreSession &store)
{
    std::string school = other.schoolId;
    if (const auto row = store.loadRow(*schema::findTable("schools"), other.schoolId))
        school = fieldText(row->values, "name");
    const std::string who = fieldText(other.values, "name") + " " + fieldText(other.values, "id_number");
    return (kind == "1" ? "同一身份证件号在" : "疑似同一学生在") + school + "也有在籍学籍：" + who;
}

// The pupils of `ids` that may be part of a problem: another school holds a pupil with the same
// ID number or the same name, sex and birth date, or a problem row names the pupil already.
// Indexed lookups, a few hundred pupils a query, so that a bulk push of new, distinct pupils
// costs little; findPairs then decides. `o.rowid <> s.rowid` is read from the index entry: the
// pupil's own entry, usually the only one, is passed over without reading its row.
std::vector<std::string> worthALook(StoreSession &store, const std::set<std::string> &ids)
{
    static constexpr std::size_t kPerQuery = 250;
    static const std::string tests =
        "(EXISTS (SELECT 1 FROM students o WHERE o.id_type = s.id_type AND o.id_number = s.id_number "
        "AND o.rowid <> s.rowid AND s.id_number <> '' AND o.school_id <> s.school_id AND o.deleted = 0 "
        "AND o.status IN ('1', '2')) "
        "OR EXISTS (SELECT 1 FROM students o WHERE o.name = s.name AND o.sex = s.sex "
        "AND o.birth_date = s.birth_date AND o.rowid <> s.rowid AND o.school_id <> s.school_id "
        "AND o.deleted = 0 AND o.status IN ('1', '2')) "
        "OR EXISTS (SELECT 1 FROM problems p WHERE p.student_id = s.id))";
    std::vector<std::string> out;
    std::vector<Value> chunk;
    const auto ask = [&] {
        if (chunk.empty())
            return;
        std::string marks(chunk.size() * 2 - 1, ',');
        for (std::size_t i = 0; i < chunk.size(); ++i)
            marks[i * 2] = '?';
        for (const auto &row : store.query("SELECT s.id FROM students s WHERE s.id IN (" + marks + ") AND " + tests, chunk))
            if (!row.empty())
                if (const auto *id = std::get_if<std::string>(&row.front()))
                    out.push_back(*id);
        chunk.clear();
    };
    for (const auto &id : ids) {
        chunk.push_back(Value{id});
        if (chunk.size() == kPerQuery)
            ask();
    }
    ask();
    return out;
}

} // namespace

void refreshProblems(StoreSession &store, CountyWriter &writer, const std::set<std::string> &studentIds)
{
    // The pupils to look at: those changed that may be part of a problem, and the other side of
    // every problem naming them.
    std::set<std::string> look;
    for (const auto &id : worthALook(store, studentIds)) {
        look.insert(id);
        for (const auto &p : store.rowsWhere(problems(), {{"student_id", Value{id}}}))
            look.insert(fieldText(p.values, "other_student_id"));
    }
    if (look.empty())
        return;
    std::map<std::string, StoredRow> pupils;
    Pairs now;
    for (const auto &id : look) {
        if (id.empty())
            continue;
        auto pupil = store.loadRow(students(), id);
        if (!pupil)
            continue;
        findPairs(store, *pupil, now);
        pupils.emplace(id, std::move(*pupil));
    }
    // Both directions of every pair found, so that each school gets its own row.
    Pairs wanted = now;
    for (const auto &[pair, kind] : now) {
        wanted.emplace(std::make_pair(pair.second, pair.first), kind);
        if (!pupils.count(pair.second))
            if (auto other = store.loadRow(students(), pair.second))
                pupils.emplace(pair.second, std::move(*other));
    }
    // Existing rows for every pupil involved, keyed by (student, other, kind).
    std::map<std::tuple<std::string, std::string, std::string>, StoredRow> existing;
    for (const auto &[id, pupil] : pupils) {
        for (auto &p : store.rowsWhere(problems(), {{"student_id", Value{id}}}))
            existing.emplace(std::make_tuple(id, fieldText(p.values, "other_student_id"), fieldText(p.values, "kind")),
                             std::move(p));
    }
    for (auto &[key, row] : existing) {
        const auto &[student, other, kind] = key;
        const auto it = wanted.find({student, other});
        const bool open = fieldText(row.values, "state") == "1";
        const bool problem = it != wanted.end() && it->second == kind;
        // Only pairs whose both pupils were looked at are decided here.
        if (!look.count(student) && !look.count(other))
            continue;
        if (open && !problem)
            writer.rewrite(problems(), row, {{"state", Value{std::string("2")}}});
        else if (!open && problem)
            writer.rewrite(problems(), row, {{"state", Value{std::string("1")}}});
        else if (problem && row.schoolId != pupils.at(student).schoolId)
            writer.rewrite(problems(), row, {}, pupils.at(student).schoolId);  // the pupil moved
        if (problem)
            wanted.erase(it);
    }
    for (const auto &[pair, kind] : wanted) {
        const StoredRow &pupil = pupils.at(pair.first);
        const StoredRow &other = pupils.at(pair.second);
        writer.addRow(problems(), pupil.schoolId,
                      {{"kind", Value{kind}},
                       {"student_id", Value{pupil.id}},
                       {"other_student_id", Value{other.id}},
                       {"other_school_id", Value{other.schoolId}},
                       {"detail", Value{detailOf(kind, other, store)}},
                       {"state", Value{std::string("1")}}});
    }
}

} // namespace emis::server
