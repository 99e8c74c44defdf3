#include "exam/ExamAnalysis.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace emis::exam {
namespace {

struct Lines {
    double full = 0, excellent = 0, pass = 0, low = 0;
};

Lines linesOf(const SubjectLines &s)
{
    return {s.fullMarks, s.fullMarks * s.excellentPct / 100.0, s.fullMarks * s.passPct / 100.0,
            s.fullMarks * s.lowPct / 100.0};
}

// Sums kept while rows are read; the figures come from them at the end.
struct Tally {
    int expected = 0;
    std::vector<double> scores;
    void add(const Entry &e)
    {
        if (e.score) {
            ++expected;
            scores.push_back(*e.score);
        } else if (e.absence != "2") {
            ++expected;
        }
    }
    Figures figures(const Lines &l) const
    {
        Figures f;
        f.expected = expected;
        f.sat = static_cast<int>(scores.size());
        if (scores.empty())
            return f;
        double sum = 0;
        int excellent = 0, pass = 0, low = 0;
        f.max = scores.front();
        f.min = scores.front();
        for (double s : scores) {
            sum += s;
            f.max = std::max(f.max, s);
            f.min = std::min(f.min, s);
            // A small tolerance: a line of 72 is met by 72 whatever the binary forms.
            excellent += s + 1e-9 >= l.excellent ? 1 : 0;
            pass += s + 1e-9 >= l.pass ? 1 : 0;
            low += s + 1e-9 < l.low ? 1 : 0;
        }
        const double n = static_cast<double>(scores.size());
        f.mean = sum / n;
        double squares = 0;
        for (double s : scores)
            squares += (s - f.mean) * (s - f.mean);
        f.sd = std::sqrt(squares / n);
        f.excellentRate = excellent * 100.0 / n;
        f.passRate = pass * 100.0 / n;
        f.lowRate = low * 100.0 / n;
        return f;
    }
};

} // namespace

std::optional<std::string> previousExam(const std::vector<ExamPlace> &exams, const ExamPlace &exam)
{
    const auto when = [](const ExamPlace &e) { return e.date + "|" + e.id; };
    const ExamPlace *previous = nullptr;
    for (const auto &e : exams)
        if (e.id != exam.id && e.grade == exam.grade && when(e) < when(exam) && (!previous || when(e) > when(*previous)))
            previous = &e;
    return previous ? std::optional<std::string>(previous->id) : std::nullopt;
}

std::vector<Row> weakest(const Analysis &analysis, std::size_t most)
{
    std::vector<std::string> order;
    std::map<std::string, std::vector<Row>> byGroup;
    for (const auto &r : analysis.rows) {
        if (r.subjectId.empty() || !r.figures.overMean || *r.figures.overMean >= 0)
            continue;
        auto [it, added] = byGroup.try_emplace(r.group);
        if (added)
            order.push_back(r.group);
        it->second.push_back(r);
    }
    std::vector<Row> out;
    for (const auto &group : order) {
        auto &rows = byGroup[group];
        std::stable_sort(rows.begin(), rows.end(),
                         [](const Row &a, const Row &b) { return *a.figures.overMean < *b.figures.overMean; });
        rows.resize(std::min(rows.size(), most));
        out.insert(out.end(), rows.begin(), rows.end());
    }
    return out;
}

double roundHalfAway(double value, int decimals)
{
    const double p = std::pow(10.0, decimals);
    // The tolerance takes 2.675 (stored as 2.67499999...) to 2.68, as a person reading it expects.
    const double r = std::floor(std::fabs(value) * p + 0.5 + 1e-7) / p;
    return value < 0 ? -r : r;
}

