#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace emis::schema {

struct CodeEntry {
    std::string code;                  // canonical, stored
    std::string zh;                    // the name clerks read
    std::string en;
    std::vector<std::string> aliases;  // other spellings accepted on input
};

struct CodeTable {
    std::string name;
    std::vector<CodeEntry> entries;

    const CodeEntry *byCode(std::string_view code) const;
    // Accepts a code (also without leading zeros), a Chinese or English name or an alias,
    // ignoring surrounding blanks and ASCII case. Returns the canonical code.
    std::optional<std::string> normalize(std::string_view raw) const;
    std::string nameOf(std::string_view code) const;  // the zh name, or the code itself
};

// Code tables: sex (GB/T 2261.1), ethnicity (GB 3304, resources/codes/ethnicity.csv), grade,
// id_type, student_status, change_kind, approval_state, school_type, post_category, stage,
// subject, score_absence, teaching_duty, and the staff record's (StaffCodes.cpp).
const CodeTable *findCodeTable(std::string_view name);
const std::vector<CodeTable> &codeTables();

// education (GB/T 4658), title, political (GB/T 4762), staffing, backbone, award_level,
// discipline_kind, research_kind, research_role, assessment_kind, assessment_result.
std::vector<CodeTable> staffCodeTables();

// asset_category (EquipmentFigures.h), asset_state, asset_use, funding_source, asset_move_kind,
// room_kind, stocktake_result, stocktake_state.
std::vector<CodeTable> equipmentCodeTables();

} // namespace emis::schema
