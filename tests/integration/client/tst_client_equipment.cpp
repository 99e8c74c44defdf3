// Equipment between two emis-cli devices and the real emis-server: school A registers a room, a
// teacher and assets, lends a computer (领用: keeper and state in the same save), may not write
// an asset off itself, and files a 报废 and a 调拨 to school B; 电教站 and 计财股 decide them over
// the protocol (基教股 may not). The written-off asset stays A's as 已报废; the transferred one, with
// its history and its photo, is B's, idle and without A's room or keeper, and B records its 调入.
#include "CliRunner.h"
#include "ServerFixture.h"
#include "TestClient.h"
#include "TestImages.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <tuple>

using namespace emis;

using testing::phonePhoto;

class TestClientEquipment : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void assets_lentWrittenOffAndTransferredThroughTheBureau();
    void stocktake_offline_missingListedByKeeper();
    void clerksLedger_importedWithTheBadRowReported();
    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

private:
    QJsonObject add(const CliRunner &d, const QString &table, const QStringList &sets);
    QJsonObject row(const CliRunner &d, const QString &table, const QString &id);

    ServerFixture m_server;
    QTemporaryDir m_dirs;
};

void TestClientEquipment::initTestCase()
{
    QVERIFY(m_server.init());
    for (const auto &[name, role] : {std::pair{"li", "equipment"}, {"qian", "finance"}, {"wang", "enrolment"}})
        QCOMPARE(m_server
                     .ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--dir"), m_server.dir(),
                           QStringLiteral("--name"), QString::fromLatin1(name), QStringLiteral("--role"),
                           QString::fromLatin1(role)},
                          "correct horse 42\n")
                     .exitCode,
                 0);
    QVERIFY(m_server.start());
}

QJsonObject TestClientEquipment::add(const CliRunner &d, const QString &table, const QStringList &sets)
{
    QStringList args{QStringLiteral("--json"), QStringLiteral("add"), table};
    for (const auto &s : sets)
        args << QStringLiteral("--set") << s;
    const auto r = d.run(args);
    if (r.exitCode != 0)
        qWarning("add %s failed (%d): %s %s", qPrintable(table), r.exitCode, qPrintable(r.out), qPrintable(r.err));
    return r.exitCode == 0 ? r.json().object() : QJsonObject();
}

QJsonObject TestClientEquipment::row(const CliRunner &d, const QString &table, const QString &id)
{
    for (const auto &v : d.run({QStringLiteral("--json"), QStringLiteral("list"), table}).json().array())
        if (v.toObject().value(QStringLiteral("id")).toString() == id)
            return v.toObject();
    return {};
}

