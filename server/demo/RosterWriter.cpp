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
    "subject", "education", "title", "work_start", "political", "phone",
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
                            nameOf("stage", s.teachingStage), s.subject, s.education, s.title, s.workStart,
                            s.political, s.phone});
    }
    return out;
}

} // namespace emis::demo
