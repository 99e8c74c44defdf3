// Files attached to any school row (an asset's photo, a room's plan): a phone's photo over 2 MB is
// scaled down to a JPEG that fits, a large file that is no image or claims too many pixels is
// refused before it is decoded, and the attached file is an `evidence` row naming the row's table —
// a county table or the evidence table itself cannot be named, here or by a pushed change.
#include "TestImages.h"
#include "TestPeople.h"
#include "register/Attachments.h"
#include "schema/Schema.h"
#include "store/ChangeLog.h"
#include "store/RecordStore.h"
#include "validate/References.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;
using namespace emis::client;

namespace {

constexpr qsizetype kLimit = 2 * 1024 * 1024;

using testing::encodedImage;
using testing::noiseImage;

QSize sizeOf(const QByteArray &data)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    return QImageReader(&buffer).size();
}

// A BMP header claiming 12000 × 11000 pixels (132 MP, 396 MB decoded), padded past the limit:
// refused before it is decoded.
QByteArray bmpClaiming(int width, int height, qsizetype total)
{
    QByteArray b(total, '\0');
    auto put32 = [&](int at, quint32 v) {
        for (int i = 0; i < 4; ++i)
            b[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
    };
    b[0] = 'B';
    b[1] = 'M';
    put32(2, static_cast<quint32>(total));
    put32(10, 54);
    put32(14, 40);
    put32(18, static_cast<quint32>(width));
    put32(22, static_cast<quint32>(height));
    b[26] = 1;
    b[28] = 24;
    return b;
}

} // namespace

class TestAttachments : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void largePhoto_scaledToFit_asJpeg();
    void largePngWithAlpha_savedAsJpeg();
    void largeNonImage_refused();
    void imageClaimingTooManyPixels_refusedUndecoded();
    void hugeFile_refusedBeforeReading();
    void smallImage_keptAsItIs();
    void attachToRoom_listReadRemove_logged();
    void countyOrEvidenceTable_notAttachable();
    void missingRow_refused();
    void pushedAttachmentToCountyTable_foreignReference();

private:
    QString writeFile(const QString &name, const QByteArray &data);
    QString addRoom(const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
};

void TestAttachments::init()
{
    QFile::remove(m_dir.filePath(QStringLiteral("s.db")));
    auto store = LocalStore::open(m_dir.filePath(QStringLiteral("s.db")));
    QVERIFY(store.ok());
    m_store = std::move(*store);
    testing::enrollForTest(*m_store);
}

QString TestAttachments::writeFile(const QString &name, const QByteArray &data)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return {};
    return path;
}

QString TestAttachments::addRoom(const QString &name)
{
    auto saved = RecordStore(*m_store).save(*schema::findTable("rooms"), QString(),
                                            {{"name", name.toStdString()}, {"kind", std::string("01")}});
    return saved ? saved->id : QString();
}

void TestAttachments::largePhoto_scaledToFit_asJpeg()
{
    const QByteArray photo = encodedImage(noiseImage(4000, 3000, QImage::Format_RGB32), "JPEG", 95);
    QVERIFY2(photo.size() > kLimit, qPrintable(QString::number(photo.size())));
    const QString path = writeFile(QStringLiteral("IMG_2041.jpeg"), photo);
    QVERIFY(!path.isEmpty());

    auto file = Attachments::readFile(path);
    QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().message));
    QVERIFY(file->data.size() <= kLimit);
    QCOMPARE(file->mimeType, QStringLiteral("image/jpeg"));
    QCOMPARE(file->fileName, QStringLiteral("IMG_2041.jpg"));
    const QSize size = sizeOf(file->data);
    QVERIFY2(size.width() <= 2048 && size.height() <= 2048, qPrintable(QStringLiteral("%1x%2").arg(size.width()).arg(size.height())));
    // The shape is kept: 4:3.
    QCOMPARE(size.width() * 3, size.height() * 4);
}

void TestAttachments::largePngWithAlpha_savedAsJpeg()
{
    const QByteArray png = encodedImage(noiseImage(1800, 1800, QImage::Format_ARGB32), "PNG");
    QVERIFY(png.size() > kLimit);
    auto file = Attachments::fit(QStringLiteral("plan.png"), png);
    QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().message));
    QCOMPARE(file->mimeType, QStringLiteral("image/jpeg"));
    QCOMPARE(file->fileName, QStringLiteral("plan.jpg"));
    QVERIFY(file->data.size() <= kLimit);
    QVERIFY(!sizeOf(file->data).isEmpty());
}

void TestAttachments::largeNonImage_refused()
{
    QByteArray pdf("%PDF-1.4\n");
    pdf.append(QByteArray(kLimit + 100, 'x'));
    auto file = Attachments::fit(QStringLiteral("合同.pdf"), pdf);
    QVERIFY(!file.ok());
    QCOMPARE(file.error().code, QStringLiteral("evidence_not_image"));
    QVERIFY(file.error().message.startsWith(QStringLiteral("合同.pdf")));
}

void TestAttachments::imageClaimingTooManyPixels_refusedUndecoded()
{
    auto file = Attachments::fit(QStringLiteral("bomb.bmp"), bmpClaiming(12000, 11000, kLimit + 4096));
    QVERIFY(!file.ok());
    QCOMPARE(file.error().code, QStringLiteral("evidence_too_large"));
}

