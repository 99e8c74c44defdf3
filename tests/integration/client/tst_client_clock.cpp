// A school device whose stored clock once ran years ahead (a wrong BIOS date, put right since),
// against the real emis-server with real emis-cli processes. The clock state is made ahead the
// way the BIOS left it: in the device's own store file. Its edits must still reach the county,
// its rows' stamps be corrected so later merges go the right way, and a change the server refused
// for the clock be sent again.
#include "CliRunner.h"
#include "ServerFixture.h"
#include "SyncDevice.h"
#include "TestClient.h"

#include "emis.pb.h"
#include "sync/Hlc.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <optional>

using namespace emis;

namespace {

constexpr qint64 kYearMs = 365LL * 24 * 3600 * 1000;

// Opens the device's store file as another program would (the device's own connection is closed:
// emis-cli runs one command per process).
bool withStore(const QString &dataDir, const std::function<bool(QSqlDatabase &)> &work)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("doctor"));
        db.setDatabaseName(dataDir + QStringLiteral("/store.db"));
        ok = db.open() && work(db);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("doctor"));
    return ok;
}

QVariant scalar(QSqlDatabase &db, const QString &sql, const QVariantList &args = {})
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const auto &a : args)
        q.addBindValue(a);
    return q.exec() && q.next() ? q.value(0) : QVariant();
}

// What a BIOS years ahead leaves: the device's clock state, stamped that far ahead.
bool setStoredClockAhead(const QString &dataDir, qint64 aheadMs)
{
    return withStore(dataDir, [&](QSqlDatabase &db) {
        const std::string device = scalar(db, QStringLiteral("SELECT device_id FROM sync_state")).toString().toStdString();
        const sync::Hlc ahead{static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch() + aheadMs), 0, device};
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE sync_state SET last_hlc = ?"));
        q.addBindValue(QString::fromStdString(ahead.toText()));
        return q.exec() && q.numRowsAffected() == 1;
    });
}

// Stamps in the device's store more than a day ahead of now: the clock state, the pupils' rows
// and their field versions.
int stampsAhead(const QString &dataDir)
{
    int ahead = -1;
    withStore(dataDir, [&](QSqlDatabase &db) {
        ahead = 0;
        const auto limit = static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch() + 24 * 3600 * 1000);
        for (const auto &sql : {QStringLiteral("SELECT last_hlc FROM sync_state"), QStringLiteral("SELECT hlc FROM students"),
                                QStringLiteral("SELECT class_name_hlc FROM students_versions"),
                                QStringLiteral("SELECT address_hlc FROM students_versions")}) {
            QSqlQuery q(db);
            if (!q.exec(sql))
                return false;
            while (q.next())
                if (const auto h = sync::Hlc::fromText(q.value(0).toString().toStdString()); h && h->physicalMs > limit)
                    ++ahead;
        }
        return true;
    });
    return ahead;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestClientClock : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void storedClockYearsAhead_editLandsAndLaterMergesGoRight();
    void refusedForTheClock_sentAgainOnceCorrected();
    void refusedWithTheAnswerLost_editStillLands();

private:
    CliRunner newDevice();
    QJsonObject status(const CliRunner &d);
    QJsonObject pupil(const CliRunner &d, const QString &id);
    QString addPupil(const CliRunner &d, const QString &name);
    QString serverClass(const QString &id);
    // Pushes the device's change 2 with its own certificate, as an older emis-cli did; the
    // server's refusal of it (nullopt unless refused for the clock).
    std::optional<emis::wire::Rejection> pushedAndRefused(const CliRunner &d);

    ServerFixture m_server;
    QTemporaryDir m_dirs;
    int m_devices = 0;
    int m_pupils = 0;
};

void TestClientClock::initTestCase()
{
    QVERIFY(QFile::exists(CliRunner::binary()));
    QVERIFY(m_server.init());
    QVERIFY2(m_server.start(), qPrintable(m_server.serverLog()));
}

CliRunner TestClientClock::newDevice()
{
    return enrolledDevice(m_server, m_dirs.filePath(QStringLiteral("device%1").arg(++m_devices)), ServerFixture::kSchoolA);
}

QJsonObject TestClientClock::status(const CliRunner &d)
{
    return d.run({QStringLiteral("status"), QStringLiteral("--json")}).json().object();
}

QJsonObject TestClientClock::pupil(const CliRunner &d, const QString &id)
{
    const auto list = d.run({QStringLiteral("students"), QStringLiteral("list"), QStringLiteral("--json")}).json().array();
    for (const auto &v : list)
        if (v.toObject().value(QStringLiteral("id")).toString() == id)
            return v.toObject();
    return {};
}

