#include "register/Attachments.h"

#include "store/LocalStore.h"
#include "store/SqlValue.h"
#include "validate/FieldRules.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QPainter>

#include <algorithm>

namespace emis::client {
namespace {

const schema::Table &evidenceTable() { return *schema::findTable("evidence"); }
const schema::Field &dataField() { return *evidenceTable().field("data"); }

// The largest file read at all: a phone's photo is 3–8 MB, a scan at 600 dpi rarely over 30.
constexpr qint64 kMaxReadBytes = 40 * 1024 * 1024;
// The most pixels decoded (a 12,000 × 10,000 image): a small file that claims more is refused
// before it is decoded.
constexpr qint64 kMaxPixels = 120'000'000;
// A PNG or BMP is decoded whole before it is scaled: Qt refuses more than 128 MB of pixels.
constexpr qint64 kMaxWholeDecode = 32'000'000;

Error refused(Reason reason, const QString &fileName)
{
    const Issue issue = makeIssue(reason, &dataField());
    return makeError(ErrorKind::Invalid, fileName + QStringLiteral(": ") + qs(issue.text()), qs(issue.code()));
}

QString textOf(const validate::Record &r, const char *field)
{
    auto it = r.find(field);
    return it == r.end() ? QString() : qs(displayText(it->second));
}

QSize claimedSize(const QByteArray &data)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    return QImageReader(&buffer).size();
}

QByteArray asJpeg(QImage image, int quality)
{
    if (image.hasAlphaChannel()) {  // JPEG has no transparency: on white, as on paper
        QImage flat(image.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        QPainter(&flat).drawImage(0, 0, image);
        image = flat;
    }
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", quality);
    return out;
}

} // namespace

QImage Attachments::decoded(const QByteArray &data, int side)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid() && std::max(size.width(), size.height()) > side)
        reader.setScaledSize(size.scaled(side, side, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (!image.isNull() && std::max(image.width(), image.height()) > side)  // a reader that cannot scale
        image = image.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

Result<EvidenceFile> Attachments::check(const QString &fileName, const QByteArray &data)
{
    const Bytes bytes(data.begin(), data.end());
    if (auto issue = validate::checkValue(dataField(), Value{bytes}))
        return makeError(ErrorKind::Invalid, fileName + QStringLiteral(": ") + qs(issue->text()), qs(issue->code()));
    QString name = fileName;
    const int max = evidenceTable().field("file_name")->maxLength;
    if (name.size() > max)  // keep the end, where the extension is
        name = name.right(max);
    return EvidenceFile{name, qs(validate::imageType(bytes)), data};
}

Result<EvidenceFile> Attachments::fit(const QString &fileName, const QByteArray &data)
{
    if (static_cast<std::size_t>(data.size()) <= validate::kMaxEvidenceBytes)
        return check(fileName, data);
    if (validate::imageType(Bytes(data.begin(), data.begin() + std::min<qsizetype>(data.size(), 64))).empty())
        return refused(Reason::EvidenceNotImage, fileName);
    const QSize claimed = claimedSize(data);
    if (!claimed.isValid())
        return refused(Reason::EvidenceNotImage, fileName);
    const qint64 pixels = static_cast<qint64>(claimed.width()) * claimed.height();
    if (pixels > kMaxPixels)
        return refused(Reason::EvidenceTooLarge, fileName);
    const QString jpegName = QFileInfo(fileName).completeBaseName() + QStringLiteral(".jpg");
    for (const int side : {2048, 1600, 1280, 1024}) {
        const QImage image = decoded(data, side);
        if (image.isNull())  // Qt decodes at most 128 MB of pixels unless the format scales as it reads
            return refused(pixels > kMaxWholeDecode ? Reason::EvidenceTooLarge : Reason::EvidenceNotImage, fileName);
        for (const int quality : {85, 70}) {
            const QByteArray jpeg = asJpeg(image, quality);
            if (!jpeg.isEmpty() && static_cast<std::size_t>(jpeg.size()) <= validate::kMaxEvidenceBytes)
                return check(jpegName, jpeg);
        }
    }
    return refused(Reason::EvidenceTooLarge, fileName);
}

Result<EvidenceFile> Attachments::readFile(const QString &path)
{
    const QFileInfo info(path);
    // Refused before reading: a 200 MB file need not be loaded to be too large.
    if (info.exists() && info.size() > kMaxReadBytes)
        return refused(Reason::EvidenceTooLarge, info.fileName());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorKind::Invalid, tr("Cannot read %1: %2").arg(path, file.errorString()));
    return fit(info.fileName(), file.read(kMaxReadBytes + 1));
}

Result<SaveOutcome> Attachments::attach(const schema::Table &table, const QString &rowId, const EvidenceFile &file)
{
    if (!schema::attachable(table))
        return makeError(ErrorKind::Invalid, tr("Files cannot be attached to %1.").arg(qs(table.labelZh)),
                         QStringLiteral("not_attachable"));
    RecordStore records(m_store);
    auto row = records.load(table, rowId);
    if (!row)
        return row.error();
    if (!row->has_value() || (*row)->deleted)
        return makeError(ErrorKind::Invalid, tr("%1 has no record with id %2.").arg(qs(table.labelZh), rowId),
                         QStringLiteral("not_found"));
    auto checked = check(file.fileName, file.data);
    if (!checked)
        return checked.error();
    return records.save(evidenceTable(), QString(),
                        {{"owner_table", table.name},
                         {"owner_id", ss(rowId)},
                         {"file_name", ss(checked->fileName)},
                         {"mime_type", ss(checked->mimeType)},
                         {"data", Bytes(checked->data.begin(), checked->data.end())}});
}

Result<std::vector<Attachment>> Attachments::of(const schema::Table &table, const QString &rowId) const
{
    auto rows = RecordStore(m_store).listWhere(evidenceTable(), "owner_id", rowId);
    if (!rows)
        return rows.error();
    const QString own = m_store.identity().schoolId;
    std::vector<Attachment> out;
    for (const auto &row : *rows) {
        if (textOf(row.values, "owner_table") != qs(table.name))
            continue;
        // Seen as the row is: a file that went with an asset to another school is no longer
        // this school's (a shared row's files are both parties').
        if (table.scope != schema::Scope::Shared && !row.schoolId.isEmpty() && row.schoolId != own)
            continue;
        const auto *data = std::get_if<Bytes>(&row.values.at("data"));
        out.push_back({row.id, textOf(row.values, "file_name"), textOf(row.values, "mime_type"),
                       data ? static_cast<qint64>(data->size()) : 0});
    }
    // Ids are UUIDv7: in the order the files were attached.
    std::sort(out.begin(), out.end(), [](const Attachment &a, const Attachment &b) { return a.id < b.id; });
    return out;
}

Result<StoredRow> Attachments::attachment(const QString &attachmentId) const
{
    auto row = RecordStore(m_store).load(evidenceTable(), attachmentId);
    if (!row)
        return row.error();
    if (!row->has_value() || (*row)->deleted)
        return makeError(ErrorKind::Invalid, tr("No attached file has the id %1.").arg(attachmentId),
                         QStringLiteral("not_found"));
    return **row;
}

Result<EvidenceFile> Attachments::read(const QString &attachmentId) const
{
    auto row = attachment(attachmentId);
    if (!row)
        return row.error();
    const auto *data = std::get_if<Bytes>(&row->values.at("data"));
    QByteArray bytes;
    if (data)
        bytes = QByteArray(reinterpret_cast<const char *>(data->data()), static_cast<qsizetype>(data->size()));
    return EvidenceFile{textOf(row->values, "file_name"), textOf(row->values, "mime_type"), bytes};
}

Result<SaveOutcome> Attachments::remove(const QString &attachmentId)
{
    auto row = attachment(attachmentId);
    if (!row)
        return row.error();
    return RecordStore(m_store).remove(evidenceTable(), attachmentId);
}

} // namespace emis::client
