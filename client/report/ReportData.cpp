#include "ReportData.h"

#include "Translations.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace emis::report {
namespace {

// Days since a sync, for the schools page; the column is the client's, the figure the server's.
constexpr const char *kLastSync = "last_sync_ms";

} // namespace

QString yesNo(bool value) { return value ? ReportData::tr("Yes") : ReportData::tr("No"); }

client::Result<ReportData> ReportData::parse(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return client::makeError(client::ErrorKind::Other,
                                 tr("The server sent a report that cannot be read: %1").arg(error.errorString()));
    const QJsonObject o = doc.object();
    ReportData r;
    r.name = o.value(QLatin1String("report")).toString();
    r.titleZh = o.value(QLatin1String("title_zh")).toString();
    r.titleEn = o.value(QLatin1String("title_en")).toString();
    r.params = o.value(QLatin1String("params")).toObject();
    for (const auto &c : o.value(QLatin1String("columns")).toArray()) {
        const QJsonObject col = c.toObject();
        r.columns.push_back({col.value(QLatin1String("key")).toString(), col.value(QLatin1String("zh")).toString(),
                             col.value(QLatin1String("en")).toString()});
    }
    for (const auto &row : o.value(QLatin1String("rows")).toArray())
        r.rows.push_back(row.toObject());
    r.totals = o.value(QLatin1String("totals")).toObject();
    if (r.columns.isEmpty() && !r.rows.isEmpty())  // a report without declared columns: its row keys
        for (auto it = r.rows.first().begin(); it != r.rows.first().end(); ++it)
            if (!it.value().isObject() && !it.value().isArray())
                r.columns.push_back({it.key(), it.key(), it.key()});
    if (r.columnOf(QLatin1String(kLastSync)) >= 0)
        r.columns.push_back({QStringLiteral("days_silent"), QString(), QString()});
    return r;
}

QString ReportData::title() const
{
    const QString t = i18n::installedChinese() || titleEn.isEmpty() ? titleZh : titleEn;
    return t.isEmpty() ? name : t;
}

QString ReportData::columnTitle(int column) const
{
    const ReportColumn &c = columns[column];
    if (c.key == QLatin1String("days_silent"))
        return tr("Days silent");
    if (!i18n::installedChinese() && !c.en.isEmpty()) {
        QString en = c.en;
        en[0] = en[0].toUpper();
        return en;
    }
    return c.zh.isEmpty() ? c.key : c.zh;
}

int ReportData::columnOf(const QString &key) const
{
    for (int i = 0; i < columns.size(); ++i)
        if (columns[i].key == key)
            return i;
    return -1;
}

bool ReportData::hasTotalRow() const { return columns.size() > 1 && totals.contains(columns[1].key); }

QVariant ReportData::value(const QJsonObject &row, int column) const
{
    const QString &key = columns[column].key;
    if (key == QLatin1String("days_silent")) {
        const qint64 last = row.value(QLatin1String(kLastSync)).toInteger();
        if (last <= 0)
            return QVariant();
        return qint64((QDateTime::currentMSecsSinceEpoch() - last) / (24 * 3600 * 1000));
    }
    const QJsonValue v = row.value(key);
    if (v.isBool())
        return yesNo(v.toBool());
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (key == QLatin1String(kLastSync))
            return d <= 0 ? tr("never") : QDateTime::fromMSecsSinceEpoch(qint64(d)).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        if (d == double(qint64(d)))
            return qint64(d);
        return d;
    }
    if (v.isString()) {
        // The duplicates report's kinds are codes; say them in words.
        if (key == QLatin1String("kind") && v.toString() == QLatin1String("same_id"))
            return tr("一人多籍: one ID number in several places");
        if (key == QLatin1String("kind") && v.toString() == QLatin1String("likely"))
            return tr("likely the same child twice");
        return v.toString();
    }
    return QVariant();
}

QString ReportData::text(const QJsonObject &row, int column) const
{
    const QVariant v = value(row, column);
    if (v.typeId() == QMetaType::Double)
        return QString::number(v.toDouble(), 'f', 2);
    return v.toString();
}

qint64 ReportData::number(int row, const QString &key) const
{
    return rows.value(row).value(key).toInteger();
}

} // namespace emis::report
