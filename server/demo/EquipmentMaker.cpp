#include "EquipmentMaker.h"

#include "DemoDate.h"
#include "DemoRandom.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace emis::demo {
namespace {

constexpr std::uint64_t kEquipmentStream = 0x65717570;  // "equp": apart from the other streams

// The spring term whose room use the demo logs (2025-2026学年第二学期), weekdays only.
constexpr int kUseFirstDay[3] = {kSchoolYear, 3, 2};
constexpr int kUseWeeks = 17;

// A price as clerks' sheets write it, in one of their usual forms.
std::string priceText(double price, DemoRandom &rng)
{
    char buf[64];
    const long whole = static_cast<long>(price);
    switch (rng.below(4)) {
    case 0:
        std::snprintf(buf, sizeof buf, "%ld", whole);
        break;
    case 1:
        std::snprintf(buf, sizeof buf, "%ld.00", whole);
        break;
    case 2:
        if (whole >= 1000)
            std::snprintf(buf, sizeof buf, "\xC2\xA5%ld,%03ld.00", whole / 1000, whole % 1000);
        else
            std::snprintf(buf, sizeof buf, "\xC2\xA5%ld.00", whole);
        break;
    default:
        std::snprintf(buf, sizeof buf, "%ld元", whole);
        break;
    }
    return buf;
}

// A date as sheets write it: 2019-09-01, 2019/9/1, 2019年9月1日 or 2019.09.01.
std::string sheetDate(int dayNo, DemoRandom &rng)
{
    const CivilDate d = civilDate(dayNo);
    char buf[40];
    switch (rng.below(4)) {
    case 0:
        return dateText(dayNo);
    case 1:
        std::snprintf(buf, sizeof buf, "%d/%d/%d", d.year, d.month, d.day);
        break;
    case 2:
        std::snprintf(buf, sizeof buf, "%d年%d月%d日", d.year, d.month, d.day);
        break;
    default:
        std::snprintf(buf, sizeof buf, "%d.%02d.%02d", d.year, d.month, d.day);
        break;
    }
    return buf;
}

struct Maker {
    DemoCounty &county;
    std::size_t school;
    DemoRandom &rng;
    int serial = 0;

    // A batch bought on one day, as `count` lines of one item each (or one line of `count`).
    void batch(const char *category, const char *name, const char *brand, const char *model, int count, double lo,
               double hi, int year, const char *use, std::ptrdiff_t room, bool oneLine = false, const char *unit = "台")
    {
        const int day = dayNumber(year, 1, 1) + static_cast<int>(rng.below(330));
        const double price = std::round(rng.between(lo, hi) / 10) * 10;
        const std::string funding = choose({{"1", 50}, {"2", 35}, {"3", 10}, {"4", 5}}, rng);
        for (int k = 0; k < (oneLine ? 1 : count); ++k) {
            DemoAsset a;
            a.school = school;
            a.assetNo = county.schools[school].code.substr(6) + "-" + std::to_string(++serial);
            a.category = category;
            a.name = name;
            a.brand = brand;
            a.model = model;
            a.quantity = oneLine ? count : 1;
            a.unit = unit;
            a.price = price;
            a.priceText = priceText(price, rng);
            a.purchaseDate = dateText(day);
            a.dateText = sheetDate(day, rng);
            a.funding = funding;
            a.use = use;
            a.room = room;
            a.state = choose({{"1", 90}, {"2", 4}, {"3", 3}, {"4", 3}}, rng);
            county.assets.push_back(std::move(a));
        }
    }

