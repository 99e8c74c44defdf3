#pragma once

#include "validate/Reason.h"

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace emis::validate {

// A resident identity number (居民身份证号, GB 11643) that passed every check.
struct ResidentId {
    std::string number;     // 18 characters, check character upper-case
    std::string birthDate;  // YYYY-MM-DD, digits 7-14
    std::string sexCode;    // GB/T 2261.1: "1" male (17th digit odd), "2" female
};

// Trims, folds full-width characters and upper-cases a trailing x.
std::string normalizeIdText(std::string_view raw);
// True when the text is what a spreadsheet makes of a long number: 3.60429200911281e+17, 3.6E17,
// 360429200911281000.0 — its last digits are gone.
bool looksLikeNumberMangled(std::string_view raw);
// The GB 11643 check character ('0'..'9' or 'X') for the first 17 digits.
char idCheckCharacter(std::string_view first17);

std::variant<ResidentId, Issue> checkResidentId(std::string_view raw);
// Shape rules for the other document types (港澳台 permits, passports, ...). `idType` is a code of
// the id_type code table; returns an issue when the number does not fit.
std::optional<Issue> checkDocumentNumber(std::string_view idType, std::string_view number);

} // namespace emis::validate
