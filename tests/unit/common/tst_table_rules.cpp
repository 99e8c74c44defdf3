// A table's description and its rules: every name a description uses exists, and the rules
// written once in common/ (references, review states, status edits) decide as both sides need.
#include "schema/CodeTables.h"
#include "schema/Moves.h"
#include "schema/Schema.h"
#include "schema/Roles.h"
#include "validate/FieldRules.h"
#include "validate/References.h"
#include "validate/TableRules.h"

#include <QTest>

#include <map>
#include <set>

using namespace emis;
using validate::Record;

namespace {

const schema::Table &table(const char *name) { return *schema::findTable(name); }

// A store of row places keyed by table and id, as either side's finder sees it.
struct Places {
    std::map<std::pair<std::string, std::string>, validate::RowPlace> rows;
    validate::RowFinder finder() const
    {
        return [this](const schema::Table &t, const std::string &id) -> std::optional<validate::RowPlace> {
            auto it = rows.find({t.name, id});
            if (it == rows.end())
                return std::nullopt;
            return it->second;
        };
    }
};

std::string codeOf(const std::optional<Issue> &issue) { return issue ? issue->code() : std::string(); }

} // namespace

class TestTableRules : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyNameInADescriptionExists();
    void reference_toOwnLiveRow_accepted();
    void reference_toAnotherSchoolsRow_refused();
    void reference_toMissingOrDeletedRow_refused();
    void reference_toCountyRow_acceptedFromAnySchool();
    void reference_byTableField_followsTheNamedTable();
    void reference_notWritten_notChecked();
    void reviewKind_withoutReason_refused();
    void reviewedStatus_byEdit_refused();
    void decidedRequest_noLongerChanges();
    void rowLabel_namesCodesByName();
    void reference_toCountysOwnRowOfASchoolTable_accepted();
    void score_aboveFullMarks_refused();
    void score_shapeAndAbsence();
    void growthFile_datesHoursAndYears();
    void staffCodes_readTodaysFreeText();
    void moves_nameRealTables_fileFollowsThePerson();
};

void TestTableRules::reference_toCountysOwnRowOfASchoolTable_accepted()
{
    // A county joint exam is the county's row of the school-owned exams table: every school's
    // subjects and scores may name it; another school's own exam they may not.
    Places p;
    p.rows[{"exams", "joint"}] = {std::string(schema::kCountyOwner), false, {}};
    p.rows[{"exams", "theirs"}] = {"school-b", false, {}};
    Record subject{{"exam_id", std::string("joint")}};
    QCOMPARE(codeOf(validate::checkReferences(table("exam_subjects"), subject, subject, "school-a", p.finder())),
             std::string());
    subject["exam_id"] = std::string("theirs");
    QCOMPARE(codeOf(validate::checkReferences(table("exam_subjects"), subject, subject, "school-a", p.finder())),
             std::string("foreign_reference"));
}

void TestTableRules::score_aboveFullMarks_refused()
{
    Places p;
    p.rows[{"exam_subjects", "math"}] = {std::string(schema::kCountyOwner), false, {{"full_marks", 120.0}}};
    p.rows[{"students", "p1"}] = {"school-a", false, {}};
    Record score{{"exam_subject_id", std::string("math")}, {"student_id", std::string("p1")}, {"score", 120.0}};
    QCOMPARE(codeOf(validate::checkReferences(table("scores"), score, score, "school-a", p.finder())), std::string());
    score["score"] = 120.5;
    const auto issue = validate::checkReferences(table("scores"), score, score, "school-a", p.finder());
    QCOMPARE(codeOf(issue), std::string("above_limit"));
    QCOMPARE(issue->field, std::string("score"));
    QVERIFY2(issue->zh.find("120") != std::string::npos, issue->zh.c_str());
    // Only the score written: the bound is still read from the subject the stored row names.
    const Record written{{"score", 130.0}};
    QCOMPARE(codeOf(validate::checkReferences(table("scores"), written, score, "school-a", p.finder())),
             std::string("above_limit"));
}

