// The disaster drill, as county IT runs it, on the real binaries: devices enrolled and synced, an
// encrypted `emisctl backup` while the server runs, more changes synced after it, the server's
// directory lost, `emisctl backup verify` and `emisctl restore` onto a new directory, the server started
// on it: the devices sync without enrolling again, and what they sent after the backup lands once.
// Beside it, the refusals: a wrong passphrase, a damaged or cut file, a directory that is not empty.
#include "CliRunner.h"
#include "ServerFixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace emis;

class TestClientRestore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void drill_restoredCountyServesEnrolledDevices_postBackupChangesLandOnce();
    void wrongPassphrase_refusedAndNothingRestored();
    void damagedOrCutBackup_refusedWithItsCause();
    void restore_refusesADirectoryThatIsNotEmpty();
    void backup_refusesAShortPassphrase_andHoldsNoPlainText();

private:
    ServerFixture::CtlResult ctl(const QStringList &args) const { return m_server.ctl(args); }
    QString passphraseFile(const QString &name, const QByteArray &passphrase);
    int count(const QString &sql, const QVariantList &args = {}) const { return m_server.query(sql, args).toInt(); }
    static QString firstPupil(const CliRunner &d);

    ServerFixture m_server;
    QTemporaryDir m_files;
    QString m_backup;
    QString m_passphrase;
};

namespace {
const QByteArray kPassphrase = "县教育局 2026 灾备口令";
}

QString TestClientRestore::passphraseFile(const QString &name, const QByteArray &passphrase)
{
    const QString path = m_files.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(passphrase + '\n') < 0)
        return {};
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return path;
}

QString TestClientRestore::firstPupil(const CliRunner &d)
{
    const auto list = d.run({QStringLiteral("students"), QStringLiteral("list"), QStringLiteral("--json")}).json().array();
    return list.isEmpty() ? QString() : list.first().toObject().value(QStringLiteral("id")).toString();
}

void TestClientRestore::initTestCase()
{
    QVERIFY(m_files.isValid());
    QVERIFY(m_server.init());
    QVERIFY2(m_server.start(), qPrintable(m_server.serverLog()));
    m_passphrase = passphraseFile(QStringLiteral("passphrase"), kPassphrase);
    QVERIFY(!m_passphrase.isEmpty());
}

