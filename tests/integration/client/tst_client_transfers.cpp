// A cross-school transfer between two emis-cli devices and the real emis-server, each party
// offline at some step: B files offline and syncs later, A answers later, the bureau approves
// while both are offline (the server stopped, the decision made on its store), then both sync.
// And a child enrolled in two schools, flagged on both devices and cleared when fixed.
#include "CliRunner.h"
#include "ServerFixture.h"

#include "store/SqliteStore.h"
#include "store/StoreSession.h"
#include "sync/Hlc.h"
#include "workflow/Decision.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;

class TestClientTransfers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void transfer_eachPartyOfflineAtSomeStep_completes();
    void twoSchools_sameChild_flaggedOnBothDevices_clearedWhenRemoved();

private:
    CliRunner newDevice(const char *school);
    QJsonArray listJson(const CliRunner &d, const QStringList &args);
    QJsonObject transferOf(const CliRunner &d, const QString &id);
    bool decide(const QString &transferId, bool approve);

    ServerFixture m_server;
    QTemporaryDir m_dirs;
    int m_devices = 0;
};

void TestClientTransfers::initTestCase()
{
    QVERIFY(QFile::exists(CliRunner::binary()));
    QVERIFY(m_server.init());
    QVERIFY(m_server.start());
}

CliRunner TestClientTransfers::newDevice(const char *school)
{
    return enrolledDevice(m_server, m_dirs.filePath(QStringLiteral("device%1").arg(++m_devices)), school);
}

QJsonArray TestClientTransfers::listJson(const CliRunner &d, const QStringList &args)
{
    const auto r = d.run(QStringList{QStringLiteral("--json")} + args);
    if (r.exitCode != 0)
        qWarning("%s failed (%d): %s", qPrintable(args.join(QLatin1Char(' '))), r.exitCode, qPrintable(r.err));
    return r.json().array();
}

QJsonObject TestClientTransfers::transferOf(const CliRunner &d, const QString &id)
{
    for (const auto &v : listJson(d, {QStringLiteral("transfer"), QStringLiteral("list")}))
        if (v.toObject().value(QStringLiteral("id")).toString() == id)
            return v.toObject();
    return {};
}

bool TestClientTransfers::decide(const QString &transferId, bool approve)
{
    m_server.stop();
    bool done = false;
    {
        server::SqliteStore store(QString(m_server.dir() + QStringLiteral("/emis.db")).toStdString());
        sync::HlcClock clock("server");
        const server::workflow::Decision d{"transfers", transferId.toStdString(), approve, "同意", "jjg",
                                           QDateTime::currentMSecsSinceEpoch()};
        store.write([&](server::StoreSession &s) {
            done = std::holds_alternative<std::string>(server::workflow::decideTransfer(s, clock, d));
        });
        store.close();
    }
    return m_server.start() && done;
}