void TestTableRules::score_shapeAndAbsence()
{
    const schema::Table &t = table("scores");
    const auto codes = [&](const Record &r) {
        std::string out;
        for (const auto &i : validate::validateRecord(t, r, validate::Completeness::Whole))
            out += i.code() + ":" + i.field + " ";
        return out;
    };
    const Record base{{"exam_subject_id", std::string("x")}, {"student_id", std::string("p1")}};
    Record r = base;
    r["score"] = 87.5;
    QCOMPARE(codes(r), std::string());
    r["score"] = 87.3;
    QCOMPARE(codes(r), std::string("score_step:score "));
    r["score"] = -1.0;
    QCOMPARE(codes(r), std::string("score_step:score "));
    r = base;
    r["absence"] = std::string("1");
    QCOMPARE(codes(r), std::string());
    r["score"] = 50.0;
    QCOMPARE(codes(r), std::string("score_or_absence:score "));
    QCOMPARE(codes(base), std::string("score_or_absence:score "));
}

void TestTableRules::growthFile_datesHoursAndYears()
{
    const auto codes = [&](const char *tableName, const Record &r) {
        std::string out;
        for (const auto &i : validate::validateRecord(table(tableName), r, validate::Completeness::Whole))
            out += i.code() + ":" + i.field + " ";
        return out;
    };
    Record course{{"staff_id", std::string("t1")}, {"course", std::string("校本培训：作业设计")},
                  {"start_date", std::string("2024-03-04")}, {"end_date", std::string("2024-03-04")}, {"hours", 8.0}};
    QCOMPARE(codes("staff_training", course), std::string());
    course["end_date"] = std::string("2024-03-01");
    QCOMPARE(codes("staff_training", course), std::string("end_before_start:end_date "));
    course.erase("end_date");
    course["hours"] = 0.0;
    QCOMPARE(codes("staff_training", course), std::string("hours_out_of_range:hours "));
    course["hours"] = 1500.0;
    QCOMPARE(codes("staff_training", course), std::string("hours_out_of_range:hours "));

    // A 处分 ends on its 期满日期; a reward has none.
    Record punishment{{"staff_id", std::string("t1")}, {"kind", std::string("21")},
                      {"decision_date", std::string("2023-05-01")}, {"end_date", std::string("2023-11-01")}};
    QCOMPARE(codes("staff_discipline", punishment), std::string());
    punishment["end_date"] = std::string("2023-04-01");
    QCOMPARE(codes("staff_discipline", punishment), std::string("end_before_start:end_date "));
    Record reward = punishment;
    reward["kind"] = std::string("11");
    reward["end_date"] = std::string("2023-06-01");
    QCOMPARE(codes("staff_discipline", reward), std::string("end_only_for_punishment:end_date "));

    Record result{{"staff_id", std::string("t1")}, {"year", std::int64_t{2025}}, {"kind", std::string("2")},
                  {"result", std::string("1")}};
    QCOMPARE(codes("staff_assessments", result), std::string());
    result["year"] = std::int64_t{25};
    QCOMPARE(codes("staff_assessments", result), std::string("out_of_range:year "));
}

void TestTableRules::staffCodes_readTodaysFreeText()
{
    // What rosters hold today in 学历, 职称 and 政治面貌 names a code; the old 职称 names map to the
    // 2015 series (小学高级 is 一级, 中学一级 is 一级, 小学一级 is 二级).
    const schema::Table &staff = table("staff");
    const auto code = [&](const char *field, const char *text) {
        const auto v = validate::recodedText(*staff.field(field), Value{std::string(text)});
        return v ? *v : std::string("-");
    };
    QCOMPARE(code("education", "本科"), std::string("21"));
    QCOMPARE(code("education", "大专"), std::string("31"));
    QCOMPARE(code("education", "硕士研究生"), std::string("14"));
    QCOMPARE(code("education", "中师"), std::string("41"));
    QCOMPARE(code("education", "21"), std::string("-"));       // a code already
    QCOMPARE(code("education", "大专在读"), std::string("-"));  // names no code: kept for the clerk
    QCOMPARE(code("title", "中学高级教师"), std::string("21"));
    QCOMPARE(code("title", "小学高级教师"), std::string("31"));
    QCOMPARE(code("title", "中学一级教师"), std::string("31"));
    QCOMPARE(code("title", "小学一级教师"), std::string("41"));
    QCOMPARE(code("title", "未定级"), std::string("90"));
    QCOMPARE(code("title", "助理实验师"), std::string("42"));
    QCOMPARE(code("political", "党员"), std::string("01"));
    QCOMPARE(code("political", "共青团员"), std::string("03"));
    QCOMPARE(code("political", "民进会员"), std::string("07"));
    // Only the fields that were free text: a sex or a post category is never rewritten.
    QVERIFY(!validate::recodedText(*staff.field("post_category"), Value{std::string("专任教师")}));
    QVERIFY(!validate::recodedText(*staff.field("staffing"), Value{std::string("在编")}));
}

