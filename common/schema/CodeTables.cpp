#include "schema/CodeTables.h"

#include "text/TextUtil.h"

#include <algorithm>

namespace emis::schema {

// Generated at build time from resources/codes/ethnicity.csv (see common/CMakeLists.txt).
extern const char *const kEthnicityCsv;

namespace {

CodeTable ethnicity()
{
    CodeTable t{"ethnicity", {}};
    const auto lines = text::splitLines(kEthnicityCsv);
    for (std::size_t i = 1; i < lines.size(); ++i) {  // line 0 is the header
        const auto cells = text::split(lines[i], ',');
        if (cells.size() < 2 || text::trim(cells[0]).empty())
            continue;
        std::string name(text::trim(cells[1]));
        std::vector<std::string> aliases;
        if (name.size() > 3 && text::endsWith(name, "族"))
            aliases.push_back(name.substr(0, name.size() - 3));  // 汉 for 汉族
        t.entries.push_back({std::string(text::trim(cells[0])), name, {}, std::move(aliases)});
    }
    return t;
}

std::vector<CodeTable> build()
{
    std::vector<CodeTable> all;
    all.push_back({"sex", {{"1", "男", "male", {"男性", "m"}}, {"2", "女", "female", {"女性", "f"}}}});
    all.push_back(ethnicity());
    all.push_back({"grade",
                   {{"1", "一年级", "grade 1", {"1年级", "小学一年级"}},
                    {"2", "二年级", "grade 2", {"2年级", "小学二年级"}},
                    {"3", "三年级", "grade 3", {"3年级", "小学三年级"}},
                    {"4", "四年级", "grade 4", {"4年级", "小学四年级"}},
                    {"5", "五年级", "grade 5", {"5年级", "小学五年级"}},
                    {"6", "六年级", "grade 6", {"6年级", "小学六年级"}},
                    {"7", "七年级", "grade 7", {"7年级", "初一", "初中一年级"}},
                    {"8", "八年级", "grade 8", {"8年级", "初二", "初中二年级"}},
                    {"9", "九年级", "grade 9", {"9年级", "初三", "初中三年级"}},
                    {"10", "高一", "grade 10", {"高中一年级", "十年级", "10年级"}},
                    {"11", "高二", "grade 11", {"高中二年级", "十一年级", "11年级"}},
                    {"12", "高三", "grade 12", {"高中三年级", "十二年级", "12年级"}}}});
    all.push_back({"id_type",
                   {{"1", "居民身份证", "resident identity card", {"身份证", "居民身份证号"}},
                    {"6", "香港特区护照/身份证明", "Hong Kong permit or identity card", {"港澳居民来往内地通行证", "香港身份证"}},
                    {"7", "澳门特区护照/身份证明", "Macao permit or identity card", {"澳门身份证"}},
                    {"8", "台湾居民来往大陆通行证", "Taiwan residents' permit", {"台胞证"}},
                    {"9", "境外永久居住证", "foreign permanent residence card", {"外国人永久居留证"}},
                    {"A", "护照", "passport", {}},
                    {"Z", "其他", "other", {}}}});
    all.push_back({"student_status",
                   {{"1", "在读", "enrolled", {"在校", "在籍"}},
                    {"2", "休学", "suspended", {}},
                    {"3", "转出", "transferred out", {}},
                    {"4", "退学", "withdrawn", {}},
                    {"5", "毕业", "graduated", {}},
                    {"6", "结业", "completed", {}},
                    {"7", "肄业", "left without completing", {}},
                    {"8", "死亡", "deceased", {}},
                    {"9", "注销", "record cancelled", {"注销学籍"}}}});
    all.push_back({"change_kind",
                   {{"01", "转入", "transfer in", {}},
                    {"02", "转出", "transfer out", {}},
                    {"03", "休学", "suspension", {}},
                    {"04", "复学", "resumption", {}},
                    {"05", "退学", "withdrawal", {}},
                    {"06", "留级", "repeat a grade", {}},
                    {"07", "跳级", "skip a grade", {}},
                    {"08", "校内转班", "change of class", {"转班"}},
                    {"09", "毕业", "graduation", {}},
                    {"10", "结业", "completion", {}},
                    {"11", "肄业", "leaving without completing", {}},
                    {"12", "死亡", "death", {}},
                    {"13", "注销学籍", "cancel record", {}},
                    {"14", "恢复学籍", "restore record", {}},
                    {"15", "升级", "promotion", {}}}});
    all.push_back({"approval_state",
                   {{"0", "无需审批", "no approval needed", {}},
                    {"1", "待审批", "awaiting approval", {}},
                    {"2", "已批准", "approved", {}},
                    {"3", "已驳回", "refused", {}},
                    {"4", "已撤回", "withdrawn", {}}}});
    all.push_back({"transfer_state",
                   {{"1", "待转出学校确认", "awaiting the sending school", {}},
                    {"2", "待教育局审批", "awaiting the bureau", {}},
                    {"3", "转出学校不同意", "refused by the sending school", {}},
                    {"4", "已撤回", "withdrawn", {}},
                    {"5", "已转入", "completed", {}},
                    {"6", "教育局驳回", "refused by the bureau", {}}}});
    all.push_back({"problem_kind",
                   {{"1", "一人多籍", "enrolled in two schools", {}},
                    {"2", "疑似重复学籍", "likely duplicate", {}}}});
    all.push_back({"problem_state",
                   {{"1", "待处理", "open", {}}, {"2", "已解决", "resolved", {}}}});
    all.push_back({"school_type",
                   {{"211", "小学", "primary school", {"完小", "完全小学", "中心小学", "村小"}},
                    {"218", "小学教学点", "teaching point", {"教学点"}},
                    {"311", "初级中学", "junior secondary school", {"初中"}},
                    {"312", "九年一贯制学校", "nine-year school", {"九年一贯制"}},
                    {"341", "完全中学", "complete secondary school", {"完中"}},
                    {"342", "高级中学", "senior secondary school", {"高中"}},
                    {"345", "十二年一贯制学校", "twelve-year school", {"十二年一贯制"}}}});
    all.push_back({"post_category",
                   {{"1", "专任教师", "full-time teacher", {"教师", "任课教师"}},
                    {"2", "行政人员", "administrative staff", {"行政"}},
                    {"3", "教辅人员", "teaching support staff", {"教辅"}},
                    {"4", "工勤人员", "support worker", {"工勤"}},
                    {"5", "代课教师", "substitute teacher", {"代课"}}}});
    all.push_back({"stage",
                   {{"1", "小学", "primary", {}}, {"2", "初中", "junior secondary", {}}, {"3", "高中", "senior secondary", {}}}});
    // 学科: the subjects of the national curriculum, in the order report cards list them.
    all.push_back({"subject",
                   {{"01", "语文", "Chinese", {}},
                    {"02", "数学", "mathematics", {"math", "maths"}},
                    {"03", "英语", "English", {"外语"}},
                    {"04", "物理", "physics", {}},
                    {"05", "化学", "chemistry", {}},
                    {"06", "生物", "biology", {"生物学"}},
                    {"07", "道德与法治", "morality and law", {"政治", "思想政治", "思想品德", "品德与社会", "品德与生活"}},
                    {"08", "历史", "history", {}},
                    {"09", "地理", "geography", {}},
                    {"10", "科学", "science", {}},
                    {"11", "信息技术", "information technology", {"信息科技", "计算机"}},
                    {"12", "音乐", "music", {}},
                    {"13", "体育", "physical education", {"体育与健康"}},
                    {"14", "美术", "art", {}},
                    {"15", "劳动", "labour", {"劳动技术"}},
                    {"16", "综合实践活动", "integrated practice", {"综合实践"}},
                    {"17", "心理健康", "mental health", {}},
                    {"18", "书法", "calligraphy", {}}}});
    // Why a pupil has no score in a subject of an exam.
    all.push_back({"score_absence",
                   {{"1", "缺考", "absent", {}}, {"2", "免考", "exempt", {"免试"}}, {"3", "作弊", "cheating", {"违纪"}}}});
    all.push_back({"teaching_duty", {{"1", "任课教师", "subject teacher", {"任课"}}, {"2", "班主任", "head teacher", {}}}});
    for (auto &t : staffCodeTables())
        all.push_back(std::move(t));
    for (auto &t : equipmentCodeTables())
        all.push_back(std::move(t));
    return all;
}

} // namespace

const CodeEntry *CodeTable::byCode(std::string_view code) const
{
    auto it = std::find_if(entries.begin(), entries.end(), [&](const CodeEntry &e) { return e.code == code; });
    return it == entries.end() ? nullptr : &*it;
}

std::optional<std::string> CodeTable::normalize(std::string_view raw) const
{
    const std::string v(text::trim(raw));
    if (v.empty())
        return std::nullopt;
    const std::string lower = text::asciiLower(v);
    for (const auto &e : entries) {
        if (e.code == v || e.zh == v || (!e.en.empty() && text::asciiLower(e.en) == lower))
            return e.code;
        for (const auto &a : e.aliases)
            if (a == v || text::asciiLower(a) == lower)
                return e.code;
    }
    // A numeric code typed without its leading zeros ("1" for "01"), or with them ("01" for "1").
    if (text::isDigits(v)) {
        const std::string stripped = v.substr(std::min(v.find_first_not_of('0'), v.size() - 1));
        for (const auto &e : entries)
            if (text::isDigits(e.code) && e.code.substr(std::min(e.code.find_first_not_of('0'), e.code.size() - 1)) == stripped)
                return e.code;
    }
    return std::nullopt;
}

std::string CodeTable::nameOf(std::string_view code) const
{
    const CodeEntry *e = byCode(code);
    return e ? e->zh : std::string(code);
}

const std::vector<CodeTable> &codeTables()
{
    static const std::vector<CodeTable> all = build();
    return all;
}

const CodeTable *findCodeTable(std::string_view name)
{
    const auto &all = codeTables();
    auto it = std::find_if(all.begin(), all.end(), [&](const CodeTable &t) { return t.name == name; });
    return it == all.end() ? nullptr : &*it;
}

} // namespace emis::schema
