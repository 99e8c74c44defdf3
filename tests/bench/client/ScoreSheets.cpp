#include "ScoreSheets.h"

#include <QFile>

namespace emis::bench {

int gradeNumber(const QString &text)
{
    static const QStringList names{QStringLiteral("一"), QStringLiteral("二"), QStringLiteral("三"), QStringLiteral("四"),
                                   QStringLiteral("五"), QStringLiteral("六"), QStringLiteral("七"), QStringLiteral("八"),
                                   QStringLiteral("九")};
    const bool senior = text.startsWith(QStringLiteral("高"));  // 高一 is grade 10
    const QString digit = senior ? text.mid(1) : text;
    for (int i = 0; i < names.size(); ++i)
        if (digit.startsWith(names[i]))
            return senior ? (i < 3 ? 10 + i : 0) : i + 1;
    return 0;
}

std::vector<QStringList> csvLines(const QString &path)
{
    std::vector<QStringList> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    while (!f.atEnd()) {
        QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.startsWith(QChar(0xFEFF)))
            line.remove(0, 1);
        if (!line.isEmpty())
            out.push_back(line.split(QLatin1Char(',')));
    }
    return out;
}

std::set<int> gradesOf(const QString &roster)
{
    const auto lines = csvLines(roster);
    const int g = static_cast<int>(lines.front().indexOf(QStringLiteral("年级")));
    std::set<int> out;
    for (std::size_t i = 1; i < lines.size(); ++i)
        if (const int n = gradeNumber(lines[i].value(g)))
            out.insert(n);
    return out;
}

int writeScores(const QString &roster, int grade, const QStringList &subjects, const QString &path)
{
    const auto lines = csvLines(roster);
    const QStringList &head = lines.front();
    const int no = static_cast<int>(head.indexOf(QStringLiteral("学籍号"))), name = static_cast<int>(head.indexOf(QStringLiteral("姓名")));
    const int g = static_cast<int>(head.indexOf(QStringLiteral("年级"))), cls = static_cast<int>(head.indexOf(QStringLiteral("班级")));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    out.write((QStringList{QStringLiteral("学籍号"), QStringLiteral("姓名"), QStringLiteral("班级")} + subjects).join(QLatin1Char(',')).toUtf8() + '\n');
    int rows = 0;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        if (gradeNumber(lines[i].value(g)) != grade)
            continue;
        QStringList cells{lines[i].value(no), lines[i].value(name), lines[i].value(cls)};
        for (int s = 0; s < subjects.size(); ++s)
            cells << QString::number(40 + static_cast<int>((i * 37 + static_cast<std::size_t>(s) * 11) % 61));
        out.write(cells.join(QLatin1Char(',')).toUtf8() + '\n');
        rows += static_cast<int>(subjects.size());
    }
    return rows;
}

int writeOneGrade(const QString &roster, const QString &gradeName, int rows, const QString &path)
{
    const auto lines = csvLines(roster);
    const QStringList &head = lines.front();
    const int g = static_cast<int>(head.indexOf(QStringLiteral("年级"))), cls = static_cast<int>(head.indexOf(QStringLiteral("班级")));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    out.write(head.join(QLatin1Char(',')).toUtf8() + '\n');
    int written = 0;
    for (std::size_t i = 1; i < lines.size() && written < rows; ++i, ++written) {
        QStringList cells = lines[i];
        // 七年级 3班 becomes 八年级 703班: one class each still, the grade the exam's.
        cells[cls] = QString::number(gradeNumber(cells[g]) * 100 + cells[cls].remove(QStringLiteral("班")).toInt()) +
                     QStringLiteral("班");
        cells[g] = gradeName;
        out.write(cells.join(QLatin1Char(',')).toUtf8() + '\n');
    }
    return written;
}

} // namespace emis::bench
