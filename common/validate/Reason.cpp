#include "validate/Reason.h"

#include "text/TextUtil.h"

#include "schema/Schema.h"

#include <array>
#include <string>

namespace emis {
namespace {

struct Sentence {
    Reason reason;
    std::string_view code;
    std::string_view zh;  // {label} the field's Chinese label, {arg} the argument
    std::string_view en;  // {label} the field's English label, {arg} the argument
};

// clang-format off
constexpr std::array kSentences = {
    Sentence{Reason::Required, "required", "{label}为空", "{label} missing"},
    Sentence{Reason::TooLong, "too_long", "{label}超过{arg}个字", "{label} longer than {arg} characters"},
    Sentence{Reason::InvalidDate, "invalid_date", "{label}无效", "invalid {label}"},
    Sentence{Reason::NotRecognised, "not_recognised", "{label}无法识别", "{label} not recognised"},
    Sentence{Reason::NotYesNo, "not_yes_no", "{label}应填“是”或“否”", "{label} must be yes or no"},
    Sentence{Reason::NotInteger, "not_integer", "{label}应为整数", "{label} must be a whole number"},
    Sentence{Reason::NotNumber, "not_number", "{label}应为数字", "{label} must be a number"},
    Sentence{Reason::InvalidPhone, "invalid_phone", "{label}不是有效的电话号码", "{label} is not a valid phone number"},
    Sentence{Reason::InvalidSchoolCode, "invalid_school_code", "{label}应为10位数字", "{label} must be 10 digits"},
    Sentence{Reason::IdLength, "id_length", "身份证件号应为18位", "ID number must have 18 characters"},
    Sentence{Reason::IdOld15, "id_old_15", "身份证件号为15位旧号码，请改用18位新号码",
             "ID number is an old 15-digit number; use the 18-digit number"},
    Sentence{Reason::IdCharacters, "id_characters", "身份证件号只能是数字，最后一位可为X",
             "ID number may hold digits only, with X as the last character"},
    Sentence{Reason::IdAsNumber, "id_as_number",
             "身份证件号被表格软件转成了数字，末几位已丢失：请把该列设为文本格式后重新导出",
             "ID number was turned into a number by the spreadsheet and lost its last digits: format the column as text and export again"},
    Sentence{Reason::IdCheckCharacter, "id_check_character", "身份证件号校验位错误", "ID number check character wrong"},
    Sentence{Reason::IdBirthInvalid, "id_birth_invalid", "身份证件号中的出生日期无效", "birth date inside the ID number is invalid"},
    Sentence{Reason::IdBirthMismatch, "id_birth_mismatch", "身份证件号中的出生日期与出生日期列不符",
             "birth date inside the ID number disagrees with 出生日期"},
    Sentence{Reason::IdSexMismatch, "id_sex_mismatch", "身份证件号中的性别与性别列不符",
             "sex digit of the ID number disagrees with 性别"},
    Sentence{Reason::DocumentShape, "document_shape", "{label}不符合“{arg}”的格式", "{label} does not have the shape of a {arg}"},
    Sentence{Reason::UnreadableCharacters, "unreadable_characters",
             "{label}含有无法识别的字符（{arg}）：文件在此处已损坏或编码不对，请对照原表格改正后重新导入",
             "{label} holds characters that cannot be read ({arg}): the file is damaged here or in the wrong "
             "encoding; correct it from the original and import again"},
    Sentence{Reason::DuplicateInFile, "duplicate_in_file", "{label}与第{arg}行重复", "{label} repeats line {arg}"},
    Sentence{Reason::DuplicateInStore, "duplicate_in_store", "{label}已登记在{arg}", "{label} is already registered for {arg}"},
    Sentence{Reason::EvidenceTooLarge, "evidence_too_large", "佐证材料图片超过2MB，请压缩或降低扫描分辨率后再添加",
             "the evidence image is over 2 MB; compress it or scan at a lower resolution"},
    Sentence{Reason::EvidenceNotImage, "evidence_not_image", "佐证材料应为图片（JPG、PNG、BMP或GIF）",
             "evidence must be an image (JPG, PNG, BMP or GIF)"},
    Sentence{Reason::PupilNotFound, "pupil_not_found", "全县没有身份证件号为{arg}的在籍学生",
             "no pupil enrolled in the county has the ID number {arg}"},
    Sentence{Reason::StaffNotFound, "staff_not_found", "全县其他学校没有身份证件号为{arg}且姓名相符的教职工",
             "no staff member of another school of the county has the ID number {arg} and that name"},
    Sentence{Reason::WrongState, "wrong_state", "该申请当前状态为“{arg}”，不能进行此操作",
             "the request is now \"{arg}\", so this step no longer applies"},
    Sentence{Reason::ScoreStep, "score_step", "{label}应为0或正数，整分或半分（如 87.5）",
             "{label} is 0 or more, in whole or half points (such as 87.5)"},
    Sentence{Reason::AboveLimit, "above_limit", "{label}超过上限{arg}", "{label} is above its limit of {arg}"},
    Sentence{Reason::ScoreOrAbsence, "score_or_absence", "成绩与缺考/免考/作弊须填且只填一项",
             "give either a score or why there is none (absent, exempt, cheating), not both"},
    Sentence{Reason::NotInExamGrade, "not_in_exam_grade", "该学生在{arg}，不在本次考试的年级",
             "the pupil is in {arg}, not in this exam's grade"},
    Sentence{Reason::EndBeforeStart, "end_before_start", "{label}早于开始日期{arg}",
             "{label} is before the start date {arg}"},
    Sentence{Reason::HoursOutOfRange, "hours_out_of_range", "{label}应大于0且不超过{arg}",
             "{label} must be more than 0 and at most {arg}"},
    Sentence{Reason::EndOnlyForPunishment, "end_only_for_punishment", "只有处分才有{label}",
             "only a punishment has a {label}"},
    Sentence{Reason::OutOfRange, "out_of_range", "{label}应在{arg}之间", "{label} must be within {arg}"},
    Sentence{Reason::NotAmount, "not_amount", "{label}应为不小于0的金额（如 3200 或 ¥3,200.00）",
             "{label} must be an amount of 0 or more (such as 3200 or ¥3,200.00)"},
    Sentence{Reason::NotCount, "not_count", "{label}应为大于0的整数", "{label} must be a whole number above 0"},
    Sentence{Reason::ByApprovalOnly, "by_approval_only", "“{label}”须经教育局批准，不能直接登记",
             "\"{label}\" needs the bureau's approval and cannot be set directly"},
    Sentence{Reason::PupilStatusForbids, "pupil_status_forbids", "该学生学籍状态为“{arg}”，不能办理{label}",
             "the pupil is \"{arg}\", so a {label} does not apply"},
    Sentence{Reason::ByTransferOnly, "by_transfer_only", "{label}由转学、调动流程或全校升级办理，不能单独登记",
             "a {label} is made by the transfer flow (转学, 调动) or the whole school's promotion, not by hand"},
    Sentence{Reason::StatusByReview, "status_by_review",
             "休学、复学、退学和转出须通过学籍异动（经教育局审批）或转学办理，不能直接修改学籍状态",
             "suspension, resumption, withdrawal and transfer out go through a status change the bureau approves "
             "or a transfer; the status cannot be edited directly"},
    Sentence{Reason::ReviewNeedsReason, "review_needs_reason", "送教育局审批的{arg}须写明原因",
             "a {arg} goes to the bureau for review and needs a reason"},
    Sentence{Reason::ReferenceNotFound, "reference_not_found", "{label}“{arg}”找不到对应的记录",
             "{label} \"{arg}\" matches no record"},
    Sentence{Reason::ReferenceAmbiguous, "reference_ambiguous", "{label}“{arg}”对应多条记录，请改用编号或身份证件号等唯一确定的列",
             "{label} \"{arg}\" matches more than one record; use a column that is unique, such as a number or an ID number"},
    Sentence{Reason::UnknownTable, "unknown_table", "未知的数据表“{arg}”", "unknown table \"{arg}\""},
    Sentence{Reason::UnknownField, "unknown_field", "未知的字段“{arg}”", "unknown field \"{arg}\""},
    Sentence{Reason::NotOwner, "not_owner", "该记录属于其他学校，不能修改", "the record belongs to another school"},
    Sentence{Reason::ForeignReference, "foreign_reference", "{label}所指的记录不存在，或不属于本校",
             "{label} refers to a record that does not exist or does not belong to this school"},
    Sentence{Reason::ReadOnly, "read_only", "{label}只能由教育局修改", "{label} may be changed by the bureau only"},
    Sentence{Reason::HlcTooFarAhead, "hlc_too_far_ahead", "本机时钟比服务器快太多，请校正电脑时间后重新同步",
             "this computer's clock is too far ahead of the server; correct the time and sync again"},
    Sentence{Reason::HlcOutOfRange, "hlc_out_of_range", "变更的时间戳超出有效范围，请升级程序后重新同步",
             "the change's time stamp is out of range; upgrade the program and sync again"},
    Sentence{Reason::HlcWrongDevice, "hlc_wrong_device", "变更的时间戳标明的是另一台设备，不是发送它的本设备",
             "the change's time stamp names another device than the one that sent it"},
    Sentence{Reason::SequenceGap, "sequence_gap", "变更序号不连续，将从第{arg}条重新发送",
             "changes arrived with a gap; resending from change {arg}"},
    Sentence{Reason::BadRequest, "bad_request", "请求无效：{arg}", "bad request: {arg}"},
    Sentence{Reason::NotAuthenticated, "not_authenticated", "未登录或设备未注册", "not logged in or device not enrolled"},
    Sentence{Reason::NotAllowed, "not_allowed", "没有权限：{arg}", "not allowed: {arg}"},
    Sentence{Reason::ProtocolVersion, "protocol_version", "程序版本过旧，请升级", "this program's version is too old; please upgrade"},
    Sentence{Reason::SchemaVersion, "schema_version", "数据结构版本不一致，请升级程序", "data schema versions differ; please upgrade"},
    Sentence{Reason::EnrollCodeUnknown, "enroll_code_unknown", "注册码不正确", "the enrollment code is wrong"},
    Sentence{Reason::EnrollCodeUsed, "enroll_code_used", "注册码已被使用，请向教育局申请新的注册码",
             "the enrollment code has been used; ask the bureau for a new one"},
    Sentence{Reason::EnrollCodeExpired, "enroll_code_expired", "注册码已过期，请向教育局申请新的注册码",
             "the enrollment code has expired; ask the bureau for a new one"},
    Sentence{Reason::DeviceRevoked, "device_revoked", "本设备已被停用，请联系县里的管理员重新注册",
             "this device has been revoked; ask county IT to enroll it again"},
    Sentence{Reason::LoginFailed, "login_failed", "用户名或密码错误", "wrong user name or password"},
    Sentence{Reason::AccountLocked, "account_locked", "账户已被管理员锁定", "the account is locked by the county administrator"},
    Sentence{Reason::LoginThrottled, "login_throttled", "密码错误次数过多，请{arg}秒后再试",
             "too many wrong passwords; try again in {arg} s"},
    Sentence{Reason::ServerBusy, "server_busy", "服务器繁忙，请稍后再试", "the server is busy; try again later"},
    Sentence{Reason::TooManyRefusals, "too_many_refusals",
             "本设备近期被服务器拒绝的修改过多，服务器暂停接收其修改（约一小时后恢复）；请联系县教育局信息中心检查本机",
             "the server refused too many of this device's changes lately and takes none for now (about an hour); "
             "ask county IT to check this computer"},
    Sentence{Reason::ServerStorage, "server_storage",
             "县服务器无法保存修改（磁盘已满或无法写入），请联系县教育局信息中心；本机的修改已保留，恢复后会重新发送",
             "the county server cannot save changes (its disk is full or will not take writes); ask county IT. "
             "The changes stay on this computer and are sent again once it is fixed"},
    Sentence{Reason::Internal, "internal", "服务器内部错误：{arg}", "internal error: {arg}"},
};
// clang-format on

const Sentence &sentenceFor(Reason r)
{
    for (const auto &s : kSentences)
        if (s.reason == r)
            return s;
    return kSentences.back();
}

std::string fill(std::string_view pattern, std::string_view label, std::string_view arg)
{
    std::string out;
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern.substr(i, 7) == "{label}") {
            out += label;
            i += 7;
        } else if (pattern.substr(i, 5) == "{arg}") {
            out += arg;
            i += 5;
        } else {
            out += pattern[i++];
        }
    }
    return out;
}

} // namespace