void TestClientEquipment::assets_lentWrittenOffAndTransferredThroughTheBureau()
{
    const CliRunner a = enrolledDevice(m_server, m_dirs.filePath(QStringLiteral("a")), ServerFixture::kSchoolA);
    const CliRunner b = enrolledDevice(m_server, m_dirs.filePath(QStringLiteral("b")), ServerFixture::kSchoolB);
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);  // the county's schools, for a 调拨
    const QString teacher = add(a, QStringLiteral("staff"),
                                {QStringLiteral("姓名=陈立"), QStringLiteral("性别=男"),
                                 QStringLiteral("身份证件号=") + testIdNumber(41, true), QStringLiteral("岗位类别=专任教师"),
                                 QStringLiteral("工号=A041")})
                                .value(QStringLiteral("id"))
                                .toString();
    QVERIFY(!teacher.isEmpty());
    QVERIFY(!add(a, QStringLiteral("rooms"), {QStringLiteral("功能室名称=计算机教室1"), QStringLiteral("功能室类型=机房"),
                                              QStringLiteral("座位数=48")})
                 .isEmpty());
    const QString computer = add(a, QStringLiteral("assets"),
                                 {QStringLiteral("资产编号=A-001"), QStringLiteral("资产类别=笔记本电脑"),
                                  QStringLiteral("资产名称=教师笔记本"), QStringLiteral("单价=¥4,299.00"),
                                  QStringLiteral("购置日期=2020年9月1日"), QStringLiteral("使用方向=教师用"),
                                  QStringLiteral("存放地点=计算机教室1")})
                                 .value(QStringLiteral("id"))
                                 .toString();
    const QString projector = add(a, QStringLiteral("assets"),
                                  {QStringLiteral("资产编号=A-002"), QStringLiteral("资产类别=投影机"),
                                   QStringLiteral("资产名称=投影仪"), QStringLiteral("单价=3200元"),
                                   QStringLiteral("购置日期=2014/3/1")})
                                  .value(QStringLiteral("id"))
                                  .toString();
    QVERIFY(!computer.isEmpty() && !projector.isEmpty());
    QCOMPARE(row(a, QStringLiteral("assets"), computer).value(QStringLiteral("unit_price")).toDouble(), 4299.0);

    // The computer's photo, straight from a phone: scaled down to fit, kept with the asset.
    const QString photoPath = m_dirs.filePath(QStringLiteral("IMG_0815.JPG"));
    {
        QFile photo(photoPath);
        QVERIFY(photo.open(QIODevice::WriteOnly));
        const QByteArray bytes = phonePhoto();
        QVERIFY(bytes.size() > 2 * 1024 * 1024);
        QCOMPARE(photo.write(bytes), bytes.size());
    }
    const auto attached = a.run({QStringLiteral("--json"), QStringLiteral("attach"), QStringLiteral("assets"), computer, photoPath});
    QVERIFY2(attached.exitCode == 0, qPrintable(attached.out + attached.err));
    const QJsonObject photo = attached.json().array().at(0).toObject();
    QCOMPARE(photo.value(QStringLiteral("file_name")).toString(), QStringLiteral("IMG_0815.jpg"));
    QCOMPARE(photo.value(QStringLiteral("mime_type")).toString(), QStringLiteral("image/jpeg"));
    QVERIFY(photo.value(QStringLiteral("size")).toInteger() <= 2 * 1024 * 1024);
    const QString photoId = photo.value(QStringLiteral("id")).toString();
    // A county table takes no files; a row that is not there neither.
    QCOMPARE(a.run({QStringLiteral("attach"), QStringLiteral("terms"), QStringLiteral("t1"), photoPath}).exitCode, 2);
    const auto nowhere = a.run({QStringLiteral("--json"), QStringLiteral("attach"), QStringLiteral("assets"), QStringLiteral("nope"), photoPath});
    QVERIFY(nowhere.exitCode != 0);
    QVERIFY2(QString(nowhere.out + nowhere.err).contains(QStringLiteral("not_found")), qPrintable(nowhere.out + nowhere.err));

    // 领用: the teacher keeps the computer, in the same save.
    QVERIFY(!add(a, QStringLiteral("asset_moves"), {QStringLiteral("资产=A-001"), QStringLiteral("类别=领用"),
                                                    QStringLiteral("日期=2026-09-01"), QStringLiteral("领用人=A041")})
                 .isEmpty());
    QCOMPARE(row(a, QStringLiteral("assets"), computer).value(QStringLiteral("keeper_id")).toString(), teacher);
    // 已报废 is the bureau's to give.
    const auto byHand = a.run({QStringLiteral("--json"), QStringLiteral("edit"), QStringLiteral("assets"), projector,
                               QStringLiteral("--set"), QStringLiteral("使用状态=已报废")});
    QCOMPARE(byHand.exitCode, 5);
    QVERIFY2(QString(byHand.out + byHand.err).contains(QStringLiteral("by_approval_only")), qPrintable(byHand.out + byHand.err));
    // A 报废 needs a reason; filed, it waits for the bureau and the projector is 待报废.
    QVERIFY(add(a, QStringLiteral("asset_moves"), {QStringLiteral("资产=A-002"), QStringLiteral("类别=报废"),
                                                   QStringLiteral("日期=2026-10-08")})
                .isEmpty());
    const QString writeOff = add(a, QStringLiteral("asset_moves"),
                                 {QStringLiteral("资产=A-002"), QStringLiteral("类别=报废"), QStringLiteral("日期=2026-10-08"),
                                  QStringLiteral("事由=灯泡老化，超期服役")})
                                 .value(QStringLiteral("id"))
                                 .toString();
    QCOMPARE(row(a, QStringLiteral("asset_moves"), writeOff).value(QStringLiteral("approval")).toString(), QStringLiteral("1"));
    QCOMPARE(row(a, QStringLiteral("assets"), projector).value(QStringLiteral("state")).toString(), QStringLiteral("4"));
    const QString transfer = add(a, QStringLiteral("asset_moves"),
                                 {QStringLiteral("资产=A-001"), QStringLiteral("类别=调拨"), QStringLiteral("日期=2026-10-09"),
                                  QStringLiteral("调入学校=") + QLatin1String(ServerFixture::kSchoolB),
                                  QStringLiteral("事由=支援乙校")})
                                 .value(QStringLiteral("id"))
                                 .toString();
    QVERIFY(!transfer.isEmpty());
    const auto synced = a.run({QStringLiteral("--json"), QStringLiteral("sync")});
    QCOMPARE(synced.json().object().value(QStringLiteral("rejections")).toInt(), 0);

    // Both wait in the approval queue; 基教股 may not decide them, 电教站 and 计财股 may.
    const auto decide = [&](TestClient &c, const QString &id, bool approve, const char *note) {
        wire::Envelope e;
        e.mutable_decision_request()->set_table("asset_moves");
        e.mutable_decision_request()->set_row_id(id.toStdString());
        e.mutable_decision_request()->set_approve(approve);
        e.mutable_decision_request()->set_note(note);
        return c.request(e);
    };
    auto enrolment = TestClient::officer(m_server.port(), m_server.caPem(), "wang", "correct horse 42");
    QVERIFY(enrolment);
    const auto refused = decide(*enrolment, writeOff, true, "");
    QVERIFY(refused && refused->has_error());
    QCOMPARE(refused->error().code(), std::string("not_allowed"));
    auto equipment = TestClient::officer(m_server.port(), m_server.caPem(), "li", "correct horse 42");
    QVERIFY(equipment);
    wire::Envelope queue;
    queue.mutable_report_request()->set_name("approval_queue");
    const auto listed = equipment->request(queue);
    QVERIFY(listed && listed->has_report_response());
    const QString queued = QString::fromStdString(listed->report_response().json());
    QVERIFY2(queued.contains(writeOff) && queued.contains(transfer) && queued.contains(QStringLiteral("A-002 投影仪")),
             qPrintable(queued));
    const auto noNote = decide(*equipment, writeOff, false, "");
    QVERIFY(noNote && noNote->has_error());
    QCOMPARE(noNote->error().code(), std::string("required"));
    const auto wroteOff = decide(*equipment, writeOff, true, "同意报废");
    QVERIFY2(wroteOff && wroteOff->has_decision_response(), wroteOff && wroteOff->has_error() ? wroteOff->error().code().c_str() : "");
    const auto again = decide(*equipment, writeOff, true, "");
    QVERIFY(again && again->has_error());
    QCOMPARE(again->error().code(), std::string("wrong_state"));
    auto finance = TestClient::officer(m_server.port(), m_server.caPem(), "qian", "correct horse 42");
    QVERIFY(finance);
    const auto moved = decide(*finance, transfer, true, "同意调拨");
    QVERIFY2(moved && moved->has_decision_response(), moved && moved->has_error() ? moved->error().code().c_str() : "");

    // A: the projector 已报废, decided; the computer gone, its 调拨 kept. B: the computer, idle,
    // with its 领用 history and its 调入.
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(b.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(row(a, QStringLiteral("assets"), projector).value(QStringLiteral("state")).toString(), QStringLiteral("5"));
    QCOMPARE(row(a, QStringLiteral("asset_moves"), writeOff).value(QStringLiteral("approval")).toString(), QStringLiteral("2"));
    QVERIFY(row(a, QStringLiteral("assets"), computer).isEmpty());
    QCOMPARE(row(a, QStringLiteral("asset_moves"), transfer).value(QStringLiteral("approval")).toString(), QStringLiteral("2"));
    // A's 调拨 still names the computer it gave away, by its label.
    const QString gaveAway = row(a, QStringLiteral("asset_moves"), transfer).value(QStringLiteral("asset_id_label")).toString();
    QVERIFY2(gaveAway.contains(QStringLiteral("教师笔记本")), qPrintable(gaveAway));
    const QJsonObject arrived = row(b, QStringLiteral("assets"), computer);
    QCOMPARE(arrived.value(QStringLiteral("state")).toString(), QStringLiteral("2"));
    QVERIFY(arrived.value(QStringLiteral("keeper_id")).toString().isEmpty());
    QVERIFY(arrived.value(QStringLiteral("room_id")).toString().isEmpty());
    QStringList kinds;
    for (const auto &v : b.run({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("asset_moves")}).json().array())
        kinds << v.toObject().value(QStringLiteral("kind")).toString();
    kinds.sort();
    QCOMPARE(kinds, (QStringList{QStringLiteral("02"), QStringLiteral("07")}));
    const QString schoolB = QString::fromStdString(m_server.schoolId(QLatin1String(ServerFixture::kSchoolB)));
    QCOMPARE(m_server.query(QStringLiteral("SELECT school_id FROM assets WHERE id = ?"), {computer}).toString(), schoolB);
    // The photo went with it: B lists it and reads it back as A saved it; A has it no more.
    const auto photos = b.run({QStringLiteral("--json"), QStringLiteral("attachments"), QStringLiteral("assets"), computer});
    QCOMPARE(photos.json().array().size(), 1);
    QCOMPARE(photos.json().array().at(0).toObject().value(QStringLiteral("id")).toString(), photoId);
    const QString savedPath = m_dirs.filePath(QStringLiteral("from-b.jpg"));
    QCOMPARE(b.run({QStringLiteral("save-attachment"), photoId, savedPath}).exitCode, 0);
    QFile saved(savedPath);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.size(), photo.value(QStringLiteral("size")).toInteger());
    QVERIFY(saved.read(3).startsWith("\xff\xd8\xff"));
    QCOMPARE(a.run({QStringLiteral("--json"), QStringLiteral("attachments"), QStringLiteral("assets"), computer}).json().array().size(), 0);
    QCOMPARE(m_server.query(QStringLiteral("SELECT school_id FROM evidence WHERE id = ?"), {photoId}).toString(), schoolB);
    // B removes it; the tombstone syncs.
    QCOMPARE(b.run({QStringLiteral("detach"), photoId}).exitCode, 0);
    QCOMPARE(b.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(m_server.query(QStringLiteral("SELECT deleted FROM evidence WHERE id = ?"), {photoId}).toInt(), 1);
    // The bureau's decisions are audited.
    QVERIFY(m_server.query(QStringLiteral("SELECT count(*) FROM audit WHERE detail LIKE ?"),
                           {QStringLiteral("asset_moves %")})
                .toInt() >= 2);
}

