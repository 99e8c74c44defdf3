// Writing an import into the store: new people added, known people updated field by field, the
// same file twice changes nothing, a cancelled import keeps nothing, and every saved row is in
// the change log for the next sync.
#include "ImportPlan.h"
#include "TestPeople.h"
#include "register/ImportService.h"
#include "emis.pb.h"
#include "store/ChangeLog.h"
#include "store/RecordStore.h"
#include "store/Sql.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;
using namespace emis::client;

class TestImportService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void sameFileTwice_addsThenChangesNothing();
    void changedFile_updatesOnlyTheChangedField();
    void cancelled_keepsNothing();

private:
    io::ImportPlan plan(const QString &path);
    int count(const QString &sql);
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
};

io::ImportPlan TestImportService::plan(const QString &path)
{
    auto p = io::ImportPlan::fromFile(path, *schema::findTable("students"));
    if (!p)
        qFatal("plan: %s", qPrintable(p.error()));
    return std::move(p).value();
}

int TestImportService::count(const QString &sql)
{
    Sql q(m_store->db(), sql);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

void TestImportService::init()
{
    QFile::remove(m_dir.filePath(QStringLiteral("s.db")));
    auto store = LocalStore::open(m_dir.filePath(QStringLiteral("s.db")));
    QVERIFY(store.ok());
    m_store = std::move(*store);
    testing::enrollForTest(*m_store);
}

void TestImportService::sameFileTwice_addsThenChangesNothing()
{
    const auto p = plan(QStringLiteral(EMIS_FIXTURES_DIR "/students_utf8bom.csv"));
    QCOMPARE(p.accepted.size(), std::size_t{90});
    auto first = ImportService(*m_store).save(*schema::findTable("students"), p.accepted);
    QVERIFY(first.ok());
    QCOMPARE(first->added, 90);
    QVERIFY(first->failures.isEmpty());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM students")), 90);
    const int logged = count(QStringLiteral("SELECT count(*) FROM change_log"));
    QCOMPARE(logged, 90);

    // The same pupils from another program's file: nothing changes, nothing is logged.
    const auto again = plan(QStringLiteral(EMIS_FIXTURES_DIR "/students_gbk.csv"));
    auto second = ImportService(*m_store).save(*schema::findTable("students"), again.accepted);
    QVERIFY(second.ok());
    QCOMPARE(second->added, 0);
    QCOMPARE(second->updated, 0);
    QCOMPARE(second->unchanged, 90);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM change_log")), logged);
}

void TestImportService::changedFile_updatesOnlyTheChangedField()
{
    const auto p = plan(QStringLiteral(EMIS_FIXTURES_DIR "/students_utf8bom.csv"));
    QVERIFY(ImportService(*m_store).save(*schema::findTable("students"), p.accepted).ok());
    // One guardian's phone number changes in the clerk's file.
    QFile in(QStringLiteral(EMIS_FIXTURES_DIR "/students_utf8bom.csv"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray bytes = in.readAll();
    QVERIFY(bytes.contains("17446491023"));
    bytes.replace("17446491023", "13912345678");
    const QString changed = m_dir.filePath(QStringLiteral("changed.csv"));
    QFile out(changed);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();
    const int logged = count(QStringLiteral("SELECT count(*) FROM change_log"));
    auto r = ImportService(*m_store).save(*schema::findTable("students"), plan(changed).accepted);
    QVERIFY(r.ok());
    QCOMPARE(r->updated, 1);
    QCOMPARE(r->unchanged, 89);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM change_log")), logged + 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM students WHERE guardian_phone = '13912345678'")), 1);
    // The logged change carries the one field that changed.
    auto last = ChangeLog(m_store->db()).bySeq(static_cast<quint64>(logged + 1));
    QVERIFY(last.ok());
    QCOMPARE(last->fields_size(), 1);
    QCOMPARE(QString::fromStdString(last->fields(0).field()), QStringLiteral("guardian_phone"));
}

void TestImportService::cancelled_keepsNothing()
{
    const auto p = plan(QStringLiteral(EMIS_FIXTURES_DIR "/students_utf8bom.csv"));
    std::atomic_bool cancel{false};
    int seen = 0;
    auto r = ImportService(*m_store).save(
        *schema::findTable("students"), p.accepted,
        [&](int done, int) {
            seen = done;
            if (done >= 40)
                cancel = true;
        },
        &cancel);
    QVERIFY(r.ok());
    QVERIFY(r->cancelled);
    QVERIFY(seen >= 40);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM students")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM change_log")), 0);
}

QTEST_GUILESS_MAIN(TestImportService)
#include "tst_import_service.moc"