void TestTableRules::moves_nameRealTables_fileFollowsThePerson()
{
    for (const auto &kind : schema::moveKinds()) {
        const schema::Table *requests = schema::findTable(kind.requestTable);
        const schema::Table *people = schema::findTable(kind.personTable);
        const schema::Table *history = schema::findTable(kind.historyTable);
        QVERIFY2(requests && people && history, kind.requestTable.c_str());
        QCOMPARE(requests->scope, schema::Scope::Shared);
        for (const char *f : {"id_number", "state", "from_school_id", "from_note", "bureau_note", "request_date"})
            QVERIFY2(requests->field(f), (kind.requestTable + "." + f).c_str());
        QVERIFY(requests->field(kind.personField) && requests->field(kind.nameField));
        for (const auto &c : kind.carries)
            QVERIFY(requests->field(c.requestField) && people->field(c.personField) && history->field(c.historyFrom) &&
                    history->field(c.historyTo));
        QVERIFY(history->field(kind.personField) && history->field("kind") && history->field("other_school_id"));
        for (const auto &role : kind.deciders)
            QVERIFY2(schema::findRole(role), role.c_str());
        QCOMPARE(reasonFromCode(kind.notFound) == Reason::Internal, false);
    }
    const auto followers = [](const char *requestTable) {
        std::set<std::string> out;
        for (const auto &[t, field] : schema::followersOf(*schema::moveByRequest(requestTable)))
            out.insert(t->name);
        return out;
    };
    QCOMPARE(followers("transfers"), (std::set<std::string>{"status_changes"}));  // the scores stay
    const auto staff = followers("staff_transfers");
    for (const char *t : {"staff_training", "staff_honours", "staff_discipline", "staff_research", "staff_assessments",
                          "staff_it_tests", "staff_changes"})
        QVERIFY2(staff.count(t), t);
    QVERIFY(!staff.count("teaching_assignments"));  // it names the old school's class
}

void TestTableRules::everyNameInADescriptionExists()
{
    for (const auto &t : schema::tables()) {
        const std::string where = t.name;
        if (t.rules) {
            QVERIFY2(t.rules->name && *t.rules->name, where.c_str());
            QVERIFY2(t.rules->record || t.rules->change, where.c_str());
        }
        if (t.scope == schema::Scope::Shared)
            QVERIFY2(t.field(t.partyField), where.c_str());
        for (const auto &name : t.labelFields)
            QVERIFY2(t.field(name), (where + " label " + name).c_str());
        for (const auto &key : t.lookupKeys)
            for (const auto &name : key)
                QVERIFY2(t.field(name), (where + " lookup " + name).c_str());
        for (const auto &keys : {t.naturalKeys, t.indexes})
            for (const auto &key : keys)
                for (const auto &name : key)
                    QVERIFY2(t.field(name) || name == schema::kOwnerColumn || name == schema::kDeletedColumn,
                             (where + " key " + name).c_str());
        // A natural key is the record's own fields (an import finds its rows again by them).
        for (const auto &key : t.naturalKeys)
            for (const auto &name : key)
                QVERIFY2(t.field(name), (where + " natural key " + name).c_str());
        for (const auto &name : t.listFields)
            QVERIFY2(t.field(name), (where + " list " + name).c_str());
        for (const auto &f : t.fields) {
            if (!f.codeTable.empty())
                QVERIFY2(schema::findCodeTable(f.codeTable), (where + "." + f.name + " code table").c_str());
            if (f.codedSince)
                QVERIFY2(f.type == schema::FieldType::Code && f.codedSince <= schema::schemaVersion(),
                         (where + "." + f.name + " coded since").c_str());
        }
        for (const auto &f : t.fields) {
            if (f.type != schema::FieldType::Ref)
                continue;
            const std::string field = where + "." + f.name;
            QVERIFY2(f.refTable.empty() != f.refTableField.empty(), field.c_str());
            if (!f.refTable.empty())
                QVERIFY2(schema::findTable(f.refTable), field.c_str());
            else
                QVERIFY2(t.field(f.refTableField), field.c_str());
        }
        for (const auto &f : t.fields) {
            if (f.atMost.refField.empty())
                continue;
            const std::string field = where + "." + f.name + " at most";
            const schema::Field *via = t.field(f.atMost.refField);
            QVERIFY2(via && via->type == schema::FieldType::Ref, field.c_str());
            const schema::Table *target = schema::findTable(via->refTable);
            QVERIFY2(target && target->field(f.atMost.targetField), field.c_str());
        }
        for (const auto &role : t.authors)
            QVERIFY2(schema::findRole(role) && !schema::findRole(role)->readOnly, (where + " author " + role).c_str());
    }
}

