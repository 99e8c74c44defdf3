#include "exam/ExamWarnings.h"

#include "schema/CodeTables.h"
#include "schema/Value.h"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace emis::exam {
namespace {

std::string number(double v) { return displayText(Value{roundHalfAway(v, 2)}); }

} // namespace

std::map<std::string, int> totalRanks(const std::vector<SubjectLines> &subjects, const std::vector<Entry> &entries)
{
    std::set<std::string> ids;
    for (const auto &s : subjects)
        ids.insert(s.id);
    std::map<std::string, std::pair<std::set<std::string>, double>> sums;
    for (const auto &e : entries)
        if (e.score && ids.count(e.subjectId)) {
            auto &p = sums[e.pupil];
            p.first.insert(e.subjectId);
            p.second += *e.score;
        }
    std::vector<std::pair<std::string, double>> totals;
    for (const auto &[pupil, p] : sums)
        if (p.first.size() == ids.size())
            totals.emplace_back(pupil, p.second);
    std::sort(totals.begin(), totals.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    std::map<std::string, int> ranks;
    for (std::size_t i = 0; i < totals.size(); ++i) {
        const bool tie = i > 0 && totals[i].second + 1e-9 >= totals[i - 1].second;
        ranks[totals[i].first] = tie ? ranks[totals[i - 1].first] : static_cast<int>(i) + 1;
    }
    return ranks;
}

std::vector<Warning> warnings(const std::vector<SubjectLines> &subjects, const std::vector<Entry> &entries,
                              const std::vector<SubjectLines> &previousSubjects,
                              const std::vector<Entry> &previousEntries, int rankDrop)
{
    const auto *names = schema::findCodeTable("subject");
    std::unordered_map<std::string, const SubjectLines *> byId;
    for (const auto &s : subjects)
        byId.emplace(s.id, &s);
    std::vector<std::string> order;
    std::unordered_map<std::string, std::vector<const Entry *>> ofPupil;
    for (const auto &e : entries) {
        if (!byId.count(e.subjectId))
            continue;
        auto &list = ofPupil[e.pupil];
        if (list.empty())
            order.push_back(e.pupil);
        list.push_back(&e);
    }
    const auto now = totalRanks(subjects, entries);
    const auto before = previousEntries.empty() ? std::map<std::string, int>{} : totalRanks(previousSubjects, previousEntries);
    std::vector<Warning> out;
    for (const auto &pupil : order) {
        std::vector<std::string> failedZh, failedEn;
        for (const Entry *e : ofPupil[pupil]) {
            if (!e->score)
                continue;
            const SubjectLines &s = *byId[e->subjectId];
            const std::string zh = names->nameOf(s.subject);
            const auto *entry = names->byCode(s.subject);
            const std::string en = entry ? entry->en : s.subject;
            const double low = s.fullMarks * s.lowPct / 100.0, pass = s.fullMarks * s.passPct / 100.0;
            if (*e->score + 1e-9 < low)
                out.push_back(Warning{pupil, "low_score", s.id,
                                      zh + "低分：" + number(*e->score) + "分，低于低分线" + number(low) + "分",
                                      en + " below the low line: " + number(*e->score) + " under " + number(low)});
            if (*e->score + 1e-9 < pass) {
                failedZh.push_back(zh);
                failedEn.push_back(en);
            }
        }
        if (failedZh.size() >= 2) {
            std::string zh, en;
            for (std::size_t i = 0; i < failedZh.size(); ++i) {
                zh += (i ? "、" : "") + failedZh[i];
                en += (i ? ", " : "") + failedEn[i];
            }
            out.push_back(Warning{pupil, "fails", {}, std::to_string(failedZh.size()) + "科不及格：" + zh,
                                  "below the pass line in " + std::to_string(failedEn.size()) + " subjects: " + en});
        }
        const auto was = before.find(pupil), is = now.find(pupil);
        if (was != before.end() && is != now.end() && is->second - was->second >= rankDrop)
            out.push_back(Warning{pupil, "rank_drop", {},
                                  "年级名次下降" + std::to_string(is->second - was->second) + "名（从第" +
                                      std::to_string(was->second) + "名到第" + std::to_string(is->second) + "名）",
                                  "down " + std::to_string(is->second - was->second) + " places in the grade (from " +
                                      std::to_string(was->second) + " to " + std::to_string(is->second) + ")"});
    }
    return out;
}

} // namespace emis::exam
