// 考试列表: the county's joint exams (the bureau's own rows), newest first, each with its term,
// grade, date, subjects and full marks, and the schools it names (none: every school with the
// grade) — what an officer picks an exam's analysis by.
#include "report/ReportParts.h"

#include "schema/CodeTables.h"
#include "schema/Schema.h"

#include <algorithm>
#include <map>

namespace emis::server::report {

std::string examListReport(StoreSession &s, const Params &params)
{
    // Subjects in the subject table's order, as the analysis lists them.
    const auto *codes = schema::findCodeTable("subject");
    struct Subject {
        std::size_t order;
        std::string code, text;  // 01, 语文120
        bool operator<(const Subject &o) const { return order < o.order; }
    };
    std::map<std::string, std::vector<Subject>> subjectsOf;
    for (const auto &r : s.query("SELECT exam_id, subject, full_marks FROM exam_subjects WHERE deleted = 0", {})) {
        std::size_t order = codes->entries.size();
        for (std::size_t i = 0; i < codes->entries.size(); ++i)
            if (codes->entries[i].code == asText(r[1]))
                order = i;
        subjectsOf[asText(r[0])].push_back(Subject{order, asText(r[1]), codes->nameOf(asText(r[1])) + displayText(r[2])});
    }
    text::JsonWriter w;
    beginReport(w, "exams", params,
                {{"label", "考试名称", "exam"},
                 {"term_name", "学年学期", "term"},
                 {"grade_name", "年级", "grade"},
                 {"exam_date", "考试日期", "date"},
                 {"subjects", "科目及满分", "subjects and full marks"},
                 {"schools", "参考学校", "schools taking part"}});
    w.key("rows").beginArray();
    std::int64_t exams = 0;
    for (const auto &r : s.query("SELECT e.id, e.name, t.name, e.grade, e.exam_date, e.school_codes FROM exams e "
                                 "LEFT JOIN terms t ON t.id = e.term_id WHERE e.deleted = 0 AND e.school_id = ? "
                                 "ORDER BY COALESCE(e.exam_date, '') DESC, e.id DESC",
                                 {Value{std::string(schema::kCountyOwner)}})) {
        const std::string id = asText(r[0]);
        auto subjects = subjectsOf[id];
        std::sort(subjects.begin(), subjects.end());
        std::string listed;
        for (const auto &sub : subjects)
            listed += (listed.empty() ? "" : " ") + sub.text;
        const std::string schools = asText(r[5]);
        w.beginObject()
            .field("key", id)
            .field("label", asText(r[1]))
            .field("term_name", asText(r[2]))
            .field("grade", asInt(r[3]))
            .field("grade_name", codeName("grade", std::to_string(asInt(r[3]))))
            .field("exam_date", asText(r[4]))
            .field("subjects", listed);
        w.key("subject_codes").beginArray(true);
        for (const auto &sub : subjects)
            w.value(sub.code);
        w.endArray();
        w.field("schools", schools.empty() ? std::string("全部有该年级的学校") : schools);
        w.endObject();
        ++exams;
    }
    w.endArray();
    w.key("totals").beginObject().field("exams", exams).endObject().endObject();
    return w.str();
}

} // namespace emis::server::report
