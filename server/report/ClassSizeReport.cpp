// 班额统计: pupils per class, how many classes are 大班额 (56 or more) or 超大班额 (66 or more), and the
// classes in the national statistics' size bands (by=size); the definitions are common/schema/ClassSize.h.
#include "report/ReportParts.h"
#include "schema/ClassSize.h"

#include <algorithm>
#include <map>

namespace emis::server::report {
namespace {

namespace cs = schema::class_size;

struct ClassRow {
    std::string township, schoolCode, schoolName, className;
    std::int64_t grade = 0, pupils = 0;
};

struct Group {
    std::string key, label;
    std::int64_t classes = 0, pupils = 0, largest = 0, large = 0, veryLarge = 0;
    void add(const ClassRow &c)
    {
        ++classes;
        pupils += c.pupils;
        largest = std::max(largest, c.pupils);
        large += cs::isLarge(c.pupils) ? 1 : 0;
        veryLarge += cs::isVeryLarge(c.pupils) ? 1 : 0;
    }
};

void writeCounts(text::JsonWriter &w, const Group &g)
{
    w.field("classes", g.classes)
        .field("pupils", g.pupils)
        .field("average", ratio(g.pupils, g.classes))
        .field("largest", g.largest)
        .field("large_56_plus", g.large)
        .field("very_large_66_plus", g.veryLarge);
}

// Ten bands: "00".."09" keeps them in order in the map.
std::string bandSortKey(std::size_t band) { return std::string(band < 10 ? "0" : "") + std::to_string(band); }

const char *byTitle(std::string_view by)
{
    return by == "township" ? "乡镇" : by == "school" ? "学校" : by == "size" ? "班额段" : "全县";
}

} // namespace

std::string classSizeReport(StoreSession &s, const Params &params, const Scope &scope, std::string_view by)
{
    const std::string sql = std::string("SELECT c.township, c.code, c.name, s.grade, s.class_name, SUM(s.pupils)") +
                            kSummaryFrom + " WHERE " + kActivePupils + scopeSql() +
                            " GROUP BY c.township, c.code, c.name, s.grade, s.class_name ORDER BY 2, 4, 5";
    std::vector<ClassRow> classes;
    for (const auto &r : s.query(sql, scopeParams(scope)))
        classes.push_back({asText(r[0]), asText(r[1]), asText(r[2]), asText(r[4]), asInt(r[3]), asInt(r[5])});

    text::JsonWriter w;
    Group total{{}, "全县"};
    for (const auto &c : classes)
        total.add(c);
    if (by == "class") {
        beginReport(w, "class_size", params,
                    {{"label", "班级", "class"},
                     {"school", "学校", "school"},
                     {"pupils", "人数", "pupils"},
                     {"large", "大班额", "56 or more"},
                     {"very_large", "超大班额", "66 or more"}});
        w.key("rows").beginArray();
        for (const auto &c : classes)
            w.beginObject()
                .field("key", c.schoolCode + "/" + std::to_string(c.grade) + "/" + c.className)
                .field("label", gradeName(c.grade) + c.className)
                .field("school", c.schoolName)
                .field("pupils", c.pupils)
                .field("large", cs::isLarge(c.pupils))
                .field("very_large", cs::isVeryLarge(c.pupils))
                .endObject();
        w.endArray();
    } else {
        beginReport(w, "class_size", params,
                    {{"label", byTitle(by), by.data()},
                     {"classes", "班级数", "classes"},
                     {"pupils", "学生数", "pupils"},
                     {"average", "平均班额", "average size"},
                     {"largest", "最大班额", "largest"},
                     {"large_56_plus", "大班额(56人及以上)", "classes of 56 or more"},
                     {"very_large_66_plus", "超大班额(66人及以上)", "classes of 66 or more"}});
        std::map<std::string, Group> groups;  // ordered by sort key
        if (by == "size")  // every band, also an empty one, so the distribution reads whole
            for (std::size_t i = 0; i < cs::kBands.size(); ++i)
                groups[bandSortKey(i)] = Group{cs::bandKey(cs::kBands[i]), cs::bandLabel(cs::kBands[i])};
        for (const auto &c : classes) {
            if (by == "size") {
                groups[bandSortKey(cs::bandOf(c.pupils))].add(c);
                continue;
            }
            const std::string key = by == "township" ? c.township : by == "school" ? c.schoolCode : std::string();
            Group &g = groups[key];
            g.key = key;
            g.label = by == "township" ? c.township : by == "school" ? c.schoolName : std::string("全县");
            g.add(c);
        }
        w.key("rows").beginArray();
        for (const auto &[sortKey, g] : groups) {
            w.beginObject().field("key", g.key).field("label", g.label);
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
