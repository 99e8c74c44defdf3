// What one device may do to the push path, on the real emis-server with a raw client: a batch over
// the cap is refused whole; a batch of refused changes is acknowledged with its outcomes paged, each
// page under the frame cap, every rejection reachable once; a device that pushes only refusals is
// stopped before it grows the store; what a device sends is echoed back at a bounded length.
#include "ServerFixture.h"
#include "SyncDevice.h"
#include "TestClient.h"

#include "codec/FrameCodec.h"
#include "sync/PushLimits.h"
#include "sync/Uuid.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace emis;

class TestServerPushLimits : public QObject {
    Q_OBJECT

private slots:
    void batchOverTheCap_refusedWhole_nothingStored();
    void manyRefusals_ackPaged_everyOutcomeOnce();
    void onlyRefusals_pushesPause_storeStopsGrowing();
    void longNames_echoedClipped();
    void diskFull_pushRefusedWithTheCause_landsOnceThereIsRoom();
    void pushesBackToBack_answeredInOrder_eachOnce();
    void pushThenHalfAFrame_answered_thenClosed();

private:
    static std::vector<wire::Change> newClasses(SyncDevice &d, int n);
    static std::string frameOf(wire::Envelope e, std::uint64_t requestId);
    static std::vector<wire::Change> refusedChanges(SyncDevice &d, int n, const std::string &fieldName);
};

