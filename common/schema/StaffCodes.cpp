// The code tables of the staff record and the teacher growth file (人事): 学历 (GB/T 4658),
// 职称, 政治面貌 (GB/T 4762), 编制, 骨干 level, and the kinds and levels of the growth file.
// Aliases carry what clerks' rosters hold today in free text, so old sheets and stored text map.
#include "schema/CodeTables.h"

namespace emis::schema {

std::vector<CodeTable> staffCodeTables()
{
    std::vector<CodeTable> all;
    // 学历 (GB/T 4658-2006), the levels a school's staff hold; the first digit is the level.
    all.push_back({"education",
                   {{"11", "博士研究生", "doctorate", {"博士", "博士研究生毕业", "博士研究生学历"}},
                    {"14", "硕士研究生", "master's degree", {"硕士", "研究生", "硕士研究生毕业", "研究生毕业", "研究生学历"}},
                    {"21", "大学本科", "bachelor's degree", {"本科", "大学本科毕业", "本科毕业", "大本", "本科学历"}},
                    {"31", "大学专科", "college diploma", {"专科", "大专", "大学专科毕业", "专科毕业", "大专学历"}},
                    {"41", "中等专科", "secondary specialised school", {"中专", "中师", "中等师范", "中等专科毕业", "中专毕业"}},
                    {"44", "职业高中", "vocational senior secondary", {"职高", "职业高中毕业"}},
                    {"47", "技工学校", "technical school", {"技校", "技工学校毕业"}},
                    {"61", "普通高中", "senior secondary", {"高中", "普通高中毕业", "高中毕业"}},
                    {"71", "初中", "junior secondary", {"初中毕业", "初级中学"}},
                    {"81", "小学", "primary", {"小学毕业"}},
                    {"90", "其他", "other", {}}}});
    // 职称: the 中小学教师 series (2015) with its old names, then the other series by level.
    // The first digit is the level: 1 正高级, 2 副高级, 3 中级, 4 初级 (助理级), 5 员级, 9 none.
    all.push_back({"title",
                   {{"11", "正高级教师", "senior teacher (full)", {"中小学正高级教师"}},
                    {"21", "高级教师", "senior teacher", {"中学高级教师", "中小学高级教师", "中高", "中学高级"}},
                    {"31", "一级教师", "first-grade teacher",
                     {"中学一级教师", "小学高级教师", "中小学一级教师", "中一", "小高", "中学一级", "小学高级"}},
                    {"41", "二级教师", "second-grade teacher",
                     {"中学二级教师", "小学一级教师", "中小学二级教师", "中二", "小一", "中学二级", "小学一级"}},
                    {"51", "三级教师", "third-grade teacher",
                     {"中学三级教师", "小学二级教师", "小学三级教师", "中小学三级教师", "小二", "小三", "中学三级"}},
                    {"12", "其他正高级", "other series, full senior",
                     {"教授", "研究员", "正高级工程师", "主任医师", "正高级会计师", "正高级实验师"}},
                    {"22", "其他副高级", "other series, associate senior",
                     {"副教授", "副研究员", "高级工程师", "副主任医师", "高级会计师", "高级实验师", "高级讲师"}},
                    {"32", "其他中级", "other series, intermediate",
                     {"讲师", "工程师", "主治医师", "会计师", "实验师", "助理研究员", "中级"}},
                    {"42", "其他初级", "other series, junior",
                     {"助教", "助理工程师", "医师", "助理会计师", "会计员", "助理实验师", "助理讲师", "初级"}},
                    {"52", "其他员级", "other series, clerk grade", {"技术员", "实验员", "医士", "员级"}},
                    {"90", "未评", "no title", {"未定级", "未评职称", "无", "无职称", "暂无"}}}});
    // 政治面貌 (GB/T 4762-1984).
    all.push_back({"political",
                   {{"01", "中共党员", "CPC member", {"中国共产党党员", "党员", "共产党员"}},
                    {"02", "中共预备党员", "CPC probationary member", {"中国共产党预备党员", "预备党员"}},
                    {"03", "共青团员", "CYL member", {"中国共产主义青年团团员", "团员"}},
                    {"04", "民革党员", "RCCK member", {"中国国民党革命委员会会员", "民革会员"}},
                    {"05", "民盟盟员", "CDL member", {"中国民主同盟盟员"}},
                    {"06", "民建会员", "CNDCA member", {"中国民主建国会会员"}},
                    {"07", "民进会员", "CAPD member", {"中国民主促进会会员"}},
                    {"08", "农工党党员", "CPWDP member", {"中国农工民主党党员"}},
                    {"09", "致公党党员", "CZGP member", {"中国致公党党员"}},
                    {"10", "九三学社社员", "Jiusan Society member", {}},
                    {"11", "台盟盟员", "TDSGL member", {"台湾民主自治同盟盟员"}},
                    {"12", "无党派人士", "no party affiliation", {"无党派"}},
                    {"13", "群众", "the masses (none)", {"普通群众", "无"}}}});
    // 编制: how the post is held.
    all.push_back({"staffing",
                   {{"1", "在编", "established post", {"编制内", "公办", "正式", "在编在岗"}},
                    {"2", "聘用", "contract", {"合同制", "聘任", "合同聘用"}},
                    {"3", "代课", "substitute", {"代课教师"}},
                    {"4", "特岗", "special-post teacher", {"特岗教师", "特设岗位"}},
                    {"5", "临聘", "temporary", {"临时聘用", "临时工"}}}});
    // 骨干教师 and the levels above it.
    all.push_back({"backbone",
                   {{"1", "校级骨干教师", "school key teacher", {"校级骨干", "校骨干"}},
                    {"2", "县级骨干教师", "county key teacher", {"县级骨干", "县骨干"}},
                    {"3", "市级骨干教师", "city key teacher", {"市级骨干", "市骨干"}},
                    {"4", "省级骨干教师", "province key teacher", {"省级骨干", "省骨干"}},
                    {"5", "学科带头人", "subject leader", {}},
                    {"6", "名师", "master teacher", {"名教师"}}}});
    // The level of a training course, an honour or a piece of research.
    all.push_back({"award_level",
                   {{"1", "国家级", "national", {"国家", "全国"}},
                    {"2", "省级", "provincial", {"省"}},
                    {"3", "市级", "city", {"市", "地市级"}},
                    {"4", "县级", "county", {"县", "县区级"}},
                    {"5", "校级", "school", {"校", "校本", "校本培训"}}}});
    // 奖惩: 1x a reward, 2x a 处分 (which has an end date).
    all.push_back({"discipline_kind",
                   {{"11", "嘉奖", "commendation", {}},
                    {"12", "记功", "merit", {}},
                    {"13", "记大功", "major merit", {}},
                    {"19", "其他奖励", "other reward", {"奖励"}},
                    {"21", "警告", "warning", {"警告处分"}},
                    {"22", "记过", "demerit", {"记过处分"}},
                    {"23", "记大过", "major demerit", {"记大过处分"}},
                    {"24", "降低岗位等级", "lowered post grade", {"降级"}},
                    {"25", "撤职", "dismissal from office", {}},
                    {"26", "开除", "expulsion", {}}}});
    all.push_back({"research_kind",
                   {{"1", "论文", "paper", {"发表论文"}},
                    {"2", "课题", "research project", {"科研课题", "立项课题"}},
                    {"3", "教学获奖", "teaching award", {"优质课", "教学比赛"}},
                    {"4", "著作", "book", {"专著", "教材"}}}});
    all.push_back({"research_role",
                   {{"1", "主持", "lead", {"主持人", "第一作者", "独著", "负责人"}},
                    {"2", "参与", "member", {"参与者", "合著", "成员", "第二作者"}}}});
    all.push_back({"assessment_kind", {{"1", "年度考核", "annual review", {"年度"}}, {"2", "师德考核", "ethics review", {"师德"}}}});
    all.push_back({"assessment_result",
                   {{"1", "优秀", "excellent", {}},
                    {"2", "合格", "satisfactory", {"称职"}},
                    {"3", "基本合格", "barely satisfactory", {"基本称职"}},
                    {"4", "不合格", "unsatisfactory", {"不称职"}}}});
    // 人事异动 (01 and 02 are written by the server on an approved 调动).
    all.push_back({"staff_change_kind",
                   {{"01", "调入", "transfer in", {}},
                    {"02", "调出", "transfer out", {}},
                    {"03", "退休", "retirement", {}},
                    {"04", "辞职", "resignation", {}},
                    {"05", "解聘", "dismissal", {"解除聘用", "辞退"}},
                    {"06", "借调", "secondment", {"借用"}},
                    {"07", "交流轮岗", "rotation", {"交流", "轮岗", "支教"}},
                    {"08", "借调/交流结束", "secondment or rotation ended", {"返回原单位", "借调结束", "交流结束"}}}});
    all.push_back({"staff_status",
                   {{"1", "在职", "on the books", {"在岗"}},
                    {"2", "退休", "retired", {"已退休"}},
                    {"3", "辞职", "resigned", {"离职"}},
                    {"4", "解聘", "dismissed", {"辞退"}}}});
    all.push_back({"it_result",
                   {{"1", "通过", "passed", {"合格", "是", "已通过"}}, {"2", "未通过", "not passed", {"不合格", "否", "不通过"}}}});
    return all;
}

} // namespace emis::schema