void TestAttachments::hugeFile_refusedBeforeReading()
{
    const QString path = m_dir.filePath(QStringLiteral("video.jpg"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(41LL * 1024 * 1024));  // sparse: nothing to read but its size
    file.close();
    auto read = Attachments::readFile(path);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, QStringLiteral("evidence_too_large"));
    QVERIFY(read.error().message.startsWith(QStringLiteral("video.jpg")));
}

void TestAttachments::smallImage_keptAsItIs()
{
    const QByteArray png = encodedImage(noiseImage(64, 64, QImage::Format_RGB32), "PNG");
    auto file = Attachments::fit(QStringLiteral("seal.png"), png);
    QVERIFY(file.ok());
    QCOMPARE(file->data, png);
    QCOMPARE(file->mimeType, QStringLiteral("image/png"));
    QCOMPARE(file->fileName, QStringLiteral("seal.png"));
}

void TestAttachments::attachToRoom_listReadRemove_logged()
{
    const QString room = addRoom(QStringLiteral("计算机教室1"));
    QVERIFY(!room.isEmpty());
    const auto &rooms = *schema::findTable("rooms");
    const int before = ChangeLog(m_store->db()).pendingCount();

    Attachments files(*m_store);
    const QByteArray first = encodedImage(noiseImage(32, 32, QImage::Format_RGB32), "PNG");
    const QByteArray second = encodedImage(noiseImage(40, 30, QImage::Format_RGB32), "JPEG", 90);
    QVERIFY(files.attach(rooms, room, {QStringLiteral("门牌.png"), QStringLiteral("image/png"), first}).ok());
    QVERIFY(files.attach(rooms, room, {QStringLiteral("全景.jpg"), QStringLiteral("image/jpeg"), second}).ok());
    QCOMPARE(ChangeLog(m_store->db()).pendingCount(), before + 2);

    auto list = files.of(rooms, room);
    QVERIFY(list.ok());
    QCOMPARE(list->size(), std::size_t(2));
    QCOMPARE(list->at(0).fileName, QStringLiteral("门牌.png"));
    QCOMPARE(list->at(0).size, qint64(first.size()));
    QCOMPARE(list->at(1).mimeType, QStringLiteral("image/jpeg"));

    auto back = files.read(list->at(1).id);
    QVERIFY(back.ok());
    QCOMPARE(back->data, second);
    QCOMPARE(back->fileName, QStringLiteral("全景.jpg"));

    // The same id under another table is not this room's file.
    QVERIFY(files.of(*schema::findTable("assets"), room)->empty());

    QVERIFY(files.remove(list->at(0).id).ok());
    QCOMPARE(files.of(rooms, room)->size(), std::size_t(1));
    auto gone = files.read(list->at(0).id);
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, QStringLiteral("not_found"));
    QCOMPARE(ChangeLog(m_store->db()).pendingCount(), before + 3);
}

void TestAttachments::countyOrEvidenceTable_notAttachable()
{
    QVERIFY(!schema::attachable(*schema::findTable("terms")));
    QVERIFY(!schema::attachable(*schema::findTable("evidence")));
    QVERIFY(schema::attachable(*schema::findTable("assets")));
    QVERIFY(schema::attachable(*schema::findTable("students")));
    Attachments files(*m_store);
    const QByteArray png = encodedImage(noiseImage(8, 8, QImage::Format_RGB32), "PNG");
    for (const char *name : {"terms", "evidence"}) {
        auto refused = files.attach(*schema::findTable(name), QStringLiteral("x"), {QStringLiteral("a.png"), {}, png});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("not_attachable"));
    }
}

void TestAttachments::missingRow_refused()
{
    Attachments files(*m_store);
    const QByteArray png = encodedImage(noiseImage(8, 8, QImage::Format_RGB32), "PNG");
    auto refused = files.attach(*schema::findTable("assets"), QStringLiteral("no-such-asset"), {QStringLiteral("a.png"), {}, png});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("not_found"));
    QVERIFY(refused.error().message.contains(QStringLiteral("no-such-asset")));
}

void TestAttachments::pushedAttachmentToCountyTable_foreignReference()
{
    // What a hostile client could push: an evidence row naming a county row (a term).
    const auto &evidence = *schema::findTable("evidence");
    const validate::Record row{{"owner_table", std::string("terms")},
                               {"owner_id", std::string("term-1")},
                               {"file_name", std::string("a.png")},
                               {"mime_type", std::string("image/png")}};
    const validate::RowFinder anyRow = [](const schema::Table &, const std::string &) {
        return std::optional<validate::RowPlace>(validate::RowPlace{"", false, {}});
    };
    auto issue = validate::checkReferences(evidence, row, row, "school-1", anyRow);
    QVERIFY(issue.has_value());
    QCOMPARE(issue->reason, Reason::ForeignReference);

    // The same row naming a school's room is let through.
    validate::Record own = row;
    own["owner_table"] = std::string("rooms");
    const validate::RowFinder ownRoom = [](const schema::Table &, const std::string &) {
        return std::optional<validate::RowPlace>(validate::RowPlace{"school-1", false, {}});
    };
    QVERIFY(!validate::checkReferences(evidence, own, own, "school-1", ownRoom).has_value());
}

QTEST_GUILESS_MAIN(TestAttachments)
#include "tst_attachments.moc"