// A room's stocktake with no server at all: the checklist is what the register holds there; one
// asset found, one damaged, the third not marked and so recorded missing at the end, listed
// under its keeper; a finished stocktake takes no more marks; the result syncs later.
void TestClientEquipment::stocktake_offline_missingListedByKeeper()
{
    const CliRunner a = enrolledDevice(m_server, m_dirs.filePath(QStringLiteral("stock")), ServerFixture::kSchoolA);
    QVERIFY(!add(a, QStringLiteral("staff"),
                 {QStringLiteral("姓名=林芳"), QStringLiteral("性别=女"), QStringLiteral("身份证件号=") + testIdNumber(42, false),
                  QStringLiteral("岗位类别=专任教师"), QStringLiteral("工号=A042")})
                 .isEmpty());
    QVERIFY(!add(a, QStringLiteral("rooms"), {QStringLiteral("功能室名称=物理实验室"), QStringLiteral("功能室类型=物理实验室")}).isEmpty());
    QVERIFY(!add(a, QStringLiteral("rooms"), {QStringLiteral("功能室名称=图书室"), QStringLiteral("功能室类型=图书室")}).isEmpty());
    for (const auto &[no, room, keeper] : {std::tuple{"P-01", "物理实验室", ""}, {"P-02", "物理实验室", ""},
                                           {"P-03", "物理实验室", "A042"}, {"L-01", "图书室", ""}}) {
        QStringList sets{QStringLiteral("资产编号=") + QLatin1String(no), QStringLiteral("资产类别=实验仪器"),
                         QStringLiteral("资产名称=学生电源"), QStringLiteral("存放地点=") + QString::fromUtf8(room)};
        if (*keeper)
            sets << QStringLiteral("保管人=") + QLatin1String(keeper);
        QVERIFY(!add(a, QStringLiteral("assets"), sets).isEmpty());
    }
    QCOMPARE(m_server.stop(), 0);  // offline from here on

    const auto started = a.run({QStringLiteral("--json"), QStringLiteral("stocktake"), QStringLiteral("start"), QStringLiteral("--room"),
                                QStringLiteral("物理实验室"), QStringLiteral("--name"), QStringLiteral("林芳")});
    QVERIFY2(started.exitCode == 0, qPrintable(started.out + started.err));
    const QString id = started.json().object().value(QStringLiteral("id")).toString();
    QCOMPARE(started.json().object().value(QStringLiteral("lines")).toArray().size(), 3);  // not the library's
    QCOMPARE(started.json().object().value(QStringLiteral("unchecked")).toInt(), 3);
    const auto mark = [&](const char *asset, const QString &result) {
        return a.run({QStringLiteral("--json"), QStringLiteral("stocktake"), QStringLiteral("mark"), id, QLatin1String(asset),
                      QStringLiteral("--result"), result, QStringLiteral("--note"), QStringLiteral("外壳开裂")});
    };
    QCOMPARE(mark("P-01", QStringLiteral("在位")).exitCode, 0);
    QCOMPARE(mark("P-02", QStringLiteral("损坏")).exitCode, 0);
    QCOMPARE(mark("P-02", QStringLiteral("坏")).exitCode, 0);  // marked again: the one line changes
    const auto elsewhere = mark("L-01", QStringLiteral("在位"));
    QCOMPARE(elsewhere.exitCode, 5);
    QVERIFY2(QString(elsewhere.out + elsewhere.err).contains(QStringLiteral("not_on_checklist")), qPrintable(elsewhere.out + elsewhere.err));
    QCOMPARE(mark("P-01", QStringLiteral("大概在")).exitCode, 5);
    const auto finished = a.run({QStringLiteral("--json"), QStringLiteral("stocktake"), QStringLiteral("finish"), id});
    QVERIFY2(finished.exitCode == 0, qPrintable(finished.out + finished.err));
    const QJsonObject done = finished.json().object();
    QVERIFY(done.value(QStringLiteral("finished")).toBool());
    QCOMPARE(done.value(QStringLiteral("unchecked")).toInt(), 0);
    QStringList results;
    for (const auto &l : done.value(QStringLiteral("lines")).toArray())
        results << l.toObject().value(QStringLiteral("asset_no")).toString() + QLatin1Char('=') +
                       l.toObject().value(QStringLiteral("result")).toString();
    QCOMPARE(results, (QStringList{QStringLiteral("P-01=1"), QStringLiteral("P-02=3"), QStringLiteral("P-03=2")}));
    QCOMPARE(done.value(QStringLiteral("missing_by_keeper")).toObject().value(QStringLiteral("林芳")).toArray().size(), 1);
    QCOMPARE(mark("P-03", QStringLiteral("在位")).exitCode, 5);  // finished: no more marks
    QCOMPARE(a.run({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("stocktake_items")}).json().array().size(), 3);

    // Back online, the stocktake reaches the county store.
    QVERIFY(m_server.start());
    QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM stocktake_items WHERE stocktake_id = ?"), {id}).toInt(), 3);
    QCOMPARE(m_server.query(QStringLiteral("SELECT state FROM stocktakes WHERE id = ?"), {id}).toString(), QStringLiteral("2"));
}