std::vector<wire::Change> TestServerPushLimits::refusedChanges(SyncDevice &d, int n, const std::string &fieldName)
{
    std::vector<wire::Change> out;
    for (int i = 0; i < n; ++i) {
        auto c = d.change("classes", sync::newUuidV7());
        setText(c, fieldName, "x");  // no such field: unknown_field
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<wire::Change> TestServerPushLimits::newClasses(SyncDevice &d, int n)
{
    std::vector<wire::Change> out;
    for (int i = 0; i < n; ++i) {
        auto c = d.change("classes", sync::newUuidV7());
        setInt(c, "grade", 3);
        setText(c, "name", std::to_string(d.seq) + "班");
        out.push_back(std::move(c));
    }
    return out;
}

std::string TestServerPushLimits::frameOf(wire::Envelope e, std::uint64_t requestId)
{
    e.set_request_id(requestId);
    return codec::encodeFrame(e).value_or(std::string());
}

void TestServerPushLimits::batchOverTheCap_refusedWhole_nothingStored()
{
    ServerFixture s;
    QVERIFY(s.init());
    QVERIFY(s.start());
    SyncDevice d = SyncDevice::enroll(s, ServerFixture::kSchoolA);
    QVERIFY(d.client);
    const auto reply = d.push(refusedChanges(d, sync::kMaxPushChanges + 1, "nothing"));
    QVERIFY(reply && reply->has_error());
    QCOMPARE(reply->error().code(), std::string("bad_request"));
    QVERIFY(!reply->error().fatal());
    QCOMPARE(s.query(QStringLiteral("SELECT count(*) FROM rejections")).toInt(), 0);
    QCOMPARE(s.query(QStringLiteral("SELECT count(*) FROM watermarks WHERE seq > 0")).toInt(), 0);
    // The same session goes on: a batch at the cap is taken.
    d.seq = 0;
    const auto ack = d.push(refusedChanges(d, sync::kMaxPushChanges, "nothing"));
    QVERIFY(ack && ack->has_push_ack());
    QCOMPARE(ack->push_ack().watermark(), static_cast<std::uint64_t>(sync::kMaxPushChanges));
}

void TestServerPushLimits::manyRefusals_ackPaged_everyOutcomeOnce()
{
    ServerFixture s;
    QVERIFY(s.init());
    QVERIFY(s.setConfig(QStringLiteral("ack_outcome_bytes"), QStringLiteral("65536")));
    QVERIFY(s.start());
    SyncDevice d = SyncDevice::enroll(s, ServerFixture::kSchoolA);
    QVERIFY(d.client);
    const int n = 1500;
    const auto ack = d.push(refusedChanges(d, n, std::string(60, 'f')));
    QVERIFY(ack && ack->has_push_ack());
    const auto &first = ack->push_ack();
    QCOMPARE(first.watermark(), static_cast<std::uint64_t>(n));
    QVERIFY2(first.outcomes_through() > 0 && first.outcomes_through() < first.watermark(),
             qPrintable(QString::number(first.outcomes_through())));
    QVERIFY(first.ByteSizeLong() < 2 * 65536);
    std::set<std::uint64_t> seen;
    auto take = [&](const wire::PushAck &page, std::uint64_t from) {
        for (const auto &r : page.rejections()) {
            QVERIFY(r.device_seq() >= from && r.device_seq() <= page.outcomes_through());
            QVERIFY2(seen.insert(r.device_seq()).second, "a rejection came twice");
            QCOMPARE(r.code(), std::string("unknown_field"));
        }
    };
    take(first, 1);
    std::uint64_t through = first.outcomes_through();
    int pages = 1;
    while (through < first.watermark()) {
        wire::Envelope e;
        e.mutable_outcomes_request()->set_from_seq(through + 1);
        const auto page = d.client->request(e);
        QVERIFY(page && page->has_push_ack());
        QVERIFY(page->push_ack().outcomes_through() > through);
        QVERIFY(page->ByteSizeLong() < 2 * 65536);
        take(page->push_ack(), through + 1);
        through = page->push_ack().outcomes_through();
        QVERIFY(++pages < 100);
    }
    QCOMPARE(static_cast<int>(seen.size()), n);
    QVERIFY(pages > 2);
    // A resend of the whole batch is answered the same way, never with one ack over the cap.
    d.seq = 0;
    const auto resent = d.push(refusedChanges(d, n, std::string(60, 'f')));
    QVERIFY(resent && resent->has_push_ack());
    QVERIFY(resent->push_ack().outcomes_through() < resent->push_ack().watermark());
    QCOMPARE(s.query(QStringLiteral("SELECT count(*) FROM rejections")).toInt(), n);
}

void TestServerPushLimits::onlyRefusals_pushesPause_storeStopsGrowing()
{
    ServerFixture s;
    QVERIFY(s.init());
    QVERIFY(s.setConfig(QStringLiteral("max_refusals_per_hour"), QStringLiteral("2500")));
    QVERIFY(s.start());
    SyncDevice d = SyncDevice::enroll(s, ServerFixture::kSchoolA);
    QVERIFY(d.client);
    for (int i = 0; i < 2; ++i) {
        const auto ack = d.push(refusedChanges(d, 2000, "junk"));
        QVERIFY(ack && ack->has_push_ack());
    }
    // The bucket is empty: the next push is refused before anything is stored, with the cause.
    const auto refused = d.push(refusedChanges(d, 2000, "junk"));
    QVERIFY(refused && refused->has_error());
    QCOMPARE(refused->error().code(), std::string("too_many_refusals"));
    QVERIFY(!refused->error().fatal());
    QVERIFY(QString::fromStdString(refused->error().message_zh()).contains(QStringLiteral("信息中心")));
    QCOMPARE(s.query(QStringLiteral("SELECT count(*) FROM rejections")).toInt(), 4000);
    QCOMPARE(s.query(QStringLiteral("SELECT seq FROM watermarks")).toInt(), 4000);
    // Another device of the same school is not held back.
    SyncDevice other = SyncDevice::enroll(s, ServerFixture::kSchoolA);
    QVERIFY(other.client);
    QVERIFY(!other.newClass("一年级1班").empty());
}

void TestServerPushLimits::longNames_echoedClipped()
{
    ServerFixture s;
    QVERIFY(s.init());
    QVERIFY(s.start());
    SyncDevice d = SyncDevice::enroll(s, ServerFixture::kSchoolA);
    QVERIFY(d.client);
    auto unknownTable = d.change(std::string(100000, 't'), std::string(100000, 'r'));
    auto longField = d.change("classes", sync::newUuidV7());
    setText(longField, std::string(100000, 'f'), "x");
    const auto ack = d.push({unknownTable, longField});
    QVERIFY(ack && ack->has_push_ack());
    QCOMPARE(ack->push_ack().rejections_size(), 2);
    for (const auto &r : ack->push_ack().rejections())
        QVERIFY2(r.ByteSizeLong() < 2000, qPrintable(QString::number(r.ByteSizeLong())));
    QVERIFY(s.query(QStringLiteral("SELECT max(length(tbl) + length(row_id) + length(field) + length(message_en)) "
                                   "FROM rejections"))
                .toInt() < 2000);
}

void TestServerPushLimits::diskFull_pushRefusedWithTheCause_landsOnceThereIsRoom()
{
    // The county's directory on a small file system of its own, then filled up.
    QTemporaryDir mount;
    const QString dir = mount.path();
    if (QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                                   QStringLiteral("size=8m"), QStringLiteral("tmpfs"), dir}) != 0)
        QSKIP("cannot mount a tmpfs here (needs root): the full-disk case is not run");
    struct Unmount {
        QString dir;
        ~Unmount() { QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), dir}); }
    } unmount{dir};
    ServerFixture s;
    s.useDir(dir + QStringLiteral("/county"));
    QVERIFY(s.init());
    QVERIFY(s.start());
    SyncDevice d = SyncDevice::enroll(s, ServerFixture::kSchoolA);
    QVERIFY(d.client);
    QVERIFY(!d.newClass("一年级1班").empty());
    const QString filler = dir + QStringLiteral("/filler");
    QProcess fill;  // dd stops when the disk is full, as meant
    fill.setStandardErrorFile(QProcess::nullDevice());
    fill.start(QStringLiteral("dd"), {QStringLiteral("if=/dev/zero"), QStringLiteral("of=") + filler,
                                      QStringLiteral("bs=64k"), QStringLiteral("status=none")});
    QVERIFY(fill.waitForFinished(30000));
    std::vector<wire::Change> pupils;
    const std::uint64_t before = d.seq;
    for (int i = 0; i < 300; ++i) {
        auto c = d.change("classes", sync::newUuidV7());
        setInt(c, "grade", 2);
        setText(c, "name", std::to_string(i) + "班");
        setText(c, "head_teacher", std::string(30, 'x'));
        pupils.push_back(std::move(c));
    }
    const auto full = d.push(pupils);
    QVERIFY(full && full->has_error());
    QCOMPARE(full->error().code(), std::string("server_storage"));
    QVERIFY(!full->error().fatal());
    QVERIFY(QString::fromStdString(full->error().message_en()).contains(QLatin1String("disk is full")));
    // Room again: the same batch is taken on the same session, once.
    QVERIFY(QFile::remove(filler));
    const auto ack = d.push(pupils);
    QVERIFY(ack && ack->has_push_ack());
    QCOMPARE(ack->push_ack().watermark(), before + 300);
    QCOMPARE(ack->push_ack().rejections_size(), 0);
    QCOMPARE(s.stop(), 0);
    QCOMPARE(s.query(QStringLiteral("SELECT count(*) FROM classes WHERE head_teacher = ?"), {QString(30, QLatin1Char('x'))})
                 .toInt(),
             300);
}


