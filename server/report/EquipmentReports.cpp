// The 电教站's and 计财股's reports: equipment (the ratios against the norms: 师机比, 生机比 by the
// school's stages, 班班通 per class, servers, and which schools fall short of each),
// equipment_replacement (what is past its service life today and what falls due in each of the
// next three years, with the cost at purchase prices) and equipment_usage (the 计算机教室 and
// 实验室 sessions logged per room and week). Categories, lives and norms: schema/EquipmentFigures.h.
#include "report/CountsReport.h"

#include "schema/EquipmentFigures.h"

#include <array>
#include <cmath>
#include <ctime>
#include <functional>
#include <map>

namespace emis::server::report {
namespace {

namespace ef = schema::equipment_figures;

std::string quotedList(const auto &codes)
{
    std::string out;
    for (const auto &c : codes)
        out += std::string(out.empty() ? "'" : ", '") + c + "'";
    return out;
}

std::string categoriesCounting(ef::Counts counts)
{
    std::vector<std::string> codes;
    for (const auto &c : ef::categories())
        if (c.counts == counts)
            codes.emplace_back(c.code);
    return quotedList(codes);
}

// One school's figures for the ratios.
struct SchoolFigures {
    std::string code, name, township, type;
    std::int64_t teachers = 0, teacherComputers = 0, pupilComputers = 0, servers = 0, multimedia = 0, classes = 0;
    std::array<std::int64_t, 3> pupils{};

