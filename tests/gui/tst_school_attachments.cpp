// An asset's photos in emis-school on the offscreen platform: the asset register's Attachments…
// opens the files of the chosen asset; a phone's photo over 2 MB and a PDF are added at once,
// off the window's thread: the photo is kept, scaled down, with its thumbnail, the PDF is named
// with its reason; removing asks first; the page hears of each change (the sync count).
#include "SchoolFixture.h"
#include "TestImages.h"

#include "AttachmentsDialog.h"
#include "RecordFilterProxy.h"
#include "RecordPage.h"

#include <QFile>
#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace emis;

using testing::phonePhoto;

class TestSchoolAttachments : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void photoAndPdf_photoKeptScaled_pdfNamedWithReason();
};

void TestSchoolAttachments::photoAndPdf_photoKeptScaled_pdfNamedWithReason()
{
    QTemporaryDir dir;
    auto session = testing::enrolledSession(dir.path());
    const schema::Table &assets = *schema::findTable("assets");
    auto saved = session->repository(assets).add({{QStringLiteral("资产编号"), QStringLiteral("A-001")},
                                                  {QStringLiteral("资产类别"), QStringLiteral("台式计算机")},
                                                  {QStringLiteral("资产名称"), QStringLiteral("学生机")},
                                                  {QStringLiteral("单价"), QStringLiteral("3500")},
                                                  {QStringLiteral("购置日期"), QStringLiteral("2022-09-01")}});
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));

    school::RecordPage page(*session, assets, assets.listFields);
    page.reload();
    auto *button = page.findChild<QPushButton *>(QStringLiteral("files"));
    QVERIFY(button);
    page.view()->setCurrentIndex(page.proxy()->index(0, 0));
    QSignalSpy pageSaved(&page, &school::RecordPage::saved);
    school::AttachmentsDialog *dialog = page.openFiles();
    QVERIFY(dialog);
    QCOMPARE(dialog->list()->count(), 0);

    const QString photo = dir.filePath(QStringLiteral("IMG_0815.JPG"));
    const QString pdf = dir.filePath(QStringLiteral("发票.pdf"));
    {
        QFile f(photo);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray bytes = phonePhoto();
        QVERIFY(bytes.size() > 2 * 1024 * 1024);
        f.write(bytes);
        QFile g(pdf);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("%PDF-1.4\n");
    }
    QSignalSpy added(dialog, &school::AttachmentsDialog::filesAdded);
    dialog->addFiles({photo, pdf});
    QVERIFY(dialog->busy() || added.count() == 1);
    QVERIFY(added.count() == 1 || added.wait(20000));
    QCOMPARE(dialog->list()->count(), 1);
    QListWidgetItem *item = dialog->list()->item(0);
    QVERIFY(item->text().startsWith(QStringLiteral("IMG_0815.jpg")));
    QVERIFY(!item->icon().isNull());
    const QString message = dialog->findChild<QLabel *>(QStringLiteral("message"))->text();
    QVERIFY2(message.contains(QStringLiteral("发票.pdf")), qPrintable(message));
    QCOMPARE(pageSaved.count(), 1);

    auto files = client::Attachments(session->store()).of(assets, saved->id);
    QVERIFY(files.ok());
    QCOMPARE(files->size(), std::size_t(1));
    QVERIFY(files->front().size <= 2 * 1024 * 1024);

    // Removing asks first; Yes removes it.
    dialog->list()->setCurrentRow(0);
    QTimer::singleShot(0, [] {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible())
                box->button(QMessageBox::Yes)->click();
    });
    dialog->findChild<QPushButton *>(QStringLiteral("remove"))->click();
    QCOMPARE(dialog->list()->count(), 0);
    QVERIFY(client::Attachments(session->store()).of(assets, saved->id)->empty());
    QCOMPARE(pageSaved.count(), 2);
    dialog->close();
}

QTEST_MAIN(TestSchoolAttachments)
#include "tst_school_attachments.moc"
