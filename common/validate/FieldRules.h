#pragma once

#include "schema/Schema.h"
#include "schema/Value.h"
#include "validate/Reason.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace emis::validate {

// Turns what a clerk typed or a spreadsheet held into the field's canonical value: 男/女/1/2 to
// a sex code, 汉族 or 01 to an ethnicity code, 一年级 or 1 to grade 1, any accepted date form to
// YYYY-MM-DD, 是/否 to 1/0. Empty text gives NULL (required fields are checked per record).
// Text holding U+FFFD, where a decoder met bytes that were not text, is refused whatever the field.
std::variant<Value, Issue> normalizeField(const schema::Field &field, std::string_view raw);

// Checks a value that should already be canonical (from the wire or the store).
std::optional<Issue> checkValue(const schema::Field &field, const Value &value);

// For a field whose free text became a code (Field::codedSince): the code the text `stored`
// names, when it is not a code already and the code table knows it; nothing otherwise (a code,
// NULL, or text no code names, which stays as it is for a person to correct).
std::optional<std::string> recodedText(const schema::Field &field, const Value &stored);

// Yes/no in the forms clerks use: 是/否, 有/无, Y/N, yes/no, true/false, 1/0, √/×.
std::optional<bool> parseYesNo(std::string_view raw);
bool isValidPhone(std::string_view raw);

// Evidence (佐证材料) is a scanned image of at most 2 MB, so that it travels in one frame.
inline constexpr std::size_t kMaxEvidenceBytes = 2 * 1024 * 1024;
// "image/jpeg", "image/png", "image/gif" or "image/bmp" by the data's first bytes; empty otherwise.
std::string imageType(const Bytes &data);

} // namespace emis::validate
