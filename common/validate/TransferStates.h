#pragma once

#include <string_view>

namespace emis::validate::transfer {

// A transfer request's states (code table transfer_state), and who moves it between them: the
// one rule both the school's program and the server apply.
inline constexpr std::string_view WaitingForSender = "1";  // 待转出校确认
inline constexpr std::string_view WaitingForBureau = "2";  // 待教育局审批
inline constexpr std::string_view RefusedBySender = "3";   // 转出校不同意
inline constexpr std::string_view Withdrawn = "4";         // 已撤回
inline constexpr std::string_view Completed = "5";         // 已完成
inline constexpr std::string_view RefusedByBureau = "6";   // 教育局不同意

enum class Party {
    Receiving,  // the school that asked for the pupil (it owns the request)
    Sending,    // the pupil's school
    Bureau,     // the county bureau, deciding
};

// Whether `party` may move a request from `from` to `to`: the receiving school files it (from
// nothing, "") and may withdraw it until the bureau decides; the sending school answers once,
// while the request waits for it; the bureau decides what both schools agreed to.
bool mayMove(Party party, std::string_view from, std::string_view to);
// The move needs a note from the party making it (a refusal says why).
bool needsNote(Party party, std::string_view to);

} // namespace emis::validate::transfer
