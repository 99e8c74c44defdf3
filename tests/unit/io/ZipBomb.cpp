#include "ZipBomb.h"

#include <QFile>

#include <zlib.h>

namespace testsupport {
namespace {

// Raw deflate (no zlib header) of `data` from a fresh stream. With Z_FULL_FLUSH the output ends
// byte-aligned and refers to nothing before it, so copies of it may follow one another.
QByteArray deflateRaw(const QByteArray &data, int flush)
{
    z_stream s{};
    if (deflateInit2(&s, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    s.avail_in = uInt(data.size());
    QByteArray out;
    char buffer[1 << 16];
    do {
        s.next_out = reinterpret_cast<Bytef *>(buffer);
        s.avail_out = sizeof buffer;
        deflate(&s, flush);
        out.append(buffer, qsizetype(sizeof buffer - s.avail_out));
    } while (s.avail_out == 0);
    deflateEnd(&s);
    return out;
}

quint32 crcOf(const QByteArray &data, quint32 crc = 0)
{
    return quint32(crc32(crc, reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size())));
}

void put16(QByteArray &b, quint32 v)
{
    b.append(char(v & 0xFF));
    b.append(char((v >> 8) & 0xFF));
}

void put32(QByteArray &b, quint32 v)
{
    put16(b, v & 0xFFFF);
    put16(b, v >> 16);
}

struct Entry {
    QByteArray name;
    quint32 crc = 0;
    quint32 compressed = 0;
    quint32 declared = 0;
    quint32 offset = 0;
};

// Local header and central directory record share their middle: version, flags, method, time,
// date, CRC, sizes, name length, extra length.
QByteArray commonFields(const Entry &e)
{
    QByteArray b;
    put16(b, 20);      // version needed: deflate
    put16(b, 0);       // flags
    put16(b, 8);       // deflate
    put16(b, 0);       // time
    put16(b, 0x5821);  // date: 2024-01-01
    put32(b, e.crc);
    put32(b, e.compressed);
    put32(b, e.declared);
    put16(b, quint32(e.name.size()));
    put16(b, 0);
    return b;
}

bool writeLocal(QFile &f, Entry &e)
{
    e.offset = quint32(f.pos());
    QByteArray h;
    put32(h, 0x04034b50);
    h += commonFields(e) + e.name;
    return f.write(h) == h.size();
}

} // namespace

bool writeBombZip(const QString &path, const QList<Part> &parts, const BombPart &bomb)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QList<Entry> entries;
    for (const auto &[name, data] : parts) {
        const QByteArray packed = deflateRaw(data, Z_FINISH);
        Entry e{name.toUtf8(), crcOf(data), quint32(packed.size()), quint32(data.size()), 0};
        if (!writeLocal(f, e) || f.write(packed) != packed.size())
            return false;
        entries.append(e);
    }

    const QByteArray head = deflateRaw(bomb.head, Z_FULL_FLUSH);
    const QByteArray fill = deflateRaw(bomb.fill, Z_FULL_FLUSH);
    const QByteArray tail = deflateRaw(bomb.tail, Z_FINISH);
    const qint64 packedSize = head.size() + fill.size() * bomb.repeat + tail.size();
    if (bomb.inflatedSize() > 0xFFFFFFFFLL || packedSize > 0xFFFFFFFFLL)
        return false;
    quint32 crc = crcOf(bomb.head);
    const quint32 fillCrc = crcOf(bomb.fill);
    for (qint64 i = 0; i < bomb.repeat; ++i)
        crc = quint32(crc32_combine(crc, fillCrc, z_off_t(bomb.fill.size())));
    crc = crcOf(bomb.tail, crc);
    Entry e{bomb.name.toUtf8(), crc, quint32(packedSize), bomb.declaredSize.value_or(quint32(bomb.inflatedSize())), 0};
    if (!writeLocal(f, e) || f.write(head) != head.size())
        return false;
    for (qint64 i = 0; i < bomb.repeat; ++i)
        if (f.write(fill) != fill.size())
            return false;
    if (f.write(tail) != tail.size())
        return false;
    entries.append(e);

    const quint32 directoryStart = quint32(f.pos());
    QByteArray directory;
    for (const Entry &entry : entries) {
        put32(directory, 0x02014b50);
        put16(directory, 20);  // made by
        directory += commonFields(entry);
        put16(directory, 0);   // comment length
        put16(directory, 0);   // disk
        put16(directory, 0);   // internal attributes
        put32(directory, 0);   // external attributes
        put32(directory, entry.offset);
        directory += entry.name;
    }
    QByteArray end;
    put32(end, 0x06054b50);
    put16(end, 0);
    put16(end, 0);
    put16(end, quint32(entries.size()));
    put16(end, quint32(entries.size()));
    put32(end, quint32(directory.size()));
    put32(end, directoryStart);
    put16(end, 0);
    return f.write(directory) == directory.size() && f.write(end) == end.size() && f.flush();
}

QByteArray worksheetHead()
{
    return "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
}

QByteArray worksheetTail() { return "</sheetData></worksheet>"; }

} // namespace testsupport
