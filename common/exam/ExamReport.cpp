#include "exam/ExamReport.h"

#include "schema/CodeTables.h"
#include "text/JsonWriter.h"

namespace emis::exam {
namespace {

struct Column {
    const char *key, *zh, *en;
};

const Column kColumns[] = {
    {"label", "范围", "group"},          {"subject_name", "科目", "subject"},  {"expected", "应考人数", "expected"},
    {"sat", "参考人数", "sat"},          {"mean", "平均分", "mean"},          {"sd", "标准差", "standard deviation"},
    {"max", "最高分", "highest"},        {"min", "最低分", "lowest"},         {"excellent_rate", "优秀率%", "excellent %"},
    {"pass_rate", "及格率%", "pass %"},  {"low_rate", "低分率%", "low %"},    {"rank", "名次", "rank"},
    {"over_mean", "超均率%", "above the mean %"},
};

const Column kChangeColumns[] = {
    {"mean_change", "平均分变化", "mean change"},
    {"excellent_rate_change", "优秀率变化", "excellent % change"},
    {"pass_rate_change", "及格率变化", "pass % change"},
    {"low_rate_change", "低分率变化", "low % change"},
    {"rank_change", "名次变化", "places up"},
};

// The change from `before` to `now`, from the figures as shown (rounded first).
void changes(text::JsonWriter &w, const Figures &now, const Figures *before)
{
    const bool both = before && before->sat > 0 && now.sat > 0;
    const auto delta = [&](const char *key, double a, double b, int decimals) {
        if (both)
            w.field(key, roundHalfAway(roundHalfAway(a, decimals) - roundHalfAway(b, decimals), decimals));
        else
            w.key(key).null();
    };
    delta("mean_change", now.mean, both ? before->mean : 0, 2);
    delta("excellent_rate_change", now.excellentRate, both ? before->excellentRate : 0, 1);
    delta("pass_rate_change", now.passRate, both ? before->passRate : 0, 1);
    delta("low_rate_change", now.lowRate, both ? before->lowRate : 0, 1);
    if (both && now.rank > 0 && before->rank > 0)
        w.field("rank_change", before->rank - now.rank);
    else
        w.key("rank_change").null();
}

void figures(text::JsonWriter &w, const Figures &f)
{
    w.field("expected", f.expected).field("sat", f.sat);
    if (f.sat == 0) {
        for (const char *k : {"mean", "sd", "max", "min", "excellent_rate", "pass_rate", "low_rate"})
            w.key(k).null();
    } else {
        w.field("mean", roundHalfAway(f.mean, 2)).field("sd", roundHalfAway(f.sd, 2));
        w.field("max", f.max).field("min", f.min);
        w.field("excellent_rate", roundHalfAway(f.excellentRate, 1));
        w.field("pass_rate", roundHalfAway(f.passRate, 1)).field("low_rate", roundHalfAway(f.lowRate, 1));
    }
    if (f.rank > 0)
        w.field("rank", f.rank);
    else
        w.key("rank").null();
    if (f.overMean)
        w.field("over_mean", roundHalfAway(*f.overMean, 2));
    else
        w.key("over_mean").null();
}

} // namespace

std::string analysisDocument(std::string_view report, const std::map<std::string, std::string, std::less<>> &params,
                             const std::vector<SubjectLines> &subjects, const Analysis &analysis,
                             const std::map<std::string, std::string> &labels, const std::string &subject,
                             const PreviousExam *previous)
{
    const auto *codes = schema::findCodeTable("subject");
    std::map<std::string, std::string> codeOf;
    for (const auto &s : subjects)
        codeOf[s.id] = s.subject;
    // The previous exam's figures by (group, subject code; "total" for 总分).
    std::map<std::pair<std::string, std::string>, const Figures *> before;
    if (previous) {
        std::map<std::string, std::string> previousCode;
        for (const auto &s : previous->subjects)
            previousCode[s.id] = s.subject;
        for (const auto &r : previous->analysis.rows)
            before[{r.group, r.subjectId.empty() ? std::string("total") : previousCode[r.subjectId]}] = &r.figures;
        for (const auto &r : previous->analysis.reference)  // the totals row's: group ""
            before[{std::string(), r.subjectId.empty() ? std::string("total") : previousCode[r.subjectId]}] = &r.figures;
    }
    const auto wanted = [&](const Row &r) {
        return subject.empty() || (r.subjectId.empty() ? subject == "total" : codeOf[r.subjectId] == subject);
    };
    text::JsonWriter w;
    w.beginObject().field("report", report).field("title_zh", "考试成绩分析").field("title_en", "Exam analysis");
    w.key("params").beginObject();
    for (const auto &[k, v] : params)
        w.field(k, v);
    if (previous)
        w.field("previous_exam", previous->id);
    w.endObject();
    w.key("columns").beginArray();
    for (const auto &c : kColumns)
        w.beginObject().field("key", c.key).field("zh", c.zh).field("en", c.en).endObject();
    if (previous)
        for (const auto &c : kChangeColumns)
            w.beginObject().field("key", c.key).field("zh", c.zh).field("en", c.en).endObject();
    w.endArray();
    const auto rowFields = [&](const Row &r, bool withCode) {
        const std::string code = r.subjectId.empty() ? std::string("total") : codeOf[r.subjectId];
        if (withCode)
            w.field("subject", code);
        w.field("subject_name", r.subjectId.empty() ? std::string("总分") : codes->nameOf(code));
        figures(w, r.figures);
        if (previous) {
            const auto it = before.find({r.group, code});  // the reference's rows have no group
            changes(w, r.figures, it == before.end() ? nullptr : it->second);
        }
    };
    w.key("rows").beginArray();
    for (const auto &r : analysis.rows) {
        if (!wanted(r))
            continue;
        const auto label = labels.find(r.group);
        w.beginObject().field("key", r.group).field("label", label == labels.end() ? r.group : label->second);
        rowFields(r, true);
        w.endObject();
    }
    w.endArray();
    // The reference's row: of the subject asked for, else of 总分.
    for (const auto &r : analysis.reference)
        if (subject.empty() ? r.subjectId.empty() : wanted(r)) {
            w.key("totals").beginObject().field("label", "合计");
            rowFields(r, false);
            w.endObject();
            break;
        }
    w.endObject();
    return w.str();
}

std::string bandsDocument(std::string_view report, const std::map<std::string, std::string, std::less<>> &params,
                          const std::vector<SubjectLines> &subjects, const std::vector<Entry> &entries,
                          const std::map<std::string, std::string> &labels, const std::string &subjectId)
{
    text::JsonWriter w;
    w.beginObject().field("report", report).field("title_zh", "分数段统计").field("title_en", "Score bands");
    w.key("params").beginObject();
    for (const auto &[k, v] : params)
        w.field(k, v);
    w.endObject();
    w.key("columns").beginArray();
    w.beginObject().field("key", "label").field("zh", "范围").field("en", "group").endObject();
    for (int b = 0; b < kBands; ++b) {
        const std::string range = std::to_string(b * 10) + "–" + std::to_string(b * 10 + 10) + "%";
        w.beginObject().field("key", "b" + std::to_string(b)).field("zh", range).field("en", range).endObject();
    }
    w.endArray();
    w.key("rows").beginArray();
    for (const auto &r : scoreBands(subjects, entries, subjectId)) {
        const auto label = labels.find(r.group);
        w.beginObject().field("key", r.group).field("label", label == labels.end() ? r.group : label->second);
        for (int b = 0; b < kBands; ++b)
            w.field("b" + std::to_string(b), r.counts[b]);
        w.endObject();
    }
    w.endArray();
    const auto whole = scoreBands(subjects, entries, subjectId, true);
    w.key("totals").beginObject().field("label", "合计");
    for (int b = 0; b < kBands; ++b)
        w.field("b" + std::to_string(b), whole.empty() ? 0 : whole.front().counts[b]);
    w.endObject().endObject();
    return w.str();
}

} // namespace emis::exam
