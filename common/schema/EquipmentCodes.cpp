// The code tables of equipment and assets (装备/资产): categories (with their service lives, from
// EquipmentFigures.h), states, uses, funding, the kinds of 出入库 and of rooms, and stocktake results.
#include "schema/CodeTables.h"
#include "schema/EquipmentFigures.h"

namespace emis::schema {

std::vector<CodeTable> equipmentCodeTables()
{
    std::vector<CodeTable> all;
    CodeTable categories{"asset_category", {}};
    for (const auto &c : equipment_figures::categories())
        categories.entries.push_back({c.code, c.zh, c.en, c.aliases});
    all.push_back(std::move(categories));
    all.push_back({"asset_state",
                   {{"1", "在用", "in use", {"使用中", "正常", "在用中"}},
                    {"2", "闲置", "idle", {"库存", "在库", "未使用"}},
                    {"3", "维修", "under repair", {"维修中", "送修", "故障"}},
                    {"4", "待报废", "awaiting write-off", {"拟报废", "申请报废"}},
                    {"5", "已报废", "written off", {"报废"}}}});
    all.push_back({"asset_use",
                   {{"1", "教师用", "for teachers", {"教师", "教师机", "教师用机"}},
                    {"2", "学生用", "for pupils", {"学生", "学生机", "学生用机"}},
                    {"3", "教学", "teaching", {"教学用", "教室"}},
                    {"4", "办公", "office", {"办公用", "行政"}}}});
    all.push_back({"funding_source",
                   {{"1", "财政拨款", "public funds", {"财政", "财政资金", "财政性资金"}},
                    {"2", "项目资金", "project funds", {"专项资金", "项目", "均衡项目", "薄改项目", "改薄"}},
                    {"3", "学校自筹", "school's own funds", {"自筹", "自筹资金"}},
                    {"4", "社会捐赠", "donation", {"捐赠", "捐助", "赠送"}},
                    {"5", "上级调拨", "allocated", {"调拨", "上级配发", "配发"}},
                    {"9", "其他", "other", {"其它"}}}});
    // 出入库 and moves. 调入 is the server's, written when the bureau approves a 调拨.
    all.push_back({"asset_move_kind",
                   {{"01", "入库", "received into stock", {"验收入库", "购入"}},
                    {"02", "领用", "issued", {"借用", "领取"}},
                    {"03", "归还", "returned", {"退还", "交回"}},
                    {"04", "送修", "sent for repair", {"维修"}},
                    {"05", "修复", "repaired", {"维修完成", "修好"}},
                    {"06", "调拨", "transfer to another school", {"调出", "调拨出"}},
                    {"07", "调入", "transfer from another school", {"调拨入"}},
                    {"08", "报废", "write-off", {"申请报废"}}}});
    all.push_back({"room_kind",
                   {{"01", "计算机教室", "computer room", {"机房", "微机室", "电脑室", "信息技术教室"}},
                    {"02", "物理实验室", "physics lab", {"物理室"}},
                    {"03", "化学实验室", "chemistry lab", {"化学室"}},
                    {"04", "生物实验室", "biology lab", {"生物室"}},
                    {"05", "科学实验室", "science lab", {"科学室", "小学科学实验室", "实验室"}},
                    {"06", "多媒体教室", "multimedia room", {"多功能教室", "多媒体室"}},
                    {"07", "录播教室", "recording studio", {"录播室", "智能录播教室"}},
                    {"08", "图书室", "library", {"图书馆", "阅览室"}},
                    {"09", "音乐教室", "music room", {"音乐室"}},
                    {"10", "美术教室", "art room", {"美术室"}},
                    {"11", "创客教室", "maker room", {"创客室", "创客空间"}},
                    {"12", "劳技教室", "crafts room", {"劳技室", "劳动教室"}},
                    {"13", "体育器材室", "sports store", {"器材室"}},
                    {"14", "仪器室", "instrument store", {"仪器保管室"}},
                    {"15", "网络中心", "server room", {"网络机房", "中心机房"}},
                    {"99", "其他", "other", {"其它"}}}});
    all.push_back({"stocktake_result",
                   {{"1", "在位", "found", {"正常", "有", "在"}},
                    {"2", "缺失", "missing", {"丢失", "未找到", "无"}},
                    {"3", "损坏", "damaged", {"坏", "破损"}}}});
    all.push_back({"stocktake_state", {{"1", "盘点中", "in progress", {"进行中"}}, {"2", "已完成", "finished", {"完成"}}}});
    return all;
}

} // namespace emis::schema
