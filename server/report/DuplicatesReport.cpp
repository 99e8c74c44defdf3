// 一人一籍: an ID number held by more than one live pupil record (in two schools, or twice in
// one), and likely duplicates that no resident ID number tells apart (same name, sex and birth
// date, where at least one record carries another document or none). Nothing is merged or
// removed here: both schools and the bureau see the case and decide.
#include "report/ReportParts.h"

#include <map>

namespace emis::server::report {
namespace {

// Pupils who still hold a place: 在读 or 休学.
constexpr const char *kHoldsPlace = " s.deleted = 0 AND s.status IN ('1', '2') AND c.deleted = 0 ";

struct Member {
    std::string rowId, schoolCode, schoolName, name, status, idNumber;
    std::int64_t grade = 0;
    std::string className;
};

void writeCase(text::JsonWriter &w, const std::string &kind, const std::string &key, const std::string &label,
               const std::vector<Member> &members)
{
    std::map<std::string, bool> schools;
    for (const auto &m : members)
        schools[m.schoolCode] = true;
    const bool sameId = kind == "same_id";
    w.beginObject()
        .field("key", key)
        .field("label", label)
        .field("kind", kind)
        .field("schools", static_cast<std::int64_t>(schools.size()))
        .field("records", static_cast<std::int64_t>(members.size()))
        .field("advice_zh", sameId ? "同一身份证件号在多处在籍：请相关学校核实，由实际就读学校保留学籍，其他学校更正或注销"
                                   : "疑似重复学籍（姓名、性别、出生日期相同且无居民身份证号可区分）：请学校核实后证明非同一人、更正或注销")
        .field("advice_en", sameId ? "one ID number is enrolled in more than one place: the schools check, the school the pupil "
                                     "attends keeps the record, the others correct or cancel theirs"
                                   : "likely the same child twice (same name, sex and birth date, no resident ID number to "
                                     "tell them apart): the schools prove they differ, correct or cancel");
    w.key("members").beginArray();
    for (const auto &m : members)
        w.beginObject()
            .field("row_id", m.rowId)
            .field("school", m.schoolCode)
            .field("school_name", m.schoolName)
            .field("name", m.name)
            .field("id_number", m.idNumber)
            .field("grade", gradeName(m.grade))
            .field("class", m.className)
            .field("status", codeName("student_status", m.status))
            .endObject();
    w.endArray().endObject();
}

std::vector<Member> members(StoreSession &s, const std::string &where, const std::vector<Value> &params)
{
    const std::string sql = std::string("SELECT s.id, c.code, c.name, s.name, s.status, s.id_number, s.grade,"
                                        " s.class_name") +
                            kPupilsFrom + " WHERE " + kHoldsPlace + where + " ORDER BY c.code, s.id";
    std::vector<Member> out;
    for (const auto &r : s.query(sql, params))
        out.push_back({asText(r[0]), asText(r[1]), asText(r[2]), asText(r[3]), asText(r[4]), asText(r[5]),
                       asInt(r[6]), asText(r[7])});
    return out;
}

} // namespace

std::string duplicatesReport(StoreSession &s, const Params &params)
{
    text::JsonWriter w;
    beginReport(w, "duplicates", params,
                {{"label", "问题", "case"},
                 {"kind", "类型", "kind"},
                 {"schools", "涉及学校", "schools"},
                 {"records", "记录数", "records"}});
    w.key("rows").beginArray();
    std::int64_t sameIdCases = 0, likelyCases = 0;

    // The numbers held more than once come from the store's summary (store/ReportSummary.h)
    // through its partial index; then each one's records.
    const std::string sameIdSql = "SELECT x.id_type, x.id_number FROM report_ids x WHERE x.holders > 1 ORDER BY 2";
    for (const auto &r : s.query(sameIdSql, {})) {
        const auto m = members(s, " AND s.id_type = ? AND s.id_number = ?", {r[0], r[1]});
        if (m.size() < 2)  // a deleted school's pupil
            continue;
        writeCase(w, "same_id", asText(r[1]), asText(r[1]), m);
        ++sameIdCases;
    }

    // A likely case has a pupil with no resident ID number (id_type other than 1) in it: start
    // from those few, through the (id_type, id_number) index, and find who shares name, sex
    // and birth date with them.
    const std::string likelySql = "SELECT DISTINCT s.name, s.sex, s.birth_date FROM students s"
                                  " WHERE (s.id_type < '1' OR s.id_type > '1') AND s.deleted = 0"
                                  " AND s.status IN ('1', '2') ORDER BY 3, 1";
    for (const auto &r : s.query(likelySql, {})) {
        const auto m = members(s, " AND s.name = ? AND s.sex = ? AND s.birth_date = ?", {r[0], r[1], r[2]});
        if (m.size() < 2)
            continue;
        const std::string label = asText(r[0]) + " " + codeName("sex", asText(r[1])) + " " + asText(r[2]);
        writeCase(w, "likely", asText(r[0]) + "/" + asText(r[1]) + "/" + asText(r[2]), label, m);
        ++likelyCases;
    }
    w.endArray();
    w.key("totals").beginObject().field("same_id", sameIdCases).field("likely", likelyCases).endObject().endObject();
    return w.str();
}

} // namespace emis::server::report