std::string_view reasonCode(Reason r) { return sentenceFor(r).code; }

Reason reasonFromCode(std::string_view code)
{
    for (const auto &s : kSentences)
        if (s.code == code)
            return s.reason;
    return Reason::Internal;
}

std::string Issue::code() const { return std::string(reasonCode(reason)); }

std::string Issue::text() const { return zh + " / " + en; }

Issue makeIssue(Reason r, std::string_view fieldName, std::string_view labelZh, std::string_view labelEn,
                std::string_view arg)
{
    const Sentence &s = sentenceFor(r);
    // Labels and arguments may echo what a device sent (an unknown field's name): a sentence stays
    // a sentence, whatever came in.
    constexpr std::size_t kMaxEcho = 120;
    const std::string zh = text::clipUtf8(labelZh, kMaxEcho), en = text::clipUtf8(labelEn, kMaxEcho),
                      a = text::clipUtf8(arg, kMaxEcho);
    return Issue{r, text::clipUtf8(fieldName, kMaxEcho), fill(s.zh, zh, a), fill(s.en, en, a)};
}

Issue makeIssue(Reason r, const schema::Field *field, std::string_view arg)
{
    if (!field)
        return makeIssue(r, {}, {}, {}, arg);
    return makeIssue(r, field->name, field->labelZh, field->labelEn, arg);
}

} // namespace emis
