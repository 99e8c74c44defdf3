#include "ScoreSheet.h"

#include "SheetFile.h"
#include "schema/CodeTables.h"
#include "text/TextUtil.h"

#include <charconv>
#include <cmath>
#include <map>

namespace emis::io {
namespace {

enum class Column { Ignored, StudentNo, IdNumber, Name, Class, Subject, Score, SubjectScore };

// A header as compared: half-width, no blanks, no '*' or '★', no "(120分)" after a subject.
std::string folded(const QString &header)
{
    std::string s = text::toHalfWidth(header.trimmed().toStdString());
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '*' || c == '\r' || c == '\n')
            continue;
        out += c;
    }
    for (const char *mark : {"★", "☆"})
        for (std::size_t at; (at = out.find(mark)) != std::string::npos;)
            out.erase(at, std::string_view(mark).size());
    if (const auto paren = out.find('('); paren != std::string::npos && paren > 0)
        out.erase(paren);
    return out;
}

bool oneOf(const std::string &s, std::initializer_list<const char *> names)
{
    for (const char *n : names)
        if (s == n)
            return true;
    return false;
}

// What a header names, and for a subject column which of the exam's subjects.
Column classify(const std::string &h, const std::vector<ExamSubject> &subjects, const ExamSubject *&subject)
{
    subject = nullptr;
    if (oneOf(h, {"学籍号", "全国学籍号", "学籍辅号", "学生学籍号"}))
        return Column::StudentNo;
    if (oneOf(h, {"身份证件号", "身份证号", "身份证号码", "证件号码", "身份证件号码"}))
        return Column::IdNumber;
    if (oneOf(h, {"姓名", "学生姓名", "学生"}))
        return Column::Name;
    if (oneOf(h, {"班级", "班级名称", "班别", "班"}))
        return Column::Class;
    if (oneOf(h, {"科目", "学科", "考试科目"}))
        return Column::Subject;
    if (oneOf(h, {"成绩", "分数", "得分", "考试成绩"}))
        return Column::Score;
    std::string name = h;
    for (const char *suffix : {"成绩", "分数", "得分"})
        if (name.size() > std::string_view(suffix).size() && text::endsWith(name, suffix))
            name.erase(name.size() - std::string_view(suffix).size());
    if (const auto code = schema::findCodeTable("subject")->normalize(name)) {
        for (const auto &s : subjects)
            if (s.subject == *code) {
                subject = &s;
                return Column::SubjectScore;
            }
    }
    return Column::Ignored;
}

std::string subjectName(const ExamSubject &s) { return schema::findCodeTable("subject")->nameOf(s.subject); }

struct Layout {
    int header = -1;
    std::map<int, Column> columns;
    std::map<int, const ExamSubject *> subjectOf;
    bool longForm = false;
};

// The first of the first 30 rows that names a pupil column and a subject (or 科目 and 成绩).
Layout locate(const Sheet &sheet, const std::vector<ExamSubject> &subjects)
{
    for (int i = 0; i < sheet.rows.size() && i < 30; ++i) {
        Layout l;
        bool who = false, subjectColumn = false, scoreColumn = false, anySubject = false;
        for (int c = 0; c < sheet.rows[i].cells.size(); ++c) {
            const ExamSubject *s = nullptr;
            const Column kind = classify(folded(sheet.rows[i].cells[c].text), subjects, s);
            if (kind == Column::Ignored)
                continue;
            if (kind == Column::SubjectScore) {
                bool taken = false;
                for (const auto &[col, other] : l.subjectOf)
                    taken = taken || other == s;
                if (taken)
                    continue;  // a second 数学 column (a rank, a re-test): the first one counts
                l.subjectOf[c] = s;
                anySubject = true;
            } else {
                bool taken = false;
                for (const auto &[col, other] : l.columns)
                    taken = taken || other == kind;
                if (taken)
                    continue;
            }
            l.columns[c] = kind;
            who = who || kind == Column::StudentNo || kind == Column::IdNumber || kind == Column::Name;
            subjectColumn = subjectColumn || kind == Column::Subject;
            scoreColumn = scoreColumn || kind == Column::Score;
        }
        if (who && (anySubject || (subjectColumn && scoreColumn))) {
            l.header = i;
            l.longForm = !anySubject;
            return l;
        }
    }
    return {};
}

const ExamSubject *subjectNamed(const std::string &raw, const std::vector<ExamSubject> &subjects)
{
    const auto code = schema::findCodeTable("subject")->normalize(folded(QString::fromStdString(raw)));
    for (const auto &s : subjects)
        if (code && s.subject == *code)
            return &s;
    return nullptr;
}

std::string cellText(const SheetRow &row, int column)
{
    if (column < 0 || column >= row.cells.size())
        return {};
    const Cell &c = row.cells[column];
    std::string s(text::trim(text::toHalfWidth(c.text.toStdString())));
    // 学籍号 or a class typed as a number: "2.0" is 2.
    if (c.kind == CellKind::Number && text::endsWith(s, ".0"))
        s.resize(s.size() - 2);
    return s;
}

} // namespace