void TestClientRestore::drill_restoredCountyServesEnrolledDevices_postBackupChangesLandOnce()
{
    // Three devices of one school, all enrolled and synced before the backup.
    CliRunner office = enrolledDevice(m_server, m_files.filePath(QStringLiteral("office")), ServerFixture::kSchoolA);
    CliRunner classroom = enrolledDevice(m_server, m_files.filePath(QStringLiteral("classroom")), ServerFixture::kSchoolA);
    CliRunner library = enrolledDevice(m_server, m_files.filePath(QStringLiteral("library")), ServerFixture::kSchoolA);
    const auto imported = office.run({QStringLiteral("import"), QStringLiteral("students"),
                                      QStringLiteral(EMIS_FIXTURES_DIR "/students_utf8bom.csv")});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QVERIFY2(office.run({QStringLiteral("sync")}).exitCode == 0, qPrintable(m_server.serverLog().right(2000)));
    QCOMPARE(classroom.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM students")), 90);

    // The nightly backup, while the server serves.
    m_backup = m_files.filePath(QStringLiteral("county-2026-12-01.emisbak"));
    const auto b = ctl({QStringLiteral("backup"), QStringLiteral("--dir"), m_server.dir(), m_backup,
                        QStringLiteral("--passphrase-file"), m_passphrase});
    QVERIFY2(b.exitCode == 0, qPrintable(b.err));
    QCOMPARE(QFile::permissions(m_backup) & 0x0077, QFileDevice::Permissions());

    // After it: a pupil moved to another class and a new pupil, synced to the server that is then lost.
    const QString moved = firstPupil(office);
    QVERIFY(!moved.isEmpty());
    QCOMPARE(office.run({QStringLiteral("students"), QStringLiteral("edit"), moved, QStringLiteral("--set"),
                         QStringLiteral("班级=9班")})
                 .exitCode,
             0);
    const auto added = office.run(QStringList{QStringLiteral("students"), QStringLiteral("add"), QStringLiteral("--json")} +
                                  pupilSets(7001, QStringLiteral("备份后新生")));
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    const QString newcomer = added.json().object().value(QStringLiteral("id")).toString();
    QCOMPARE(office.run({QStringLiteral("sync")}).exitCode, 0);
    // Their cursors move past what the restored feed will hand out again.
    QCOMPARE(classroom.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(library.run({QStringLiteral("sync")}).exitCode, 0);
    const quint64 officeSeq = static_cast<quint64>(
        office.run({QStringLiteral("status"), QStringLiteral("--json")}).json().object().value(QStringLiteral("watermark")).toInteger());
    QVERIFY(officeSeq >= 92);

    // The server machine dies with its directory.
    QVERIFY(m_server.stop(9) != 0);
    QVERIFY(QDir(m_server.dir()).removeRecursively());

    // On the new machine: check the file, restore it onto a new directory, serve.
    const auto v = ctl({QStringLiteral("backup"), QStringLiteral("verify"), m_backup, QStringLiteral("--passphrase-file"),
                        m_passphrase});
    QVERIFY2(v.exitCode == 0, qPrintable(v.err));
    QVERIFY2(v.out.contains(QLatin1String("pupils: 90")), qPrintable(v.out));
    const QString restored = m_server.scratch() + QStringLiteral("/new-machine/emis");
    const auto r = ctl({QStringLiteral("restore"), QStringLiteral("--dir"), restored, m_backup,
                        QStringLiteral("--passphrase-file"), m_passphrase});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (const char *key : {"/ca.key", "/server.key"})
        QCOMPARE(QFile::permissions(restored + QLatin1String(key)) & 0x0077, QFileDevice::Permissions());
    m_server.useDir(restored);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM students")), 90);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'restore'")), 1);
    QVERIFY2(m_server.start(), qPrintable(m_server.serverLog()));

    // The library is the first to sync with the restored server: its new pupil takes a seq the lost
    // feed had already given to one of the office's changes.
    const auto late = library.run(QStringList{QStringLiteral("students"), QStringLiteral("add"), QStringLiteral("--json")} +
                                  pupilSets(7002, QStringLiteral("恢复后新生")));
    QVERIFY2(late.exitCode == 0, qPrintable(late.err));
    const QString afterRestore = late.json().object().value(QStringLiteral("id")).toString();
    QCOMPARE(library.run({QStringLiteral("sync")}).exitCode, 0);
    // The office device trusts the restored server (same CA) and sends again what the backup lacks.
    const auto again = office.run({QStringLiteral("sync"), QStringLiteral("--json")});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err + m_server.serverLog().right(2000)));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM students")), 92);
    QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT id_number) FROM students")), 92);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM students WHERE id = ? AND class_name = '9班'"), {moved}), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM students WHERE id = ?"), {newcomer}), 1);
    QCOMPARE(count(QStringLiteral("SELECT max(seq) FROM watermarks")), static_cast<int>(officeSeq));
    // A second sync sends nothing more.
    QCOMPARE(office.run({QStringLiteral("sync"), QStringLiteral("--json")}).json().object().value(QStringLiteral("pushed")).toInt(), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM students")), 92);

    // The classroom device had pulled past the lost feed's seqs; it pulls the restored feed anew and
    // sees the library's pupil and the office's resent changes.
    const auto classroomSync = classroom.run({QStringLiteral("sync")});
    QVERIFY2(classroomSync.exitCode == 0, qPrintable(classroomSync.err));
    const auto list = classroom.run({QStringLiteral("students"), QStringLiteral("list"), QStringLiteral("--json")}).json().array();
    QCOMPARE(list.size(), 92);
    bool sawMove = false, sawNewcomer = false, sawLate = false;
    for (const auto &p : list) {
        const QJsonObject o = p.toObject();
        const QString id = o.value(QStringLiteral("id")).toString();
        sawMove = sawMove || (id == moved && o.value(QStringLiteral("class_name")).toString() == QStringLiteral("9班"));
        sawNewcomer = sawNewcomer || id == newcomer;
        sawLate = sawLate || id == afterRestore;
    }
    QVERIFY(sawMove);
    QVERIFY(sawNewcomer);
    QVERIFY(sawLate);
}

