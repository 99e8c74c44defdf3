#pragma once

#include <QByteArray>
#include <QString>

namespace emis::io {

// The encodings clerks' CSV files come in. Excel on a Chinese Windows saves "CSV" in the system
// code page (GBK, a subset of GB18030); newer tools write UTF-8, often with a BOM; Excel's
// "Unicode text" is tab-separated UTF-16 with a BOM.
enum class TextEncoding { Utf8, Utf8Bom, Gb18030, Utf16Le, Utf16Be };

// UTF-8 BOM -> UTF-8; UTF-16 BOM -> UTF-16; bytes that are valid UTF-8, or nearly all (a few
// damaged bytes in a UTF-8 file) -> UTF-8; else GB18030. Bytes that are not text in the chosen
// encoding decode to U+FFFD, never silently to other characters where that can be helped.
TextEncoding detectEncoding(const QByteArray &bytes);
// Decodes with the detected encoding and drops a BOM.
QString decodeText(const QByteArray &bytes, TextEncoding *detected = nullptr);
// Encodes for a file; Utf8Bom prepends EF BB BF.
QByteArray encodeText(const QString &text, TextEncoding encoding);

} // namespace emis::io