void TestTableRules::reference_toOwnLiveRow_accepted()
{
    Places p;
    p.rows[{"students", "p1"}] = {"school-a", false, {}};
    const Record change{{"student_id", std::string("p1")}};
    QCOMPARE(codeOf(validate::checkReferences(table("status_changes"), change, change, "school-a", p.finder())),
             std::string());
}

void TestTableRules::reference_toAnotherSchoolsRow_refused()
{
    Places p;
    p.rows[{"students", "p1"}] = {"school-b", false, {}};
    const Record change{{"student_id", std::string("p1")}};
    const auto issue = validate::checkReferences(table("status_changes"), change, change, "school-a", p.finder());
    QCOMPARE(codeOf(issue), std::string("foreign_reference"));
    QCOMPARE(issue->field, std::string("student_id"));
}

void TestTableRules::reference_toMissingOrDeletedRow_refused()
{
    Places p;
    p.rows[{"students", "gone"}] = {"school-a", true, {}};
    for (const char *id : {"gone", "never-there"}) {
        const Record change{{"student_id", std::string(id)}};
        QCOMPARE(codeOf(validate::checkReferences(table("status_changes"), change, change, "school-a", p.finder())),
                 std::string("foreign_reference"));
    }
}

void TestTableRules::reference_toCountyRow_acceptedFromAnySchool()
{
    // A county table's rows are everyone's to name: a test table's Ref to schools stands in for
    // an exam naming its term.
    schema::Table t = table("status_changes");
    schema::Field f = *t.field("student_id");
    f.name = "school_ref";
    f.refTable = "schools";
    f.required = false;
    t.fields.push_back(f);
    Places p;
    p.rows[{"schools", "s9"}] = {"", false, {}};
    const Record change{{"school_ref", std::string("s9")}};
    QCOMPARE(codeOf(validate::checkReferences(t, change, change, "school-a", p.finder())), std::string());
    p.rows[{"schools", "s9"}].deleted = true;
    QCOMPARE(codeOf(validate::checkReferences(t, change, change, "school-a", p.finder())),
             std::string("foreign_reference"));
}

void TestTableRules::reference_byTableField_followsTheNamedTable()
{
    Places p;
    p.rows[{"status_changes", "c1"}] = {"school-a", false, {}};
    p.rows[{"students", "c1"}] = {"school-b", false, {}};
    Record attach{{"owner_table", std::string("status_changes")}, {"owner_id", std::string("c1")}};
    QCOMPARE(codeOf(validate::checkReferences(table("evidence"), attach, attach, "school-a", p.finder())),
             std::string());
    attach["owner_table"] = std::string("students");
    QCOMPARE(codeOf(validate::checkReferences(table("evidence"), attach, attach, "school-a", p.finder())),
             std::string("foreign_reference"));
    attach["owner_table"] = std::string("no_such_table");
    QCOMPARE(codeOf(validate::checkReferences(table("evidence"), attach, attach, "school-a", p.finder())),
             std::string("foreign_reference"));
    // Changing only the table field re-checks the reference against the row as it will be.
    const Record written{{"owner_table", std::string("students")}};
    Record whole = attach;
    whole["owner_table"] = std::string("students");
    QCOMPARE(codeOf(validate::checkReferences(table("evidence"), written, whole, "school-a", p.finder())),
             std::string("foreign_reference"));
}

