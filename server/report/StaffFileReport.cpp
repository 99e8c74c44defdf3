// The 人事股's lookup: staff_search finds any member of staff county-wide by name, 工号 or ID
// number, narrowed by school, 职称 or subject; staff_file is one teacher's whole file (the staff
// row and every table that follows the teacher, schema::followersOf). Both are person-level:
// runReport gives them only to the roles that read staff files.
#include "report/ReportParts.h"

#include "schema/CodeTables.h"
#include "schema/Moves.h"
#include "validate/References.h"

namespace emis::server::report {
namespace {

constexpr int kMaxHits = 200;

// A value as a person reads it: a code by its name, a reference by its row's label.
std::string shown(StoreSession &s, const schema::Field &f, const Value &v)
{
    if (isNull(v))
        return {};
    const std::string text = displayText(v);
    if (!f.codeTable.empty())
        return codeName(f.codeTable.c_str(), text);
    if (f.type == schema::FieldType::Ref)
        if (const schema::Table *target = schema::findTable(f.refTable))
            if (const auto row = s.loadRow(*target, text))
                return validate::rowLabel(*target, row->values);
    return text;
}

void writeRow(text::JsonWriter &w, StoreSession &s, const schema::Table &t, const StoredRow &row)
{
    w.beginObject().field("id", row.id);
    for (const auto &f : t.fields)
        if (f.type != schema::FieldType::Blob)
            if (auto it = row.values.find(f.name); it != row.values.end() && !isNull(it->second))
                w.field(f.name, shown(s, f, it->second));
    w.endObject();
}

void writeColumns(text::JsonWriter &w, const schema::Table &t)
{
    w.key("columns").beginArray();
    for (const auto &f : t.fields)
        if (f.type != schema::FieldType::Blob)
            w.beginObject().field("key", f.name).field("zh", f.labelZh).field("en", f.labelEn).endObject();
    w.endArray();
}

} // namespace

std::variant<std::string, Issue> staffSearchReport(StoreSession &s, const Params &params, const Scope &scope)
{
    const std::string q(param(params, "q"));
    std::string title = param(params, "title"), subject = param(params, "subject");
    if (!title.empty()) {
        const auto code = schema::findCodeTable("title")->normalize(title);
        if (!code)
            return makeIssue(Reason::BadRequest, {}, {}, {}, "title=" + title);
        title = *code;
    }
    if (q.empty() && title.empty() && subject.empty() && scope.schoolCode.empty() && scope.township.empty())
        return makeIssue(Reason::BadRequest, {}, {}, {}, "q=, title=, subject=, school= or township= (say whom to find)");
    // A name, a 工号 or an ID number exactly; a name also by its beginning (姓 alone finds 张*).
    const std::string sql =
        "SELECT t.id, t.name, t.staff_no, t.sex, t.birth_date, t.id_number, t.post_category, t.title, t.subject,"
        " t.education, c.code, c.name, c.township, COALESCE(t.status, '1')"
        " FROM staff t JOIN schools c ON c.id = t.school_id WHERE t.deleted = 0 AND c.deleted = 0"
        " AND (? = '' OR t.name = ? OR t.staff_no = ? OR upper(t.id_number) = upper(?) OR substr(t.name, 1, length(?)) = ?)"
        " AND (? = '' OR t.title = ?) AND (? = '' OR t.subject = ?)" +
        scopeSql(false) + " ORDER BY c.code, t.name, t.id LIMIT " + std::to_string(kMaxHits + 1);
    std::vector<Value> bind = {q, q, q, q, q, q, title, title, subject, subject};
    for (auto &p : scopeParams(scope, false))
        bind.push_back(std::move(p));
    text::JsonWriter w;
    beginReport(w, "staff_search", params,
                {{"school_name", "学校", "school"}, {"staff_no", "工号", "staff number"}, {"name", "姓名", "name"},
                 {"sex", "性别", "sex"}, {"birth_date", "出生日期", "birth date"}, {"id_number", "身份证件号", "ID number"},
                 {"post_category", "岗位类别", "post"}, {"title", "职称", "title"}, {"subject", "任教学科", "subject"},
                 {"education", "学历", "education"}, {"status", "在职状态", "status"}});
    const auto rows = s.query(sql, bind);
    w.key("rows").beginArray();
    for (std::size_t i = 0; i < rows.size() && i < static_cast<std::size_t>(kMaxHits); ++i) {
        const auto &r = rows[i];
        w.beginObject()
            .field("key", asText(r[0]))
            .field("label", asText(r[1]))
            .field("name", asText(r[1]))
            .field("staff_no", asText(r[2]))
            .field("sex", codeName("sex", asText(r[3])))
            .field("birth_date", asText(r[4]))
            .field("id_number", asText(r[5]))
            .field("post_category", codeName("post_category", asText(r[6])))
            .field("title", isNull(r[7]) ? std::string() : codeName("title", asText(r[7])))
            .field("subject", asText(r[8]))
            .field("education", isNull(r[9]) ? std::string() : codeName("education", asText(r[9])))
            .field("school", asText(r[10]))
            .field("school_name", asText(r[11]))
            .field("township", asText(r[12]))
            .field("status", codeName("staff_status", asText(r[13])))
            .endObject();
    }
    w.endArray();
    w.key("totals").beginObject().field("found", static_cast<std::int64_t>(std::min<std::size_t>(rows.size(), kMaxHits)));
    w.field("more", rows.size() > static_cast<std::size_t>(kMaxHits)).endObject().endObject();
    return w.str();
}

std::variant<std::string, Issue> staffFileReport(StoreSession &s, const Params &params)
{
    const schema::Table &staff = *schema::findTable("staff");
    const std::string id = param(params, "staff");
    const auto row = id.empty() ? std::nullopt : s.loadRow(staff, id);
    if (!row || row->deleted)
        return makeIssue(Reason::BadRequest, {}, {}, {}, "staff=" + id);
    text::JsonWriter w;
    w.beginObject().field("report", "staff_file").field("title_zh", "教师成长档案").field("title_en", "Teacher file");
    w.key("params").beginObject().field("staff", id).endObject();
    if (const auto school = s.loadRow(*schema::findTable("schools"), row->schoolId))
        w.field("school", displayText(school->values.at("code"))).field("school_name", displayText(school->values.at("name")));
    writeColumns(w, staff);
    w.key("staff");
    writeRow(w, s, staff, *row);
    w.key("sections").beginArray();
    for (const auto &[table, field] : schema::followersOf(*schema::moveByRequest("staff_transfers"))) {
        w.beginObject().field("table", table->name).field("title_zh", table->labelZh).field("title_en", table->labelEn);
        writeColumns(w, *table);
        w.key("rows").beginArray();
        for (const auto &r : s.rowsWhere(*table, {{field, Value{id}}, {"deleted", Value{std::int64_t{0}}}}))
            writeRow(w, s, *table, r);
        w.endArray().endObject();
    }
    w.endArray().endObject();
    return w.str();
}

} // namespace emis::server::report
