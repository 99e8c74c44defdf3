#pragma once

#include "store/RecordStore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <vector>

class QImage;

namespace emis::client {

class LocalStore;

// A file to attach, read and checked: an image (JPG, PNG, BMP, GIF) of at most 2 MB.
struct EvidenceFile {
    QString fileName;
    QString mimeType;
    QByteArray data;
};

// One file attached to a row, without its content.
struct Attachment {
    QString id;
    QString fileName;
    QString mimeType;
    qint64 size = 0;
};

// Files kept with any row a school writes (an asset's photo, a certificate, a status change's
// scan): `evidence` rows naming the row's table and id, synced like any change and seen by
// whoever sees the row. A phone's photo (3–8 MB) is scaled down to fit before it is saved.
class Attachments {
    Q_DECLARE_TR_FUNCTIONS(Attachments)
public:
    explicit Attachments(LocalStore &store) : m_store(store) {}

    // A file as it will be saved: an image over the limit is scaled down (long side 2048 px or
    // less, JPEG) until it fits; anything else over the limit, or not an image, is refused with
    // the reason. A file over 40 MB is refused before it is read.
    static Result<EvidenceFile> readFile(const QString &path);
    static Result<EvidenceFile> fit(const QString &fileName, const QByteArray &data);
    // The file as it is, checked (no scaling).
    static Result<EvidenceFile> check(const QString &fileName, const QByteArray &data);
    // The image decoded at most `side` pixels on its long side, turned upright as the camera held
    // it (a JPEG is scaled as it is read); null when it is no image.
    static QImage decoded(const QByteArray &data, int side);

    Result<SaveOutcome> attach(const schema::Table &table, const QString &rowId, const EvidenceFile &file);
    // The row's files, oldest first.
    Result<std::vector<Attachment>> of(const schema::Table &table, const QString &rowId) const;
    Result<EvidenceFile> read(const QString &attachmentId) const;
    Result<SaveOutcome> remove(const QString &attachmentId);

private:
    Result<StoredRow> attachment(const QString &attachmentId) const;

    LocalStore &m_store;
};

} // namespace emis::client
