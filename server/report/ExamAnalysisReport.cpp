// 考试成绩分析 county-wide: every school's scores of one exam, by county, township, school or
// class, each group against the county (exam/ExamAnalysis.h holds the definitions, which the
// school's own analysis shares).
#include "exam/ExamReport.h"
#include "report/ReportParts.h"
#include "schema/CodeTables.h"
#include "text/JsonWriter.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace emis::server::report {
namespace {

// A class's group key: school code/grade/class name.
std::string classKey(const std::string &schoolCode, std::int64_t grade, const std::string &className)
{
    return schoolCode + "/" + std::to_string(grade) + "/" + className;
}

// Who taught each class each subject in the exam's term (教学分工, 任课教师): classKey/subject ->
// the teacher's id and "name（school）".
using TeacherMap = std::map<std::string, std::pair<std::string, std::string>>;
TeacherMap teachersOf(StoreSession &s, const std::string &examId)
{
    TeacherMap out;
    for (const auto &r : s.query("SELECT sc.code, c.grade, c.name, ta.subject, st.id, st.name, sc.name "
                                 "FROM teaching_assignments ta JOIN exams ex ON ex.term_id = ta.term_id "
                                 "JOIN classes c ON c.id = ta.class_id JOIN staff st ON st.id = ta.staff_id "
                                 "JOIN schools sc ON sc.id = c.school_id WHERE ex.id = ? AND ta.duty = '1' "
                                 "AND ta.deleted = 0 AND c.deleted = 0 AND st.deleted = 0",
                                 {Value{examId}}))
        out[classKey(asText(r[0]), asInt(r[1]), asText(r[2])) + "/" + asText(r[3])] = {asText(r[4]),
                                                                                      asText(r[5]) + "（" + asText(r[6]) + "）"};
    return out;
}

struct CountyExam {
    std::vector<exam::SubjectLines> subjects;
    std::vector<exam::Entry> entries;
    std::map<std::string, std::string> labels;
    std::string subject;  // subject= as a code, "total", or empty
    std::string examId;
};

std::variant<CountyExam, Issue> loadExam(StoreSession &s, const Params &params, const Scope &scope, std::string_view by)
{
    const auto examParam = params.find("exam");
    if (examParam == params.end() || examParam->second.empty())
        return makeIssue(Reason::BadRequest, {}, {}, {}, "exam= (an exam's id, see emisctl exam list)");
    const std::string examId = examParam->second;
    std::string subject;
    if (const auto p = params.find("subject"); p != params.end() && !p->second.empty()) {
        if (p->second == "total" || p->second == "总分") {
            subject = "total";
        } else {
            const auto code = schema::findCodeTable("subject")->normalize(p->second);
            if (!code)
                return makeIssue(Reason::BadRequest, {}, {}, {}, "subject=" + p->second);
            subject = *code;
        }
    }
    std::vector<exam::SubjectLines> subjects;
    for (const auto &r : s.query("SELECT id, subject, full_marks, excellent_pct, pass_pct, low_pct FROM exam_subjects "
                                 "WHERE exam_id = ? AND deleted = 0",
                                 {Value{examId}}))
        subjects.push_back(exam::SubjectLines{asText(r[0]), asText(r[1]), asReal(r[2]), static_cast<int>(asInt(r[3])),
                                              static_cast<int>(asInt(r[4])), static_cast<int>(asInt(r[5]))});
    if (subjects.empty())
        return makeIssue(Reason::BadRequest, {}, {}, {}, "exam=" + examId + " (no such exam, or it has no subjects)");
    const auto *codes = schema::findCodeTable("subject");
    const auto order = [&](const exam::SubjectLines &x) {
        for (std::size_t i = 0; i < codes->entries.size(); ++i)
            if (codes->entries[i].code == x.subject)
                return i;
        return codes->entries.size();
    };
    std::sort(subjects.begin(), subjects.end(), [&](const auto &a, const auto &b) { return order(a) < order(b); });

    const TeacherMap teacherOf = by == "teacher" ? teachersOf(s, examId) : TeacherMap{};

    // Every score of the exam (the reference is the county); the scope says which groups show.
    // A score counts for the school that scored it, in the class the pupil sat it in (the score
    // row keeps it): a pupil promoted, moved to another class or transferred out since leaves
    // the exam's figures as they were. A score from before the row kept its class (schema 5)
    // takes the pupil's class now; a deleted pupil's scores are left out.
    struct School {
        std::string code, name, township;
    };
    std::unordered_map<std::string, School> schools;
    for (const auto &r : s.query("SELECT id, code, name, township FROM schools WHERE deleted = 0", {}))
        schools.emplace(asText(r[0]), School{asText(r[1]), asText(r[2]), asText(r[3])});
    std::int64_t examGrade = 0;
    for (const auto &r : s.query("SELECT grade FROM exams WHERE id = ?", {Value{examId}}))
        examGrade = asInt(r[0]);
    // The scores through the index that holds all they need (store/ReportSummary.h), a subject
    // at a time: no row of scores or students is read for them. Within the analysis a pupil and
    // a subject go by short keys (their order here), which fit in a string without allocating:
    // an exam is a few hundred thousand scores, and the figures name neither.
    struct Pupil {
        bool deleted = false;
        bool looked = false;     // its class now asked for
        std::int64_t grade = 0;  // now, for a score that keeps no class
        std::string className;
        std::string key;
    };
    struct Score {
        exam::Entry entry;
        std::string className;
        const School *school = nullptr;
        const std::string *subject = nullptr;
        Pupil *pupil = nullptr;
        const std::string *pupilId = nullptr;  // the key of `pupil` in `pupils`
    };
    std::unordered_map<std::string, Pupil> pupils;  // by student id
    std::vector<Score> scores;
    for (std::size_t i = 0; i < subjects.size(); ++i) {
        const std::string key = std::to_string(i);
        auto school = schools.end();
        s.queryEach("SELECT student_id, score, absence, class_name, school_id FROM scores "
                    "WHERE exam_subject_id = ? AND deleted = 0",
                    {Value{subjects[i].id}}, [&](StoreSession::QueryRow &r) {
            // The row's text read in place: an id is copied only for a pupil met first.
            const auto *schoolId = std::get_if<std::string>(&r[4]);
            const auto *pupilId = std::get_if<std::string>(&r[0]);
            if (!schoolId || !pupilId)
                return;
            if (school == schools.end() || school->first != *schoolId)
                school = schools.find(*schoolId);
            if (school == schools.end())
                return;  // a school deleted since
            Score &sc = scores.emplace_back();
            auto [p, added] = pupils.try_emplace(*pupilId);
            if (added)
                p->second.key = std::to_string(pupils.size());
            sc.pupil = &p->second;
            sc.pupilId = &p->first;
            sc.entry.pupil = p->second.key;
            sc.entry.subjectId = key;
            if (!isNull(r[1]))
                sc.entry.score = asReal(r[1]);
            if (const auto *absence = std::get_if<std::string>(&r[2]))
                sc.entry.absence = *absence;
            if (const auto *cls = std::get_if<std::string>(&r[3]))
                sc.className = *cls;
            sc.school = &school->second;
            sc.subject = &subjects[i].subject;
        });
    }
    for (std::size_t i = 0; i < subjects.size(); ++i)
        subjects[i].id = std::to_string(i);
    // The deleted pupils (few, through their own index) are left out; a score that keeps no
    // class (from an older client) takes its pupil's class now, looked up for those alone.
    s.queryEach("SELECT id FROM students WHERE deleted <> 0", {}, [&](StoreSession::QueryRow &r) {
        if (auto p = pupils.find(asText(r[0])); p != pupils.end())
            p->second.deleted = true;
    });
    std::vector<const std::string *> ids;
    for (const auto &sc : scores)
        if (sc.className.empty() && !sc.pupil->looked) {
            sc.pupil->looked = true;
            ids.push_back(sc.pupilId);
        }
    constexpr std::size_t kChunk = 500;
    for (std::size_t from = 0; from < ids.size(); from += kChunk) {
        const std::size_t n = std::min(kChunk, ids.size() - from);
        std::string sql = "SELECT id, grade, class_name FROM students WHERE deleted = 0 AND id IN (?";
        for (std::size_t i = 1; i < n; ++i)
            sql += ",?";
        std::vector<Value> args;
        for (std::size_t i = 0; i < n; ++i)
            args.emplace_back(*ids[from + i]);
        s.queryEach(sql + ")", args, [&](StoreSession::QueryRow &r) {
            Pupil &p = pupils[asText(r[0])];
            p.grade = asInt(r[1]);
            p.className = asText(r[2]);
        });
    }
    std::vector<exam::Entry> entries;
    std::map<std::string, std::string> labels;
    entries.reserve(scores.size());
    for (auto &sc : scores) {
        const Pupil &p = *sc.pupil;
        if (p.deleted || (sc.className.empty() && p.className.empty()))
            continue;  // deleted, or no class kept and the pupil's row gone
        const School &school = *sc.school;
        const std::string &code = school.code;
        const std::string &township = school.township;
        const bool kept = !sc.className.empty();
        const std::int64_t grade = kept ? examGrade : p.grade;
        const std::string &className = kept ? sc.className : p.className;
        exam::Entry e = std::move(sc.entry);
        e.inScope = (scope.township.empty() || scope.township == township) &&
                    (scope.schoolCode.empty() || scope.schoolCode == code) &&
                    (scope.className.empty() || scope.className == className);
        if (by == "county") {
            e.group = "county";
            labels.try_emplace(e.group, "全县");
        } else if (by == "township") {
            e.group = township;
            labels.try_emplace(e.group, township);
        } else if (by == "school") {
            e.group = code;
            labels.try_emplace(e.group, school.name);
        } else if (by == "teacher") {
            const auto t = teacherOf.find(classKey(code, grade, className) + "/" + *sc.subject);
            e.group = t == teacherOf.end() ? std::string("unassigned") : t->second.first;
            labels.try_emplace(e.group, t == teacherOf.end() ? std::string("未登记任课教师") : t->second.second);
        } else {
            e.group = classKey(code, grade, className);
            if (labels.find(e.group) == labels.end())
                labels.emplace(e.group, school.name + " " + gradeName(grade) + className);
        }
        entries.push_back(std::move(e));
    }
    return CountyExam{std::move(subjects), std::move(entries), std::move(labels), subject, examId};
}

} // namespace