void TestClientTransfers::transfer_eachPartyOfflineAtSomeStep_completes()
{
    const CliRunner a = newDevice(ServerFixture::kSchoolA);
    const CliRunner b = newDevice(ServerFixture::kSchoolB);
    const auto added = a.run(QStringList{QStringLiteral("--json"), QStringLiteral("students"), QStringLiteral("add")} +
                             pupilSets(11, QStringLiteral("刘晓")));
    QCOMPARE(added.exitCode, 0);
    const QString pupil = added.json().object().value(QStringLiteral("id")).toString();
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);

    // B files with no server in reach (its data is only local until it syncs).
    const QString idNumber = testIdNumber(11, false);
    const auto asked = b.run({QStringLiteral("--json"), QStringLiteral("transfer"), QStringLiteral("request"),
                              QStringLiteral("--id-number"), idNumber, QStringLiteral("--name"), QStringLiteral("刘晓"),
                              QStringLiteral("--grade"), QStringLiteral("四年级"), QStringLiteral("--class"),
                              QStringLiteral("1班"), QStringLiteral("--reason"), QStringLiteral("随父母迁居")});
    QCOMPARE(asked.exitCode, 0);
    const QString transfer = asked.json().object().value(QStringLiteral("id")).toString();
    QCOMPARE(transferOf(b, transfer).value(QStringLiteral("direction")).toString(), QStringLiteral("in"));
    QCOMPARE(b.run({QStringLiteral("sync")}).exitCode, 0);
    // The server filled in the pupil's school, under B's own stamp: B holds it all the same.
    QCOMPARE(transferOf(b, transfer).value(QStringLiteral("other_school")).toString(), QStringLiteral("湖口县第一中学"));

    // A hears of it on its next sync and agrees later, offline; A's clerk also edits the pupil
    // offline, not knowing how fast the bureau will be.
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    const QJsonObject out = transferOf(a, transfer);
    QCOMPARE(out.value(QStringLiteral("direction")).toString(), QStringLiteral("out"));
    QCOMPARE(out.value(QStringLiteral("state")).toString(), QStringLiteral("1"));
    QVERIFY(out.value(QStringLiteral("waiting_for_us")).toBool());
    QCOMPARE(a.run({QStringLiteral("transfer"), QStringLiteral("withdraw"), transfer}).exitCode, 5);
    QCOMPARE(a.run({QStringLiteral("transfer"), QStringLiteral("agree"), transfer}).exitCode, 0);
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(a.run({QStringLiteral("students"), QStringLiteral("edit"), pupil, QStringLiteral("--set"),
                    QStringLiteral("家庭住址=双钟镇月亮湾")}).exitCode, 0);

    // The bureau approves while both schools are offline.
    QVERIFY(decide(transfer, true));

    // B syncs: the pupil is B's, in the class asked for, with the history.
    QCOMPARE(b.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(transferOf(b, transfer).value(QStringLiteral("state")).toString(), QStringLiteral("5"));
    bool found = false;
    for (const auto &v : listJson(b, {QStringLiteral("students"), QStringLiteral("list")})) {
        const auto o = v.toObject();
        if (o.value(QStringLiteral("id")).toString() != pupil)
            continue;
        found = true;
        QCOMPARE(o.value(QStringLiteral("grade")).toInt(), 4);
        QCOMPARE(o.value(QStringLiteral("class_name")).toString(), QStringLiteral("1班"));
    }
    QVERIFY(found);

    // A syncs: its edit is refused (the pupil is B's now) and shown; the pupil is a trace; the exit
    // code says a person must look.
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 6);
    QCOMPARE(transferOf(a, transfer).value(QStringLiteral("state")).toString(), QStringLiteral("5"));
    for (const auto &v : listJson(a, {QStringLiteral("students"), QStringLiteral("list")}))
        QVERIFY(v.toObject().value(QStringLiteral("id")).toString() != pupil);
    const QJsonArray traces = listJson(a, {QStringLiteral("transfer"), QStringLiteral("out")});
    QCOMPARE(traces.size(), 1);
    QCOMPARE(traces.at(0).toObject().value(QStringLiteral("id")).toString(), pupil);
    const QJsonArray rejections = listJson(a, {QStringLiteral("rejections")});
    QCOMPARE(rejections.size(), 1);
    QCOMPARE(rejections.at(0).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("not_owner"));
    QCOMPARE(rejections.at(0).toObject().value(QStringLiteral("row_id")).toString(), pupil);
    // A later edit of the trace is refused at once, and nothing is sent.
    const auto late = a.run({QStringLiteral("students"), QStringLiteral("edit"), pupil, QStringLiteral("--set"),
                             QStringLiteral("家庭住址=别处")});
    QCOMPARE(late.exitCode, 5);
    QCOMPARE(m_server.query(QStringLiteral("SELECT school_id FROM students WHERE id = ?"), {pupil}).toString(),
             QString::fromStdString(m_server.schoolId(QLatin1String(ServerFixture::kSchoolB))));
}

void TestClientTransfers::twoSchools_sameChild_flaggedOnBothDevices_clearedWhenRemoved()
{
    const CliRunner a = newDevice(ServerFixture::kSchoolA);
    const CliRunner b = newDevice(ServerFixture::kSchoolB);
    const QStringList add{QStringLiteral("--json"), QStringLiteral("students"), QStringLiteral("add")};
    QCOMPARE(a.run(add + pupilSets(22, QStringLiteral("何平"))).exitCode, 0);
    const auto inB = b.run(add + pupilSets(22, QStringLiteral("何平")));
    QCOMPARE(inB.exitCode, 0);
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(b.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    const QJsonArray atA = listJson(a, {QStringLiteral("problems")});
    const QJsonArray atB = listJson(b, {QStringLiteral("problems")});
    QCOMPARE(atA.size(), 1);
    QCOMPARE(atB.size(), 1);
    QCOMPARE(atA.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("1"));
    QCOMPARE(atA.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("何平"));
    QVERIFY(!atA.at(0).toObject().value(QStringLiteral("advice")).toString().isEmpty());

    QCOMPARE(b.run({QStringLiteral("students"), QStringLiteral("remove"),
                    inB.json().object().value(QStringLiteral("id")).toString()}).exitCode, 0);
    QCOMPARE(b.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(listJson(a, {QStringLiteral("problems")}).size(), 0);
    QCOMPARE(listJson(b, {QStringLiteral("problems")}).size(), 0);
    QCOMPARE(listJson(a, {QStringLiteral("problems"), QStringLiteral("--all")}).size(), 1);
}

QTEST_GUILESS_MAIN(TestClientTransfers)
#include "tst_client_transfers.moc"
