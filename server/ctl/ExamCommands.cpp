// emisctl exam: a county joint exam (联考) and its subjects, written the way an officer's
// CountyWrite is (PushHandler::applyCountyWrite: the same checks, merge and audit), and the
// list of the county's exams.
#include "ctl/Commands.h"

#include "emis.pb.h"
#include "net/ServerConfig.h"
#include "schema/CodeTables.h"
#include "store/SqliteStore.h"
#include "store/StoreSession.h"
#include "sync/Hlc.h"
#include "sync/PreparedChange.h"
#include "sync/PushHandler.h"
#include "sync/Uuid.h"
#include "text/JsonWriter.h"
#include "text/TextUtil.h"

#include <charconv>
#include <iostream>
#include <map>

namespace emis::server::ctl {
namespace {

const char *const kTermNames[] = {"", "第一学期", "第二学期"};

void set(wire::Change &c, const std::string &field, const std::string &value)
{
    auto *f = c.add_fields();
    f->set_field(field);
    f->set_text(value);
}

void set(wire::Change &c, const std::string &field, std::int64_t value)
{
    auto *f = c.add_fields();
    f->set_field(field);
    f->set_integer(value);
}

void set(wire::Change &c, const std::string &field, double value)
{
    auto *f = c.add_fields();
    f->set_field(field);
    f->set_real(value);
}

wire::Change change(const std::string &table, const std::string &id)
{
    wire::Change c;
    c.set_table(table);
    c.set_row_id(id);
    return c;
}

// "2025-2026-1": 2025-2026学年第一学期, from September to January (the second: February to July).
struct TermCode {
    int year = 0;
    int term = 0;
    std::string code() const { return std::to_string(year) + "-" + std::to_string(year + 1) + "-" + std::to_string(term); }
    std::string name() const
    {
        return std::to_string(year) + "-" + std::to_string(year + 1) + "学年" + kTermNames[term];
    }
    std::string start() const { return term == 1 ? std::to_string(year) + "-09-01" : std::to_string(year + 1) + "-02-01"; }
    std::string end() const { return term == 1 ? std::to_string(year + 1) + "-01-31" : std::to_string(year + 1) + "-07-31"; }
};

std::optional<TermCode> parseTerm(const std::string &raw)
{
    const auto parts = text::split(text::trim(raw), '-');
    if (parts.size() != 3 || parts[0].size() != 4 || parts[1].size() != 4 || parts[2].size() != 1)
        return std::nullopt;
    TermCode t;
    int second = 0;
    if (!text::isDigits(parts[0]) || !text::isDigits(parts[1]) || !text::isDigits(parts[2]))
        return std::nullopt;
    t.year = std::stoi(std::string(parts[0]));
    second = std::stoi(std::string(parts[1]));
    t.term = std::stoi(std::string(parts[2]));
    if (second != t.year + 1 || (t.term != 1 && t.term != 2) || t.year < 2000 || t.year > 2100)
        return std::nullopt;
    return t;
}

struct SubjectMarks {
    std::string code;
    double full = 0;
};

// "语文:120" (a full-width colon too); the subject by name, alias or code.
std::optional<SubjectMarks> parseSubject(const std::string &raw, std::string &why)
{
    const std::string s = text::toHalfWidth(raw);
    const auto colon = s.rfind(':');
    if (colon == std::string::npos) {
        why = "write a subject as NAME:FULL_MARKS, such as 语文:120, not \"" + raw + "\"";
        return std::nullopt;
    }
    const auto code = schema::findCodeTable("subject")->normalize(s.substr(0, colon));
    if (!code) {
        why = "no subject \"" + s.substr(0, colon) + "\"";
        return std::nullopt;
    }
    const std::string marks(text::trim(s.substr(colon + 1)));
    double full = 0;
    const auto [ptr, ec] = std::from_chars(marks.data(), marks.data() + marks.size(), full);
    if (ec != std::errc() || ptr != marks.data() + marks.size() || full <= 0 || full > 1000) {
        why = "full marks of " + s.substr(0, colon) + " are a number above 0, not \"" + marks + "\"";
        return std::nullopt;
    }
    return SubjectMarks{*code, full};
}

// Thrown out of the write job when the exam is refused: nothing of it is committed.
struct Refused {};

std::string text(const validate::Record &r, const char *field)
{
    const auto it = r.find(field);
    return it == r.end() ? std::string() : displayText(it->second);
}

} // namespace

int examAdd(const std::string &dir, const std::string &name, const std::string &term, int grade,
            const std::vector<std::string> &subjects, const std::vector<std::string> &schools)
{
    const auto termCode = parseTerm(term);
    if (!termCode) {
        std::cerr << "emisctl: a term is written YEAR-YEAR-1 or YEAR-YEAR-2, such as 2025-2026-1, not \"" << term
                  << "\"\n";
        return 2;
    }
    if (grade < 1 || grade > 12) {
        std::cerr << "emisctl: a grade is 1 to 12\n";
        return 2;
    }
    std::vector<SubjectMarks> marks;
    for (const auto &s : subjects) {
        std::string why;
        auto m = parseSubject(s, why);
        if (!m) {
            std::cerr << "emisctl: " << why << "\n";
            return 2;
        }
        for (const auto &known : marks)
            if (known.code == m->code) {
                std::cerr << "emisctl: subject " << s << " is given twice\n";
                return 2;
            }
        marks.push_back(*m);
    }
    if (marks.empty()) {
        std::cerr << "emisctl: an exam has at least one --subject\n";
        return 2;
    }
    SqliteStore store(ServerConfig::load(dir).path("emis.db"));
    std::string examId;
    int status = 0;
    const auto job = [&](StoreSession &s) {
        std::string codes;
        for (const auto &code : schools) {
            if (!s.schoolByCode(code)) {
                std::cerr << "emisctl: no school with code " << code << "\n";
                status = 2;
                return;
            }
            codes += (codes.empty() ? "" : " ") + code;
        }
        google::protobuf::RepeatedPtrField<wire::Change> changes;
        const auto terms = s.rowsWhere(*schema::findTable("terms"), {{"code", Value{termCode->code()}}});
        std::string termId;
        for (const auto &t : terms)
            if (!t.deleted)
                termId = t.id;
        if (termId.empty()) {
            termId = sync::newUuidV7();
            auto t = change("terms", termId);
            set(t, "code", termCode->code());
            set(t, "name", termCode->name());
            set(t, "start_date", termCode->start());
            set(t, "end_date", termCode->end());
            *changes.Add() = t;
        }
        examId = sync::newUuidV7();
        auto e = change("exams", examId);
        set(e, "name", name);
        set(e, "term_id", termId);
        set(e, "grade", std::int64_t{grade});
        if (!codes.empty())
            set(e, "school_codes", codes);
        *changes.Add() = e;
        for (const auto &m : marks) {
            auto c = change("exam_subjects", sync::newUuidV7());
            set(c, "exam_id", examId);
            set(c, "subject", m.code);
            set(c, "full_marks", m.full);
            set(c, "excellent_pct", std::int64_t{85});
            set(c, "pass_pct", std::int64_t{60});
            set(c, "low_pct", std::int64_t{40});
            *changes.Add() = c;
        }
        std::uint64_t n = 0;
        for (auto &c : changes)
            c.set_device_seq(++n);
        auto batch = prepareCountyWrite(changes, "admin");
        sync::HlcClock clock("emisctl");
        wire::CountyWriteAck ack;
        const auto now = static_cast<std::int64_t>(sync::systemNowMs());
        PushHandler(s, DeviceIdentity{"emisctl", std::string(schema::kCountyOwner), {}}, now)
            .applyCountyWrite(batch, clock, ack);
        if (ack.rejections_size()) {
            for (const auto &r : ack.rejections())
                std::cerr << "emisctl: " << r.table() << " " << r.field() << ": " << r.message_zh() << " ("
                          << r.message_en() << ")\n";
            status = 1;
            throw Refused{};
        }
    };
    try {
        store.write(job);
    } catch (const Refused &) {
    }
    if (status)
        return status;
    std::cout << examId << "\n";
    return 0;
}

int examList(const std::string &dir, bool json)
{
    SqliteStore store(ServerConfig::load(dir).path("emis.db"));
    std::vector<StoredRow> exams, subjects, terms;
    store.read([&](StoreSession &s) {
        exams = s.allRows(*schema::findTable("exams"));
        subjects = s.allRows(*schema::findTable("exam_subjects"));
        terms = s.allRows(*schema::findTable("terms"));
    });
    std::map<std::string, const StoredRow *> termById;
    for (const auto &t : terms)
        termById[t.id] = &t;
    const auto *subjectNames = schema::findCodeTable("subject");
    const auto *grades = schema::findCodeTable("grade");
    text::JsonWriter w(text::JsonWriter::Style::Indented);
    w.beginArray();
    for (const auto &e : exams) {
        if (e.deleted || e.schoolId != schema::kCountyOwner)
            continue;
        const auto t = termById.find(text(e.values, "term_id"));
        const std::string termCode = t == termById.end() ? std::string() : text(t->second->values, "code");
        const std::string grade = text(e.values, "grade");
        std::string line = e.id + "\t" + text(e.values, "name") + "\t" + termCode + "\t" + grades->nameOf(grade) + "\t";
        w.beginObject().field("id", e.id).field("name", text(e.values, "name")).field("term", termCode);
        w.field("grade", grade).field("grade_name", grades->nameOf(grade));
        w.key("subjects").beginArray();
        bool first = true;
        for (const auto &s : subjects) {
            if (s.deleted || text(s.values, "exam_id") != e.id)
                continue;
            const std::string code = text(s.values, "subject");
            line += (first ? "" : " ") + subjectNames->nameOf(code) + ":" + text(s.values, "full_marks");
            first = false;
            w.beginObject(true).field("id", s.id).field("subject", code).field("name", subjectNames->nameOf(code));
            const auto number = [&](const char *field) {
                const auto it = s.values.find(field);
                if (it == s.values.end())
                    return 0.0;
                if (const auto *d = std::get_if<double>(&it->second))
                    return *d;
                const auto *i = std::get_if<std::int64_t>(&it->second);
                return i ? static_cast<double>(*i) : 0.0;
            };
            w.field("full_marks", number("full_marks"));
            w.field("excellent_pct", number("excellent_pct")).field("pass_pct", number("pass_pct"));
            w.field("low_pct", number("low_pct")).endObject();
        }
        w.endArray();
        const std::string codes = text(e.values, "school_codes");
        w.key("schools").beginArray(true);
        for (const auto &c : text::split(codes, ' '))
            if (!c.empty())
                w.value(std::string(c));
        w.endArray().endObject();
        if (!json)
            std::cout << line << "\t" << (codes.empty() ? "all schools" : codes) << "\n";
    }
    w.endArray();
    if (json)
        std::cout << w.str() << "\n";
    return 0;
}

} // namespace emis::server::ctl