QString TestClientClock::addPupil(const CliRunner &d, const QString &name)
{
    const auto r = d.run(QStringList{QStringLiteral("students"), QStringLiteral("add"), QStringLiteral("--json")} +
                         pupilSets(++m_pupils, name));
    if (r.exitCode != 0)
        qWarning("add failed: %s", qPrintable(r.err));
    return r.json().object().value(QStringLiteral("id")).toString();
}

QString TestClientClock::serverClass(const QString &id)
{
    return m_server.query(QStringLiteral("SELECT class_name FROM students WHERE id = ?"), {id}).toString();
}

std::optional<emis::wire::Rejection> TestClientClock::pushedAndRefused(const CliRunner &d)
{
    emis::wire::Change change;
    if (!withStore(d.dataDir(), [&](QSqlDatabase &db) {
            const QByteArray blob = scalar(db, QStringLiteral("SELECT change FROM change_log WHERE device_seq = 2")).toByteArray();
            return change.ParseFromArray(blob.constData(), static_cast<int>(blob.size()));
        }))
        return std::nullopt;
    TestClient raw;
    if (!raw.connectTo(m_server.port(), readFile(d.dataDir() + QStringLiteral("/ca.pem")),
                       readFile(d.dataDir() + QStringLiteral("/device.pem")),
                       readFile(d.dataDir() + QStringLiteral("/device.key"))) ||
        !raw.hello())
        return std::nullopt;
    const auto ack = raw.request(batch({change}));
    if (rejectionCodes(ack) != std::vector<std::string>{"hlc_too_far_ahead"})
        return std::nullopt;
    return ack->push_ack().rejections(0);
}

