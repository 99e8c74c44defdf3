// Any bytes as an .xlsx workbook: the zip layer, relationships, shared strings, styles and every
// sheet must give a sheet or a message, never a crash, a hang or unbounded memory.
#include "ColumnMapping.h"
#include "XlsxReader.h"

#include <QBuffer>

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
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    XlsxReader reader;
    if (!reader.open(&buffer).ok())
        return 0;
    const auto &students = *emis::schema::findTable("students");
    for (int i = 0; i < reader.sheetNames().size() && i < 4; ++i) {
        auto sheet = reader.read(i);
        if (!sheet.ok())
            continue;
        // Header search and mapping walk every cell; the import plan's rules are common/'s (see
        // fuzz_csv.cpp).
        ColumnMapping::locateHeader(sheet.value(), students);
        (void)ColumnMapping::fromSheet(students, sheet.value()).unknownColumns();
    }
    return 0;
}
