#pragma once

#include "cli/Commands.h"
#include "store/LocalStore.h"
#include "store/RecordRepository.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>
#include <vector>

namespace emis::io {
struct RejectedRow;
}

namespace emis::client::cli {

// A translated message of emis-cli. lupdate files free tr() calls in this namespace under
// "emis::client::cli", so that is the context looked up at run time.
QString tr(const char *text);

// Opens (creating if need be) the data directory's store.
Result<std::unique_ptr<LocalStore>> openDevice(const Options &o);
// --set KEY=VALUE pairs; a pair without '=' is a usage error.
Result<RawFields> parseSets(const QStringList &sets);
// A canonical value as a person reads it: code names for codes (男, 汉族, 三年级).
QString displayValue(const schema::Field &field, const Value &value);
QString isoTime(qint64 ms);
// The table a command names (its name or Chinese label); a usage error names the tables there
// are. `toWrite`: one this device writes (school-owned or shared), not one the county keeps.
Result<const schema::Table *> tableNamed(const QString &name, bool toWrite);

class Output;
// A reason as JSON: field, code, message_zh, message_en.
QJsonObject issueJson(const Issue &issue);
// The rows an import refused: each reason as a text line (its line, the person's name), and as
// JSON, {line, name, reasons}.
QJsonArray rejectedRowsJson(const std::vector<io::RejectedRow> &rows, const Output &out);

} // namespace emis::client::cli