std::optional<Issue> readScoreCell(const QString &written, const ExamSubject &subject, std::optional<ScoreCell> &out)
{
    out.reset();
    const std::string raw(text::trim(text::toHalfWidth(written.toStdString())));
    if (raw.empty() || raw == "-" || raw == "/")
        return std::nullopt;
    // The sentence names the subject and the value written: "英语成绩“八十”应为数字".
    const std::string labelZh = subjectName(subject) + "成绩“" + raw + "”";
    const std::string labelEn =
        schema::findCodeTable("subject")->byCode(subject.subject)->en + " score \"" + raw + "\"";
    // By its name only: the table's codes are digits, and a cell's "2" is two marks, not 免考.
    const auto absence =
        text::isDigits(raw) ? std::nullopt : schema::findCodeTable("score_absence")->normalize(raw == "缺" ? "缺考" : raw);
    if (absence) {
        out = ScoreCell{&subject, std::nullopt, *absence};
        return std::nullopt;
    }
    double v = 0;
    const auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), v);
    if (ec != std::errc() || ptr != raw.data() + raw.size() || !std::isfinite(v))
        return makeIssue(Reason::NotNumber, "score", labelZh, labelEn);
    // A spreadsheet's 87.49999999 for 87.5 is taken as written to the half point.
    const double halves = std::round(v * 2);
    if (v < 0 || std::fabs(v * 2 - halves) > 1e-6)
        return makeIssue(Reason::ScoreStep, "score", labelZh, labelEn);
    v = halves / 2;
    if (v > subject.fullMarks)
        return makeIssue(Reason::AboveLimit, "score", labelZh, labelEn, displayText(Value{subject.fullMarks}));
    out = ScoreCell{&subject, v, {}};
    return std::nullopt;
}

Result<ScoreSheet> ScoreSheet::read(const Sheet &sheet, const std::vector<ExamSubject> &subjects)
{
    const Layout l = locate(sheet, subjects);
    if (l.header < 0) {
        QStringList names;
        for (const auto &s : subjects)
            names << QString::fromStdString(subjectName(s));
        return Result<ScoreSheet>::failure(
            tr("No header row found: none of the first rows names the pupils (姓名, 学籍号 or 身份证件号) and a "
               "subject of this exam (%1), or 科目 and 成绩.")
                .arg(names.join(QStringLiteral("、"))));
    }
    ScoreSheet out;
    const SheetRow &header = sheet.rows[l.header];
    int columnOf[8] = {-1, -1, -1, -1, -1, -1, -1, -1};
    for (const auto &[c, kind] : l.columns)
        if (kind != Column::SubjectScore)
            columnOf[static_cast<int>(kind)] = c;
    for (int c = 0; c < header.cells.size(); ++c)
        if (!l.columns.count(c) && !header.cells[c].isEmpty())
            out.notices << tr("Column %1 (%2) is not read.").arg(c + 1).arg(header.cells[c].text.trimmed());
    if (!l.longForm)
        for (const auto &s : subjects) {
            bool found = false;
            for (const auto &[c, subject] : l.subjectOf)
                found = found || subject == &s;
            if (!found)
                out.notices << tr("The sheet has no column for %1.").arg(QString::fromStdString(subjectName(s)));
        }
    std::map<std::string, std::size_t> longRows;  // the pupil's columns → its row, in the long form
    for (int i = l.header + 1; i < sheet.rows.size(); ++i) {
        const SheetRow &r = sheet.rows[i];
        ScoreRow row;
        row.line = r.line;
        row.studentNo = cellText(r, columnOf[static_cast<int>(Column::StudentNo)]);
        row.idNumber = text::asciiUpper(cellText(r, columnOf[static_cast<int>(Column::IdNumber)]));
        row.name = cellText(r, columnOf[static_cast<int>(Column::Name)]);
        row.className = cellText(r, columnOf[static_cast<int>(Column::Class)]);
        if (row.studentNo.empty() && row.idNumber.empty() && row.name.empty())
            continue;  // a total or a note under the table
        RejectedRow bad{r.line, {}, row.name, {}};
        const auto take = [&](const Cell &cell, const ExamSubject &s) {
            std::optional<ScoreCell> value;
            if (auto issue = readScoreCell(cell.text, s, value)) {
                bad.keepValue(issue->field, cell.text.toStdString());
                bad.issues.push_back(*issue);
            }
            else if (value)
                row.cells.push_back(*value);
        };
        if (l.longForm) {
            const std::string named = cellText(r, columnOf[static_cast<int>(Column::Subject)]);
            const ExamSubject *s = subjectNamed(named, subjects);
            const int scoreColumn = columnOf[static_cast<int>(Column::Score)];
            if (!s) {
                bad.keepValue("subject", named);
                bad.issues.push_back(makeIssue(Reason::NotRecognised, "subject", "科目", "subject", named));
            }
            else if (scoreColumn < r.cells.size())
                take(r.cells[scoreColumn], *s);
        } else {
            for (const auto &[c, s] : l.subjectOf)
                if (c < r.cells.size())
                    take(r.cells[c], *s);
        }
        if (!bad.issues.empty())
            out.rejected.push_back(std::move(bad));
        if (row.cells.empty())
            continue;
        if (l.longForm) {
            const std::string who = row.studentNo + '\x1f' + row.idNumber + '\x1f' + row.name + '\x1f' + row.className;
            if (auto it = longRows.find(who); it != longRows.end()) {
                auto &cells = out.rows[it->second].cells;
                cells.insert(cells.end(), row.cells.begin(), row.cells.end());
                continue;
            }
            longRows[who] = out.rows.size();
        }
        out.rows.push_back(std::move(row));
    }
    return out;
}

Result<ScoreSheet> ScoreSheet::fromFile(const QString &path, const std::vector<ExamSubject> &subjects, int sheetIndex)
{
    auto sheet = SheetFile::read(path, sheetIndex);
    if (!sheet)
        return Result<ScoreSheet>::failure(sheet.error());
    return read(sheet.value(), subjects);
}

} // namespace emis::io