// A school's own ledger, as it keeps it: a title row, its own headers, prices and dates in every
// form; the row whose price is words is reported with its line, name and value, the rest kept.
void TestClientEquipment::clerksLedger_importedWithTheBadRowReported()
{
    const CliRunner a = enrolledDevice(m_server, m_dirs.filePath(QStringLiteral("ledger")), ServerFixture::kSchoolA);
    const QString data = QStringLiteral(EMIS_FIXTURES_DIR);
    const auto rooms = a.run({QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("rooms"), data + QStringLiteral("/rooms_clerk.csv")});
    QVERIFY2(rooms.exitCode == 0, qPrintable(rooms.out + rooms.err));
    QCOMPARE(rooms.json().object().value(QStringLiteral("added")).toInt(), 3);
    const auto ledger = a.run({QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("assets"), data + QStringLiteral("/assets_clerk.csv")});
    const QJsonObject o = ledger.json().object();
    QCOMPARE(o.value(QStringLiteral("added")).toInt(), 11);
    const QJsonArray rejected = o.value(QStringLiteral("rejected")).toArray();
    QCOMPARE(rejected.size(), 1);
    // The line, the item's name and the bad value, as the clerk looks for them in the sheet.
    const QJsonObject bad = rejected[0].toObject();
    const QString why = QString::fromUtf8(QJsonDocument(bad).toJson());
    QCOMPARE(bad.value(QStringLiteral("line")).toInt(), 14);
    QCOMPARE(bad.value(QStringLiteral("name")).toString(), QStringLiteral("学生电源"));
    const QJsonObject reason = bad.value(QStringLiteral("reasons")).toArray().at(0).toObject();
    QVERIFY2(reason.value(QStringLiteral("field")).toString() == QStringLiteral("unit_price"), qPrintable(why));
    QVERIFY2(reason.value(QStringLiteral("value")).toString() == QStringLiteral("约三百"), qPrintable(why));
    const auto said = a.run({QStringLiteral("import"), QStringLiteral("assets"), data + QStringLiteral("/assets_clerk.csv")});
    QVERIFY2(said.out.contains(QStringLiteral("约三百")), qPrintable(said.out));
    // The ledger has no 资产编号: its lines are known again by their content, so the second
    // import adds nothing, and one more line like an existing one adds one.
    QVERIFY2(said.out.contains(QStringLiteral("0 added, 0 updated, 11 unchanged")), qPrintable(said.out));
    QCOMPARE(a.run({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("assets")}).json().array().size(), 11);
    QFile source(data + QStringLiteral("/assets_clerk.csv"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray ledgerText = source.readAll();
    const QByteArray line2 = ledgerText.split('\n').at(3);  // the second computer, like the first
    QFile longer(m_dirs.filePath(QStringLiteral("ledger_longer.csv")));
    QVERIFY(longer.open(QIODevice::WriteOnly));
    longer.write(ledgerText + (ledgerText.endsWith('\n') ? QByteArray() : QByteArray("\n")) + line2 + '\n');
    longer.close();
    const auto more = a.run({QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("assets"), longer.fileName()});
    QCOMPARE(more.json().object().value(QStringLiteral("added")).toInt(), 1);
    QCOMPARE(more.json().object().value(QStringLiteral("unchanged")).toInt(), 11);
    QCOMPARE(a.run({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("assets")}).json().array().size(), 12);
    double total = 0;
    for (const auto &v : a.run({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("assets")}).json().array())
        total += v.toObject().value(QStringLiteral("unit_price")).toDouble() * v.toObject().value(QStringLiteral("quantity")).toDouble();
    // 4 x 3510 + 4299 + 2 x 12800 + 26000 + 3 x 1850 + 2 x 3299 + 450 x 260 + 6 x 5600
    QCOMPARE(total, 4 * 3510.0 + 4299 + 2 * 12800.0 + 26000 + 3 * 1850.0 + 2 * 3299.0 + 450 * 260.0 + 6 * 5600.0);
}

QTEST_GUILESS_MAIN(TestClientEquipment)
#include "tst_client_equipment.moc"
