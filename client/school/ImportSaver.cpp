#include "ImportSaver.h"

#include "RecordDiff.h"
#include "UiLanguage.h"
#include "store/LocalStore.h"
#include "store/RecordStore.h"

#include <QHash>

namespace emis::school {
namespace {

// A natural key's parts as one lookup string; empty when a part is missing (then it cannot match).
QString keyOf(const std::vector<std::string> &key, const validate::Record &r)
{
    QString out;
    for (const auto &name : key) {
        auto it = r.find(name);
        if (it == r.end() || isNull(it->second))
            return {};
        out += qs(displayText(it->second)) % QChar(0x1f);
    }
    return out;
}

} // namespace

ImportOutcome ImportSaver::save(const QString &storePath, const schema::Table &table,
                                const std::vector<io::AcceptedRow> &rows,
                                const std::function<void(int, int)> &progress, const std::atomic_bool *cancel)
{
    ImportOutcome outcome;
    auto store = client::LocalStore::open(storePath);
    if (!store) {
        outcome.error = store.error().message;
        return outcome;
    }
    client::RecordStore records(**store);
    auto existing = records.list(table);
    if (!existing) {
        outcome.error = existing.error().message;
        return outcome;
    }
    std::vector<client::StoredRow> stored = std::move(*existing);
    // One index per natural key, so matching stays linear for a whole county's file.
    std::vector<QHash<QString, std::size_t>> indexes(table.naturalKeys.size());
    auto remember = [&](std::size_t at) {
        for (std::size_t k = 0; k < table.naturalKeys.size(); ++k)
            if (const QString key = keyOf(table.naturalKeys[k], stored[at].values); !key.isEmpty())
                indexes[k].insert(key, at);
    };
    for (std::size_t i = 0; i < stored.size(); ++i)
        remember(i);

    const int total = int(rows.size());
    for (int i = 0; i < total; ++i) {
        if (cancel && cancel->load()) {
            outcome.cancelled = true;
            break;
        }
        const io::AcceptedRow &row = rows[std::size_t(i)];
        std::optional<std::size_t> match;
        for (std::size_t k = 0; k < table.naturalKeys.size() && !match; ++k)
            if (const QString key = keyOf(table.naturalKeys[k], row.record); !key.isEmpty())
                if (auto it = indexes[k].constFind(key); it != indexes[k].constEnd())
                    match = it.value();
        if (match) {
            client::StoredRow &target = stored[*match];
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
            stored.push_back(client::StoredRow{saved->id, {}, {}, false, row.record});
            remember(stored.size() - 1);
            ++outcome.added;
        } else {
            outcome.failures << tr("line %1: %2").arg(row.line).arg(saved.error().message);
        }
        if (progress && (i % 20 == 0 || i + 1 == total))
            progress(i + 1, total);
    }
    return outcome;
}

} // namespace emis::school