Analysis analyse(const std::vector<SubjectLines> &subjects, const std::vector<Entry> &entries)
{
    std::unordered_map<std::string, std::size_t> subjectIndex;
    for (std::size_t i = 0; i < subjects.size(); ++i)
        subjectIndex.emplace(subjects[i].id, i);
    const std::size_t n = subjects.size();  // index n: 总分
    Lines totalLines;
    for (const auto &s : subjects) {
        const Lines l = linesOf(s);
        totalLines.full += l.full;
        totalLines.excellent += l.excellent;
        totalLines.pass += l.pass;
        totalLines.low += l.low;
    }

    std::vector<std::string> groups;
    std::unordered_map<std::string, std::size_t> groupIndex;
    std::vector<std::vector<Tally>> tallies;  // [group][subject]
    std::vector<Tally> reference(n + 1);
    // Each pupil's scores for 总分: which subjects (a bit each: an exam names a subject of the
    // subject code table once, so there are far fewer than 64), and the sum.
    struct Pupil {
        const std::string *group = nullptr;
        bool inScope = true;
        std::uint64_t scored = 0;
        bool expected = false;
        double sum = 0;
    };
    std::unordered_map<std::string_view, Pupil> pupils;
    pupils.reserve(entries.size() / std::max<std::size_t>(n, 1) + 1);
    for (const auto &e : entries) {
        const auto s = subjectIndex.find(e.subjectId);
        if (s == subjectIndex.end())
            continue;
        reference[s->second].add(e);
        Pupil &p = pupils[e.pupil];
        if (!p.group)
            p.group = &e.group;
        p.inScope = e.inScope;
        if (e.score) {
            p.scored |= std::uint64_t{1} << (s->second % 64);
            p.sum += *e.score;
        }
        p.expected = p.expected || e.score || e.absence != "2";
        if (!e.inScope)
            continue;
        auto [g, added] = groupIndex.emplace(e.group, groups.size());
        if (added) {
            groups.push_back(e.group);
            tallies.emplace_back(n + 1);
        }
        tallies[g->second][s->second].add(e);
    }
    const std::uint64_t every = n >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
    // In the order the pupils were first met, so that 总分's scores are summed in the same
    // order on every run.
    std::vector<std::pair<const Entry *, const Pupil *>> ordered;
    ordered.reserve(pupils.size());
    for (const auto &e : entries)
        if (const auto it = pupils.find(e.pupil); it != pupils.end() && it->second.group == &e.group)
            ordered.emplace_back(&e, &it->second);
    for (const auto &[first, p] : ordered) {
        if (!p->expected)
            continue;
        Entry total;
        if (p->scored == every)
            total.score = p->sum;
        reference[n].add(total);
        if (p->inScope)
            tallies[groupIndex.at(*p->group)][n].add(total);
    }

    Analysis out;
    for (std::size_t s = 0; s <= n; ++s) {
        const Lines l = s < n ? linesOf(subjects[s]) : totalLines;
        Row ref{{}, s < n ? subjects[s].id : std::string(), reference[s].figures(l)};
        out.reference.push_back(ref);
    }
    std::vector<Row> rows;
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (std::size_t s = 0; s <= n; ++s) {
            const Lines l = s < n ? linesOf(subjects[s]) : totalLines;
            Row r{groups[g], s < n ? subjects[s].id : std::string(), tallies[g][s].figures(l)};
            const double refMean = out.reference[s].figures.mean;
            if (r.figures.sat > 0 && refMean > 0)
                r.figures.overMean = (r.figures.mean - refMean) / refMean * 100.0;
            rows.push_back(std::move(r));
        }
    // 名次 by mean within each subject: equal means share a place (1, 1, 3). Row g·(n+1)+s is
    // group g's in subject s; a place is one more than the means above it, counted in the
    // subject's means sorted.
    for (std::size_t s = 0; s <= n; ++s) {
        std::vector<double> means;
        for (std::size_t g = 0; g < groups.size(); ++g)
            if (const Figures &f = rows[g * (n + 1) + s].figures; f.sat > 0)
                means.push_back(f.mean);
        std::sort(means.begin(), means.end());
        for (std::size_t g = 0; g < groups.size(); ++g) {
            Figures &f = rows[g * (n + 1) + s].figures;
            if (f.sat > 0) {
                const auto above = means.end() - std::upper_bound(means.begin(), means.end(), f.mean + 1e-9);
                f.rank = static_cast<int>(above) + 1;
            }
        }
    }
    out.rows = std::move(rows);
    return out;
}

std::vector<BandRow> scoreBands(const std::vector<SubjectLines> &subjects, const std::vector<Entry> &entries,
                                const std::string &subjectId, bool whole)
{
    double full = 0;
    for (const auto &s : subjects)
        if (subjectId.empty() || s.id == subjectId)
            full += s.fullMarks;
    static const std::string kAll = "all";
    const auto groupOf = [&](const Entry &e) -> const std::string & { return whole ? kAll : e.group; };
    // 总分: each pupil's sum, for pupils with a score in every subject.
    struct Total {
        std::size_t scored = 0;
        double sum = 0;
        const std::string *group = nullptr;
    };
    std::unordered_map<std::string_view, Total> totals;
    std::vector<std::pair<const std::string *, double>> values;  // group, score
    for (const auto &e : entries) {
        if ((!whole && !e.inScope) || !e.score)
            continue;
        if (!subjectId.empty()) {
            if (e.subjectId == subjectId)
                values.emplace_back(&groupOf(e), *e.score);
            continue;
        }
        Total &t = totals[e.pupil];
        ++t.scored;
        t.sum += *e.score;
        t.group = &groupOf(e);
    }
    for (const auto &e : entries)  // in the order the pupils were first met
        if (const auto t = totals.find(e.pupil); t != totals.end() && t->second.group) {
            if (t->second.scored == subjects.size())
                values.emplace_back(t->second.group, t->second.sum);
            t->second.group = nullptr;  // once each
        }
    std::vector<BandRow> out;
    std::unordered_map<std::string_view, std::size_t> index;
    for (const auto &e : entries)  // groups in the order first met
        if ((whole || e.inScope) && index.try_emplace(groupOf(e), out.size()).second)
            out.push_back(BandRow{groupOf(e), {}});
    for (const auto &[group, v] : values) {
        const int band = full > 0 ? std::min(kBands - 1, static_cast<int>(std::floor(v / full * kBands + 1e-9))) : 0;
        ++out[index.at(*group)].counts[std::max(0, band)];
    }
    return out;
}

} // namespace emis::exam
