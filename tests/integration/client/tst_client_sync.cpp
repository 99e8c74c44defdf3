// The school client against the real emis-server: emis-cli processes on real data directories,
// the server from emisctl init, TLS on a free loopback port.
#include "CliRunner.h"
#include "ServerFixture.h"
#include "SyncDevice.h"
#include "TestClient.h"

#include "emis.pb.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QRegularExpression>

#include <functional>
#include <QTest>

// Rewrites the device's last logged change in place: what an older, buggy client might have
// logged, which this client's validation would never let through.
static bool doctorLastChange(const QString &dataDir, const std::function<void(emis::wire::Change &)> &fix)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("doctor"));
        db.setDatabaseName(dataDir + QStringLiteral("/store.db"));
        QSqlQuery q(db);
        if (db.open() && q.exec(QStringLiteral("SELECT device_seq, change FROM change_log ORDER BY device_seq DESC LIMIT 1")) &&
            q.next()) {
            emis::wire::Change change;
            const QByteArray blob = q.value(1).toByteArray();
            if (change.ParseFromArray(blob.constData(), static_cast<int>(blob.size()))) {
                fix(change);
                std::string out;
                change.SerializeToString(&out);
                QSqlQuery u(db);
                u.prepare(QStringLiteral("UPDATE change_log SET change = ? WHERE device_seq = ?"));
                u.addBindValue(QByteArray::fromStdString(out));
                u.addBindValue(q.value(0));
                ok = u.exec();
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("doctor"));
    return ok;
}

class TestClientSync : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void addAndSync_serverHoldsPupilOnce();
    void invalidPupil_neverSaved_exitFive();
    void twoDevices_differentFields_bothKept();
    void twoDevices_sameField_oneWinnerAndConflictRecorded();
    void offlineWeek_pushedOnReconnect_serverHoldsExactlyIt();
    void rejectedChange_listedWithReason_thenCorrectedAndResent();
    void rejectedChange_discarded_serverValueReturns();
    void restoredFromOldBackup_refusesToPushRatherThanLose();
    void manyRefusals_everyRejectionKept_acrossAckPages();
    void refusedWithTheAckLost_refusalStillShown();
    void importDryRun_sameAnswerAsTheImport();

private:
    CliRunner newDevice(const char *school = ServerFixture::kSchoolA);
    QJsonObject status(const CliRunner &d);
    QJsonObject pupil(const CliRunner &d, const QString &id);
    int serverCount(const QString &sql, const QVariantList &args = {});

    ServerFixture m_server;
    QTemporaryDir m_dirs;
    int m_devices = 0;
    int m_pupils = 0;
};

void TestClientSync::initTestCase()
{
    QVERIFY(QFile::exists(CliRunner::binary()));
    QVERIFY(m_server.init());
    // A few rejections fill an acknowledgement: the rest come in pages (OutcomesRequest).
    QVERIFY(m_server.setConfig(QStringLiteral("ack_outcome_bytes"), QStringLiteral("2048")));
    QVERIFY2(m_server.start(), qPrintable(m_server.serverLog()));
}

CliRunner TestClientSync::newDevice(const char *school)
{
    return enrolledDevice(m_server, m_dirs.filePath(QStringLiteral("device%1").arg(++m_devices)), school);
}

QJsonObject TestClientSync::status(const CliRunner &d)
{
    return d.run({QStringLiteral("status"), QStringLiteral("--json")}).json().object();
}

QJsonObject TestClientSync::pupil(const CliRunner &d, const QString &id)
{
    const auto list = d.run({QStringLiteral("students"), QStringLiteral("list"), QStringLiteral("--json")}).json().array();
    for (const auto &v : list)
        if (v.toObject().value(QStringLiteral("id")).toString() == id)
            return v.toObject();
    return {};
}

int TestClientSync::serverCount(const QString &sql, const QVariantList &args)
{
    return m_server.query(sql, args).toInt();
}