void TestClientClock::storedClockYearsAhead_editLandsAndLaterMergesGoRight()
{
    CliRunner a = newDevice(), b = newDevice();
    const QString id = addPupil(a, QStringLiteral("何一"));
    QVERIFY(!id.isEmpty());
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(b.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(serverClass(id), QStringLiteral("1班"));

    // The BIOS once said five years on; the computer's time is right again, the clock state not.
    QVERIFY(setStoredClockAhead(a.dataDir(), 5 * kYearMs));
    QCOMPARE(a.run({QStringLiteral("students"), QStringLiteral("edit"), id, QStringLiteral("--set"),
                    QStringLiteral("班级=4班")}).exitCode, 0);
    QVERIFY(stampsAhead(a.dataDir()) > 0);
    const auto synced = a.run({QStringLiteral("sync"), QStringLiteral("--json")});
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    const QJsonObject report = synced.json().object();
    QCOMPARE(report.value(QStringLiteral("pushed")).toInt(), 1);
    QCOMPARE(report.value(QStringLiteral("rejections")).toInt(), 0);
    const QJsonObject correction = report.value(QStringLiteral("clock_correction")).toObject();
    QCOMPARE(correction.value(QStringLiteral("restamped")).toInt(), 1);
    QVERIFY2(correction.value(QStringLiteral("notice")).toString().contains(QLatin1String("clock had run ahead")),
             qPrintable(correction.value(QStringLiteral("notice")).toString()));
    // The edit is the county's, and nothing waits or was refused.
    QCOMPARE(serverClass(id), QStringLiteral("4班"));
    QCOMPARE(status(a).value(QStringLiteral("pending")).toInt(), 0);
    QCOMPARE(status(a).value(QStringLiteral("rejections")).toInt(), 0);
    QCOMPARE(stampsAhead(a.dataDir()), 0);
    QCOMPARE(b.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(pupil(b, id).value(QStringLiteral("class_name")).toString(), QStringLiteral("4班"));

    // A later write of another device wins on this one too: a stamp left five years ahead here
    // would keep 4班 on this device for good.
    QCOMPARE(b.run({QStringLiteral("students"), QStringLiteral("edit"), id, QStringLiteral("--set"),
                    QStringLiteral("班级=5班")}).exitCode, 0);
    QCOMPARE(b.run({QStringLiteral("sync")}).exitCode, 0);
    const auto again = a.run({QStringLiteral("sync")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(!again.out.contains(QLatin1String("clock")), qPrintable(again.out));  // corrected once, said once
    QCOMPARE(pupil(a, id).value(QStringLiteral("class_name")).toString(), QStringLiteral("5班"));
    QCOMPARE(a.run({QStringLiteral("conflicts"), QStringLiteral("--json")}).json().array().size(), 0);

    // And this device's later edits keep syncing.
    QCOMPARE(a.run({QStringLiteral("students"), QStringLiteral("edit"), id, QStringLiteral("--set"),
                    QStringLiteral("家庭住址=河西村")}).exitCode, 0);
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(m_server.query(QStringLiteral("SELECT address FROM students WHERE id = ?"), {id}).toString(),
             QStringLiteral("河西村"));
    QCOMPARE(status(a).value(QStringLiteral("rejections")).toInt(), 0);
}

void TestClientClock::refusedForTheClock_sentAgainOnceCorrected()
{
    CliRunner a = newDevice();
    const QString id = addPupil(a, QStringLiteral("韩二"));
    QVERIFY(!id.isEmpty());
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    QVERIFY(setStoredClockAhead(a.dataDir(), 3 * kYearMs));
    QCOMPARE(a.run({QStringLiteral("students"), QStringLiteral("edit"), id, QStringLiteral("--set"),
                    QStringLiteral("班级=4班")}).exitCode, 0);

    // What an older emis-cli made of that edit: pushed with the device's own certificate, refused
    // for the clock, the refusal kept in the device's store and the change marked answered.
    const auto refusal = pushedAndRefused(a);
    QVERIFY(refusal);
    QVERIFY(withStore(a.dataDir(), [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO rejections (device_seq, tbl, row_id, field, code, message_zh, message_en, "
                                 "created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant &v : QVariantList{qint64(refusal->device_seq()), QString::fromStdString(refusal->table()),
                                              QString::fromStdString(refusal->row_id()), QString::fromStdString(refusal->field()),
                                              QString::fromStdString(refusal->code()), QString::fromStdString(refusal->message_zh()),
                                              QString::fromStdString(refusal->message_en()), QDateTime::currentMSecsSinceEpoch()})
            q.addBindValue(v);
        QSqlQuery sent(db), mark(db);
        return q.exec() && sent.exec(QStringLiteral("UPDATE sync_state SET attempted_through = 2, sent_through = 2")) &&
               mark.exec(QStringLiteral("UPDATE sync_state SET watermark = 2"));
    }));
    QCOMPARE(status(a).value(QStringLiteral("rejections")).toInt(), 1);
    QCOMPARE(serverClass(id), QStringLiteral("1班"));

    // The computer's clock is right: the next sync corrects the device and sends the edit again,
    // and says so in the clerk's language.
    const auto synced = a.run({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("sync")});
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    QVERIFY2(synced.out.contains(QStringLiteral("时钟")) && synced.out.contains(QStringLiteral("没有丢失")),
             qPrintable(synced.out));
    QCOMPARE(serverClass(id), QStringLiteral("4班"));
    QCOMPARE(status(a).value(QStringLiteral("rejections")).toInt(), 0);
    const QJsonArray all = a.run({QStringLiteral("rejections"), QStringLiteral("--all"), QStringLiteral("--json")}).json().array();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().toObject().value(QStringLiteral("state")).toString(), QStringLiteral("resolved"));
    QCOMPARE(stampsAhead(a.dataDir()), 0);

    // Later edits keep syncing.
    QCOMPARE(a.run({QStringLiteral("students"), QStringLiteral("edit"), id, QStringLiteral("--set"),
                    QStringLiteral("班级=6班")}).exitCode, 0);
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(serverClass(id), QStringLiteral("6班"));
    QCOMPARE(pupil(a, id).value(QStringLiteral("class_name")).toString(), QStringLiteral("6班"));
}

void TestClientClock::refusedWithTheAnswerLost_editStillLands()
{
    CliRunner a = newDevice();
    const QString id = addPupil(a, QStringLiteral("魏三"));
    QVERIFY(!id.isEmpty());
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    QVERIFY(setStoredClockAhead(a.dataDir(), 2 * kYearMs));
    QCOMPARE(a.run({QStringLiteral("students"), QStringLiteral("edit"), id, QStringLiteral("--set"),
                    QStringLiteral("班级=4班")}).exitCode, 0);
    // The server refused the edit and committed that, but the device never read the answer (the
    // program was closed mid-sync): the server holds change 2, the device knows of no refusal.
    QVERIFY(pushedAndRefused(a));
    QVERIFY(withStore(a.dataDir(), [](QSqlDatabase &db) {
        return QSqlQuery(db).exec(QStringLiteral("UPDATE sync_state SET attempted_through = 2"));
    }));
    const auto synced = a.run({QStringLiteral("sync")});
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    QVERIFY2(synced.out.contains(QLatin1String("No edit was lost")), qPrintable(synced.out));
    QCOMPARE(serverClass(id), QStringLiteral("4班"));
    QCOMPARE(pupil(a, id).value(QStringLiteral("class_name")).toString(), QStringLiteral("4班"));
    QCOMPARE(status(a).value(QStringLiteral("pending")).toInt(), 0);
    QCOMPARE(stampsAhead(a.dataDir()), 0);
}

QTEST_GUILESS_MAIN(TestClientClock)
#include "tst_client_clock.moc"
