#include "Places.h"

namespace emis::demo {

std::vector<std::string> townshipNames(int count)
{
    static const std::vector<std::string_view> all = {
        "双钟镇", "均桥镇", "武山镇", "城山镇", "流泗镇", "马影镇", "文桥乡", "付垅乡", "流芳乡", "舜德乡",
        "张青乡", "大垅乡", "石门镇", "梅溪镇", "凤岭乡", "桃源乡", "金湖镇", "柳塘乡", "洪港镇", "南垅乡",
        "青山镇", "白沙乡", "龙泉镇", "新港镇", "沙湾乡", "上林乡", "高桥镇", "长岭乡", "东溪乡", "西湖镇",
        "太平乡", "永和镇", "莲花乡", "三里镇", "黄泥乡", "泉塘镇", "杨柳乡", "枫林镇", "红光乡", "安乐镇",
    };
    std::vector<std::string> out;
    for (int i = 0; i < count && i < static_cast<int>(all.size()); ++i)
        out.emplace_back(all[static_cast<std::size_t>(i)]);
    return out;
}

const std::vector<std::string_view> &seatStreets()
{
    static const std::vector<std::string_view> all = {
        "石钟路", "湖滨路", "文化路", "东湖路", "人民路", "三里街", "凰村路", "彭湖路", "建设路", "解放路",
        "新村路", "沿江路",
    };
    return all;
}

const std::vector<Area> &outsideAreas()
{
    static const std::vector<Area> all = {
        {"360430", "江西省九江市彭泽县"}, {"360428", "江西省九江市都昌县"}, {"360481", "江西省瑞昌市"},
        {"360402", "江西省九江市濂溪区"}, {"360403", "江西省九江市浔阳区"}, {"360425", "江西省九江市永修县"},
        {"360483", "江西省庐山市"}, {"421127", "湖北省黄冈市黄梅县"}, {"340828", "安徽省安庆市岳西县"},
        {"340827", "安徽省安庆市望江县"}, {"340826", "安徽省安庆市宿松县"}, {"361128", "江西省上饶市鄱阳县"},
    };
    return all;
}

} // namespace emis::demo
