#include "ExamLoad.h"

#include "store/SqliteStore.h"
#include "store/StoreSession.h"
#include "sync/CountyWriter.h"
#include "sync/Hlc.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <vector>

namespace emis::bench {
namespace {

using namespace emis::server;

const char *const kSubjects[] = {"01", "02", "03", "04", "05", "06", "07", "08", "09"};

std::string added(const std::variant<std::string, std::vector<Issue>> &written, const char *what)
{
    if (const auto *issues = std::get_if<std::vector<Issue>>(&written)) {
        std::fprintf(stderr, "%s refused: %s\n", what, issues->front().text().c_str());
        std::exit(1);
    }
    return std::get<std::string>(written);
}

} // namespace

std::string loadExamScores(SqliteStore &store, int examsPerGrade)
{
    struct Pupil {
        std::string id, school;
    };
    std::map<int, std::vector<Pupil>> byGrade;  // pupils by school within each grade
    std::string first;
    std::int64_t held = 0;
    store.read([&](StoreSession &s) {
        for (const auto &r : s.query("SELECT id, school_id, grade FROM students WHERE deleted = 0 ORDER BY school_id", {}))
            byGrade[static_cast<int>(std::get<std::int64_t>(r[2]))].push_back({displayText(r[0]), displayText(r[1])});
        held = std::get<std::int64_t>(s.query("SELECT COUNT(*) FROM scores", {})[0][0]);
    });
    int biggest = 0;
    for (const auto &[grade, pupils] : byGrade)
        if (!biggest || pupils.size() > byGrade[biggest].size())
            biggest = grade;
    if (held > 0) {
        store.read([&](StoreSession &s) {
            const auto r = s.query("SELECT id FROM exams WHERE grade = ? ORDER BY id LIMIT 1", {Value{std::int64_t{biggest}}});
            first = r.empty() ? std::string() : displayText(r[0][0]);
        });
        return first;
    }
    sync::HlcClock clock("server");
    const auto now = static_cast<std::int64_t>(sync::systemNowMs());
    std::string term;
    store.write([&](StoreSession &s) {
        CountyWriter writer(s, clock, "bench", now);
        term = added(writer.addRow(*schema::findTable("terms"), std::string(schema::kCountyOwner),
                                   {{"code", Value{std::string("2026-2027-1")}},
                                    {"name", Value{std::string("2026-2027学年第一学期")}},
                                    {"start_date", Value{std::string("2026-09-01")}},
                                    {"end_date", Value{std::string("2027-01-31")}}}),
                     "term");
    });
    for (const auto &[grade, pupils] : byGrade)
        for (int k = 0; k < examsPerGrade; ++k) {
            std::string exam;
            std::vector<std::string> subjects;
            store.write([&](StoreSession &s) {
                CountyWriter writer(s, clock, "bench", now);
                exam = added(writer.addRow(*schema::findTable("exams"), std::string(schema::kCountyOwner),
                                           {{"name", Value{"第" + std::to_string(k + 1) + "次联考"}},
                                            {"term_id", Value{term}},
                                            {"grade", Value{std::int64_t{grade}}},
                                            {"exam_date", Value{"2026-1" + std::to_string(k) + "-15"}}}),
                             "exam");
                for (const char *subject : kSubjects)
                    subjects.push_back(added(writer.addRow(*schema::findTable("exam_subjects"), std::string(schema::kCountyOwner),
                                                           {{"exam_id", Value{exam}},
                                                            {"subject", Value{std::string(subject)}},
                                                            {"full_marks", Value{100.0}},
                                                            {"excellent_pct", Value{std::int64_t{85}}},
                                                            {"pass_pct", Value{std::int64_t{60}}},
                                                            {"low_pct", Value{std::int64_t{40}}}}),
                                             "exam subject"));
            });
            if (first.empty() && grade == biggest)
                first = exam;
            for (std::size_t at = 0; at < pupils.size();) {
                const std::string school = pupils[at].school;
                store.write([&](StoreSession &s) {
                    CountyWriter writer(s, clock, "bench", now);
                    for (; at < pupils.size() && pupils[at].school == school; ++at)
                        for (std::size_t j = 0; j < subjects.size(); ++j) {
                            // A score from the pupil, the subject and the exam; 缺考 about one time in 90.
                            const std::uint64_t h = (at + 1) * 0x9E3779B97F4A7C15ULL ^ (j + 1) * 0xBF58476D1CE4E5B9ULL ^
                                                    std::uint64_t(k + 1) * 0x94D049BB133111EBULL;
                            validate::Record r{{"exam_subject_id", Value{subjects[j]}}, {"student_id", Value{pupils[at].id}}};
                            if (h % 90 == 0)
                                r["absence"] = Value{std::string("1")};
                            else
                                r["score"] = Value{static_cast<double>(30 + (h >> 8) % 141) / 2};
                            added(writer.addRow(*schema::findTable("scores"), school, r), "score");
                        }
                });
            }
        }
    return first;
}

} // namespace emis::bench
