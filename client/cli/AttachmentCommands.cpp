// attach | attachments | save-attachment | detach: files kept with a school's row (an asset's
// photo, a room's plan), synced like any change (register/Attachments.h).
#include "cli/CliSupport.h"
#include "register/Attachments.h"
#include "store/Transaction.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace emis::client::cli {
namespace {

QJsonObject attachmentJson(const Attachment &a)
{
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("file_name"), a.fileName},
            {QStringLiteral("mime_type"), a.mimeType},
            {QStringLiteral("size"), a.size}};
}

QString kilobytes(qint64 bytes) { return tr("%1 KB").arg((bytes + 1023) / 1024); }

} // namespace

int attachCommand(const Options &o, const Output &out)
{
    auto table = tableNamed(o.table, true);
    if (!table)
        return out.fail(table.error());
    if (o.files.isEmpty())
        return out.fail(makeError(ErrorKind::Usage, tr("Give at least one file to attach.")));
    // Every file is read and fitted before anything is saved: one refused file attaches none.
    std::vector<EvidenceFile> files;
    for (const auto &path : o.files) {
        auto file = Attachments::readFile(path);
        if (!file)
            return out.fail(file.error());
        files.push_back(std::move(*file));
    }
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    Attachments attachments(**store);
    Transaction tx((*store)->db());
    QJsonArray saved;
    for (std::size_t i = 0; i < files.size(); ++i) {
        auto done = attachments.attach(**table, o.id, files[i]);
        if (!done)
            return out.fail(done.error());
        const auto &f = files[i];
        saved.append(attachmentJson({done->id, f.fileName, f.mimeType, f.data.size()}));
        const QString original = o.files.at(static_cast<qsizetype>(i));
        out.text(f.fileName == QFileInfo(original).fileName()
                     ? tr("Attached %1 (%2), id %3.").arg(f.fileName, kilobytes(f.data.size()), done->id)
                     : tr("Attached %1 as %2 (scaled down to %3), id %4.")
                           .arg(QFileInfo(original).fileName(), f.fileName, kilobytes(f.data.size()), done->id));
    }
    if (!tx.commit())
        return out.fail(makeError(ErrorKind::Other, tr("The local database could not commit the change.")));
    out.data(saved);
    return 0;
}

int attachmentsList(const Options &o, const Output &out)
{
    auto table = tableNamed(o.table, false);
    if (!table)
        return out.fail(table.error());
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    auto list = Attachments(**store).of(**table, o.id);
    if (!list)
        return out.fail(list.error());
    QJsonArray array;
    out.text(QStringList{tr("id"), tr("file name"), tr("type"), tr("size")}.join(QLatin1Char('\t')));
    for (const auto &a : *list) {
        out.text(QStringList{a.id, a.fileName, a.mimeType, kilobytes(a.size)}.join(QLatin1Char('\t')));
        array.append(attachmentJson(a));
    }
    out.data(array);
    return 0;
}

int attachmentSave(const Options &o, const Output &out)
{
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    auto file = Attachments(**store).read(o.id);
    if (!file)
        return out.fail(file.error());
    QFile target(o.file);
    if (!target.open(QIODevice::WriteOnly) || target.write(file->data) != file->data.size() || !target.flush())
        return out.fail(makeError(ErrorKind::Other, tr("Cannot write %1: %2").arg(o.file, target.errorString())));
    out.text(tr("Saved %1 to %2.").arg(file->fileName, o.file));
    out.data(QJsonObject{{QStringLiteral("file_name"), file->fileName},
                         {QStringLiteral("mime_type"), file->mimeType},
                         {QStringLiteral("size"), file->data.size()},
                         {QStringLiteral("path"), o.file}});
    return 0;
}

int detachCommand(const Options &o, const Output &out)
{
    auto store = openDevice(o);
    if (!store)
        return out.fail(store.error());
    auto removed = Attachments(**store).remove(o.id);
    if (!removed)
        return out.fail(removed.error());
    out.text(tr("Removed the attached file %1.").arg(o.id));
    out.data(QJsonObject{{QStringLiteral("id"), o.id}, {QStringLiteral("device_seq"), static_cast<qint64>(removed->deviceSeq)}});
    return 0;
}

} // namespace emis::client::cli
