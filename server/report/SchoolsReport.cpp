// 学校统计: the schools of the county by township, by 办学类型 or one by one, each with its pupils
// in school, classes, staff and full-time teachers. A school with no pupils yet still counts.
#include "report/ReportParts.h"

#include <map>

namespace emis::server::report {
namespace {

struct SchoolRow {
    std::string code, name, type, township;
};

struct Counts {
    std::string label;
    std::int64_t schools = 0, pupils = 0, classes = 0, staff = 0, teachers = 0;
    void add(const Counts &c)
    {
        schools += c.schools;
        pupils += c.pupils;
        classes += c.classes;
        staff += c.staff;
        teachers += c.teachers;
    }
};

void writeCounts(text::JsonWriter &w, const Counts &c)
{
    w.field("schools", c.schools)
        .field("pupils", c.pupils)
        .field("classes", c.classes)
        .field("staff", c.staff)
        .field("full_time_teachers", c.teachers);
}

} // namespace

std::string schoolsReport(StoreSession &s, const Params &params, const Scope &scope, std::string_view by)
{
    // Per school id: what each school holds, counted once, then grouped below.
    std::map<std::string, Counts> held;
    const std::string pupilSql =
        std::string("SELECT s.school_id, SUM(s.pupils), COUNT(DISTINCT CAST(s.grade AS TEXT) || '/' || s.class_name)") +
        kSummaryFrom + " WHERE " + kActivePupils + scopeSql(false) + " GROUP BY s.school_id";
    for (const auto &r : s.query(pupilSql, scopeParams(scope, false))) {
        Counts &c = held[asText(r[0])];
        c.pupils = asInt(r[1]);
        c.classes = asInt(r[2]);
    }
    const std::string staffSql =
        "SELECT t.school_id, COUNT(*), SUM(CASE WHEN t.post_category = '1' THEN 1 ELSE 0 END)"
        " FROM staff t JOIN schools c ON c.id = t.school_id WHERE t.deleted = 0 AND c.deleted = 0 AND" + kOnTheBooks +
        scopeSql(false) + " GROUP BY t.school_id";
    for (const auto &r : s.query(staffSql, scopeParams(scope, false))) {
        Counts &c = held[asText(r[0])];
        c.staff = asInt(r[1]);
        c.teachers = asInt(r[2]);
    }

    const std::string schoolSql = "SELECT c.id, c.code, c.name, c.school_type, c.township FROM schools c"
                                  " WHERE c.deleted = 0" +
                                  scopeSql(false) + " ORDER BY c.code";
    std::vector<std::pair<SchoolRow, Counts>> schools;
    for (const auto &r : s.query(schoolSql, scopeParams(scope, false))) {
        Counts c = held[asText(r[0])];
        c.schools = 1;
        schools.push_back({SchoolRow{asText(r[1]), asText(r[2]), asText(r[3]), asText(r[4])}, c});
    }

    text::JsonWriter w;
    Counts total;
    for (const auto &[school, counts] : schools)
        total.add(counts);
    if (by == "school") {
        beginReport(w, "schools", params,
                    {{"label", "学校", "school"},
                     {"type", "办学类型", "school type"},
                     {"township", "所在乡镇", "township"},
                     {"pupils", "在校生", "pupils"},
                     {"classes", "班级数", "classes"},
                     {"staff", "教职工", "staff"},
                     {"full_time_teachers", "专任教师", "full-time teachers"}});
        w.key("rows").beginArray();
        for (const auto &[school, c] : schools) {
            w.beginObject()
                .field("key", school.code)
                .field("label", school.name)
                .field("type", codeName("school_type", school.type))
                .field("type_code", school.type)
                .field("township", school.township);
            writeCounts(w, c);
            w.endObject();
        }
        w.endArray();
    } else {
        const bool byType = by == "type", byTownship = by == "township";
        beginReport(w, "schools", params,
                    {{"label", byType ? "办学类型" : byTownship ? "乡镇" : "全县", by.data()},
                     {"schools", "学校数", "schools"},
                     {"pupils", "在校生", "pupils"},
                     {"classes", "班级数", "classes"},
                     {"staff", "教职工", "staff"},
                     {"full_time_teachers", "专任教师", "full-time teachers"}});
        std::map<std::string, Counts> groups;  // ordered by key
        for (const auto &[school, c] : schools) {
            const std::string key = byType ? school.type : byTownship ? school.township : std::string();
            Counts &g = groups[key];
            g.label = byType ? codeName("school_type", school.type) : byTownship ? school.township : "全县";
            g.add(c);
        }
        w.key("rows").beginArray();
        for (const auto &[key, g] : groups) {
            w.beginObject().field("key", key).field("label", g.label);
            writeCounts(w, g);
            w.endObject();
        }
        w.endArray();
    }
    w.key("totals").beginObject();
    writeCounts(w, total);
    w.endObject().endObject();
    return w.str();
}

} // namespace emis::server::report
