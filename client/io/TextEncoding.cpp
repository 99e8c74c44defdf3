#include "TextEncoding.h"

#include <QStringDecoder>
#include <QStringEncoder>
#include <QTextCodec>

namespace emis::io {
namespace {

constexpr char kBom[] = "\xEF\xBB\xBF";

// Debian's Qt reaches GB18030 through ICU although QStringConverter::encodingForName does not list
// it; where ICU is missing the Core5Compat codec still knows it (see PLATFORM.md). Decode as
// GB18030, never "GBK": Qt's GBK garbles the 4-byte sequences.
QString decodeGb18030(const QByteArray &bytes)
{
    QStringDecoder decoder("GB18030");
    if (decoder.isValid())
        return decoder.decode(bytes);
    if (QTextCodec *codec = QTextCodec::codecForName("GB18030"))
        return codec->toUnicode(bytes);
    return QString::fromLatin1(bytes);  // unreachable on a sane install; never lose the bytes
}

QByteArray encodeGb18030(const QString &text)
{
    QStringEncoder encoder("GB18030");
    if (encoder.isValid())
        return encoder.encode(text);
    if (QTextCodec *codec = QTextCodec::codecForName("GB18030"))
        return codec->fromUnicode(text);
    return text.toUtf8();
}

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    (void)decoder.decode(bytes);
    return !decoder.hasError();
}

} // namespace

TextEncoding detectEncoding(const QByteArray &bytes)
{
    if (bytes.startsWith(kBom))
        return TextEncoding::Utf8Bom;
    return isValidUtf8(bytes) ? TextEncoding::Utf8 : TextEncoding::Gb18030;
}

QString decodeText(const QByteArray &bytes, TextEncoding *detected)
{
    const TextEncoding encoding = detectEncoding(bytes);
    if (detected)
        *detected = encoding;
    switch (encoding) {
    case TextEncoding::Utf8Bom:
        return QString::fromUtf8(bytes.constData() + 3, bytes.size() - 3);
    case TextEncoding::Utf8:
        return QString::fromUtf8(bytes);
    case TextEncoding::Gb18030:
        return decodeGb18030(bytes);
    }
    return {};
}

QByteArray encodeText(const QString &text, TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8Bom:
        return QByteArray(kBom) + text.toUtf8();
    case TextEncoding::Utf8:
        return text.toUtf8();
    case TextEncoding::Gb18030:
        return encodeGb18030(text);
    }
    return {};
}

} // namespace emis::io