void TestServerPushLimits::pushesBackToBack_answeredInOrder_eachOnce()
{
    // Three batches on the wire before any answer, as emis-cli sends them: the server reads the
    // next while it writes one, and answers each, in order, once.
    ServerFixture s;
    QVERIFY(s.init());
    QVERIFY(s.start());
    SyncDevice d = SyncDevice::enroll(s, ServerFixture::kSchoolA);
    QVERIFY(d.client);
    std::string wire;
    for (std::uint64_t id = 101; id <= 103; ++id)
        wire += frameOf(batch(newClasses(d, 400)), id);
    QVERIFY(d.client->sendRaw(wire));
    for (std::uint64_t id = 101; id <= 103; ++id) {
        const auto reply = d.client->receive();
        QVERIFY(reply && reply->has_push_ack());
        QCOMPARE(reply->request_id(), id);
        QCOMPARE(reply->push_ack().watermark(), (id - 100) * 400);
        QCOMPARE(reply->push_ack().rejections_size(), 0);
    }
    QCOMPARE(s.query(QStringLiteral("SELECT count(*) FROM classes WHERE grade = 3")).toInt(), 1200);
    // And the session goes on as before.
    QVERIFY(!d.newClass("四年级9班").empty());
}

void TestServerPushLimits::pushThenHalfAFrame_answered_thenClosed()
{
    // A push, then half of another frame and nothing more: the push is stored and answered, and
    // the session ends once the half frame's time is up.
    ServerFixture s;
    QVERIFY(s.init());
    QVERIFY(s.setConfig(QStringLiteral("io_timeout_s"), QStringLiteral("2")));
    QVERIFY(s.start());
    SyncDevice d = SyncDevice::enroll(s, ServerFixture::kSchoolA);
    QVERIFY(d.client);
    const std::string first = frameOf(batch(newClasses(d, 300)), 201);
    const std::string second = frameOf(batch(newClasses(d, 300)), 202);
    QVERIFY(d.client->sendRaw(first + second.substr(0, second.size() / 2)));
    const auto reply = d.client->receive(10000);
    QVERIFY(reply && reply->has_push_ack());
    QCOMPARE(reply->request_id(), std::uint64_t{201});
    QCOMPARE(reply->push_ack().watermark(), std::uint64_t{300});
    QVERIFY(d.client->waitClosed(10000));
    QCOMPARE(s.query(QStringLiteral("SELECT count(*) FROM classes WHERE grade = 3")).toInt(), 300);
}

QTEST_GUILESS_MAIN(TestServerPushLimits)
#include "tst_server_push_limits.moc"