void TestClientSync::addAndSync_serverHoldsPupilOnce()
{
    CliRunner d = newDevice();
    auto added = d.run(QStringList{QStringLiteral("students"), QStringLiteral("add"), QStringLiteral("--json")} +
                       pupilSets(++m_pupils, QStringLiteral("陈一")));
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    const QString id = added.json().object().value(QStringLiteral("id")).toString();
    QCOMPARE(status(d).value(QStringLiteral("pending")).toInt(), 1);
    const auto synced = d.run({QStringLiteral("sync"), QStringLiteral("--json")});
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    QCOMPARE(synced.json().object().value(QStringLiteral("pushed")).toInt(), 1);
    const QJsonObject s = status(d);
    QCOMPARE(s.value(QStringLiteral("pending")).toInt(), 0);
    QCOMPARE(s.value(QStringLiteral("watermark")).toInt(), 1);
    QVERIFY(!s.value(QStringLiteral("last_sync")).toString().isEmpty());
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM students WHERE id = ? AND name = ?"), {id, QStringLiteral("陈一")}), 1);
    // Syncing again sends nothing and changes nothing.
    QCOMPARE(d.run({QStringLiteral("sync"), QStringLiteral("--json")}).json().object().value(QStringLiteral("pushed")).toInt(), 0);
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM watermarks WHERE device_id = ? AND seq = 1"),
                         {s.value(QStringLiteral("device_id")).toString()}),
             1);
}

void TestClientSync::invalidPupil_neverSaved_exitFive()
{
    CliRunner d = newDevice();
    QStringList sets = pupilSets(++m_pupils, QStringLiteral("错号"));
    const int idx = sets.indexOf(QRegularExpression(QStringLiteral("^身份证件号=.*")));
    QString bad = sets[idx];
    bad[bad.size() - 1] = bad.endsWith(QLatin1Char('1')) ? QLatin1Char('2') : QLatin1Char('1');
    sets[idx] = bad;
    const auto r = d.run(QStringList{QStringLiteral("students"), QStringLiteral("add")} + sets);
    QCOMPARE(r.exitCode, 5);
    QVERIFY2(r.err.contains(QStringLiteral("校验")) || r.err.contains(QLatin1String("check")), qPrintable(r.err));
    QCOMPARE(status(d).value(QStringLiteral("pending")).toInt(), 0);
    QCOMPARE(d.run({QStringLiteral("students"), QStringLiteral("list"), QStringLiteral("--json")}).json().array().size(), 0);
}

void TestClientSync::twoDevices_differentFields_bothKept()
{
    CliRunner a = newDevice(), b = newDevice();
    const auto added = a.run(QStringList{QStringLiteral("students"), QStringLiteral("add"), QStringLiteral("--json")} +
                             pupilSets(++m_pupils, QStringLiteral("林二")));
    const QString id = added.json().object().value(QStringLiteral("id")).toString();
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(b.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(pupil(b, id).value(QStringLiteral("name")).toString(), QStringLiteral("林二"));
    // Both edit offline, different fields.
    QCOMPARE(a.run({QStringLiteral("students"), QStringLiteral("edit"), id, QStringLiteral("--set"), QStringLiteral("家庭住址=甲村")}).exitCode, 0);
    QCOMPARE(b.run({QStringLiteral("students"), QStringLiteral("edit"), id, QStringLiteral("--set"), QStringLiteral("监护人姓名=林母")}).exitCode, 0);
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(b.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    for (const CliRunner *d : {&a, &b}) {
        const QJsonObject p = pupil(*d, id);
        QCOMPARE(p.value(QStringLiteral("address")).toString(), QStringLiteral("甲村"));
        QCOMPARE(p.value(QStringLiteral("guardian_name")).toString(), QStringLiteral("林母"));
        QCOMPARE(d->run({QStringLiteral("conflicts"), QStringLiteral("--json")}).json().array().size(), 0);
    }
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM students WHERE id = ? AND address = ? AND guardian_name = ?"),
                         {id, QStringLiteral("甲村"), QStringLiteral("林母")}),
             1);
}

