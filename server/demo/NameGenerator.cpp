#include "NameGenerator.h"

#include <cstdio>
#include <string_view>
#include <vector>

namespace emis::demo {
namespace {

// Surnames with rough weights for Jiangxi (刘, 陈, 李, 黄, 王, 张, 胡, 吴 lead there).
struct Weighted {
    std::string_view text;
    double weight;
};

const std::vector<Weighted> &surnames()
{
    static const std::vector<Weighted> all = {
        {"刘", 6.5}, {"陈", 6.0}, {"李", 5.5}, {"黄", 4.5}, {"王", 4.5}, {"张", 4.0}, {"胡", 3.2}, {"吴", 3.0},
        {"徐", 2.8}, {"罗", 2.6}, {"周", 2.5}, {"曹", 1.8}, {"朱", 1.8}, {"杨", 1.8}, {"彭", 1.6}, {"万", 1.5},
        {"余", 1.5}, {"熊", 1.4}, {"邓", 1.4}, {"肖", 1.3}, {"郭", 1.2}, {"钟", 1.2}, {"何", 1.2}, {"曾", 1.2},
        {"付", 1.1}, {"江", 1.1}, {"汪", 1.1}, {"程", 1.0}, {"邹", 1.0}, {"舒", 0.9}, {"沈", 0.9}, {"殷", 0.8},
        {"詹", 0.8}, {"石", 0.8}, {"孙", 0.8}, {"马", 0.7}, {"高", 0.7}, {"林", 0.7}, {"谢", 0.7}, {"叶", 0.7},
        {"袁", 0.6}, {"涂", 0.6}, {"聂", 0.6}, {"蔡", 0.6}, {"潘", 0.6}, {"赵", 0.6}, {"杜", 0.5}, {"冯", 0.5},
        {"甘", 0.5}, {"龚", 0.5}, {"魏", 0.5}, {"易", 0.5}, {"严", 0.4}, {"欧阳", 0.3}, {"姚", 0.4}, {"雷", 0.4},
        {"夏", 0.4}, {"方", 0.4}, {"邱", 0.4}, {"段", 0.3}, {"柯", 0.3}, {"桂", 0.3}, {"查", 0.3}, {"虞", 0.2},
    };
    return all;
}

const std::vector<std::string_view> kBoyChars = {
    "子", "浩", "宇", "轩", "睿", "博", "俊", "杰", "涛", "明", "辰", "泽", "晨", "阳", "鹏", "鑫", "文", "豪",
    "昊", "然", "铭", "航", "翔", "凯", "峰", "磊", "强", "伟", "军", "斌", "志", "建", "华", "勇", "毅", "诚",
    "宏", "锦", "瑞", "祥", "梓", "煜", "皓", "逸", "洋", "天", "一", "嘉", "成", "林",
};
const std::vector<std::string_view> kGirlChars = {
    "欣", "怡", "雨", "涵", "梓", "萱", "佳", "琪", "思", "彤", "诗", "语", "可", "馨", "婷", "雪", "慧", "敏",
    "丽", "芳", "静", "霞", "燕", "玲", "娟", "红", "艳", "颖", "悦", "晨", "瑶", "妍", "冰", "倩", "雅", "琳",
    "梦", "月", "心", "露", "晴", "紫", "若", "安", "蕊", "菲", "宁", "一", "子", "乐",
};
// Older generations' names (guardians, senior staff) lean on a different stock.
const std::vector<std::string_view> kOldMale = {
    "国", "建", "军", "华", "平", "明", "春", "德", "永", "志", "红", "文", "海", "金", "林", "发", "和", "兵",
    "勇", "强", "新", "庆", "福", "生", "荣", "光", "水", "根", "松", "青",
};
const std::vector<std::string_view> kOldFemale = {
    "秀", "英", "兰", "芳", "华", "玉", "凤", "珍", "梅", "丽", "红", "霞", "萍", "燕", "琴", "桂", "春", "莲",
    "娟", "敏", "艳", "翠", "金", "云", "琼", "平", "芬", "菊", "爱", "香",
};

const std::vector<std::string_view> kVillageFirst = {
    "金", "石", "桃", "柳", "杨", "李", "张", "王", "陈", "刘", "周", "黄", "龙", "凤", "马", "白", "青", "红",
    "大", "小", "新", "上", "下", "东", "西", "南", "北", "高", "长", "双", "三", "五", "沙", "泉", "莲", "桂",
};
const std::vector<std::string_view> kVillageSecond = {
    "山", "塘", "桥", "岭", "湾", "港", "坪", "垅", "畈", "洲", "岗", "田", "圩", "嘴", "铺", "庄", "冲", "源",
    "家", "湖", "林", "峰", "溪", "咀", "垄", "坂",
};

const std::vector<std::string_view> kMobilePrefixes = {
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "157",
    "158", "159", "170", "173", "177", "180", "181", "182", "183", "187", "188", "189", "191", "193", "198", "199",
};

std::string pickChar(const std::vector<std::string_view> &from, DemoRandom &rng)
{
    return std::string(from[static_cast<std::size_t>(rng.below(from.size()))]);
}

} // namespace

std::string NameGenerator::surname(DemoRandom &rng) const
{
    static const std::vector<double> weights = [] {
        std::vector<double> w;
        for (const auto &s : surnames())
            w.push_back(s.weight);
        return w;
    }();
    return std::string(surnames()[rng.weighted(weights)].text);
}

std::string NameGenerator::givenName(bool male, bool young, DemoRandom &rng) const
{
    const auto &chars = young ? (male ? kBoyChars : kGirlChars) : (male ? kOldMale : kOldFemale);
    const double twoChars = young ? 0.82 : 0.6;
    std::string name = pickChar(chars, rng);
    if (rng.chance(twoChars)) {
        std::string second = pickChar(chars, rng);
        if (second == name)  // 婷婷 happens, but rarely
            second = rng.chance(0.2) ? second : pickChar(chars, rng);
        name += second;
    }
    return name;
}

std::string NameGenerator::personName(bool male, bool young, DemoRandom &rng) const
{
    return surname(rng) + givenName(male, young, rng);
}

std::string NameGenerator::villageName(DemoRandom &rng) const
{
    return pickChar(kVillageFirst, rng) + pickChar(kVillageSecond, rng);
}

std::string NameGenerator::mobileNumber(DemoRandom &rng) const
{
    char digits[24];
    std::snprintf(digits, sizeof digits, "%08llu", static_cast<unsigned long long>(rng.below(100000000ULL)));
    return pickChar(kMobilePrefixes, rng) + digits;
}

} // namespace emis::demo
