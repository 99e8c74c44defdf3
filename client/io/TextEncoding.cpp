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

// Strict UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF, no sequence cut at the end),
// counted: the well-formed multi-byte sequences, and the stretches of bytes that are none (one
// damaged byte may break up to three).
// QStringDecoder does not flag a sequence cut at the end of its input, and GBK bytes sometimes
// end exactly so: decide here.
struct Utf8Tally {
    qsizetype sequences = 0;
    qsizetype damaged = 0;
};

Utf8Tally tallyUtf8(const QByteArray &bytes)
{
    Utf8Tally tally;
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    bool inDamage = false;
    for (qsizetype i = 0; i < n;) {
        const unsigned c = p[i];
        if (c < 0x80) {
            ++i;
            inDamage = false;
            continue;
        }
        int extra = 0;
        unsigned min = 0, cp = 0;
        if ((c & 0xE0) == 0xC0)
            extra = 1, min = 0x80, cp = c & 0x1F;
        else if ((c & 0xF0) == 0xE0)
            extra = 2, min = 0x800, cp = c & 0x0F;
        else if ((c & 0xF8) == 0xF0)
            extra = 3, min = 0x10000, cp = c & 0x07;
        bool ok = extra > 0 && i + extra < n;  // else a stray byte, or a sequence cut by the end
        for (int k = 1; ok && k <= extra; ++k) {
            ok = (p[i + k] & 0xC0) == 0x80;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        ok = ok && cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
        if (ok) {
            ++tally.sequences;
            i += extra + 1;
        } else {
            tally.damaged += inDamage ? 0 : 1;
            ++i;  // resynchronize on the next byte
        }
        inDamage = !ok;
    }
    return tally;
}

// A UTF-8 roster with a damaged byte is still UTF-8: read as GB18030 every Chinese character of
// it would turn into other, valid characters and nothing would show the damage. GBK text is
// never mostly well-formed UTF-8 (the GBK fixture has 283 well-formed sequences by chance and
// 652 stretches of bytes that are none), so a file with at least this many well-formed
// sequences per damaged stretch is UTF-8 whose bad bytes decode to U+FFFD, which the import
// then rejects row by row.
constexpr qsizetype kUtf8SequencesPerDamage = 10;

} // namespace

TextEncoding detectEncoding(const QByteArray &bytes)
{
    if (bytes.startsWith(kBom))
        return TextEncoding::Utf8Bom;
    if (bytes.startsWith("\xFF\xFE"))
        return TextEncoding::Utf16Le;
    if (bytes.startsWith("\xFE\xFF"))
        return TextEncoding::Utf16Be;
    const Utf8Tally tally = tallyUtf8(bytes);
    if (tally.damaged == 0 || tally.sequences >= kUtf8SequencesPerDamage * tally.damaged)
        return TextEncoding::Utf8;
    return TextEncoding::Gb18030;
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
    case TextEncoding::Utf16Le:
    case TextEncoding::Utf16Be: {
        QStringDecoder decoder(encoding == TextEncoding::Utf16Le ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
        return decoder.decode(bytes.mid(2));
    }
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
    case TextEncoding::Utf16Le:
    case TextEncoding::Utf16Be: {
        const bool le = encoding == TextEncoding::Utf16Le;
        QStringEncoder encoder(le ? QStringEncoder::Utf16LE : QStringEncoder::Utf16BE);
        return QByteArray(le ? "\xFF\xFE" : "\xFE\xFF", 2) + QByteArray(encoder.encode(text));
    }
    }
    return {};
}

} // namespace emis::io