std::variant<std::string, Issue> examAnalysisReport(StoreSession &s, const Params &params, const Scope &scope,
                                                    std::string_view by)
{
    const auto analysed = [&](const Params &p) -> std::variant<std::pair<CountyExam, exam::Analysis>, Issue> {
        auto loaded = loadExam(s, p, scope, by);
        if (auto *issue = std::get_if<Issue>(&loaded))
            return *issue;
        auto &e = std::get<CountyExam>(loaded);
        exam::Analysis analysis = exam::analyse(e.subjects, e.entries);
        // A teacher's pupils are counted in the subjects taught: no 总分 of theirs, nor subjects not taught.
        if (by == "teacher")
            std::erase_if(analysis.rows, [](const exam::Row &r) { return r.subjectId.empty() || r.figures.expected == 0; });
        return std::make_pair(std::move(e), std::move(analysis));
    };
    auto now = analysed(params);
    if (auto *issue = std::get_if<Issue>(&now))
        return *issue;
    const auto &[e, analysis] = std::get<0>(now);
    // compare=previous: beside each figure its change since the previous exam of the grade.
    std::optional<exam::PreviousExam> previous;
    if (const auto compare = params.find("compare"); compare != params.end() && !compare->second.empty()) {
        if (compare->second != "previous")
            return makeIssue(Reason::BadRequest, {}, {}, {}, "compare=" + compare->second + " (only compare=previous)");
        std::vector<exam::ExamPlace> places;
        // Of the same author (a county exam is compared with the county's, a school's own with its
        // own), and scored.
        for (const auto &r : s.query("SELECT id, grade, exam_date FROM exams WHERE deleted = 0 AND "
                                     "school_id = (SELECT school_id FROM exams WHERE id = ?) AND (id = ? OR EXISTS "
                                     "(SELECT 1 FROM exam_subjects es JOIN scores sc ON sc.exam_subject_id = es.id "
                                     "WHERE es.exam_id = exams.id AND es.deleted = 0 AND sc.deleted = 0))",
                                     {Value{e.examId}, Value{e.examId}}))
            places.push_back(exam::ExamPlace{asText(r[0]), std::to_string(asInt(r[1])), asText(r[2])});
        const auto self = std::find_if(places.begin(), places.end(), [&](const auto &p) { return p.id == e.examId; });
        if (const auto before = self == places.end() ? std::nullopt : exam::previousExam(places, *self)) {
            Params p = params;
            p["exam"] = *before;
            auto then = analysed(p);
            if (auto *issue = std::get_if<Issue>(&then))
                return *issue;
            auto &[pe, pa] = std::get<0>(then);
            previous = exam::PreviousExam{*before, std::move(pe.subjects), std::move(pa)};
        }
    }
    return exam::analysisDocument("exam_analysis", params, e.subjects, analysis, e.labels, e.subject,
                                  previous ? &*previous : nullptr);
}

