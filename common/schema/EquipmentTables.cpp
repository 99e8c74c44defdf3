// Equipment and assets (装备/资产): the school's rooms (功能室), its asset register (资产), each
// asset's history of 出入库 and moves, the use log of rooms (使用登记) and stocktakes (盘点). All
// school-owned; a 调拨 to another school and a 报废 wait for the bureau (电教站, 计财股), and a
// photo of an asset is an evidence row attached to it (Tables.cpp).
#include "schema/TableBuilders.h"

#include "validate/TableRules.h"

namespace emis::schema {
namespace {

using namespace build;

// The schema version that added equipment.
constexpr unsigned kEquipment = 5;

Table module(Table t, std::vector<std::string> listFields)
{
    for (auto &f : t.fields)
        f.since = kEquipment;
    return listed(std::move(t), std::move(listFields));
}

Field keeper(const char *zh, const char *en, std::vector<std::string> aliases)
{
    return ref("keeper_id", zh, en, "staff", false, std::move(aliases));
}

} // namespace

std::vector<Table> equipmentTables()
{
    std::vector<Table> v;
    // 功能室: a computer room, a lab, a library ... with its seats (机位, 座位) and keeper.
    v.push_back(labelled(
        module(table("rooms", "功能室", "rooms", Scope::School,
                     {
                         text("name", "功能室名称", "room", 40, true, {"名称", "教室名称", "功能室", "房间"}),
                         coded("kind", "功能室类型", "kind", "room_kind", true, {"类型", "类别", "用途"}),
                         typed("seats", "座位数", "seats", T::Integer, false, {"机位数", "工位数", "座位", "容纳人数"}),
                         text("location", "位置", "location", 60, false, {"所在位置", "楼层", "所在楼栋", "地点"}),
                         keeper("管理员", "keeper", {"管理教师", "负责人", "管理人"}),
                     },
                     {{"name"}}, {}, nullptr),
               {"name", "kind", "seats", "location", "keeper_id"}),
        {"name"}, {{"name"}}));
    // 资产: one line of the register, a single item or a batch (quantity) bought together.
    v.push_back(labelled(
        module(table("assets", "资产", "assets", Scope::School,
                     {
                         text("asset_no", "资产编号", "asset number", 40, false, {"资产编码", "编号", "资产号", "设备编号"}),
                         text("barcode", "条形码", "barcode", 60, false, {"条码", "资产条码", "二维码"}),
                         coded("category", "资产类别", "category", "asset_category", true, {"类别", "分类", "设备类别", "资产分类"}),
                         text("name", "资产名称", "name", 60, true, {"名称", "设备名称", "品名", "物品名称"}),
                         text("brand", "品牌", "brand", 30, false, {"厂家", "生产厂家", "厂商"}),
                         text("model", "规格型号", "model", 60, false, {"型号", "规格", "配置"}),
                         checked(withDefault(typed("quantity", "数量", "quantity", T::Integer, true, {"台数", "件数"}), "1"),
                                 Check::Count),
                         withDefault(text("unit", "计量单位", "unit", 10, false, {"单位"}), "台"),
                         checked(typed("unit_price", "单价", "unit price", T::Real, false,
                                       {"单价（元）", "单价(元)", "价格", "单价/元", "购置单价"}),
                                 Check::Money),
                         typed("purchase_date", "购置日期", "purchase date", T::Date, false,
                               {"购买日期", "购入日期", "采购日期", "入库日期", "购置时间", "取得日期"}),
                         coded("funding", "经费来源", "funding", "funding_source", false, {"资金来源", "经费"}),
                         ref("room_id", "存放地点", "room", "rooms", false, {"所在功能室", "存放位置", "使用地点", "功能室"}),
                         keeper("保管人", "keeper", {"使用人", "领用人", "责任人", "保管教师", "保管人工号", "使用人工号"}),
                         withDefault(coded("state", "使用状态", "state", "asset_state", true, {"状态", "资产状态", "设备状态"}), "1"),
                         coded("use", "使用方向", "use", "asset_use", false, {"用途", "使用对象", "使用方式"}),
                         text("note", "备注", "note", 200, false, {"说明"}),
                     },
                     {{"asset_no"}}, {{"room_id"}, {"keeper_id"}}, &validate::kAssetRules),
               {"asset_no", "name", "category", "model", "quantity", "unit_price", "purchase_date", "room_id", "keeper_id",
                "state"}),
        {"asset_no", "name"}, {{"asset_no"}, {"barcode"}, {"name", "model"}, {"name"}}));
    // 出入库 and moves: the asset's history, and what it does to the asset (validate/EquipmentRules).
    v.push_back(decided(module(table("asset_moves", "出入库记录", "asset moves", Scope::School,
                             {
                                 ref("asset_id", "资产", "asset", "assets", true, {"资产编号", "资产名称"}),
                                 coded("kind", "类别", "kind", "asset_move_kind", true, {"出入库方式", "类型", "方式"}),
                                 typed("move_date", "日期", "date", T::Date, true, {"办理日期", "出入库日期", "领用日期"}),
                                 ref("staff_id", "领用人", "taken by", "staff", false, {"借用人", "归还人", "教师", "领用人工号", "工号"}),
                                 ref("other_school_id", "调入学校", "receiving school", "schools", false, {"接收学校", "对方学校"}),
                                 text("handler", "经办人", "handled by", 30, false, {"办理人", "审核人"}),
                                 text("reason", "事由", "reason", 200, false, {"原因", "说明", "用途", "报废原因"}),
                                 // Filled by the rules when left empty: 待审批 for a 调拨 or 报废.
                                 coded("approval", "审批状态", "approval", "approval_state", false),
                                 text("approval_note", "审批意见", "approval note", 200),
                             },
                             {{"asset_id", "kind", "move_date"}}, {{"asset_id"}}, &validate::kAssetMoveRules),
                       {"asset_id", "kind", "move_date", "staff_id", "reason", "approval"}),
                        {"admin", "equipment", "finance"}));
    // 使用登记: a room used in one period of a day, by a class and its teacher, for what.
    v.push_back(module(table("room_usage", "使用登记", "room usage", Scope::School,
                             {
                                 ref("room_id", "功能室", "room", "rooms", true, {"功能室名称", "教室", "实验室"}),
                                 typed("use_date", "日期", "date", T::Date, true, {"使用日期", "上课日期"}),
                                 typed("period", "节次", "period", T::Integer, true, {"第几节", "课节"}),
                                 ref("class_id", "班级", "class", "classes", false, {"上课班级", "使用班级"}),
                                 ref("staff_id", "任课教师", "teacher", "staff", false, {"教师", "上课教师", "使用人", "指导教师", "工号", "教师工号"}),
                                 text("content", "教学内容", "content", 100, false, {"实验名称", "实验项目", "课题", "内容", "使用内容"}),
                             },
                             {{"room_id", "use_date", "period"}}, {{"use_date", "room_id", "deleted"}}, &validate::kRoomUsageRules),
                       {"room_id", "use_date", "period", "class_id", "staff_id", "content"}));
    // 盘点: a room's (or, with none, the whole school's) check of what is there, one line per asset.
    v.push_back(labelled(module(table("stocktakes", "盘点", "stocktakes", Scope::School,
                                      {
                                          ref("room_id", "功能室", "room", "rooms", false),
                                          typed("take_date", "盘点日期", "date", T::Date, true, {"日期"}),
                                          text("taker", "盘点人", "taken by", 30),
                                          withDefault(coded("state", "盘点状态", "state", "stocktake_state", true), "1"),
                                          text("note", "备注", "note", 200),
                                      },
                                      {{"room_id", "take_date"}}, {}, nullptr),
                                {"take_date", "room_id", "taker", "state"}),
                         {"take_date"}, {{"take_date"}}));
    v.push_back(module(table("stocktake_items", "盘点明细", "stocktake items", Scope::School,
                             {
                                 ref("stocktake_id", "盘点", "stocktake", "stocktakes", true),
                                 ref("asset_id", "资产", "asset", "assets", true, {"资产编号"}),
                                 coded("result", "盘点结果", "result", "stocktake_result", true, {"结果", "状态"}),
                                 text("note", "备注", "note", 200, false, {"说明"}),
                             },
                             {{"stocktake_id", "asset_id"}}, {{"asset_id"}}, nullptr),
                       {"stocktake_id", "asset_id", "result", "note"}));
    return v;
}

} // namespace emis::schema
