#include "ExamTruth.h"

#include <QHash>

namespace {

// Each row of an exam analysis by its group's key and subject code ("total" for 总分).
QHash<QString, QJsonObject> bySubject(const QJsonObject &doc)
{
    QHash<QString, QJsonObject> out;
    for (const auto &r : doc.value(QLatin1String("rows")).toArray()) {
        const QJsonObject row = r.toObject();
        out.insert(row.value(QLatin1String("key")).toString() + QLatin1Char('/') + row.value(QLatin1String("subject")).toString(),
                   row);
    }
    return out;
}

// Every figure of each subject under `base` (an object keyed by subject code) against the row
// of `group` for that subject. `only`: the figures to compare, empty for all of them.
void compare(ExpectedFigures &expected, const QString &base, const QHash<QString, QJsonObject> &rows,
             const QString &group, const QString &where, const QStringList &only = {})
{
    const QJsonObject want = expected.at(base).toObject();
    for (auto s = want.begin(); s != want.end(); ++s) {
        if (!s.value().isObject())
            continue;
        const QJsonObject row = rows.value(group + QLatin1Char('/') + s.key());
        if (row.isEmpty())
            expected.mismatch(QStringLiteral("%1: no row for %2 %3").arg(where, group, s.key()));
        const QJsonObject figures = s.value().toObject();
        for (auto f = figures.begin(); f != figures.end(); ++f)
            if (only.isEmpty() || only.contains(f.key()))
                expected.check(base + QLatin1Char('/') + s.key() + QLatin1Char('/') + f.key(), row.value(f.key()),
                               where + QLatin1Char(' ') + s.key());
    }
}

} // namespace

QString countyExamId(const ExpectedFigures &expected, const QJsonArray &exams)
{
    const QString name = expected.at(QStringLiteral("/exam/name")).toString();
    for (const auto &e : exams)
        if (e.toObject().value(QLatin1String("name")).toString() == name)
            return e.toObject().value(QLatin1String("id")).toString();
    return {};
}

void checkExam(ExpectedFigures &expected, const QJsonArray &exams, const ReportFn &report, const QString &schoolCode,
               const QJsonObject &schoolAnalysis)
{
    const QString id = countyExamId(expected, exams);
    if (id.isEmpty()) {
        expected.mismatch(QStringLiteral("exam list: no exam named %1").arg(expected.at(QStringLiteral("/exam/name")).toString()));
        return;
    }
    QJsonObject exam;
    for (const auto &e : exams)
        if (e.toObject().value(QLatin1String("id")).toString() == id)
            exam = e.toObject();
    expected.check(QStringLiteral("/exam/name"), exam.value(QLatin1String("name")), QStringLiteral("exam list"));
    expected.check(QStringLiteral("/exam/term"), exam.value(QLatin1String("term")), QStringLiteral("exam list"));
    expected.check(QStringLiteral("/exam/grade"), exam.value(QLatin1String("grade")).toString().toInt(), QStringLiteral("exam list"));
    const QJsonArray subjects = exam.value(QLatin1String("subjects")).toArray();
    const int count = static_cast<int>(expected.at(QStringLiteral("/exam/subjects")).toArray().size());
    if (subjects.size() != count)
        expected.mismatch(QStringLiteral("exam list: %1 subjects, aggregates.json has %2").arg(subjects.size()).arg(count));
    for (int i = 0; i < count && i < subjects.size(); ++i) {
        const QString base = QStringLiteral("/exam/subjects/%1").arg(i);
        const QJsonObject s = subjects[i].toObject();
        expected.check(base + QStringLiteral("/code"), s.value(QLatin1String("subject")), QStringLiteral("exam list"));
        expected.check(base + QStringLiteral("/full_marks"), s.value(QLatin1String("full_marks")).toInt(), QStringLiteral("exam list"));
    }

    const std::string examId = id.toStdString();
    compare(expected, QStringLiteral("/exam/county"), bySubject(report("exam_analysis", {{"exam", examId}, {"by", "county"}})),
            QStringLiteral("county"), QStringLiteral("exam_analysis by=county"));
    struct Level {
        const char *by, *list, *key;
    };
    for (const Level &l : {Level{"township", "by_township", "township"}, Level{"school", "by_school", "code"}}) {
        const auto rows = bySubject(report("exam_analysis", {{"exam", examId}, {"by", l.by}}));
        const QJsonArray groups = expected.at(QStringLiteral("/exam/") + QLatin1String(l.list)).toArray();
        const QString where = QStringLiteral("exam_analysis by=") + QLatin1String(l.by);
        // Rows per group and subject: one for each subject and 总分 of every group, and no more.
        if (rows.size() != groups.size() * (count + 1))
            expected.mismatch(QStringLiteral("%1: %2 rows for %3 groups").arg(where).arg(rows.size()).arg(groups.size()));
        for (int g = 0; g < groups.size(); ++g) {
            const QString base = QStringLiteral("/exam/%1/%2").arg(QLatin1String(l.list)).arg(g);
            const QString key = expected.at(base + QLatin1Char('/') + QLatin1String(l.key)).toString();
            expected.check(base + QLatin1Char('/') + QLatin1String(l.key), rows.contains(key + QStringLiteral("/total")) ? key : QString(),
                           where);
            compare(expected, base, rows, key, where + QLatin1Char(' ') + key);
        }
    }

    // The school's own analysis, offline on its device: the same figures for the school as a
    // whole (its rank and 超均率 are against itself there, so they are the bureau's alone).
    const QJsonArray schools = expected.at(QStringLiteral("/exam/by_school")).toArray();
    for (int g = 0; g < schools.size(); ++g)
        if (schools[g].toObject().value(QLatin1String("code")).toString() == schoolCode)
            compare(expected, QStringLiteral("/exam/by_school/%1").arg(g), bySubject(schoolAnalysis), QStringLiteral("school"),
                    QStringLiteral("emis-cli analysis ") + schoolCode,
                    {QStringLiteral("expected"), QStringLiteral("sat"), QStringLiteral("mean"), QStringLiteral("sd"),
                     QStringLiteral("max"), QStringLiteral("min"), QStringLiteral("excellent_rate"),
                     QStringLiteral("pass_rate"), QStringLiteral("low_rate")});
}
