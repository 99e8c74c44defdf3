#include "register/ImportService.h"

#include "RecordDiff.h"
#include "store/LocalStore.h"
#include "store/RecordStore.h"
#include "store/RefResolver.h"
#include "store/SqlValue.h"

#include <QHash>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace emis::client {
namespace {

// A natural key's parts as one lookup string; empty when a part is missing (then it cannot match).
QString keyOf(const std::vector<std::string> &key, const validate::Record &r)
{
    QString out;
    for (const auto &name : key) {
        auto it = r.find(name);
        if (it == r.end() || isNull(it->second))
            return {};
        out += QString::fromStdString(displayText(it->second)) + QChar(0x1f);
    }
    return out;
}

// A row's given fields as one lookup string: how a row with no natural key (a ledger line with no
// 资产编号) is known again when the same sheet is imported twice.
QString contentOf(const std::set<std::string> &given, const validate::Record &r)
{
    QString out;
    for (const auto &name : given) {
        auto it = r.find(name);
        out += QString::fromStdString(name) + QChar(0x1e) +
               (it == r.end() || isNull(it->second) ? QString() : QString::fromStdString(displayText(it->second))) +
               QChar(0x1f);
    }
    return out;
}

bool keyless(const schema::Table &table, const validate::Record &r)
{
    return !table.naturalKeys.empty() && std::all_of(table.naturalKeys.begin(), table.naturalKeys.end(),
                                                     [&](const auto &key) { return keyOf(key, r).isEmpty(); });
}

} // namespace

Result<ImportOutcome> ImportService::save(const schema::Table &table, const std::vector<io::AcceptedRow> &rows,
                                          const std::function<void(int, int)> &progress,
                                          const std::atomic_bool *cancel)
{
    return write(table, rows, progress, cancel, true);
}

Result<ImportOutcome> ImportService::dryRun(const schema::Table &table, const std::vector<io::AcceptedRow> &rows)
{
    return write(table, rows, {}, nullptr, false);
}

Result<ImportOutcome> ImportService::write(const schema::Table &table, const std::vector<io::AcceptedRow> &rows,
                                           const std::function<void(int, int)> &progress,
                                           const std::atomic_bool *cancel, bool keep)
{
    ImportOutcome outcome;
    RecordStore records(m_store);
    std::vector<StoredRow> stored;
    if (m_limitField.empty()) {
        auto existing = records.list(table);
        if (!existing)
            return existing.error();
        stored = std::move(*existing);
    } else {
        // The school's own rows (and the county's), as list() gives them, of the values named.
        const QString own = m_store.identity().schoolId;
        for (const QString &value : m_limitValues) {
            auto some = records.listWhere(table, m_limitField, value);
            if (!some)
                return some.error();
            for (auto &row : *some)
                if (row.schoolId == own || row.schoolId.isEmpty())
                    stored.push_back(std::move(row));
        }
    }
    // One index per natural key, so matching stays linear for a whole school's file.
    std::vector<QHash<QString, std::size_t>> indexes(table.naturalKeys.size());
    auto remember = [&](std::size_t at) {
        for (std::size_t k = 0; k < table.naturalKeys.size(); ++k)
            if (const QString key = keyOf(table.naturalKeys[k], stored[at].values); !key.isEmpty())
                indexes[k].insert(key, at);
    };
    for (std::size_t i = 0; i < stored.size(); ++i)
        remember(i);
    // Rows with no natural key match a stored keyless row with the same content, each stored row
    // once: a sheet of identical lines (two computers bought together) imported again changes
    // nothing, and a third identical line adds one. Built on first need, for the sheet's columns.
    const std::size_t storedBefore = stored.size();
    std::map<std::set<std::string>, QHash<QString, std::vector<std::size_t>>> byContent;  // per set of columns
    std::vector<bool> matched(storedBefore, false);

    RefResolver refs(m_store);
    const bool hasRefs = std::any_of(table.fields.begin(), table.fields.end(),
                                     [](const schema::Field &f) { return f.type == schema::FieldType::Ref; });
    // One transaction: `records` rolls it back unless it is committed.
    if (!records.beginBatch())
        return makeError(ErrorKind::Other, tr("The local database could not start the import."));
    const int total = static_cast<int>(rows.size());
    for (int i = 0; i < total; ++i) {
        if (cancel && cancel->load()) {
            outcome.cancelled = true;
            return outcome;  // the batch rolls everything back
        }
        std::optional<io::AcceptedRow> resolved;
        if (hasRefs) {
            // A reference column names its row by a key (学籍号, 身份证件号, 姓名 + 班级): the id it stands for.
            resolved = rows[static_cast<std::size_t>(i)];
            auto issue = refs.resolveAll(table, resolved->record, resolved->alsoNamedBy);
            if (!issue)
                return issue.error();
            if (*issue) {
                outcome.failures << tr("line %1: %2").arg(resolved->line).arg(qs((*issue)->text()));
                continue;
            }
        }
        const io::AcceptedRow &row = resolved ? *resolved : rows[static_cast<std::size_t>(i)];
        std::optional<std::size_t> match;
        for (std::size_t k = 0; k < table.naturalKeys.size() && !match; ++k)
            if (const QString key = keyOf(table.naturalKeys[k], row.record); !key.isEmpty())
                if (auto it = indexes[k].constFind(key); it != indexes[k].constEnd())
                    match = it.value();
        if (!match && keyless(table, row.record)) {
            auto [index, fresh] = byContent.try_emplace(row.given);
            if (fresh)
                for (std::size_t at = storedBefore; at-- > 0;)
                    if (keyless(table, stored[at].values))
                        index->second[contentOf(row.given, stored[at].values)].push_back(at);
            if (auto it = index->second.find(contentOf(row.given, row.record)); it != index->second.end())
                while (!match && !it->empty()) {
                    if (!matched[it->back()])
                        match = it->back();
                    it->pop_back();
                }
            if (match)
                matched[*match] = true;
        }
        if (match) {
            StoredRow &target = stored[*match];
            const validate::Record changed = io::RecordDiff::changedFields(row, target.values);
            if (changed.empty()) {
                ++outcome.unchanged;
            } else if (auto saved = records.save(table, target.id, changed); saved) {
                for (const auto &[name, value] : changed)
                    target.values[name] = value;
                ++outcome.updated;
            } else {
                outcome.failures << tr("line %1: %2").arg(row.line).arg(saved.error().message);
            }
        } else if (auto saved = records.save(table, QString(), row.record); saved) {
            stored.push_back(StoredRow{saved->id, {}, {}, false, row.record});
            remember(stored.size() - 1);
            ++outcome.added;
        } else {
            outcome.failures << tr("line %1: %2").arg(row.line).arg(saved.error().message);
        }
        if (progress && (i % 20 == 0 || i + 1 == total))
            progress(i + 1, total);
    }
    if (!keep)
        return outcome;  // the batch rolls everything back
    if (!records.commitBatch())
        return makeError(ErrorKind::Other, tr("The local database could not commit the import."));
    return outcome;
}

} // namespace emis::client
