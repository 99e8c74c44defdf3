#include "SchoolPlanner.h"

#include "Places.h"

#include "sync/Uuid.h"

#include <algorithm>
#include <map>
#include <set>

namespace emis::demo {
namespace {

struct KindInfo {
    SchoolKind kind;
    const char *typeCode;
    int firstGrade;
    int lastGrade;
};

constexpr KindInfo kKinds[] = {
    {SchoolKind::CompleteSecondary, "341", 7, 12}, {SchoolKind::NineYear, "312", 1, 9},
    {SchoolKind::Junior, "311", 7, 9},             {SchoolKind::CentralPrimary, "211", 1, 6},
    {SchoolKind::VillagePrimary, "211", 1, 6},     {SchoolKind::TeachingPoint, "218", 1, 3},
};

int countOf(const DemoOptions &o, SchoolKind kind)
{
    switch (kind) {
    case SchoolKind::CompleteSecondary: return o.completeSecondary;
    case SchoolKind::NineYear: return o.nineYear;
    case SchoolKind::Junior: return o.junior;
    case SchoolKind::CentralPrimary: return o.centralPrimary;
    case SchoolKind::VillagePrimary: return o.villagePrimary;
    case SchoolKind::TeachingPoint: return o.teachingPoints;
    }
    return 0;
}

class Planner {
public:
    Planner(const DemoOptions &o, DemoRandom &rng, const NameGenerator &names) : o_(o), rng_(rng), names_(names) {}

    SchoolPlan run()
    {
        plan_.townships = townshipNames(o_.townships);
        const int t = static_cast<int>(plan_.townships.size());
        plan_.villages.resize(static_cast<std::size_t>(t));
        for (auto &list : plan_.villages) {
            // Enough villages for the schools, the pupils' homes and some to spare.
            const int wanted = 8 + (o_.villagePrimary + o_.teachingPoints) / t * 2;
            std::set<std::string> seen;
            for (int tries = 0; static_cast<int>(list.size()) < wanted && tries < wanted * 20; ++tries)
                if (auto v = names_.villageName(rng_); seen.insert(v).second)
                    list.push_back(v);
        }
        for (const KindInfo &k : kKinds)
            for (int i = 0; i < countOf(o_, k.kind); ++i)
                add(k, i, townshipFor(k.kind, i, t));
        assignCodes();
        return std::move(plan_);
    }

private:
    int townshipFor(SchoolKind kind, int i, int t)
    {
        const auto rural = [&] { return t > 1 ? 1 + static_cast<int>(rng_.below(static_cast<std::uint64_t>(t - 1))) : 0; };
        switch (kind) {
        case SchoolKind::CompleteSecondary: return i < 2 ? 0 : i % t;  // the senior schools sit in the county seat
        case SchoolKind::Junior: return (i + 1) % t;                   // one per rural township first
        case SchoolKind::CentralPrimary: return i % t;                 // each township's 中心小学, then more in town
        case SchoolKind::NineYear:
        case SchoolKind::VillagePrimary:
        case SchoolKind::TeachingPoint: return rural();
        }
        return 0;
    }

    // A name no other school has: 湖口县流泗镇中学, then 湖口县流泗镇第二中学, ...
    std::string unique(const std::string &prefix, const std::string &first, const std::string &nth)
    {
        std::string name = prefix + first;
        for (int n = 2; usedNames_.count(name); ++n)
            name = prefix + "第" + chineseNumber(n) + nth;
        usedNames_.insert(name);
        return name;
    }

    std::string freeVillage(int township)
    {
        auto &used = villagesUsed_[township];
        auto &list = plan_.villages[static_cast<std::size_t>(township)];
        for (int tries = 0; tries < 20; ++tries) {
            const std::string &v = list[static_cast<std::size_t>(rng_.below(list.size()))];
            if (used.insert(v).second)
                return v;
        }
        for (const std::string &v : list)  // a crowded township: take any village left
            if (used.insert(v).second)
                return v;
        for (int tries = 0; tries < 1000; ++tries)  // every village has its school: found a new one
            if (auto v = names_.villageName(rng_); std::find(list.begin(), list.end(), v) == list.end()) {
                list.push_back(v);
                used.insert(v);
                return v;
            }
        return "新";  // 900 names in one township; the school name is still made unique below
    }

    void add(const KindInfo &k, int i, int township)
    {
        DemoSchool s;
        s.id = sync::newUuidV7();
        s.kind = k.kind;
        s.typeCode = k.typeCode;
        s.firstGrade = k.firstGrade;
        s.lastGrade = k.lastGrade;
        s.township = plan_.townships[static_cast<std::size_t>(township)];
        const std::string county(kCountyName);
        const std::string town = county + s.township;
        switch (k.kind) {
        case SchoolKind::CompleteSecondary: s.name = unique(county + "第" + chineseNumber(i + 1), "中学", "中学"); break;
        case SchoolKind::NineYear: s.name = unique(town, "学校", "学校"); break;
        case SchoolKind::Junior: s.name = unique(town, "中学", "中学"); break;
        case SchoolKind::CentralPrimary: s.name = unique(town, "中心小学", "小学"); break;
        case SchoolKind::VillagePrimary: s.name = unique(town + freeVillage(township), "村小学", "小学"); break;
        case SchoolKind::TeachingPoint: {
            s.name = unique(town + freeVillage(township), "教学点", "教学点");
            // Most teaching points keep only the first years; the older pupils go to the 完小.
            const double r = rng_.unit();
            s.lastGrade = r < 0.6 ? 3 : r < 0.8 ? 4 : 6;
            break;
        }
        }
        plan_.schools.push_back(std::move(s));
        plan_.townshipOf.push_back(township);
    }

    // 学校标识码: 36042 and five digits, rising in plan order with small random gaps, as codes
    // handed out over the years look.
    void assignCodes()
    {
        const long long n = static_cast<long long>(plan_.schools.size());
        const long long maxStep = std::max(1LL, std::min(9LL, 99000 / std::max(1LL, n)));
        long long next = 3604200000LL + 10 + static_cast<long long>(rng_.below(50));
        for (auto &s : plan_.schools) {
            s.code = std::to_string(next);
            next += 1 + static_cast<long long>(rng_.below(static_cast<std::uint64_t>(maxStep)));
        }
    }

    const DemoOptions &o_;
    DemoRandom &rng_;
    const NameGenerator &names_;
    SchoolPlan plan_;
    std::set<std::string> usedNames_;
    std::map<int, std::set<std::string>> villagesUsed_;
};

} // namespace

std::string chineseNumber(int n)
{
    static const char *const digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n < 10)
        return digits[n];
    const int tens = n / 10, ones = n % 10;
    std::string out = tens == 1 ? std::string() : std::string(digits[tens]);
    out += "十";
    if (ones)
        out += digits[ones];
    return out;
}

SchoolPlan planSchools(const DemoOptions &options, DemoRandom &rng, const NameGenerator &names)
{
    return Planner(options, rng, names).run();
}

} // namespace emis::demo
