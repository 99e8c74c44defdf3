#pragma once

#include "validate/TableRules.h"

#include <string_view>

namespace emis::validate {

// asset_move_kind codes the rules and the bureau's decision name.
namespace move_kind {
inline constexpr std::string_view Receive = "01";     // 入库
inline constexpr std::string_view Lend = "02";        // 领用
inline constexpr std::string_view Return = "03";      // 归还
inline constexpr std::string_view Repair = "04";      // 送修
inline constexpr std::string_view Repaired = "05";    // 修复
inline constexpr std::string_view Transfer = "06";    // 调拨 to another school
inline constexpr std::string_view TransferIn = "07";  // 调入, the server's
inline constexpr std::string_view WriteOff = "08";    // 报废
}  // namespace move_kind

// 调拨 and 报废 wait for the bureau's 电教站 or 计财股.
bool moveNeedsApproval(std::string_view kindCode);

}  // namespace emis::validate