void TestClientSync::twoDevices_sameField_oneWinnerAndConflictRecorded()
{
    CliRunner a = newDevice(), b = newDevice();
    const QString id = a.run(QStringList{QStringLiteral("students"), QStringLiteral("add"), QStringLiteral("--json")} +
                             pupilSets(++m_pupils, QStringLiteral("黄三")))
                           .json().object().value(QStringLiteral("id")).toString();
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(b.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(a.run({QStringLiteral("students"), QStringLiteral("edit"), id, QStringLiteral("--set"), QStringLiteral("家庭住址=东街")}).exitCode, 0);
    QTest::qWait(20);  // b's edit is the later one
    QCOMPARE(b.run({QStringLiteral("students"), QStringLiteral("edit"), id, QStringLiteral("--set"), QStringLiteral("家庭住址=西街")}).exitCode, 0);
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    // b meets a's write on its pull and the server reports the same conflict on b's push: one
    // conflict stored, counted once, and the exit code says a person must look.
    const auto bSync = b.run({QStringLiteral("sync"), QStringLiteral("--json")});
    QCOMPARE(bSync.exitCode, 6);
    QCOMPARE(bSync.json().object().value(QStringLiteral("conflicts")).toInt(), 1);
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    // One winner everywhere: the later write.
    QCOMPARE(pupil(a, id).value(QStringLiteral("address")).toString(), QStringLiteral("西街"));
    QCOMPARE(pupil(b, id).value(QStringLiteral("address")).toString(), QStringLiteral("西街"));
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM students WHERE id = ? AND address = ?"), {id, QStringLiteral("西街")}), 1);
    // The device that met the other's write while its own was unacknowledged records the conflict,
    // with both values; the server records it too.
    const QJsonArray conflicts = b.run({QStringLiteral("conflicts"), QStringLiteral("--json")}).json().array();
    QCOMPARE(conflicts.size(), 1);
    const QJsonObject c = conflicts.first().toObject();
    QCOMPARE(c.value(QStringLiteral("field")).toString(), QStringLiteral("address"));
    QCOMPARE(c.value(QStringLiteral("winner")).toString(), QStringLiteral("西街"));
    QCOMPARE(c.value(QStringLiteral("loser")).toString(), QStringLiteral("东街"));
    QVERIFY(serverCount(QStringLiteral("SELECT count(*) FROM conflicts WHERE row_id = ? AND field = 'address'"), {id}) >= 1);
    // A person closes it on purpose; it stays listed with --all.
    const QString entry = QString::number(c.value(QStringLiteral("id")).toInt());
    QCOMPARE(b.run({QStringLiteral("conflicts"), QStringLiteral("resolve"), entry, QStringLiteral("--note"), QStringLiteral("checked with the family")}).exitCode, 0);
    QCOMPARE(b.run({QStringLiteral("conflicts"), QStringLiteral("--json")}).json().array().size(), 0);
    QCOMPARE(b.run({QStringLiteral("conflicts"), QStringLiteral("--all"), QStringLiteral("--json")}).json().array().size(), 1);
}

void TestClientSync::offlineWeek_pushedOnReconnect_serverHoldsExactlyIt()
{
    CliRunner d = newDevice(ServerFixture::kSchoolB);
    QCOMPARE(d.run({QStringLiteral("sync")}).exitCode, 0);
    const QString deviceId = status(d).value(QStringLiteral("device_id")).toString();
    QCOMPARE(m_server.stop(), 0);
    // A week of work with the network down: every sync attempt says offline.
    QStringList ids;
    for (int day = 0; day < 7; ++day) {
        for (int i = 0; i < 4; ++i) {
            const auto r = d.run(QStringList{QStringLiteral("students"), QStringLiteral("add"), QStringLiteral("--json")} +
                                 pupilSets(++m_pupils, QStringLiteral("周%1").arg(day * 10 + i)));
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            ids << r.json().object().value(QStringLiteral("id")).toString();
        }
        QCOMPARE(d.run({QStringLiteral("students"), QStringLiteral("edit"), ids.first(), QStringLiteral("--set"),
                        QStringLiteral("家庭住址=第%1天").arg(day)}).exitCode, 0);
        QCOMPARE(d.run({QStringLiteral("sync"), QStringLiteral("--timeout"), QStringLiteral("3")}).exitCode, 3);
    }
    const QJsonObject before = status(d);
    QCOMPARE(before.value(QStringLiteral("pending")).toInt(), 35);
    QVERIFY(!before.value(QStringLiteral("last_error")).toString().isEmpty());
    QVERIFY2(m_server.start(), qPrintable(m_server.serverLog()));
    const auto r = d.run({QStringLiteral("sync"), QStringLiteral("--batch"), QStringLiteral("8"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().object().value(QStringLiteral("pushed")).toInt(), 35);
    QCOMPARE(status(d).value(QStringLiteral("pending")).toInt(), 0);
    const std::string schoolB = m_server.schoolId(QLatin1String(ServerFixture::kSchoolB));
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM students WHERE school_id = ?"), {QString::fromStdString(schoolB)}), 28);
    QCOMPARE(serverCount(QStringLiteral("SELECT seq FROM watermarks WHERE device_id = ?"), {deviceId}), 35);
    QCOMPARE(m_server.query(QStringLiteral("SELECT address FROM students WHERE id = ?"), {ids.first()}).toString(), QStringLiteral("第6天"));
}

void TestClientSync::rejectedChange_listedWithReason_thenCorrectedAndResent()
{
    CliRunner d = newDevice();
    const int n = ++m_pupils;
    const QString id = d.run(QStringList{QStringLiteral("students"), QStringLiteral("add"), QStringLiteral("--json")} +
                             pupilSets(n, QStringLiteral("吴四")))
                           .json().object().value(QStringLiteral("id")).toString();
    // An older client with weaker checks once logged a wrong ID number: doctor the logged change,
    // as this client itself never could.
    QVERIFY(doctorLastChange(d.dataDir(), [](emis::wire::Change &change) {
        for (auto &f : *change.mutable_fields())
            if (f.field() == "id_number") {
                std::string wrong = f.text();
                wrong.back() = wrong.back() == '1' ? '2' : '1';
                f.set_text(wrong);
            }
    }));
    QCOMPARE(d.run({QStringLiteral("sync")}).exitCode, 6);  // synced, and a refusal waits for a person
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM students WHERE id = ?"), {id}), 0);
    const QJsonObject s = status(d);
    QCOMPARE(s.value(QStringLiteral("rejections")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("pending")).toInt(), 0);  // answered, not lost: it is in rejections
    const auto listed = d.run({QStringLiteral("rejections")});
    QVERIFY2(listed.out.contains(QStringLiteral("身份证件号")), qPrintable(listed.out));
    const QJsonObject r = d.run({QStringLiteral("rejections"), QStringLiteral("--json")}).json().array().first().toObject();
    QCOMPARE(r.value(QStringLiteral("code")).toString(), QStringLiteral("id_check_character"));
    QCOMPARE(r.value(QStringLiteral("row_id")).toString(), id);
    QVERIFY(!r.value(QStringLiteral("message_zh")).toString().isEmpty());
    // Correct and resend: the whole refused change goes out again with the right number.
    const auto fixed = d.run({QStringLiteral("rejections"), QStringLiteral("resolve"),
                              QString::number(r.value(QStringLiteral("id")).toInt()), QStringLiteral("--set"),
                              QStringLiteral("身份证件号=") + testIdNumber(n, n % 2 == 0)});
    QVERIFY2(fixed.exitCode == 0, qPrintable(fixed.err));
    QCOMPARE(d.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM students WHERE id = ? AND name = ?"), {id, QStringLiteral("吴四")}), 1);
    QCOMPARE(status(d).value(QStringLiteral("rejections")).toInt(), 0);
    QCOMPARE(d.run({QStringLiteral("rejections"), QStringLiteral("--all"), QStringLiteral("--json")}).json().array().first()
                 .toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("resolved"));
}

void TestClientSync::rejectedChange_discarded_serverValueReturns()
{
    CliRunner d = newDevice();
    const QString id = d.run(QStringList{QStringLiteral("students"), QStringLiteral("add"), QStringLiteral("--json")} +
                             pupilSets(++m_pupils, QStringLiteral("钱六")))
                           .json().object().value(QStringLiteral("id")).toString();
    QCOMPARE(d.run({QStringLiteral("students"), QStringLiteral("edit"), id, QStringLiteral("--set"),
                    QStringLiteral("家庭住址=旧址")}).exitCode, 0);
    QCOMPARE(d.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(d.run({QStringLiteral("students"), QStringLiteral("edit"), id, QStringLiteral("--set"),
                    QStringLiteral("家庭住址=新址")}).exitCode, 0);
    QVERIFY(doctorLastChange(d.dataDir(), [](emis::wire::Change &change) {
        change.mutable_fields(0)->set_text(std::string(150, 'x'));  // over the field's 100 characters
    }));
    QCOMPARE(d.run({QStringLiteral("sync")}).exitCode, 6);
    const QJsonArray rejections = d.run({QStringLiteral("rejections"), QStringLiteral("--json")}).json().array();
    QCOMPARE(rejections.size(), 1);
    QCOMPARE(rejections.first().toObject().value(QStringLiteral("field")).toString(), QStringLiteral("address"));
    QCOMPARE(rejections.first().toObject().value(QStringLiteral("code")).toString(), QStringLiteral("too_long"));
    const QString entry = QString::number(rejections.first().toObject().value(QStringLiteral("id")).toInt());
    QCOMPARE(d.run({QStringLiteral("rejections"), QStringLiteral("discard"), entry}).exitCode, 2);  // a reason is required
    QCOMPARE(d.run({QStringLiteral("rejections"), QStringLiteral("discard"), entry, QStringLiteral("--note"),
                    QStringLiteral("typed by mistake")}).exitCode, 0);
    QCOMPARE(d.run({QStringLiteral("sync")}).exitCode, 0);
    // The stores agree again: the server's value is back on the device.
    QCOMPARE(pupil(d, id).value(QStringLiteral("address")).toString(), QStringLiteral("旧址"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT address FROM students WHERE id = ?"), {id}).toString(), QStringLiteral("旧址"));
    const QJsonObject closed = d.run({QStringLiteral("rejections"), QStringLiteral("--all"), QStringLiteral("--json")})
                                   .json().array().first().toObject();
    QCOMPARE(closed.value(QStringLiteral("state")).toString(), QStringLiteral("discarded"));
    QCOMPARE(closed.value(QStringLiteral("note")).toString(), QStringLiteral("typed by mistake"));
}

void TestClientSync::manyRefusals_everyRejectionKept_acrossAckPages()
{
    CliRunner d = newDevice();
    QStringList ids;
    for (int i = 0; i < 24; ++i)
        ids << d.run(QStringList{QStringLiteral("students"), QStringLiteral("add"), QStringLiteral("--json")} +
                     pupilSets(++m_pupils, QStringLiteral("分页") + QString::number(i)))
                   .json().object().value(QStringLiteral("id")).toString();
    QCOMPARE(d.run({QStringLiteral("sync")}).exitCode, 0);
    for (const QString &id : ids) {
        QCOMPARE(d.run({QStringLiteral("students"), QStringLiteral("edit"), id, QStringLiteral("--set"),
                        QStringLiteral("家庭住址=新址")}).exitCode, 0);
        QVERIFY(doctorLastChange(d.dataDir(), [](emis::wire::Change &change) {
            change.mutable_fields(0)->set_text(std::string(150, 'y'));  // over the field's 100 characters
        }));
    }
    const auto synced = d.run({QStringLiteral("sync"), QStringLiteral("--json")});
    QCOMPARE(synced.exitCode, 6);
    QCOMPARE(synced.json().object().value(QStringLiteral("rejections")).toInt(), 24);
    QCOMPARE(d.run({QStringLiteral("rejections"), QStringLiteral("--json")}).json().array().size(), 24);
    QCOMPARE(status(d).value(QStringLiteral("pending")).toInt(), 0);
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM rejections WHERE device_id = ?"),
                         {status(d).value(QStringLiteral("device_id")).toString()}),
             24);
}

static QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestClientSync::refusedWithTheAckLost_refusalStillShown()
{
    CliRunner d = newDevice();
    const QString id = d.run(QStringList{QStringLiteral("students"), QStringLiteral("add"), QStringLiteral("--json")} +
                             pupilSets(++m_pupils, QStringLiteral("孙七")))
                           .json().object().value(QStringLiteral("id")).toString();
    QCOMPARE(d.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(d.run({QStringLiteral("students"), QStringLiteral("edit"), id, QStringLiteral("--set"),
                    QStringLiteral("家庭住址=新址")}).exitCode, 0);
    QVERIFY(doctorLastChange(d.dataDir(), [](emis::wire::Change &change) {
        change.mutable_fields(0)->set_text(std::string(150, 'z'));  // over the field's 100 characters
    }));
    // The device sent the change and the server refused it and committed that, but the program
    // was closed before the answer arrived: the server holds the change, the device knows of no
    // refusal. Played here by sending the logged change on a raw connection with the device's keys.
    emis::wire::Change change;
    std::uint64_t seq = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("sent"));
        db.setDatabaseName(d.dataDir() + QStringLiteral("/store.db"));
        QSqlQuery q(db);
        QVERIFY(db.open());
        QVERIFY(q.exec(QStringLiteral("SELECT device_seq, change FROM change_log ORDER BY device_seq DESC LIMIT 1")) && q.next());
        seq = q.value(0).toULongLong();
        const QByteArray blob = q.value(1).toByteArray();
        QVERIFY(change.ParseFromArray(blob.constData(), static_cast<int>(blob.size())));
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("UPDATE sync_state SET attempted_through = %1").arg(seq)));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("sent"));
    {
        TestClient raw;
        QVERIFY(raw.connectTo(m_server.port(), fileBytes(d.dataDir() + QStringLiteral("/ca.pem")),
                              fileBytes(d.dataDir() + QStringLiteral("/device.pem")),
                              fileBytes(d.dataDir() + QStringLiteral("/device.key"))));
        QVERIFY(raw.hello());
        QCOMPARE(rejectionCodes(raw.request(batch({change}))), std::vector<std::string>{"too_long"});
    }
    const auto synced = d.run({QStringLiteral("sync"), QStringLiteral("--json")});
    QCOMPARE(synced.exitCode, 6);  // a refusal waits for a person
    const QJsonArray rejections = d.run({QStringLiteral("rejections"), QStringLiteral("--json")}).json().array();
    QCOMPARE(rejections.size(), 1);
    QCOMPARE(rejections.first().toObject().value(QStringLiteral("row_id")).toString(), id);
    QCOMPARE(rejections.first().toObject().value(QStringLiteral("code")).toString(), QStringLiteral("too_long"));
    QCOMPARE(status(d).value(QStringLiteral("pending")).toInt(), 0);
    // Once shown, it is neither counted nor listed again.
    QCOMPARE(d.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(d.run({QStringLiteral("rejections"), QStringLiteral("--json")}).json().array().size(), 1);
}

void TestClientSync::importDryRun_sameAnswerAsTheImport()
{
    const QString roster = QStringLiteral(EMIS_FIXTURES_DIR "/students_utf8bom.csv");
    // Not enrolled: both refuse at once, and neither claims rows would go in.
    CliRunner bare(m_dirs.filePath(QStringLiteral("bare")));
    for (const QStringList &args : {QStringList{QStringLiteral("import"), QStringLiteral("students"), roster, QStringLiteral("--dry-run")},
                                    QStringList{QStringLiteral("import"), QStringLiteral("students"), roster}}) {
        const auto r = bare.run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("enroll")), qPrintable(r.err));
    }
    // Enrolled: a dry run counts what the store would do, and writes nothing.
    CliRunner d = newDevice();
    const auto dry = d.run({QStringLiteral("import"), QStringLiteral("students"), roster, QStringLiteral("--dry-run"),
                            QStringLiteral("--json")});
    QCOMPARE(dry.exitCode, 0);
    QCOMPARE(dry.json().object().value(QStringLiteral("added")).toInt(), 90);
    QCOMPARE(status(d).value(QStringLiteral("pending")).toInt(), 0);
    QCOMPARE(d.run({QStringLiteral("import"), QStringLiteral("students"), roster}).exitCode, 0);
    const auto again = d.run({QStringLiteral("import"), QStringLiteral("students"), roster, QStringLiteral("--dry-run"),
                              QStringLiteral("--json")});
    QCOMPARE(again.json().object().value(QStringLiteral("added")).toInt(), 0);
    QCOMPARE(again.json().object().value(QStringLiteral("unchanged")).toInt(), 90);
}

void TestClientSync::restoredFromOldBackup_refusesToPushRatherThanLose()
{
    CliRunner d = newDevice();
    QCOMPARE(d.run(QStringList{QStringLiteral("students"), QStringLiteral("add")} + pupilSets(++m_pupils, QStringLiteral("甲"))).exitCode, 0);
    QCOMPARE(d.run({QStringLiteral("sync")}).exitCode, 0);
    QVERIFY(QFile::copy(d.dataDir() + QStringLiteral("/store.db"), d.dataDir() + QStringLiteral("/backup.db")));
    QCOMPARE(d.run(QStringList{QStringLiteral("students"), QStringLiteral("add")} + pupilSets(++m_pupils, QStringLiteral("乙"))).exitCode, 0);
    QCOMPARE(d.run({QStringLiteral("sync")}).exitCode, 0);
    // The clerk restores last week's copy: the next change would reuse seq 2, which the server
    // would skip as a resend. The first sync after the restore says so instead.
    QVERIFY(QFile::remove(d.dataDir() + QStringLiteral("/store.db")));
    QVERIFY(QFile::rename(d.dataDir() + QStringLiteral("/backup.db"), d.dataDir() + QStringLiteral("/store.db")));
    const auto r = d.run({QStringLiteral("sync"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("log_behind_server")), qPrintable(r.err));
    QVERIFY(status(d).value(QStringLiteral("last_error")).toString().contains(QLatin1String("backup")));
    // Nor does a new change made on the restored copy (it takes seq 2, which the server holds)
    // get skipped as a resend: it stays pending, and sync keeps saying why.
    QCOMPARE(d.run(QStringList{QStringLiteral("students"), QStringLiteral("add")} + pupilSets(++m_pupils, QStringLiteral("丙"))).exitCode, 0);
    const auto again = d.run({QStringLiteral("sync")});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(QLatin1String("backup")), qPrintable(again.err));
    QCOMPARE(status(d).value(QStringLiteral("pending")).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestClientSync)
#include "tst_client_sync.moc"