void TestTableRules::reference_notWritten_notChecked()
{
    // A pupil who has since transferred out: the school still withdraws its own old request.
    Places p;
    p.rows[{"students", "p1"}] = {"school-b", false, {}};
    const Record written{{"approval", std::string("4")}};
    const Record whole{{"student_id", std::string("p1")}, {"approval", std::string("4")}};
    QCOMPARE(codeOf(validate::checkReferences(table("status_changes"), written, whole, "school-a", p.finder())),
             std::string());
}

void TestTableRules::reviewKind_withoutReason_refused()
{
    const auto &t = table("status_changes");
    Record r{{"student_id", std::string("p1")},
             {"kind", std::string("03")},
             {"change_date", std::string("2026-03-01")},
             {"approval", std::string("1")}};
    auto issues = validate::validateRecord(t, r, validate::Completeness::Whole);
    QCOMPARE(issues.size(), std::size_t(1));
    QCOMPARE(issues.front().code(), std::string("review_needs_reason"));
    QCOMPARE(issues.front().field, std::string("reason"));
    QVERIFY(issues.front().zh.find("休学") != std::string::npos);
    r["reason"] = std::string("   ");
    QCOMPARE(validate::validateRecord(t, r, validate::Completeness::Whole).size(), std::size_t(1));
    r["reason"] = std::string("病休");
    QVERIFY(validate::validateRecord(t, r, validate::Completeness::Whole).empty());
    // A kind that takes effect at once needs none.
    Record classChange{{"student_id", std::string("p1")},
                       {"kind", std::string("08")},
                       {"change_date", std::string("2026-03-01")},
                       {"approval", std::string("0")}};
    QVERIFY(validate::validateRecord(t, classChange, validate::Completeness::Whole).empty());
}

void TestTableRules::reviewedStatus_byEdit_refused()
{
    const auto &t = table("students");
    const Record stored{{"status", std::string("1")}};
    QCOMPARE(codeOf(validate::checkChange(t, {{"status", std::string("2")}}, &stored, false)),
             std::string("status_by_review"));
    QCOMPARE(codeOf(validate::checkChange(t, {{"status", std::string("1")}}, &stored, false)), std::string());
    QCOMPARE(codeOf(validate::checkChange(t, {{"name", std::string("王五")}}, &stored, false)), std::string());
    // A new pupil is entered with any status the register allows.
    QCOMPARE(codeOf(validate::checkChange(t, {{"status", std::string("2")}}, nullptr, false)), std::string());
}

void TestTableRules::decidedRequest_noLongerChanges()
{
    const auto &t = table("status_changes");
    const Record approved{{"kind", std::string("03")}, {"approval", std::string("2")}};
    QCOMPARE(codeOf(validate::checkChange(t, {{"reason", std::string("改")}}, &approved, false)),
             std::string("wrong_state"));
    const Record pending{{"kind", std::string("03")}, {"approval", std::string("1")}};
    QCOMPARE(codeOf(validate::checkChange(t, {{"approval", std::string("4")}}, &pending, false)), std::string());
    QCOMPARE(codeOf(validate::checkChange(t, {{"approval", std::string("2")}}, &pending, false)),
             std::string("read_only"));
    QCOMPARE(codeOf(validate::checkChange(t, {}, &pending, true)), std::string("wrong_state"));
    QCOMPARE(codeOf(validate::checkChange(t, {{"kind", std::string("03")}, {"approval", std::string("0")}}, nullptr,
                                          false)),
             std::string("wrong_state"));
}

void TestTableRules::rowLabel_namesCodesByName()
{
    const Record pupil{{"name", std::string("李小明")}, {"grade", std::int64_t{7}}, {"class_name", std::string("2班")}};
    QCOMPARE(validate::rowLabel(table("students"), pupil), std::string("李小明 七年级 2班"));
    const Record school{{"code", std::string("3642000001")}, {"name", std::string("城关小学")}};
    QCOMPARE(validate::rowLabel(table("schools"), school), std::string("城关小学"));
}

QTEST_APPLESS_MAIN(TestTableRules)
#include "tst_table_rules.moc"
