#include "RosterWriter.h"

#include "CsvText.h"

#include "schema/CodeTables.h"
#include "schema/Schema.h"

#include <vector>

namespace emis::demo {
namespace {

// The template columns of DESIGN.md, in order, as field names of the schema.
const std::vector<std::string> kStudentColumns = {
    "student_no", "name", "sex", "birth_date", "id_number", "ethnicity", "grade", "class_name", "entry_month",
    "hukou", "address", "guardian_name", "guardian_phone", "left_behind", "migrant", "poverty_registered", "boarding",
};
const std::vector<std::string> kStaffColumns = {
    "staff_no", "name", "sex", "birth_date", "id_number", "ethnicity", "post_category", "teaching_stage",
    "subject", "department", "position", "staffing", "backbone", "education", "title", "work_start", "political", "phone",
};

std::vector<std::string> header(const char *tableName, const std::vector<std::string> &columns)
{
    const schema::Table *table = schema::findTable(tableName);
    std::vector<std::string> out;
    for (const auto &c : columns)
        out.push_back(table->field(c)->labelZh);
    return out;
}

std::string nameOf(const char *codeTable, const std::string &code)
{
    if (code.empty())
        return {};
    return schema::findCodeTable(codeTable)->nameOf(code);
}

std::string yesNo(bool b) { return b ? "是" : "否"; }
std::string sexName(bool male) { return male ? "男" : "女"; }

} // namespace

std::string schoolsCsv(const DemoCounty &county)
{
    const schema::Table *t = schema::findTable("schools");
    std::string out(kUtf8Bom);
    appendCsvLine(out, {t->field("code")->labelZh, t->field("name")->labelZh, t->field("school_type")->labelZh,
                        t->field("township")->labelZh});
    for (const DemoSchool &s : county.schools)
        appendCsvLine(out, {s.code, s.name, nameOf("school_type", s.typeCode), s.township});
    return out;
}

std::string studentsCsv(const DemoCounty &county, std::size_t first, std::size_t last)
{
    std::string out(kUtf8Bom);
    appendCsvLine(out, header("students", kStudentColumns));
    for (std::size_t i = first; i < last; ++i) {
        const DemoPupil &p = county.pupils[i];
        appendCsvLine(out, {p.studentNo, p.name, sexName(p.male), p.birthDate, p.idNumber,
                            nameOf("ethnicity", p.ethnicity), nameOf("grade", std::to_string(p.grade)), p.className,
                            p.entryMonth, p.hukou, p.address, p.guardianName, p.guardianPhone, yesNo(p.leftBehind),
                            yesNo(p.migrant), yesNo(p.povertyRegistered), yesNo(p.boarding)});
    }
    return out;
}

std::string staffCsv(const DemoCounty &county, std::size_t first, std::size_t last)
{
    std::string out(kUtf8Bom);
    appendCsvLine(out, header("staff", kStaffColumns));
    for (std::size_t i = first; i < last; ++i) {
        const DemoStaff &s = county.staff[i];
        appendCsvLine(out, {s.staffNo, s.name, sexName(s.male), s.birthDate, s.idNumber,
                            nameOf("ethnicity", s.ethnicity), nameOf("post_category", s.postCategory),
                            nameOf("stage", s.teachingStage), s.subject, s.department, s.position,
                            nameOf("staffing", s.staffing), nameOf("backbone", s.backbone), s.education, s.title,
                            s.workStart, s.political, s.phone});
    }
    return out;
}

std::string growthCsv(const DemoCounty &county, std::size_t first, std::size_t last, std::string_view table)
{
    // The teacher by 工号, then 姓名 as teachers' sheets have it (the first column names the row).
    std::vector<std::string> columns;
    if (table == "staff_training")
        columns = {"course", "organiser", "level", "start_date", "end_date", "hours"};
    else if (table == "staff_honours")
        columns = {"title", "level", "award_date", "issuer"};
    else if (table == "staff_assessments")
        columns = {"year", "kind", "result"};
    else
        columns = {"test_date", "result", "score"};
    std::vector<std::string> head = {"工号", "姓名"};
    for (const auto &c : header(std::string(table).c_str(), columns))
        head.push_back(c);
    std::string out(kUtf8Bom);
    appendCsvLine(out, head);
    for (std::size_t i = first; i < last; ++i) {
        const DemoStaff &s = county.staff[i];
        if (table == "staff_training")
            for (const auto &t : s.training)
                appendCsvLine(out, {s.staffNo, s.name, t.course, t.organiser, nameOf("award_level", t.level), t.startDate,
                                    t.endDate, std::to_string(t.hours)});
        if (table == "staff_honours")
            for (const auto &h : s.honours)
                appendCsvLine(out, {s.staffNo, s.name, h.title, nameOf("award_level", h.level), h.date, h.issuer});
        if (table == "staff_assessments")
            for (const auto &a : s.assessments)
                appendCsvLine(out, {s.staffNo, s.name, std::to_string(a.year), nameOf("assessment_kind", a.kind),
                                    nameOf("assessment_result", a.result)});
        if (table == "staff_it_tests")
            for (const auto &t : s.itTests)
                appendCsvLine(out, {s.staffNo, s.name, t.date, nameOf("it_result", t.result), std::to_string(t.score)});
    }
    return out;
}

std::string equipmentCsv(const DemoCounty &county, std::size_t school, std::string_view table)
{
    const auto staffName = [&](std::ptrdiff_t i) { return i < 0 ? std::string() : county.staff[std::size_t(i)].name; };
    const auto staffNo = [&](std::ptrdiff_t i) { return i < 0 ? std::string() : county.staff[std::size_t(i)].staffNo; };
    std::string out(kUtf8Bom);
    if (table == "rooms") {
        appendCsvLine(out, header("rooms", {"name", "kind", "seats", "location"}));
        for (const DemoRoom &r : county.rooms)
            if (r.school == school)
                appendCsvLine(out, {r.name, nameOf("room_kind", r.kind), std::to_string(r.seats), r.location});
    } else if (table == "assets") {
        auto head = header("assets", {"asset_no", "category", "name", "brand", "model", "quantity", "unit", "unit_price",
                                      "purchase_date", "funding", "room_id", "keeper_id", "state", "use"});
        head.insert(head.begin() + 12, "保管人工号");
        appendCsvLine(out, head);
        for (const DemoAsset &a : county.assets)
            if (a.school == school)
                appendCsvLine(out, {a.assetNo, nameOf("asset_category", a.category), a.name, a.brand, a.model,
                                    std::to_string(a.quantity), a.unit, a.priceText, a.dateText, nameOf("funding_source", a.funding),
                                    a.room < 0 ? std::string() : county.rooms[std::size_t(a.room)].name, staffName(a.keeper),
                                    staffNo(a.keeper), nameOf("asset_state", a.state), nameOf("asset_use", a.use)});
    } else if (table == "asset_moves") {
        auto head = header("asset_moves", {"asset_id", "kind", "move_date", "staff_id", "reason"});
        head.front() = "资产编号";
        head.insert(head.begin() + 4, "领用人工号");
        appendCsvLine(out, head);
        for (const DemoAssetMove &m : county.assetMoves)
            if (county.assets[m.asset].school == school)
                appendCsvLine(out, {county.assets[m.asset].assetNo, nameOf("asset_move_kind", m.kind), m.date, staffName(m.staff),
                                    staffNo(m.staff), m.reason});
    } else {
        auto head = header("room_usage", {"room_id", "use_date", "period", "staff_id", "content"});
        head.insert(head.begin() + 4, "工号");
        appendCsvLine(out, head);
        for (const DemoRoomUse &u : county.roomUse)
            if (county.rooms[u.room].school == school)
                appendCsvLine(out, {county.rooms[u.room].name, u.date, std::to_string(u.period), staffName(u.teacher),
                                    staffNo(u.teacher), u.content});
    }
    return out;
}

} // namespace emis::demo
