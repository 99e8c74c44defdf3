#pragma once

#include "schema/Schema.h"
#include "store/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <string>
#include <vector>

namespace emis::client {

// A table's per-field versions (TABLE_versions: FIELD_hlc, FIELD_seq, deleted_hlc, deleted_seq).
// A row saved here as new has no versions row until it first changes: it reads as written whole
// by one save, every field holding a value stamped with the row's own hlc, its server seq not yet
// known. A new row is most of a clerk's writing (an import, a roster); its versions row repeated
// the row's stamp in every field and was 40% of the bytes written.

// The SQL expression for a field's stamp, reading the row as `r` and its versions as `v` (LEFT
// JOINed on v.id = r.id): the versions row's when there is one, else the row's hlc when the
// field holds a value. `field` empty: the tombstone's stamp (deleted_hlc).
QString versionHlcExpr(const schema::Table &table, const QString &field);

// "FROM TABLE r LEFT JOIN TABLE_versions v ON v.id = r.id", for the expressions above.
QString versionsJoin(const schema::Table &table);

// Writes out the implicit versions row of `id` (no-op when it has one), before anything changes
// the row's stamp or one of its versions. `id` empty: every row of the table that has none.
Status materializeVersions(const QSqlDatabase &db, const schema::Table &table, const QString &id);
// The same for a save about to write `changed` at `hlc`: the row written out already carries the
// save's stamps (one statement instead of two). Whether it wrote one (false: it had its own).
Result<bool> materializeVersionsFor(const QSqlDatabase &db, const schema::Table &table, const QString &id,
                                    const std::vector<std::string> &changed, const QString &hlc);

} // namespace emis::client
