#include "EquipmentTruth.h"

#include <QJsonArray>
#include <QHash>

namespace {

QHash<QString, QJsonObject> byKey(const QJsonObject &doc)
{
    QHash<QString, QJsonObject> out;
    for (const auto &r : doc.value(QLatin1String("rows")).toArray())
        out.insert(r.toObject().value(QLatin1String("key")).toString(), r.toObject());
    return out;
}

// Every figure (not the nested objects) under `base` against the same key of `row`.
void compare(ExpectedFigures &expected, const QString &base, const QJsonObject &row, const QString &where)
{
    const QJsonObject want = expected.at(base).toObject();
    for (auto it = want.begin(); it != want.end(); ++it)
        if (!it.value().isObject())
            expected.check(base + QLatin1Char('/') + it.key(), row.value(it.key()), where);
}

} // namespace

void checkEquipment(ExpectedFigures &expected, const ReportFn &report)
{
    const QString day = expected.at(QStringLiteral("/equipment_day")).toString();
    const int plan = expected.at(QStringLiteral("/plan_year")).toInt();
    const QString from = expected.at(QStringLiteral("/use_from")).toString();
    const QString to = expected.at(QStringLiteral("/use_to")).toString();
    struct Part {
        const char *report, *sub;
        std::map<std::string, std::string> params;
    };
    const Part parts[] = {
        {"equipment", "", {{"by", "school"}}},
        {"equipment_replacement", "/replacement",
         {{"by", "school"}, {"on", day.toStdString()}, {"year", std::to_string(plan)}}},
        {"equipment_usage", "/usage", {{"by", "school"}, {"from", from.toStdString()}, {"to", to.toStdString()}}},
    };
    const int schools = static_cast<int>(expected.at(QStringLiteral("/by_school")).toArray().size());
    for (const Part &p : parts) {
        const QJsonObject doc = report(p.report, p.params);
        const QString name = QLatin1String(p.report);
        const QJsonObject params = doc.value(QLatin1String("params")).toObject();
        if (p.params.count("on")) {
            expected.check(QStringLiteral("/equipment_day"), params.value(QLatin1String("on")), name);
            expected.check(QStringLiteral("/plan_year"), params.value(QLatin1String("year")).toString().toInt(), name);
        }
        if (p.params.count("from")) {
            expected.check(QStringLiteral("/use_from"), params.value(QLatin1String("from")), name);
            expected.check(QStringLiteral("/use_to"), params.value(QLatin1String("to")), name);
        }
        compare(expected, QStringLiteral("/equipment") + QLatin1String(p.sub), doc.value(QLatin1String("totals")).toObject(),
                name + QStringLiteral(" totals"));
        const auto rows = byKey(doc);
        if (rows.size() != schools)
            expected.mismatch(QStringLiteral("%1: %2 rows for %3 schools").arg(name).arg(rows.size()).arg(schools));
        for (int i = 0; i < schools; ++i) {
            const QString base = QStringLiteral("/by_school/%1").arg(i);
            const QString code = expected.at(base + QStringLiteral("/code")).toString();
            compare(expected, base + QStringLiteral("/equipment") + QLatin1String(p.sub), rows.value(code), name + QLatin1Char(' ') + code);
        }
    }
}
