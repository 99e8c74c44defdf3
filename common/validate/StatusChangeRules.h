#pragma once

#include "validate/Reason.h"
#include "validate/RecordValidator.h"

#include <string_view>
#include <variant>

namespace emis::validate {

// 学籍异动: the change_kind codes the rules below name.
namespace kind {
inline constexpr std::string_view TransferIn = "01";
inline constexpr std::string_view TransferOut = "02";
inline constexpr std::string_view Suspension = "03";   // 休学
inline constexpr std::string_view Resumption = "04";   // 复学
inline constexpr std::string_view Withdrawal = "05";   // 退学
inline constexpr std::string_view Repeat = "06";       // 留级
inline constexpr std::string_view Skip = "07";         // 跳级
inline constexpr std::string_view ClassChange = "08";  // 校内转班
inline constexpr std::string_view Graduation = "09";   // 毕业
inline constexpr std::string_view Restore = "14";      // 恢复学籍
inline constexpr std::string_view Promotion = "15";    // 升级
}  // namespace kind

// approval_state codes.
namespace approval {
inline constexpr std::string_view None = "0";
inline constexpr std::string_view Pending = "1";
inline constexpr std::string_view Approved = "2";
inline constexpr std::string_view Refused = "3";
inline constexpr std::string_view Withdrawn = "4";
}  // namespace approval

// The kinds national practice sends to the bureau for review (休学, 复学, 退学, 留级, 跳级): the
// pupil's record changes only when the bureau approves.
bool needsApproval(std::string_view kindCode);
// 转入/转出 come from the transfer flow and 升级 from the whole school's promotion, never one by one.
bool recordedByHand(std::string_view kindCode);

// What a status change does to the pupil's record when it takes effect (at once, or when the
// bureau approves): the pupil fields to set, or why it cannot apply to the pupil as they are now
// (the status does not allow it, or the new grade or class is missing or wrong). `change` holds
// the status_changes fields (kind, to_grade, to_class); `pupil` the students row. Written once,
// used by the school's client and by the server when it applies an approval.
std::variant<Record, Issue> statusChangeEffect(const Record &pupil, const Record &change);

}  // namespace emis::validate
