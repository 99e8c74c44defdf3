// Records of any table: list | add | edit | remove TABLE, and the students spellings kept from
// before (students add | edit | list | remove).
#include "cli/CliSupport.h"
#include "store/RecordRepository.h"
#include "store/RefResolver.h"
#include "store/SqlValue.h"
#include "validate/References.h"

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

// A row as JSON: every field by name; a reference also by its target's label (FIELD_label).
QJsonObject rowJson(const schema::Table &t, const StoredRow &row, RefResolver &refs)
{
    QJsonObject o{{QStringLiteral("id"), row.id}, {QStringLiteral("school_id"), row.schoolId}, {QStringLiteral("hlc"), row.hlc}};
    for (const auto &[name, value] : row.values)
        o.insert(qs(name), jsonValue(value));
    for (const auto &f : t.fields)
        if (const auto *target = validate::refTarget(f, row.values); target && !isNull(row.values.at(f.name)))
            o.insert(qs(f.name) + QStringLiteral("_label"), refs.label(*target, qs(displayText(row.values.at(f.name)))));
    return o;
}

int saved(const Output &out, const Result<SaveOutcome> &r, const QString &done)
{
    if (!r)
        return out.fail(r.error());
    out.text(r->deviceSeq ? done.arg(r->id) : tr("Nothing changed for %1.").arg(r->id));
    out.data(QJsonObject{{QStringLiteral("id"), r->id}, {QStringLiteral("device_seq"), static_cast<qint64>(r->deviceSeq)}});
    return 0;
}

QString savedText(const schema::Table &t)
{
    return t.name == "students" ? tr("Saved pupil %1.") : tr("Saved %1 record %2.").arg(qs(t.labelZh), QStringLiteral("%1"));
}

QString removedText(const schema::Table &t)
{
    return t.name == "students" ? tr("Removed pupil %1.")
                                : tr("Removed %1 record %2.").arg(qs(t.labelZh), QStringLiteral("%1"));
}

int addTo(const schema::Table &t, const Options &o, const Output &out)
{
    auto raw = parseSets(o.sets);
    if (!raw)
        return out.fail(raw.error());
    if (raw->isEmpty())
        return out.fail(makeError(ErrorKind::Usage, tr("add needs --set FIELD=VALUE for the record's fields.")));
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    return saved(out, RecordRepository(**store, t).add(*raw), savedText(t));
}

int editIn(const schema::Table &t, const Options &o, const Output &out)
{
    if (o.id.isEmpty())
        return out.fail(makeError(ErrorKind::Usage, tr("edit needs the record's id.")));
    auto raw = parseSets(o.sets);
    if (!raw)
        return out.fail(raw.error());
    if (raw->isEmpty())
        return out.fail(makeError(ErrorKind::Usage, tr("edit needs at least one --set FIELD=VALUE.")));
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    return saved(out, RecordRepository(**store, t).edit(o.id, *raw), savedText(t));
}

int removeFrom(const schema::Table &t, const Options &o, const Output &out)
{
    if (o.id.isEmpty())
        return out.fail(makeError(ErrorKind::Usage, tr("remove needs the record's id.")));
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    return saved(out, RecordRepository(**store, t).remove(o.id), removedText(t));
}

int listOf(const schema::Table &t, const Options &o, const Output &out)
{
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    RecordRepository repo(**store, t);
    auto rows = repo.list();
    if (!rows)
        return out.fail(rows.error());
    std::vector<const schema::Field *> shown;
    for (const auto &name : t.listFields)
        shown.push_back(t.field(name));
    if (shown.empty())
        for (const auto &f : t.fields)
            if (f.type != schema::FieldType::Blob)
                shown.push_back(&f);
    RefResolver refs(**store);
    QJsonArray array;
    QStringList header{QStringLiteral("id")};
    for (const auto *f : shown)
        header << qs(f->labelZh);
    out.text(header.join(QLatin1Char('\t')));
    for (const auto &row : *rows) {
        array.append(rowJson(t, row, refs));
        QStringList line{row.id};
        for (const auto *f : shown) {
            const Value &v = row.values.at(f->name);
            const auto *target = validate::refTarget(*f, row.values);
            line << (target && !isNull(v) ? refs.label(*target, qs(displayText(v))) : displayValue(*f, v));
        }
        out.text(line.join(QLatin1Char('\t')));
    }
    out.data(array);
    return 0;
}

const schema::Table &students() { return *schema::findTable("students"); }

} // namespace

Result<const schema::Table *> tableNamed(const QString &name, bool toWrite)
{
    const schema::Table *t = schema::findTable(ss(name.trimmed()));
    if (!t) {
        for (const auto &candidate : schema::tables())
            if (qs(candidate.labelZh) == name.trimmed())
                t = &candidate;
    }
    if (!t) {
        QStringList known;
        for (const auto &candidate : schema::tables())
            known << qs(candidate.name);
        return makeError(ErrorKind::Usage,
                         tr("There is no table \"%1\". Tables: %2.").arg(name, known.join(QStringLiteral(", "))),
                         QStringLiteral("unknown_table"));
    }
    const bool writable = t->scope == schema::Scope::School || t->scope == schema::Scope::Shared;
    if (toWrite && !writable)
        return makeError(ErrorKind::Usage, tr("%1 are kept by the county server and cannot be changed here.")
                                               .arg(qs(t->labelZh)),
                         QStringLiteral("read_only"));
    return t;
}

namespace {

int onTable(const Options &o, const Output &out, bool toWrite,
            int (*command)(const schema::Table &, const Options &, const Output &))
{
    auto t = tableNamed(o.table, toWrite);
    if (!t)
        return out.fail(t.error());
    return command(**t, o, out);
}

} // namespace

int recordsList(const Options &o, const Output &out) { return onTable(o, out, false, listOf); }
int recordsAdd(const Options &o, const Output &out) { return onTable(o, out, true, addTo); }
int recordsEdit(const Options &o, const Output &out) { return onTable(o, out, true, editIn); }
int recordsRemove(const Options &o, const Output &out) { return onTable(o, out, true, removeFrom); }

int studentsAdd(const Options &o, const Output &out) { return addTo(students(), o, out); }
int studentsEdit(const Options &o, const Output &out) { return editIn(students(), o, out); }
int studentsRemove(const Options &o, const Output &out) { return removeFrom(students(), o, out); }
int studentsList(const Options &o, const Output &out) { return listOf(students(), o, out); }

} // namespace emis::client::cli
