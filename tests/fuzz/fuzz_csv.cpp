// Any bytes as a CSV file a clerk picked: the reader, header search and column mapping must
// return a value (a sheet or a message) and never crash, hang or read out of bounds.
#include "ColumnMapping.h"
#include "CsvReader.h"

#include <QtGlobal>

#include <cstddef>
#include <cstdint>

// Qt's own warnings on damaged input (QBuffer::seek, ...) are expected here and would flood the
// log and slow the run: the fuzzer looks for crashes, hangs and sanitizer reports only.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace emis::io;
    auto sheet = CsvReader::parse(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!sheet.ok())
        return 0;
    // Header search and mapping walk every cell the reader made. The import plan itself is
    // left out: its rules live in common/ (std::regex), tested there, and would cut the
    // executions per second a hundredfold.
    const auto &table = *emis::schema::findTable("students");
    ColumnMapping::locateHeader(sheet.value(), table);
    const auto mapping = ColumnMapping::fromSheet(table, sheet.value());
    (void)mapping.unknownColumns();
    return 0;
}
