#include "ExpectedFigures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

// What describes the file rather than the county.
const QSet<QString> kMetadata = {QStringLiteral("/format"), QStringLiteral("/version"), QStringLiteral("/seed"),
                                 QStringLiteral("/county"), QStringLiteral("/reference_date"),
                                 // what the staff reports are asked for, not figures
                                 QStringLiteral("/staff_growth/training_cycle"), QStringLiteral("/staff_growth/assessed_year")};

void leaves(const QJsonValue &v, const QString &path, QStringList &out)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            leaves(it.value(), path + QLatin1Char('/') + it.key(), out);
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            leaves(a[i], path + QLatin1Char('/') + QString::number(i), out);
    } else {
        out << path;
    }
}

QString shown(const QJsonValue &v)
{
    if (v.isUndefined())
        return QStringLiteral("(missing)");
    if (v.isString())
        return v.toString();
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

bool same(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    return a.type() == b.type() && a == b;
}

} // namespace

bool ExpectedFigures::load(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    m_root = QJsonDocument::fromJson(f.readAll()).object();
    return m_root.value(QLatin1String("format")).toString() == QLatin1String("emis-demo-aggregates");
}

QJsonValue ExpectedFigures::at(const QString &path) const
{
    QJsonValue v = m_root;
    for (const QString &part : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (v.isArray())
            v = v.toArray().at(part.toInt());
        else
            v = v.toObject().value(part);
    }
    return v;
}

void ExpectedFigures::check(const QString &path, const QJsonValue &actual, const QString &where)
{
    const QJsonValue expected = at(path);
    if (expected.isUndefined()) {
        m_mismatches << QStringLiteral("%1: no such figure in aggregates.json (%2)").arg(path, where);
        return;
    }
    m_checked.insert(path);
    if (!same(expected, actual))
        m_mismatches << QStringLiteral("%1 = %2, but %3 says %4").arg(path, shown(expected), where, shown(actual));
}

void ExpectedFigures::checkSum(const QStringList &paths, qint64 actual, const QString &where)
{
    qint64 sum = 0;
    for (const QString &p : paths) {
        sum += at(p).toInteger();
        m_checked.insert(p);
    }
    if (sum != actual)
        m_mismatches << QStringLiteral("%1 = %2, but %3 says %4").arg(paths.join(QLatin1String(" + "))).arg(sum).arg(where).arg(actual);
}

QStringList ExpectedFigures::unchecked() const
{
    QStringList all;
    leaves(m_root, QString(), all);
    QStringList out;
    for (const QString &p : all)
        if (!kMetadata.contains(p) && !m_checked.contains(p))
            out << p;
    return out;
}