void TestClientRestore::wrongPassphrase_refusedAndNothingRestored()
{
    QVERIFY(!m_backup.isEmpty());
    const QString wrong = passphraseFile(QStringLiteral("wrong"), "not the county's passphrase");
    const QString target = m_files.filePath(QStringLiteral("wrong-passphrase"));
    const auto r = ctl({QStringLiteral("restore"), QStringLiteral("--dir"), target, m_backup,
                        QStringLiteral("--passphrase-file"), wrong});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("wrong passphrase")), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(target));
    // Nor is anything left beside it.
    QCOMPARE(QDir(m_files.path()).entryList({QStringLiteral(".emis-restore-*")}, QDir::Hidden | QDir::AllEntries).size(), 0);
}

void TestClientRestore::damagedOrCutBackup_refusedWithItsCause()
{
    QFile f(m_backup);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray whole = f.readAll();
    f.close();
    struct Case {
        const char *name;
        QByteArray bytes;
        const char *says;
    };
    QByteArray flipped = whole;
    flipped[whole.size() / 2] = static_cast<char>(flipped[whole.size() / 2] ^ 0x01);
    QByteArray salt = whole;
    salt[30] = static_cast<char>(salt[30] ^ 0x40);
    const Case cases[] = {
        {"flipped.emisbak", flipped, "damaged or was altered"},
        {"cut.emisbak", whole.left(whole.size() - 100), "cut short"},
        {"salt.emisbak", salt, "wrong passphrase, or"},
        {"appended.emisbak", whole + QByteArray(10, 'x'), "after its end"},
        {"plain.emisbak", QByteArray("SQLite format 3") + QByteArray(100, '\0'), "not a CountyEMIS backup"},
    };
    for (const Case &c : cases) {
        const QString path = m_files.filePath(QLatin1String(c.name));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(c.bytes);
        out.close();
        const auto v = ctl({QStringLiteral("backup"), QStringLiteral("verify"), path, QStringLiteral("--passphrase-file"),
                            m_passphrase});
        QVERIFY2(v.exitCode == 1, c.name);
        QVERIFY2(v.err.contains(QLatin1String(c.says)), qPrintable(QLatin1String(c.name) + QLatin1String(": ") + v.err));
        const QString target = m_files.filePath(QLatin1String(c.name) + QLatin1String(".restored"));
        const auto r = ctl({QStringLiteral("restore"), QStringLiteral("--dir"), target, path,
                            QStringLiteral("--passphrase-file"), m_passphrase});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(!QFileInfo::exists(target), c.name);
    }
}

void TestClientRestore::restore_refusesADirectoryThatIsNotEmpty()
{
    const auto r = ctl({QStringLiteral("restore"), QStringLiteral("--dir"), m_server.dir(), m_backup,
                        QStringLiteral("--passphrase-file"), m_passphrase});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("not empty")), qPrintable(r.err));
    QVERIFY(QFile::exists(m_server.dir() + QStringLiteral("/emis.db")));
}

void TestClientRestore::backup_refusesAShortPassphrase_andHoldsNoPlainText()
{
    const QString shortFile = passphraseFile(QStringLiteral("short"), "county");
    const QString out = m_files.filePath(QStringLiteral("short.emisbak"));
    const auto r = ctl({QStringLiteral("backup"), QStringLiteral("--dir"), m_server.dir(), out,
                        QStringLiteral("--passphrase-file"), shortFile});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!QFileInfo::exists(out));
    // A passphrase others may read is refused too.
    QFile::setPermissions(m_passphrase, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    const auto open = ctl({QStringLiteral("backup"), QStringLiteral("--dir"), m_server.dir(), out,
                           QStringLiteral("--passphrase-file"), m_passphrase});
    QFile::setPermissions(m_passphrase, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QCOMPARE(open.exitCode, 2);
    QVERIFY2(open.err.contains(QLatin1String("chmod 600")), qPrintable(open.err));
    // The passphrase on stdin works as well.
    const auto piped = m_server.ctl({QStringLiteral("backup"), QStringLiteral("--dir"), m_server.dir(), out}, kPassphrase + '\n');
    QVERIFY2(piped.exitCode == 0, qPrintable(piped.err));
    // Nothing of the CA key, the store or a pupil's name is readable in the file.
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    for (const QByteArray &plain : {QByteArray("PRIVATE KEY"), QByteArray("SQLite format"), QString::fromUtf8("备份后新生").toUtf8()})
        QVERIFY(!bytes.contains(plain));
    QCOMPARE(m_server.ctl({QStringLiteral("backup"), QStringLiteral("verify"), out}, kPassphrase + '\n').exitCode, 0);
}

QTEST_GUILESS_MAIN(TestClientRestore)
#include "tst_client_restore.moc"