    std::int64_t pupilTotal() const { return pupils[0] + pupils[1] + pupils[2]; }
    // The pupil computers the norms ask for: each stage's pupils over its norm, summed.
    std::int64_t computersNeeded() const
    {
        double need = 0;
        for (std::size_t i = 0; i < 3; ++i)
            need += static_cast<double>(pupils[i]) / ef::kPupilsPerComputerNorm[i];
        return static_cast<std::int64_t>(std::ceil(need - 1e-9));
    }
    bool needsServers() const { return type != ef::kNoServerNormType; }
};

std::map<std::string, SchoolFigures> schoolFigures(StoreSession &s, const Scope &scope)
{
    std::map<std::string, SchoolFigures> out;
    const auto bind = scopeParams(scope, false);
    for (const auto &r : s.query("SELECT c.id, c.code, c.name, c.township, c.school_type FROM schools c WHERE c.deleted = 0" +
                                     scopeSql(false),
                                 bind))
        out[asText(r[0])] = SchoolFigures{asText(r[1]), asText(r[2]), asText(r[3]), asText(r[4])};
    const auto at = [&](const Value &id) -> SchoolFigures * {
        auto it = out.find(asText(id));
        return it == out.end() ? nullptr : &it->second;
    };
    for (const auto &r : s.query("SELECT t.school_id, COUNT(*) FROM staff t JOIN schools c ON c.id = t.school_id"
                                 " WHERE t.deleted = 0 AND c.deleted = 0 AND t.post_category = '1' AND" +
                                     kOnTheBooks + scopeSql(false) + " GROUP BY t.school_id",
                                 bind))
        if (auto *f = at(r[0]))
            f->teachers = asInt(r[1]);
    for (const auto &r : s.query(std::string("SELECT s.school_id, s.grade, SUM(s.pupils), COUNT(DISTINCT s.class_name)") +
                                     kSummaryFrom + " WHERE " + kActivePupils + scopeSql(false) + " GROUP BY 1, 2",
                                 bind))
        if (auto *f = at(r[0]); f && stageOfGrade(asInt(r[1])) >= 0) {
            f->pupils[static_cast<std::size_t>(stageOfGrade(asInt(r[1])))] += asInt(r[2]);
            f->classes += asInt(r[3]);
        }
    const std::string computers = categoriesCounting(ef::Counts::Computer);
    const std::string sql =
        "SELECT a.school_id,"
        " SUM(CASE WHEN a.category IN (" + computers + ") AND a.use = '" + std::string(ef::kTeacherUse) + "' THEN a.items ELSE 0 END),"
        " SUM(CASE WHEN a.category IN (" + computers + ") AND a.use = '" + std::string(ef::kPupilUse) + "' THEN a.items ELSE 0 END),"
        " SUM(CASE WHEN a.category IN (" + categoriesCounting(ef::Counts::Server) + ") THEN a.items ELSE 0 END),"
        " SUM(CASE WHEN a.category IN (" + categoriesCounting(ef::Counts::Multimedia) + ") THEN a.items ELSE 0 END)"
        " FROM report_assets a JOIN schools c ON c.id = a.school_id WHERE c.deleted = 0" + scopeSql(false) +
        " GROUP BY a.school_id";  // the summary holds what is held only
    for (const auto &r : s.query(sql, bind))
        if (auto *f = at(r[0])) {
            f->teacherComputers = asInt(r[1]);
            f->pupilComputers = asInt(r[2]);
            f->servers = asInt(r[3]);
            f->multimedia = asInt(r[4]);
        }
    return out;
}

// The key and label of a school's group.
std::pair<std::string, std::string> groupOf(const SchoolFigures &f, std::string_view by)
{
    if (by == "school")
        return {f.code, f.name};
    if (by == "township")
        return {f.township, f.township};
    return {"", "全县"};
}

struct RatioColumn {
    const char *key, *zh, *en;
    int decimals;
    std::function<double(const std::vector<const SchoolFigures *> &)> value;
};

double sum(const std::vector<const SchoolFigures *> &schools, const std::function<double(const SchoolFigures &)> &f)
{
    double out = 0;
    for (const auto *s : schools)
        out += f(*s);
    return out;
}

double over(double a, double b, double scale = 1) { return b == 0 ? 0 : a / b * scale; }

const std::vector<RatioColumn> &ratioColumns()
{
    using Schools = std::vector<const SchoolFigures *>;
    static const std::vector<RatioColumn> all = {
        {"schools", "学校数", "schools", 0, [](const Schools &v) { return static_cast<double>(v.size()); }},
        {"teachers", "专任教师", "full-time teachers", 0, [](const Schools &v) { return sum(v, [](auto &f) { return f.teachers; }); }},
        {"teacher_computers", "教师用计算机", "teachers' computers", 0,
         [](const Schools &v) { return sum(v, [](auto &f) { return f.teacherComputers; }); }},
        {"computers_per_teacher", "师机比（台/人）", "computers per teacher", 2,
         [](const Schools &v) {
             return over(sum(v, [](auto &f) { return f.teacherComputers; }), sum(v, [](auto &f) { return f.teachers; }));
         }},
        {"short_teacher_computers", "师机比未达1:1的学校", "schools short of 1 computer per teacher", 0,
         [](const Schools &v) {
             return sum(v, [](auto &f) { return f.teacherComputers < f.teachers * ef::kTeacherComputersPerTeacher ? 1 : 0; });
         }},
        {"pupils", "在校生", "pupils", 0, [](const Schools &v) { return sum(v, [](auto &f) { return f.pupilTotal(); }); }},
        {"pupil_computers", "学生用计算机", "pupils' computers", 0,
         [](const Schools &v) { return sum(v, [](auto &f) { return f.pupilComputers; }); }},
        {"pupils_per_computer", "生机比（人/台）", "pupils per computer", 1,
         [](const Schools &v) {
             return over(sum(v, [](auto &f) { return f.pupilTotal(); }), sum(v, [](auto &f) { return f.pupilComputers; }));
         }},
        {"pupil_computers_needed", "按标准应配学生用计算机", "pupils' computers the norms ask for", 0,
         [](const Schools &v) { return sum(v, [](auto &f) { return f.computersNeeded(); }); }},
        {"short_pupil_computers", "生机比未达标的学校", "schools short of the pupils per computer norm", 0,
         [](const Schools &v) { return sum(v, [](auto &f) { return f.pupilComputers < f.computersNeeded() ? 1 : 0; }); }},
        {"classes", "教学班", "classes", 0, [](const Schools &v) { return sum(v, [](auto &f) { return f.classes; }); }},
        {"multimedia_sets", "班班通设备", "classroom multimedia sets", 0,
         [](const Schools &v) { return sum(v, [](auto &f) { return f.multimedia; }); }},
        {"multimedia_share", "多媒体教室覆盖率（%）", "classes with multimedia (%)", 1,
         [](const Schools &v) {
             return over(sum(v, [](auto &f) { return std::min(f.multimedia, f.classes); }),
                         sum(v, [](auto &f) { return f.classes; }), 100);
         }},
        {"short_multimedia", "班班通未全覆盖的学校", "schools without multimedia in every class", 0,
         [](const Schools &v) { return sum(v, [](auto &f) { return f.multimedia < f.classes ? 1 : 0; }); }},
        {"servers", "服务器", "servers", 0, [](const Schools &v) { return sum(v, [](auto &f) { return f.servers; }); }},
        {"short_servers", "服务器不足2台的学校", "schools with fewer than 2 servers", 0,
         [](const Schools &v) {
             return sum(v, [](auto &f) { return f.needsServers() && f.servers < ef::kServersPerSchool ? 1 : 0; });
         }},
    };
    return all;
}

void number(text::JsonWriter &w, const RatioColumn &c, double v)
{
    if (c.decimals)
        w.key(c.key).value(v, c.decimals);
    else
        w.field(c.key, static_cast<std::int64_t>(std::llround(v)));
}

} // namespace

std::string equipmentReport(StoreSession &s, const Params &params, const Scope &scope, std::string_view by)
{
    const auto figures = schoolFigures(s, scope);
    std::map<std::string, std::pair<std::string, std::vector<const SchoolFigures *>>> groups;
    std::vector<const SchoolFigures *> all;
    for (const auto &[id, f] : figures) {
        auto [key, label] = groupOf(f, by);
        auto &g = groups[key];
        g.first = label;
        g.second.push_back(&f);
        all.push_back(&f);
    }
    std::vector<Column> heads = {{"label", by == "school" ? "学校" : by == "township" ? "乡镇" : "全县", "label"}};
    for (const auto &c : ratioColumns())
        heads.push_back({c.key, c.zh, c.en});
    text::JsonWriter w;
    beginReport(w, "equipment", params, heads);
    w.key("rows").beginArray();
    for (const auto &[key, group] : groups) {
        w.beginObject().field("key", key).field("label", group.first);
        for (const auto &c : ratioColumns())
            number(w, c, c.value(group.second));
        w.endObject();
    }
    w.endArray().key("totals").beginObject();
    for (const auto &c : ratioColumns())
        number(w, c, c.value(all));
    w.endObject().endObject();
    return w.str();
}

std::variant<std::string, Issue> equipmentReplacementReport(StoreSession &s, const Params &params, const Scope &scope,
                                                            std::string_view by)
{
    const auto on = dateParam(params, "on", today());
    if (!on)
        return makeIssue(Reason::BadRequest, {}, {}, {}, "on=" + params.at("on"));
    const int onYear = std::stoi(on->substr(0, 4));
    const auto first = yearParam(params, "year", onYear + 1);
    if (!first || *first < onYear)
        return makeIssue(Reason::BadRequest, {}, {}, {}, "year= (a year from " + std::to_string(onYear) + " on)");
    const std::string planStart = std::to_string(*first) + "-01-01";
    // Items and yuan: held, past their life on the day, due before the plan, in each plan year.
    struct Sums {
        std::array<double, 11> v{};  // held; overdue, cost; before the plan, cost; 3 x (due, cost); no date
    };
    std::vector<Column> heads = {{"label", by == "category" ? "资产类别" : by == "school" ? "学校" : by == "township" ? "乡镇" : "全县",
                                  "label"}};
    std::vector<std::string> keys = {"held", "overdue", "overdue_cost", "before_plan", "before_plan_cost"};
    std::vector<std::string> zh = {"在账设备（件）", "超期服役（件）", "超期服役（元）",
                                   *first == onYear + 1 ? "年内到期（件）" : "计划年度前到期（件）",
                                   *first == onYear + 1 ? "年内到期（元）" : "计划年度前到期（元）"};
    std::vector<std::string> en = {"items held", "past service life (items)", "past service life (yuan)",
                                   "due before the plan (items)", "due before the plan (yuan)"};
    for (int y = *first; y < *first + 3; ++y) {
        const std::string year = std::to_string(y);
        keys.insert(keys.end(), {"due_" + year, "due_" + year + "_cost"});
        zh.insert(zh.end(), {year + "年到期（件）", year + "年到期（元）"});
        en.insert(en.end(), {"due in " + year + " (items)", "due in " + year + " (yuan)"});
    }
    keys.push_back("no_purchase_date");
    zh.push_back("购置日期未填（件）");
    en.push_back("no purchase date (items)");
    for (std::size_t i = 0; i < keys.size(); ++i)
        heads.push_back({keys[i].c_str(), zh[i].c_str(), en[i].c_str()});

    // Each school of the scope, by id, as its group's key and label; by place, a school with
    // nothing held shows as one.
    std::map<std::string, std::pair<std::string, Sums>> groups;
    std::map<std::string, std::pair<std::string, std::string>> schoolGroup;
    const auto bind = scopeParams(scope, false);
    for (const auto &r : s.query("SELECT c.id, c.code, c.name, c.township FROM schools c WHERE c.deleted = 0" + scopeSql(false), bind)) {
        const std::string key = by == "school" ? asText(r[1]) : by == "township" ? asText(r[3]) : std::string();
        const std::string label = by == "school" ? asText(r[2]) : by == "township" ? asText(r[3]) : "全县";
        schoolGroup[asText(r[0])] = {key, label};
        if (by != "category")
            groups[key].first = label;
    }
    Sums total;
    const auto *fallback = ef::category("99");
    // In the summary's own order (school, category, day): no sort, no join.
    for (const auto &r : s.query("SELECT a.school_id, a.category, a.purchase_date, SUM(a.items), SUM(a.cost) FROM report_assets a"
                                 " WHERE a.school_id IN (SELECT c.id FROM schools c WHERE c.deleted = 0" + scopeSql(false) +
                                     ") GROUP BY 1, 2, 3",
                                 bind)) {
        const auto school = schoolGroup.find(asText(r[0]));
        if (school == schoolGroup.end())
            continue;
        const std::string category = asText(r[1]);
        const ef::Category *c = ef::category(category);
        auto &g = groups[by == "category" ? category : school->second.first];
        g.first = by == "category" ? (c ? c->zh : category) : school->second.second;
        const double items = asReal(r[3]), cost = asReal(r[4]);
        const std::string due = ef::dueDate(asText(r[2]), (c ? c : fallback)->lifeYears);
        // Where in Sums: 1 past its life, 3 due before the plan, 5, 7, 9 a plan year, 10 no
        // purchase day; 0 held only (due later).
        std::size_t bucket = 0;
        if (due.empty())
            bucket = 10;
        else if (due <= *on)
            bucket = 1;
        else if (due < planStart)
            bucket = 3;
        else if (const int k = std::stoi(due.substr(0, 4)) - *first; k < 3)
            bucket = 5 + 2 * static_cast<std::size_t>(k);
        for (Sums *sums : {&g.second, &total}) {
            sums->v[0] += items;
            if (bucket == 10) {
                sums->v[10] += items;
            } else if (bucket) {
                sums->v[bucket] += items;
                sums->v[bucket + 1] += cost;
            }
        }
    }
    text::JsonWriter w;
    beginReport(w, "equipment_replacement", params, heads);
    const auto write = [&](const Sums &sums) {
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i].ends_with("_cost"))
                w.key(keys[i]).value(sums.v[i], 2);
            else
                w.field(keys[i], static_cast<std::int64_t>(std::llround(sums.v[i])));
    };
    w.key("rows").beginArray();
    for (const auto &[key, group] : groups) {
        w.beginObject().field("key", key).field("label", group.first);
        write(group.second);
        w.endObject();
    }
    w.endArray().key("totals").beginObject();
    write(total);
    w.endObject().endObject();
    return w.str();
}

