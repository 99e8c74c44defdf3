// import TABLE FILE [--dry-run] and export TABLE FILE [--gbk], for any table.
#include "cli/CliSupport.h"

#include "CsvExporter.h"
#include "ImportPlan.h"
#include "XlsxExporter.h"
#include "register/ImportService.h"
#include "store/RecordStore.h"
#include "store/RefResolver.h"
#include "validate/References.h"
#include "store/SqlValue.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace emis::client::cli {

int importCommand(const Options &o, const Output &out)
{
    auto table = tableNamed(o.table, true);
    if (!table)
        return out.fail(table.error());
    if ((*table)->name == "scores")  // a score sheet: one column per subject of an exam
        return importScores(o, out);
    auto plan = io::ImportPlan::fromFile(o.file, **table);
    if (!plan)
        return out.fail(makeError(ErrorKind::Invalid, plan.error()));

    const QJsonArray rejected = rejectedRowsJson(plan->rejected, out);
    QJsonObject result{{QStringLiteral("file"), o.file},
                       {QStringLiteral("table"), o.table},
                       {QStringLiteral("accepted"), static_cast<int>(plan->accepted.size())},
                       {QStringLiteral("rejected"), rejected},
                       {QStringLiteral("dry_run"), o.dryRun}};
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    // Rows belong to the device's school: before enrollment there is none, and a dry run says so too.
    if (!(*store)->identity().enrolled())
        return out.fail(makeError(ErrorKind::Usage, tr("This device is not enrolled; run enroll first, then import.")));
    ImportService service(**store);
    auto saved = o.dryRun ? service.dryRun(**table, plan->accepted) : service.save(**table, plan->accepted);
    if (!saved)
        return out.fail(saved.error());
    for (const QString &f : saved->failures)
        out.text(f);
    if (o.dryRun)
        out.text(tr("%1 rows would be added, %2 updated, %3 unchanged; %4 rejected in the file, %5 would be refused "
                    "by the store; nothing was written (--dry-run).")
                     .arg(saved->added)
                     .arg(saved->updated)
                     .arg(saved->unchanged)
                     .arg(plan->rejected.size())
                     .arg(saved->failures.size()));
    else
        out.text(tr("Imported %1: %2 added, %3 updated, %4 unchanged, %5 rejected in the file, %6 refused by the store.")
                     .arg(QFileInfo(o.file).fileName())
                     .arg(saved->added)
                     .arg(saved->updated)
                     .arg(saved->unchanged)
                     .arg(plan->rejected.size())
                     .arg(saved->failures.size()));
    result.insert(QStringLiteral("added"), saved->added);
    result.insert(QStringLiteral("updated"), saved->updated);
    result.insert(QStringLiteral("unchanged"), saved->unchanged);
    result.insert(QStringLiteral("refused"), QJsonArray::fromStringList(saved->failures));
    out.data(result);
    // Good rows are saved either way (or, on a dry run, would be); a script still learns that some were not.
    return plan->rejected.empty() && saved->failures.isEmpty() ? 0 : static_cast<int>(ErrorKind::Invalid);
}

int exportCommand(const Options &o, const Output &out)
{
    auto table = tableNamed(o.table, false);
    if (!table)
        return out.fail(table.error());
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    auto rows = RecordStore(**store).list(**table);
    if (!rows)
        return out.fail(rows.error());
    std::vector<validate::Record> records;
    records.reserve(rows->size());
    // A reference is written as people read it (the row's label), which an import reads back.
    RefResolver refs(**store);
    for (auto &r : *rows) {
        for (const auto &f : (*table)->fields)
            if (const auto *target = validate::refTarget(f, r.values); target && !isNull(r.values[f.name]))
                r.values[f.name] = ss(refs.label(*target, qs(displayText(r.values[f.name]))));
        records.push_back(std::move(r.values));
    }
    io::Status written;
    if (o.file.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive)) {
        written = io::XlsxExporter::write(o.file, **table, records);
    } else {
        io::CsvExporter::Options options;
        if (o.gbk)
            options.encoding = io::TextEncoding::Gb18030;
        written = io::CsvExporter::write(o.file, **table, records, options);
    }
    if (!written)
        return out.fail(makeError(ErrorKind::Other, written.error()));
    out.text(tr("Exported %1 records to %2.").arg(records.size()).arg(o.file));
    out.data(QJsonObject{{QStringLiteral("file"), o.file}, {QStringLiteral("records"), static_cast<int>(records.size())}});
    return 0;
}

} // namespace emis::client::cli
