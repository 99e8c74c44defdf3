#pragma once

#include <string>
#include <string_view>

namespace emis::schema {
struct Field;
}

namespace emis {

// Every reason a value, a record, a change or a request can be refused for. Each has a stable
// code (sent on the wire, stored, shown in --json) and a sentence in zh_CN and in English.
enum class Reason {
    // values and records
    Required,
    TooLong,
    InvalidDate,
    NotRecognised,
    NotYesNo,
    NotInteger,
    NotNumber,
    InvalidPhone,
    InvalidSchoolCode,
    IdLength,
    IdOld15,
    IdCharacters,
    IdAsNumber,
    IdCheckCharacter,
    IdBirthInvalid,
    IdBirthMismatch,
    IdSexMismatch,
    DocumentShape,
    UnreadableCharacters,
    DuplicateInFile,
    DuplicateInStore,
    EvidenceTooLarge,
    EvidenceNotImage,
    // scores
    ScoreStep,
    AboveLimit,
    ScoreOrAbsence,
    NotInExamGrade,
    // the staff growth file
    EndBeforeStart,
    HoursOutOfRange,
    EndOnlyForPunishment,
    OutOfRange,
    // equipment
    NotAmount,
    NotCount,
    ByApprovalOnly,
    // register workflow (status changes, transfers)
    PupilNotFound,
    StaffNotFound,
    WrongState,
    PupilStatusForbids,
    ByTransferOnly,
    StatusByReview,
    ReviewNeedsReason,
    // references named in a sheet by the target's key (学籍号, 身份证件号, 姓名 + 班级)
    ReferenceNotFound,
    ReferenceAmbiguous,
    // sync and session
    UnknownTable,
    UnknownField,
    NotOwner,
    ForeignReference,
    ReadOnly,
    HlcTooFarAhead,
    HlcOutOfRange,
    HlcWrongDevice,
    SequenceGap,
    BadRequest,
    NotAuthenticated,
    NotAllowed,
    ProtocolVersion,
    SchemaVersion,
    EnrollCodeUnknown,
    EnrollCodeUsed,
    EnrollCodeExpired,
    DeviceRevoked,
    LoginFailed,
    AccountLocked,
    LoginThrottled,
    ServerBusy,
    TooManyRefusals,
    ServerStorage,
    Internal,
};

struct Issue {
    Reason reason = Reason::Internal;
    std::string field;  // the field it concerns, empty for the whole record or request
    std::string zh;
    std::string en;

    std::string code() const;   // stable, e.g. "id_check_character"
    std::string text() const;   // "zh / en", as import reports print it
};

std::string_view reasonCode(Reason r);
// The reason whose code() is `code`, or Reason::Internal.
Reason reasonFromCode(std::string_view code);

// Builds an issue; `field` supplies the labels used in the sentence, `arg` a number or name.
Issue makeIssue(Reason r, const schema::Field *field = nullptr, std::string_view arg = {});
// For reasons with no field: the labels are given directly.
Issue makeIssue(Reason r, std::string_view fieldName, std::string_view labelZh, std::string_view labelEn,
                std::string_view arg = {});

} // namespace emis