std::variant<std::string, Issue> examBandsReport(StoreSession &s, const Params &params, const Scope &scope,
                                                 std::string_view by)
{
    auto loaded = loadExam(s, params, scope, by);
    if (auto *issue = std::get_if<Issue>(&loaded))
        return *issue;
    const auto &e = std::get<CountyExam>(loaded);
    std::string subjectId;
    if (!e.subject.empty() && e.subject != "total") {
        for (const auto &x : e.subjects)
            if (x.subject == e.subject)
                subjectId = x.id;
        if (subjectId.empty())
            return makeIssue(Reason::BadRequest, {}, {}, {}, "subject=" + params.at("subject") + " (not in this exam)");
    }
    return exam::bandsDocument("exam_bands", params, e.subjects, e.entries, e.labels, subjectId);
}

std::variant<std::string, Issue> examWeakReport(StoreSession &s, const Params &params, const Scope &scope)
{
    // The classes' scores, and the same scores by school: both against the county.
    auto loaded = loadExam(s, params, scope, "class");
    if (auto *issue = std::get_if<Issue>(&loaded))
        return *issue;
    const auto &e = std::get<CountyExam>(loaded);
    std::vector<exam::Entry> bySchool = e.entries;
    for (auto &x : bySchool)
        x.group = x.group.substr(0, x.group.find('/'));
    std::map<std::string, std::string> schoolNames;
    for (const auto &r : s.query("SELECT code, name FROM schools WHERE deleted = 0", {}))
        schoolNames[asText(r[0])] = asText(r[1]);
    std::map<std::string, std::string> codeOf;  // exam subject -> subject code
    for (const auto &x : e.subjects)
        codeOf[x.id] = x.subject;
    const TeacherMap teacherOf = teachersOf(s, e.examId);
    constexpr std::size_t kMost = 3;
    const auto weakSubjects = exam::weakest(exam::analyse(e.subjects, bySchool), kMost);
    const auto weakClasses = exam::weakest(exam::analyse(e.subjects, e.entries), e.entries.size());
    const auto *codes = schema::findCodeTable("subject");

    text::JsonWriter w;
    w.beginObject().field("report", "exam_weak").field("title_zh", "薄弱学科与薄弱班级").field("title_en",
                                                                                               "Weak subjects and classes");
    w.key("params").beginObject();
    for (const auto &[k, v] : params)
        w.field(k, v);
    w.endObject();
    w.key("columns").beginArray();
    for (const auto &[key, zh, en] : {std::tuple{"label", "学校", "school"}, {"subject_name", "薄弱学科", "weak subject"},
                                      {"over_mean", "学校超均率%", "school above the mean %"},
                                      {"class_label", "薄弱班级", "weak class"},
                                      {"class_over_mean", "班级超均率%", "class above the mean %"},
                                      {"teacher", "任课教师", "teacher"}})
        w.beginObject().field("key", key).field("zh", zh).field("en", en).endObject();
    w.endArray();
    w.key("rows").beginArray();
    // The classes below the county by school and subject, found once.
    std::map<std::pair<std::string, std::string>, std::vector<const exam::Row *>> classesOf;
    for (const auto &c : weakClasses)
        classesOf[{c.group.substr(0, c.group.find('/')), c.subjectId}].push_back(&c);
    for (const auto &school : weakSubjects) {
        // The school's classes below the county in that subject, lowest first, each with its teacher.
        std::vector<const exam::Row *> classes = classesOf[{school.group, school.subjectId}];
        std::stable_sort(classes.begin(), classes.end(), [](const exam::Row *a, const exam::Row *b) {
            return *a->figures.overMean < *b->figures.overMean;
        });
        classes.resize(std::min(classes.size(), kMost));
        const auto row = [&](const exam::Row *c) {
            const std::string code = codeOf[school.subjectId];
            const auto name = schoolNames.find(school.group);
            w.beginObject().field("key", school.group).field("label", name == schoolNames.end() ? school.group : name->second);
            w.field("subject", code).field("subject_name", codes->nameOf(code));
            w.field("over_mean", exam::roundHalfAway(*school.figures.overMean, 2));
            if (c) {
                const auto label = e.labels.find(c->group);
                const auto teacher = teacherOf.find(c->group + "/" + code);
                w.field("class", c->group).field("class_label", label == e.labels.end() ? c->group : label->second);
                w.field("class_over_mean", exam::roundHalfAway(*c->figures.overMean, 2));
                w.field("teacher", teacher == teacherOf.end() ? std::string("未登记任课教师") : teacher->second.second);
            } else {
                w.key("class").null().key("class_label").null().key("class_over_mean").null().key("teacher").null();
            }
            w.endObject();
        };
        if (classes.empty())
            row(nullptr);
        for (const auto *c : classes)
            row(c);
    }
    w.endArray().endObject();
    return w.str();
}

} // namespace emis::server::report
