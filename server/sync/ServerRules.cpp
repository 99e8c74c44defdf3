#include "sync/ServerRules.h"

#include "sync/TransferRules.h"

#include <map>

namespace emis::server {
namespace {

const std::map<std::string, ServerRules, std::less<>> &registry()
{
    static const std::map<std::string, ServerRules, std::less<>> rules = {
        {"transfers", ServerRules{&checkTransferChange, false}},
        {"staff_transfers", ServerRules{&checkTransferChange, false}},
        {"students", ServerRules{nullptr, true}},
    };
    return rules;
}

} // namespace

const ServerRules *serverRules(const schema::Table &table)
{
    const auto &all = registry();
    auto it = all.find(table.name);
    return it == all.end() ? nullptr : &it->second;
}

std::vector<std::string> tablesWithServerRules()
{
    std::vector<std::string> out;
    for (const auto &[name, rules] : registry())
        out.push_back(name);
    return out;
}

} // namespace emis::server
