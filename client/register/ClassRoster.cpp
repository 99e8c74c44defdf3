#include "register/ClassRoster.h"

#include "store/RecordStore.h"
#include "store/SqlValue.h"

#include <QMap>

#include <tuple>

namespace emis::client {
namespace {

QString textOf(const validate::Record &r, const char *field)
{
    auto it = r.find(field);
    return it == r.end() ? QString() : qs(displayText(it->second));
}

} // namespace

Result<std::vector<ClassSummary>> classSummaries(LocalStore &store)
{
    RecordStore records(store);
    auto classes = records.list(*schema::findTable("classes"));
    if (!classes)
        return classes.error();
    auto pupils = records.list(*schema::findTable("students"));
    if (!pupils)
        return pupils.error();
    QMap<std::pair<int, QString>, ClassSummary> byKey;
    for (const auto &c : *classes) {
        ClassSummary s;
        s.id = c.id;
        s.grade = textOf(c.values, "grade").toInt();
        s.name = textOf(c.values, "name");
        s.headTeacher = textOf(c.values, "head_teacher");
        s.entryYear = textOf(c.values, "entry_year").toInt();
        byKey.insert({s.grade, s.name}, s);
    }
    for (const auto &p : *pupils) {
        if (textOf(p.values, "status") != QLatin1String("1"))
            continue;
        const std::pair<int, QString> key{textOf(p.values, "grade").toInt(), textOf(p.values, "class_name")};
        ClassSummary &s = byKey[key];
        s.grade = key.first;
        s.name = key.second;
        ++s.pupils;
        (textOf(p.values, "sex") == QLatin1String("1") ? s.boys : s.girls) += 1;
    }
    return std::vector<ClassSummary>(byKey.begin(), byKey.end());
}

} // namespace emis::client