std::variant<std::string, Issue> equipmentUsageReport(StoreSession &s, const Params &params, const Scope &scope,
                                                      std::string_view by)
{
    const auto to = dateParam(params, "to", today());
    if (!to)
        return makeIssue(Reason::BadRequest, {}, {}, {}, "to=" + params.at("to"));
    const auto from = dateParam(params, "from", to->substr(0, 4) + "-01-01");
    if (!from || *from > *to)
        return makeIssue(Reason::BadRequest, {}, {}, {}, "from=" + param(params, "from"));
    // Weeks in the period, counted in whole days / 7 (a period shorter than a week counts as one).
    const auto days = [](const std::string &d) {
        std::tm tm{};
        tm.tm_year = std::stoi(d.substr(0, 4)) - 1900;
        tm.tm_mon = std::stoi(d.substr(5, 2)) - 1;
        tm.tm_mday = std::stoi(d.substr(8, 2));
        tm.tm_hour = 12;
        return static_cast<double>(timegm(&tm)) / 86400.0;
    };
    const double weeks = std::max(1.0, (std::round(days(*to) - days(*from)) + 1) / 7.0);
    const std::string labs = quotedList(ef::kLabKinds);
    const std::string sql =
        " FROM schools c LEFT JOIN (SELECT r.id, r.school_id, r.kind, (SELECT COUNT(*) FROM room_usage u WHERE u.room_id = r.id"
        " AND u.deleted = 0 AND u.use_date >= ? AND u.use_date <= ?) AS sessions FROM rooms r WHERE r.deleted = 0 AND r.kind IN (" +
        labs + ") LIMIT -1) r ON r.school_id = c.id WHERE c.deleted = 0 ";  // a school with no lab shows as one
    std::vector<SumColumn> columns = {
        {"rooms", "计算机教室和实验室", "computer rooms and labs", "CASE WHEN r.id IS NULL THEN 0 ELSE 1 END"},
        {"sessions", "使用节次", "sessions", "r.sessions"},
        {"sessions_per_room_week", "每室每周节次", "sessions per room and week", "", 1, 1, 0, 1 / weeks},
        {"computer_rooms", "计算机教室", "computer rooms", "CASE WHEN r.kind = '01' THEN 1 ELSE 0 END"},
        {"computer_room_sessions", "计算机教室使用节次", "computer room sessions", "CASE WHEN r.kind = '01' THEN r.sessions ELSE 0 END"},
        {"computer_room_per_week", "计算机教室每室每周节次", "per computer room and week", "", 1, 4, 3, 1 / weeks},
        {"labs", "实验室", "labs", "CASE WHEN r.kind <> '01' THEN 1 ELSE 0 END"},
        {"lab_sessions", "实验室使用节次", "lab sessions", "CASE WHEN r.kind <> '01' THEN r.sessions ELSE 0 END"},
        {"lab_per_week", "实验室每室每周节次", "per lab and week", "", 1, 7, 6, 1 / weeks},
        {"unused_rooms", "期间未登记使用的", "rooms with no use logged", "CASE WHEN r.sessions = 0 THEN 1 ELSE 0 END"},
    };
    return countsReport(s, "equipment_usage", params, scope, groupBy(by), columns, sql, {*from, *to});
}

} // namespace emis::server::report
