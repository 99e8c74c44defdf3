#pragma once
// What the report tests share: a store's rows made from text, Chinese ID numbers, and a report
// run as JSON.
#include "report/ReportEngine.h"
#include "schema/Schema.h"
#include "store/Store.h"
#include "store/StoreSession.h"
#include "sync/Hlc.h"
#include "sync/Uuid.h"
#include "validate/IdNumber.h"
#include "validate/RecordValidator.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <map>
#include <string>

namespace emis::server::testing {

using Raw = std::map<std::string, std::string, std::less<>>;

inline std::string idNumber(const std::string &birth, int serial)
{
    char tail[8];
    std::snprintf(tail, sizeof tail, "%03d", serial % 1000);
    const std::string body = "360429" + birth + tail;
    return body + validate::idCheckCharacter(body);
}

inline StoredRow makeRow(const char *tableName, const std::string &schoolId, Raw raw, std::string id = {})
{
    const auto *table = schema::findTable(tableName);
    auto normalized = validate::normalizeRecord(*table, raw);
    if (!normalized.issues.empty())
        qFatal("bad test row: %s", normalized.issues.front().text().c_str());
    StoredRow row;
    row.id = id.empty() ? sync::newUuidV7() : id;
    row.schoolId = schoolId.empty() ? row.id : schoolId;
    row.hlc = sync::Hlc{1, 0, "test"}.toText();
    row.values = normalized.values;
    return row;
}

inline QJsonObject run(Store &store, const std::string &name, report::Params params,
                       std::string_view role = "admin")
{
    QJsonObject out;
    store.read([&](StoreSession &s) {
        auto r = report::runReport(s, name, params, role);
        if (auto *json = std::get_if<std::string>(&r))
            out = QJsonDocument::fromJson(QByteArray::fromStdString(*json)).object();
        else
            out.insert(QStringLiteral("issue"), QString::fromStdString(std::get<Issue>(r).code()));
    });
    return out;
}

inline int field(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toInt(); }

} // namespace emis::server::testing
