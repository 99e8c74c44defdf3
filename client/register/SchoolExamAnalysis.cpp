#include "register/SchoolExamAnalysis.h"

#include "exam/ExamReport.h"
#include "schema/CodeTables.h"
#include "store/LocalStore.h"
#include "store/RecordStore.h"
#include "store/SqlValue.h"

#include <QHash>

#include <algorithm>

namespace emis::client {

Result<SchoolExamData> schoolExamData(LocalStore &store, const ExamView &exam, const std::string &by)
{
    RecordStore records(store);
    SchoolExamData out;
    auto subjectRows = records.listWhere(*schema::findTable("exam_subjects"), "exam_id", exam.exam.id);
    if (!subjectRows)
        return subjectRows.error();
    for (const auto &es : exam.subjects)
        for (const auto &row : *subjectRows)
            if (ss(row.id) == es.id) {
                const auto pct = [&](const char *f) {
                    const auto it = row.values.find(f);
                    const auto *i = it == row.values.end() ? nullptr : std::get_if<std::int64_t>(&it->second);
                    return i ? static_cast<int>(*i) : 0;
                };
                out.subjects.push_back(exam::SubjectLines{es.id, es.subject, es.fullMarks, pct("excellent_pct"),
                                                          pct("pass_pct"), pct("low_pct")});
            }
    auto pupils = records.list(*schema::findTable("students"));
    if (!pupils)
        return pupils.error();
    QHash<QString, std::pair<std::string, std::string>> classOf;  // pupil id → group key, label
    const auto *grades = schema::findCodeTable("grade");
    for (const auto &p : *pupils) {
        const std::string grade = validate::fieldText(p.values, "grade");
        const std::string cls = validate::fieldText(p.values, "class_name");
        classOf.insert(p.id, {grade + "/" + cls, grades->nameOf(grade) + cls});
        out.names[ss(p.id)] = validate::fieldText(p.values, "name");
    }
    // A pupil who has transferred out since keeps the scores the school gave, by name.
    auto left = records.traces(*schema::findTable("students"));
    if (!left)
        return left.error();
    for (const auto &p : *left)
        out.names.emplace(ss(p.id), validate::fieldText(p.values, "name"));
    const std::string examGrade = validate::fieldText(exam.exam.values, "grade");
    const DeviceIdentity own = store.identity();  // read once: each call is a query
    const std::string school = ss(own.schoolName);
    for (const auto &es : exam.subjects) {
        auto scores = records.listWhere(*schema::findTable("scores"), "exam_subject_id", qs(es.id),
                                        {"student_id", "score", "absence", "class_name"});
        if (!scores)
            return scores.error();
        for (const auto &r : *scores) {
            if (r.schoolId != own.schoolId)
                continue;
            exam::Entry e;
            e.pupil = validate::fieldText(r.values, "student_id");
            e.subjectId = es.id;
            const auto score = r.values.find("score");
            if (score != r.values.end())
                if (const auto *d = std::get_if<double>(&score->second))
                    e.score = *d;
            e.absence = validate::fieldText(r.values, "absence");
            // The class the pupil sat the exam in, as the score keeps it; a score from before
            // scores kept it takes the pupil's class now.
            std::pair<std::string, std::string> inClass;
            if (const std::string cls = validate::fieldText(r.values, "class_name"); !cls.empty()) {
                inClass = {examGrade + "/" + cls, grades->nameOf(examGrade) + cls};
            } else {
                const auto c = classOf.constFind(qs(e.pupil));
                if (c == classOf.constEnd())
                    continue;  // no class known: a pupil no longer here
                inClass = *c;
            }
            e.group = by == "class" ? inClass.first : std::string("school");
            out.labels[e.group] = by == "class" ? inClass.second : school;
            out.entries.push_back(std::move(e));
        }
    }
    return out;
}

Result<std::optional<ExamView>> previousExamOf(LocalStore &store, const ExamView &exam)
{
    auto all = ScoreImport(store).exams();
    if (!all)
        return all.error();
    const auto place = [](const ExamView &v) {
        return exam::ExamPlace{ss(v.exam.id), validate::fieldText(v.exam.values, "grade"),
                               validate::fieldText(v.exam.values, "exam_date")};
    };
    // Of the exams this school has scores in, as the bureau takes the exams with scores: a county
    // exam the school sat out is passed over.
    const auto scored = [&](const ExamView &v) -> Result<bool> {
        for (const auto &s : v.subjects) {
            auto rows = RecordStore(store).listWhere(*schema::findTable("scores"), "exam_subject_id", qs(s.id));
            if (!rows)
                return rows.error();
            if (!rows->empty())
                return true;
        }
        return false;
    };
    std::vector<ExamView> candidates = std::move(*all);
    for (;;) {
        std::vector<exam::ExamPlace> places;
        for (const auto &v : candidates)
            places.push_back(place(v));
        const auto previousId = exam::previousExam(places, place(exam));
        if (!previousId)
            return std::optional<ExamView>();
        const auto it = std::find_if(candidates.begin(), candidates.end(),
                                     [&](const ExamView &v) { return ss(v.exam.id) == *previousId; });
        auto has = scored(*it);
        if (!has)
            return has.error();
        if (*has)
            return std::optional<ExamView>(*it);
        candidates.erase(it);
    }
}

Result<std::string> schoolExamAnalysis(LocalStore &store, const ExamView &exam, const std::string &by,
                                       const std::string &subject, bool comparePrevious)
{
    auto data = schoolExamData(store, exam, by);
    if (!data)
        return data.error();
    std::map<std::string, std::string, std::less<>> params{{"exam", ss(exam.exam.id)}, {"by", by}};
    std::optional<exam::PreviousExam> previous;
    if (comparePrevious) {
        params["compare"] = "previous";
        auto before = previousExamOf(store, exam);
        if (!before)
            return before.error();
        if (*before) {
            auto then = schoolExamData(store, **before, by);
            if (!then)
                return then.error();
            previous = exam::PreviousExam{ss((*before)->exam.id), then->subjects, exam::analyse(then->subjects, then->entries)};
        }
    }
    return exam::analysisDocument("exam_analysis", params, data->subjects, exam::analyse(data->subjects, data->entries),
                                  data->labels, subject, previous ? &*previous : nullptr);
}

Result<SchoolWarnings> schoolExamWarnings(LocalStore &store, const ExamView &exam)
{
    SchoolWarnings out;
    auto data = schoolExamData(store, exam, "class");
    if (!data)
        return data.error();
    out.data = std::move(*data);
    // The previous exam of the grade: the latest before this one by date (else by creation).
    auto previous = previousExamOf(store, exam);
    if (!previous)
        return previous.error();
    SchoolExamData before;
    if (*previous) {
        auto b = schoolExamData(store, **previous, "class");
        if (!b)
            return b.error();
        before = std::move(*b);
        out.previousExam = (*previous)->exam.id;
    }
    out.warnings = exam::warnings(out.data.subjects, out.data.entries, before.subjects, before.entries);
    return out;
}

} // namespace emis::client
