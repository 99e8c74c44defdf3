// students add | edit | list | remove.
#include "cli/CliSupport.h"
#include "store/SqlValue.h"
#include "store/StudentRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace emis::client::cli {
namespace {

QJsonValue jsonValue(const Value &v)
{
    if (const auto *s = std::get_if<std::string>(&v))
        return qs(*s);
    if (const auto *i = std::get_if<std::int64_t>(&v))
        return static_cast<qint64>(*i);
    if (const auto *d = std::get_if<double>(&v))
        return *d;
    return QJsonValue();
}

QJsonObject rowJson(const StoredRow &row)
{
    QJsonObject o{{QStringLiteral("id"), row.id}, {QStringLiteral("school_id"), row.schoolId}, {QStringLiteral("hlc"), row.hlc}};
    for (const auto &[name, value] : row.values)
        o.insert(qs(name), jsonValue(value));
    return o;
}

int saved(const Output &out, const Result<SaveOutcome> &r, const char *what)
{
    if (!r)
        return out.fail(r.error());
    out.text(r->deviceSeq ? tr(what).arg(r->id) : tr("Nothing changed for %1.").arg(r->id));
    out.data(QJsonObject{{QStringLiteral("id"), r->id}, {QStringLiteral("device_seq"), static_cast<qint64>(r->deviceSeq)}});
    return 0;
}

} // namespace

int studentsAdd(const Options &o, const Output &out)
{
    auto raw = parseSets(o.sets);
    if (!raw)
        return out.fail(raw.error());
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    return saved(out, StudentRepository(**store).add(*raw), QT_TRANSLATE_NOOP("emis-cli", "Saved pupil %1."));
}

int studentsEdit(const Options &o, const Output &out)
{
    if (o.id.isEmpty())
        return out.fail(makeError(ErrorKind::Usage, tr("students edit needs the pupil's id.")));
    auto raw = parseSets(o.sets);
    if (!raw)
        return out.fail(raw.error());
    if (raw->isEmpty())
        return out.fail(makeError(ErrorKind::Usage, tr("students edit needs at least one --set FIELD=VALUE.")));
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    return saved(out, StudentRepository(**store).edit(o.id, *raw), QT_TRANSLATE_NOOP("emis-cli", "Saved pupil %1."));
}

int studentsRemove(const Options &o, const Output &out)
{
    if (o.id.isEmpty())
        return out.fail(makeError(ErrorKind::Usage, tr("students remove needs the pupil's id.")));
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    return saved(out, StudentRepository(**store).remove(o.id), QT_TRANSLATE_NOOP("emis-cli", "Removed pupil %1."));
}

int studentsList(const Options &o, const Output &out)
{
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    StudentRepository repo(**store);
    auto rows = repo.list();
    if (!rows)
        return out.fail(rows.error());
    QJsonArray array;
    const char *shown[] = {"name", "sex", "birth_date", "id_number", "grade", "class_name", "status"};
    QStringList header{QStringLiteral("id")};
    for (const char *f : shown)
        header << qs(repo.table().field(f)->labelZh);
    out.text(header.join(QLatin1Char('\t')));
    for (const auto &row : *rows) {
        array.append(rowJson(row));
        QStringList line{row.id};
        for (const char *f : shown)
            line << displayValue(*repo.table().field(f), row.values.at(f));
        out.text(line.join(QLatin1Char('\t')));
    }
    out.data(array);
    return 0;
}

} // namespace emis::client::cli
