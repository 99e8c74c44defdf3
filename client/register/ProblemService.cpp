#include "register/ProblemService.h"

#include "register/RegisterText.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace emis::client {
namespace {

QString tr(const char *text) { return QCoreApplication::translate("emis::client::ProblemService", text); }

} // namespace

Result<std::vector<ProblemView>> ProblemService::list(bool all) const
{
    RecordStore records(m_store);
    auto rows = records.list(*schema::findTable("problems"));
    if (!rows)
        return rows.error();
    QHash<QString, validate::Record> pupils;
    if (auto own = records.list(*schema::findTable("students")))
        for (auto &p : *own)
            pupils.insert(p.id, std::move(p.values));
    const QHash<QString, QString> schools = schoolNames(m_store);
    std::vector<ProblemView> out;
    for (const auto &row : *rows) {
        ProblemView v;
        v.id = row.id;
        v.kind = fieldText(row.values, "kind");
        v.open = fieldText(row.values, "state") == QLatin1String("1");
        if (!v.open && !all)
            continue;
        v.studentId = fieldText(row.values, "student_id");
        const auto pupil = pupils.constFind(v.studentId);
        if (pupil != pupils.cend()) {
            v.studentName = fieldText(*pupil, "name");
            v.idNumber = fieldText(*pupil, "id_number");
        }
        const QString other = fieldText(row.values, "other_school_id");
        v.otherSchool = schools.value(other, other);
        v.detail = fieldText(row.values, "detail");
        if (v.kind == QLatin1String("1")) {
            v.kindText = tr("enrolled in two schools");
            v.advice = tr("The same ID number is enrolled at %1. Check with that school: the school the pupil "
                          "attends keeps the record and proves it to the bureau; if the pupil is not yours, "
                          "correct the ID number or remove the record.")
                           .arg(v.otherSchool);
        } else {
            v.kindText = tr("likely duplicate");
            v.advice = tr("A pupil with the same name, sex and birth date is enrolled at %1 and no resident ID "
                          "number tells them apart. Prove they are two children (enter the resident ID number), "
                          "correct the record, or remove it if it is the same child.")
                           .arg(v.otherSchool);
        }
        if (!v.open)
            v.advice = tr("Resolved: the condition no longer holds.");
        out.push_back(std::move(v));
    }
    std::stable_sort(out.begin(), out.end(), [](const ProblemView &a, const ProblemView &b) { return a.open > b.open; });
    return out;
}

} // namespace emis::client
