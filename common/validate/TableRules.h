#pragma once

#include "schema/Schema.h"
#include "validate/Reason.h"
#include "validate/RecordValidator.h"

#include <optional>
#include <vector>

namespace emis::validate {

// A table's own rules, beyond each field's checks: named in the table's description
// (schema/Tables.cpp) and run on both sides, by the client before a save is written and by the
// server on every pushed change, so that the two never disagree.
struct TableRules {
    const char *name = "";  // for logs and the rule test
    // Cross-field checks of a record, whole or partial. `fieldIssues` holds what the field checks
    // found, so that a rule does not report a field that is already wrong.
    void (*record)(const schema::Table &table, const Record &record, Completeness completeness,
                   const std::vector<Issue> &fieldIssues, std::vector<Issue> &out) = nullptr;
    // What a school may change of a stored row (workflow states): `current` is the row as it is
    // stored (null for a new row or a deleted one), `incoming` the fields the change writes.
    std::optional<Issue> (*change)(const Record &incoming, const Record *current, bool deleting) = nullptr;
    // What saving a new row does to another (a 退休 sets the teacher's 在职状态): the client writes
    // it in the same transaction as a change of its own, which the server checks like any other.
    struct Effect {
        std::string table, id;
        Record values;
    };
    std::optional<Effect> (*effect)(const Record &row) = nullptr;
    // The fields a new row takes from its others when it leaves them empty (a 报废 is filed
    // 待审批): filled by the client before the row is checked, so the server sees them sent.
    Record (*complete)(const Record &row) = nullptr;
    // A decided row that hands a row of the school to another school (an approved 调拨 of an
    // asset): the row (table, id), the school it now belongs to, and the field by which the
    // decided row's own table names it (the asset's earlier moves go with it; the decided row
    // stays). The server moves them when it decides; the sending device, pulling the decision,
    // keeps them as the other school's, read-only.
    struct Handover {
        std::string table, id, toSchool, followerField;
    };
    std::optional<Handover> (*handover)(const Record &row) = nullptr;
};

extern const TableRules kPersonRules;        // people: the ID number by its document type
extern const TableRules kPupilRules;         // pupils: a person whose status changes only by review
extern const TableRules kStatusChangeRules;  // 学籍异动: the review states
extern const TableRules kScoreRules;         // 成绩: a score or why there is none
extern const TableRules kGrowthRules;        // the teacher growth file: dates in order, 学时, years
extern const TableRules kStaffChangeRules;   // 人事异动: the growth file's, and 调入/调出 only by a 调动
extern const TableRules kAssetRules;         // 资产: 已报废 only by the bureau (EquipmentRules.h)
extern const TableRules kAssetMoveRules;     // 出入库: what each needs and does to its asset
extern const TableRules kRoomUsageRules;     // 使用登记: the period of the day

// The table's change rule, if it has one.
std::optional<Issue> checkChange(const schema::Table &table, const Record &incoming, const Record *current,
                                 bool deleting);

} // namespace emis::validate
