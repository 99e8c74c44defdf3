#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

// What the 装备 reports count against: each asset category's service life (最低使用年限), which
// categories are computers, servers and classroom multimedia sets (班班通), which states an asset
// is held in, and the norms (武进: 师机比 1:1; 生机比 10:1 小学, 8:1 初中, 6:1 高中; every classroom
// multimedia; at least 2 servers). The code table asset_category is built from kCategories, so
// a category and its service life are said once; the county reports, the demo county's truth
// and their tests all read from here.
namespace emis::schema::equipment_figures {

enum class Counts { Nothing, Computer, Server, Multimedia };

struct Category {
    const char *code;
    const char *zh;
    const char *en;
    int lifeYears;   // 最低使用年限: due for replacement this many years after purchase
    Counts counts;   // what the ratios count it as
    std::vector<std::string> aliases;
};

// Computers, servers, printers and projectors serve at least 6 years (武进's floor, and the
// 行政事业单位通用办公设备 standard's); the others take the standard's longer lives.
inline const std::vector<Category> &categories()
{
    static const std::vector<Category> all = {
        {"01", "台式计算机", "desktop computer", 6, Counts::Computer, {"台式机", "台式电脑", "电脑", "计算机", "微机", "PC"}},
        {"02", "便携式计算机", "laptop", 6, Counts::Computer, {"笔记本电脑", "笔记本", "笔记本计算机", "手提电脑"}},
        {"03", "平板电脑", "tablet", 6, Counts::Computer, {"平板", "学生平板", "pad"}},
        {"04", "服务器", "server", 6, Counts::Server, {"服务器主机", "机架式服务器", "塔式服务器"}},
        {"05", "打印机", "printer", 6, Counts::Nothing, {"激光打印机", "喷墨打印机", "针式打印机"}},
        {"06", "复印机", "copier", 6, Counts::Nothing, {"速印机", "一体化速印机", "复印一体机", "多功能一体机"}},
        {"07", "投影仪", "projector", 6, Counts::Nothing, {"投影机", "短焦投影"}},
        {"08", "交互式多媒体教学设备", "classroom multimedia set", 8, Counts::Multimedia,
         {"班班通", "交互式电子白板", "电子白板", "触控一体机", "教学一体机", "多媒体一体机", "智慧黑板", "交互式触摸屏"}},
        {"09", "网络设备", "network equipment", 6, Counts::Nothing, {"交换机", "路由器", "防火墙", "无线AP", "AP"}},
        {"10", "摄录设备", "cameras", 6, Counts::Nothing, {"照相机", "数码相机", "摄像机", "录播设备"}},
        {"11", "音响设备", "audio equipment", 8, Counts::Nothing, {"音响", "功放", "广播设备"}},
        {"12", "空调", "air conditioner", 8, Counts::Nothing, {"空调机", "柜式空调", "挂式空调"}},
        {"13", "实验仪器", "laboratory instruments", 10, Counts::Nothing, {"实验器材", "教学仪器", "仪器"}},
        {"14", "音体美器材", "music, sports and art equipment", 8, Counts::Nothing,
         {"体育器材", "音乐器材", "美术器材", "乐器"}},
        {"15", "课桌椅", "desks and chairs", 15, Counts::Nothing, {"学生课桌椅", "课桌", "桌椅"}},
        {"16", "办公家具", "office furniture", 15, Counts::Nothing, {"家具", "办公桌", "文件柜", "书柜"}},
        {"99", "其他设备", "other equipment", 10, Counts::Nothing, {"其他", "其它"}},
    };
    return all;
}

inline const Category *category(std::string_view code)
{
    for (const auto &c : categories())
        if (c.code == code)
            return &c;
    return nullptr;
}

// asset_state: 1 在用, 2 闲置, 3 维修, 4 待报废, 5 已报废. An asset is held (counted in the ratios
// and the replacement plan) in 在用, 闲置 and 维修; one 待报废 or 已报废 is on its way out.
inline constexpr std::array<const char *, 3> kHeldStates = {"1", "2", "3"};
inline constexpr std::string_view kWrittenOff = "5";
inline constexpr std::string_view kAwaitingWriteOff = "4";
inline bool held(std::string_view state)
{
    for (const char *s : kHeldStates)
        if (state == s)
            return true;
    return false;
}

// asset_use: computers for teachers (1 教师用) count toward 师机比, for pupils (2 学生用) toward 生机比.
inline constexpr std::string_view kTeacherUse = "1";
inline constexpr std::string_view kPupilUse = "2";

// The norms, by stage (0 小学, 1 初中, 2 高中, as report/ReportParts.h's stages).
inline constexpr std::array<double, 3> kPupilsPerComputerNorm = {10, 8, 6};
inline constexpr double kTeacherComputersPerTeacher = 1;
inline constexpr int kServersPerSchool = 2;  // but a 小学教学点 (school_type 218) needs none of its own
inline constexpr std::string_view kNoServerNormType = "218";

// Rooms whose use is logged: 计算机教室 and the 实验室 (room_kind 01–05).
inline constexpr std::array<const char *, 5> kLabKinds = {"01", "02", "03", "04", "05"};

// The day an asset bought on `purchase` (YYYY-MM-DD) reaches its service life: the same day
// `lifeYears` later (29 February to 28 February); empty when the date is not one.
inline std::string dueDate(std::string_view purchase, int lifeYears)
{
    if (purchase.size() != 10)
        return {};
    std::string out = std::to_string(std::stoi(std::string(purchase.substr(0, 4))) + lifeYears) + std::string(purchase.substr(4));
    if (out.substr(5) == "02-29")
        out.replace(8, 2, "28");
    return out;
}

} // namespace emis::schema::equipment_figures
