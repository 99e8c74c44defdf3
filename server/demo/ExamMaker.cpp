#include "ExamMaker.h"

#include "CsvText.h"
#include "DemoRandom.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace emis::demo {
namespace {

constexpr std::uint64_t kExamStream = 0x4558414D;  // "EXAM"

// A roughly normal draw (the sum of four uniforms), mean 0 and deviation 1.
double normal(DemoRandom &rng)
{
    double sum = 0;
    for (int i = 0; i < 4; ++i)
        sum += rng.unit();
    return (sum - 2.0) * std::sqrt(3.0);
}

std::string scoreText(int halves)
{
    if (halves == kAbsent)
        return "缺考";
    if (halves == kExempt)
        return "免考";
    return std::to_string(halves / 2) + (halves % 2 ? ".5" : "");
}

} // namespace

void addJointExam(DemoCounty &county)
{
    DemoExam &exam = county.exam;
    exam.name = std::to_string(kSchoolYear) + "-" + std::to_string(kSchoolYear + 1) + "学年第一学期八年级期中联考";
    exam.term = std::to_string(kSchoolYear) + "-" + std::to_string(kSchoolYear + 1) + "-1";
    exam.grade = 8;
    exam.subjects = {{"01", "语文", 120}, {"02", "数学", 120}, {"03", "英语", 120},
                     {"04", "物理", 100}, {"07", "道德与法治", 100}, {"08", "历史", 100}};
    // Each subject's county mean as a share of full marks: 数学 and 物理 are the hard papers.
    const double subjectLevel[] = {0.72, 0.63, 0.66, 0.61, 0.74, 0.70};
    std::map<std::size_t, double> schoolLevel;
    for (std::size_t p = 0; p < county.pupils.size(); ++p) {
        const DemoPupil &pupil = county.pupils[p];
        if (pupil.grade != exam.grade)
            continue;
        DemoRandom rng(DemoRandom::derive(county.seed ^ kExamStream, p));
        auto level = schoolLevel.find(pupil.school);
        if (level == schoolLevel.end()) {
            DemoRandom schoolRng(DemoRandom::derive(county.seed ^ kExamStream, county.pupils.size() + pupil.school));
            level = schoolLevel.emplace(pupil.school, 0.06 * normal(schoolRng)).first;
        }
        const double own = 0.12 * normal(rng);
        std::vector<int> halves;
        for (std::size_t s = 0; s < exam.subjects.size(); ++s) {
            const int full = exam.subjects[s].fullMarks;
            if (rng.chance(1.0 / 300)) {
                halves.push_back(kExempt);
                continue;
            }
            if (rng.chance(1.0 / 70)) {
                halves.push_back(kAbsent);
                continue;
            }
            const double share = subjectLevel[s] + level->second + own + 0.08 * normal(rng);
            const int h = static_cast<int>(std::lround(std::clamp(share, 0.02, 1.0) * full * 2));
            halves.push_back(std::clamp(h, 0, full * 2));
        }
        exam.pupils.push_back(p);
        exam.halves.push_back(std::move(halves));
    }
}

std::string scoreSheetCsv(const DemoCounty &county, std::size_t school)
{
    const DemoExam &exam = county.exam;
    std::string out(kUtf8Bom);
    appendCsvLine(out, {county.schools[school].name + exam.name + "成绩"});
    std::vector<std::string> header = {"序号", "学籍号", "姓名", "班级"};
    for (const auto &s : exam.subjects)
        header.push_back(s.name);
    header.push_back("总分");
    header.push_back("班级名次");
    appendCsvLine(out, header);
    struct Line {
        std::size_t at;  // index into exam.pupils
        int total;       // in halves, -1 when a paper has no score
    };
    std::vector<Line> lines;
    for (std::size_t i = 0; i < exam.pupils.size(); ++i)
        if (county.pupils[exam.pupils[i]].school == school) {
            int total = 0;
            for (int h : exam.halves[i])
                total = h < 0 || total < 0 ? -1 : total + h;
            lines.push_back({i, total});
        }
    // 班级名次 by 总分 within the class, as the teachers' sheets carry it (the import ignores it).
    std::map<std::string, std::vector<int>> totalsOf;
    for (const Line &l : lines)
        totalsOf[county.pupils[exam.pupils[l.at]].className].push_back(l.total);
    int n = 0;
    for (const Line &l : lines) {
        const DemoPupil &p = county.pupils[exam.pupils[l.at]];
        std::vector<std::string> cells = {std::to_string(++n), p.studentNo, p.name, "八年级" + p.className};
        for (int h : exam.halves[l.at])
            cells.push_back(scoreText(h));
        std::string rank;
        if (l.total >= 0) {
            const auto &all = totalsOf[p.className];
            rank = std::to_string(1 + std::count_if(all.begin(), all.end(), [&](int t) { return t > l.total; }));
        }
        cells.push_back(l.total >= 0 ? scoreText(l.total) : std::string());
        cells.push_back(rank);
        appendCsvLine(out, cells);
    }
    return out;
}

} // namespace emis::demo
