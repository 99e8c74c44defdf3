// The joint exam's true figures, counted from DemoCounty::exam with integers only (scores are
// kept in half points), so that the figures exam_analysis computes in floating point over the
// imported and synced scores are checked against an independent count.
#include "Aggregates.h"

#include <cmath>
#include <cstdint>
#include <map>

namespace emis::demo {
namespace {

using I = std::int64_t;

// floor(num / den + 1/2) for num >= 0, den > 0: rounding half away from zero.
I roundedRatio(I num, I den) { return (2 * num + den) / (2 * den); }

struct Tally {
    int expected = 0, sat = 0, excellent = 0, pass = 0, low = 0;
    I sum = 0, squares = 0;  // of the halves
    int maxH = 0, minH = 0;
    void add(int halves, int fullHalves)
    {
        if (halves == kExempt)
            return;
        ++expected;
        if (halves == kAbsent)
            return;
        maxH = sat == 0 ? halves : std::max(maxH, halves);
        minH = sat == 0 ? halves : std::min(minH, halves);
        ++sat;
        sum += halves;
        squares += I(halves) * halves;
        // Lines at 85%, 60% and 40% of full marks, compared without division.
        excellent += I(halves) * 100 >= I(fullHalves) * 85 ? 1 : 0;
        pass += I(halves) * 100 >= I(fullHalves) * 60 ? 1 : 0;
        low += I(halves) * 100 < I(fullHalves) * 40 ? 1 : 0;
    }
    ExamFigures figures() const
    {
        ExamFigures f;
        f.expected = expected;
        f.sat = sat;
        if (sat == 0)
            return f;
        f.mean = double(roundedRatio(100 * sum, 2 * I(sat))) / 100;
        // sd × 100 = 50 √N / sat, N = sat·Σh² − (Σh)²: the largest k with (2k − 1)·sat ≤ 100 √N.
        const I n = I(sat) * squares - sum * sum;
        I k = I(std::llround(50.0 * std::sqrt(double(n)) / sat));
        const auto fits = [&](I c) { return c <= 0 || (2 * c - 1) * I(sat) * (2 * c - 1) * I(sat) <= 10000 * n; };
        while (!fits(k))
            --k;
        while (fits(k + 1))
            ++k;
        f.sd = double(k) / 100;
        f.max = maxH / 2.0;
        f.min = minH / 2.0;
        f.excellentRate = double(roundedRatio(1000 * I(excellent), sat)) / 10;
        f.passRate = double(roundedRatio(1000 * I(pass), sat)) / 10;
        f.lowRate = double(roundedRatio(1000 * I(low), sat)) / 10;
        return f;
    }
};

// A group's tallies by subject, 总分 last.
using Tallies = std::vector<Tally>;

void addPupil(Tallies &t, const DemoExam &exam, const std::vector<int> &halves)
{
    int total = 0, totalFull = 0;
    bool expected = false, whole = true;
    for (std::size_t s = 0; s < exam.subjects.size(); ++s) {
        const int full = exam.subjects[s].fullMarks * 2;
        t[s].add(halves[s], full);
        expected = expected || halves[s] != kExempt;
        whole = whole && halves[s] >= 0;
        total += std::max(halves[s], 0);
        totalFull += full;
    }
    if (expected)
        t.back().add(whole ? total : kAbsent, totalFull);
}

// Ranks by mean among the groups (equal means share a place) and 超均率 against the county.
std::vector<ExamGroup> finish(const std::map<std::string, Tallies> &groups, const Tallies &county)
{
    std::vector<ExamGroup> out;
    for (const auto &[key, t] : groups) {
        ExamGroup g{key, {}};
        for (std::size_t s = 0; s < t.size(); ++s) {
            ExamFigures f = t[s].figures();
            if (t[s].sat > 0) {
                int better = 0;
                for (const auto &[other, o] : groups)
                    better += o[s].sat > 0 && o[s].sum * t[s].sat > t[s].sum * o[s].sat ? 1 : 0;
                f.rank = better + 1;
                const Tally &c = county[s];
                if (c.sum > 0) {
                    // (mean − county mean) / county mean × 100 = 100 (Σ·n_c − Σ_c·n) / (Σ_c·n).
                    const I p = t[s].sum * c.sat - c.sum * t[s].sat;
                    const I q = c.sum * t[s].sat;
                    const I k = roundedRatio(10000 * (p < 0 ? -p : p), q);
                    f.hasOverMean = true;
                    f.overMean = double(p < 0 ? -k : k) / 100;
                }
            }
            g.figures.push_back(f);
        }
        out.push_back(std::move(g));
    }
    return out;
}

} // namespace

ExamTruth computeExamTruth(const DemoCounty &county)
{
    const DemoExam &exam = county.exam;
    const std::size_t n = exam.subjects.size() + 1;
    Tallies all(n);
    std::map<std::string, Tallies> bySchool, byTownship;
    for (std::size_t i = 0; i < exam.pupils.size(); ++i) {
        const DemoSchool &school = county.schools[county.pupils[exam.pupils[i]].school];
        addPupil(all, exam, exam.halves[i]);
        addPupil(bySchool.try_emplace(school.code, n).first->second, exam, exam.halves[i]);
        addPupil(byTownship.try_emplace(school.township, n).first->second, exam, exam.halves[i]);
    }
    ExamTruth truth;
    truth.county.key = "county";
    for (const Tally &t : all)
        truth.county.figures.push_back(t.figures());
    truth.schools = finish(bySchool, all);
    const std::vector<ExamGroup> townships = finish(byTownship, all);
    for (const auto &name : county.townships)
        for (const auto &g : townships)
            if (g.key == name)
                truth.townships.push_back(g);
    return truth;
}

} // namespace emis::demo
