#pragma once

#include "ImportPlan.h"

#include <QCoreApplication>
#include <QStringList>

#include <atomic>
#include <functional>

namespace emis::school {

struct ImportOutcome {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    QStringList failures;  // "line N: reason", in the clerk's language
    bool cancelled = false;
    QString error;         // the store could not be opened at all
};

// Writes an import plan's accepted rows through the library: a new record for a pupil not there
// yet, and only the changed fields for one already stored (matched on the table's natural keys:
// ID type and number, or 学籍号 / 工号). Each row is one save, so a refused row never takes the
// others with it. Opens its own store connection: it runs on a worker thread.
class ImportSaver {
    Q_DECLARE_TR_FUNCTIONS(ImportSaver)
public:
    static ImportOutcome save(const QString &storePath, const schema::Table &table,
                              const std::vector<io::AcceptedRow> &rows,
                              const std::function<void(int, int)> &progress = {},
                              const std::atomic_bool *cancel = nullptr);
};

} // namespace emis::school