    std::ptrdiff_t room(const std::string &name, const char *kind, int seats, const std::string &location)
    {
        county.rooms.push_back({school, name, kind, location, seats});
        return static_cast<std::ptrdiff_t>(county.rooms.size() - 1);
    }
};

int purchaseYear(DemoRandom &rng) { return rng.range(2012, kSchoolYear); }

void equipSchool(DemoCounty &county, std::size_t i, std::size_t staffFirst, std::size_t staffLast, int classes,
                 DemoRandom &rng)
{
    const DemoSchool &school = county.schools[i];
    Maker m{county, i, rng};
    const bool point = school.kind == SchoolKind::TeachingPoint;
    const bool village = school.kind == SchoolKind::VillagePrimary;
    const bool secondary = school.lastGrade >= 7;
    std::vector<std::ptrdiff_t> useRooms;
    // Rooms: a computer room (two in a big secondary school), the labs of its stages, a library.
    if (!point && (!village || rng.chance(0.6))) {
        const int rooms = secondary && classes >= 18 ? 2 : 1;
        for (int k = 1; k <= rooms; ++k) {
            const int seats = village ? rng.range(20, 30) : rng.range(40, 56);
            const auto r = m.room("计算机教室" + std::to_string(k), "01", seats, "实验楼" + std::to_string(k) + "楼");
            useRooms.push_back(r);
            // The room's computers: one batch, some rooms renewed since.
            m.batch("01", "学生计算机", choose({{"联想", 50}, {"同方", 25}, {"长城", 25}}, rng).c_str(), "启天M4500", seats,
                    3200, 4600, purchaseYear(rng), "2", r);
            m.batch("01", "教师机", "联想", "启天M4500", 1, 4200, 5200, purchaseYear(rng), "3", r);
        }
    }
    if (secondary) {
        for (const auto &[name, kind] : {std::pair{"物理实验室", "02"}, {"化学实验室", "03"}, {"生物实验室", "04"}}) {
            const auto r = m.room(name, kind, rng.range(40, 54), "实验楼");
            useRooms.push_back(r);
            m.batch("13", (std::string(name).substr(0, 6) + "实验仪器").c_str(), "", "", rng.range(20, 60), 80, 600,
                    purchaseYear(rng), "3", r, true, "套");
        }
    } else if (!point) {
        const auto r = m.room("科学实验室", "05", rng.range(30, 48), "教学楼");
        useRooms.push_back(r);
        m.batch("13", "小学科学实验仪器", "", "", rng.range(15, 40), 60, 400, purchaseYear(rng), "3", r, true, "套");
    }
    if (!point)
        m.room("图书室", "08", rng.range(20, 60), "综合楼");
    if (classes >= 24)
        m.room("录播教室", "07", 60, "综合楼");

    // Teachers' computers, each kept by its teacher; most schools have one for nearly everyone.
    const double share = point ? 0.5 : village ? 0.75 : rng.between(0.85, 1.25);
    for (std::size_t s = staffFirst; s < staffLast; ++s) {
        if (county.staff[s].postCategory != "1" || !rng.chance(std::min(share, 1.0)))
            continue;
        m.batch(rng.chance(0.3) ? "02" : "01", rng.chance(0.3) ? "笔记本电脑" : "办公计算机", "联想", "扬天M590", 1, 3600,
                5600, purchaseYear(rng), "1", -1);
        county.assets.back().keeper = static_cast<std::ptrdiff_t>(s);
    }
    // 班班通: nearly every class, bought in two or three rounds.
    int sets = point ? classes : std::max(0, classes - static_cast<int>(rng.below(static_cast<std::uint64_t>(classes / 6 + 2))));
    for (int round = 0; sets > 0; ++round) {
        const int n = round == 2 ? sets : std::min(sets, rng.range(1, sets));
        m.batch("08", "交互式多媒体教学一体机", choose({{"希沃", 50}, {"鸿合", 30}, {"海信", 20}}, rng).c_str(), "86英寸", n,
                9800, 16000, purchaseYear(rng), "3", -1);
        sets -= n;
    }
    // Servers (a teaching point has none), printers, projectors, air conditioners, desks.
    const int servers = point ? 0 : village ? static_cast<int>(rng.below(2)) : rng.range(1, 3);
    if (servers)
        m.batch("04", "服务器", "浪潮", "NF5280M6", servers, 18000, 32000, purchaseYear(rng), "4", -1);
    m.batch("05", "激光打印机", "惠普", "M403d", point ? 1 : rng.range(2, 6), 1500, 2600, purchaseYear(rng), "4", -1, true);
    if (!point)
        m.batch("07", "投影仪", "爱普生", "CB-X06", rng.range(1, 4), 3000, 4500, purchaseYear(rng), "3", -1, true);
    m.batch("12", "空调", "格力", "KFR-72LW", point ? 1 : rng.range(2, 10), 4200, 6800, purchaseYear(rng), "4", -1, true);
    m.batch("15", "学生课桌椅", "", "单人升降式", std::max(10, classes * 45), 220, 320, purchaseYear(rng), "2", -1, true, "套");

    // The register's moves: each teacher's computer issued to them (领用), each one under repair
    // sent (送修); both leave the asset as the register has it.
    const std::size_t assetsFirst = [&] {
        std::size_t k = county.assets.size();
        while (k > 0 && county.assets[k - 1].school == i)
            --k;
        return k;
    }();
    for (std::size_t a = assetsFirst; a < county.assets.size(); ++a)
        if (county.assets[a].keeper >= 0 && county.assets[a].state == "1")
            county.assetMoves.push_back({a, "02", county.assets[a].purchaseDate, "教师办公用机", county.assets[a].keeper});
    for (std::size_t a = assetsFirst; a < county.assets.size(); ++a)
        if (county.assets[a].state == "3")
            county.assetMoves.push_back({a, "04", dateText(dayNumber(kSchoolYear, 8, 20)), "无法开机", -1});

    // Room use in the spring term: each room a few periods a week, by its stage's teachers.
    std::vector<std::ptrdiff_t> teachers;
    for (std::size_t s = staffFirst; s < staffLast; ++s)
        if (county.staff[s].postCategory == "1")
            teachers.push_back(static_cast<std::ptrdiff_t>(s));
    static const char *const kContent[] = {"信息技术：文字处理", "信息技术：编程入门", "测量物体的密度", "氧气的制取",
                                           "观察植物细胞", "电路的连接", "酸碱中和反应", "光的折射"};
    const int first = dayNumber(kUseFirstDay[0], kUseFirstDay[1], kUseFirstDay[2]);  // a Monday
    for (const auto r : useRooms) {
        const int perWeek = rng.range(1, 12);
        for (int week = 0; week < kUseWeeks && !teachers.empty(); ++week) {
            std::set<std::pair<int, int>> taken;
            for (int k = 0; k < perWeek; ++k) {
                const int day = first + week * 7 + static_cast<int>(rng.below(5));
                const int period = rng.range(1, 8);
                if (!taken.insert({day, period}).second)
                    continue;
                county.roomUse.push_back({static_cast<std::size_t>(r), dateText(day), kContent[rng.below(std::size(kContent))],
                                          period, teachers[static_cast<std::size_t>(rng.below(teachers.size()))]});
            }
        }
    }
}

} // namespace

void addEquipment(DemoCounty &county)
{
    std::size_t staffAt = 0, classAt = 0;
    for (std::size_t i = 0; i < county.schools.size(); ++i) {
        DemoRandom rng(DemoRandom::derive(county.seed ^ kEquipmentStream, i));
        const std::size_t staffFirst = staffAt;
        while (staffAt < county.staff.size() && county.staff[staffAt].school == i)
            ++staffAt;
        int classes = 0;
        for (; classAt < county.classes.size() && county.classes[classAt].school == i; ++classAt)
            classes += county.classes[classAt].size > 0 ? 1 : 0;
        equipSchool(county, i, staffFirst, staffAt, classes, rng);
    }
}

} // namespace emis::demo
