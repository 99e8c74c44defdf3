// emis-server under load it did not ask for: many connections each sending most of a big frame
// (before and after authentication), a flood of bare TCP connects from one address, and a server
// that is really full. Each test starts its own server with the limits it needs.
#include "ServerFixture.h"
#include "SyncDevice.h"
#include "TestClient.h"

#include "codec/FrameCodec.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using namespace emis;

namespace {

// A frame announcing 8 MiB less 64 bytes (under the default cap) with all of it but the last
// checksum byte: the server must hold the whole payload before it can tell it is incomplete.
std::string bigFrameMissingLastByte()
{
    const std::string frame = codec::wrapPayload(std::string(8 * 1024 * 1024 - 64, '\x08'));
    return frame.substr(0, frame.size() - 1);
}

// Writes `data` on every connection, 1 MiB at a time, until each has written it all or was
// closed, or nothing moved for three seconds (the server stopped reading).
void flood(std::vector<std::unique_ptr<TestClient>> &clients, const std::string &data)
{
    constexpr qint64 kChunk = 1024 * 1024;
    std::vector<qint64> queued(clients.size(), 0);
    qint64 lastProgress = -1;
    QElapsedTimer still;
    still.start();
    for (;;) {
        bool busy = false;
        qint64 progress = 0;
        for (std::size_t i = 0; i < clients.size(); ++i) {
            QSslSocket &s = clients[i]->socket();
            if (s.state() != QAbstractSocket::ConnectedState)
                continue;
            if (queued[i] < static_cast<qint64>(data.size()) && s.bytesToWrite() < kChunk) {
                const qint64 n = std::min<qint64>(kChunk, static_cast<qint64>(data.size()) - queued[i]);
                s.write(data.data() + queued[i], n);
                queued[i] += n;
            }
            progress += queued[i] - s.bytesToWrite();
            busy = busy || queued[i] < static_cast<qint64>(data.size()) || s.bytesToWrite() > 0;
        }
        if (!busy)
            return;
        if (progress != lastProgress) {
            lastProgress = progress;
            still.restart();
        } else if (still.elapsed() > 3000) {
            return;
        }
        QTest::qWait(5);
    }
}

// The limits of item 6 out of the way, so a test sees only what it is about.
void generousLimits(ServerFixture &server)
{
    for (const char *key : {"max_connections", "max_connections_per_address", "max_pending_connections",
                            "max_pending_per_address"})
        server.setConfig(QLatin1String(key), QStringLiteral("1000"));
}

wire::Envelope pullRequest()
{
    wire::Envelope e;
    e.mutable_pull_request()->set_cursor(0);
    return e;
}

} // namespace

class TestServerLimits : public QObject {
    Q_OBJECT

private slots:
    void bigFramesBeforeLogin_refusedAtTheHeader_memoryBounded();
    void bigFramesFromDevices_shareABudget_memoryBounded();
    void bareConnectFlood_otherAddressesStillGetIn();
    void serverFull_saysBusy();
};

void TestServerLimits::bigFramesBeforeLogin_refusedAtTheHeader_memoryBounded()
{
    ServerFixture server;
    QVERIFY(server.init());
    generousLimits(server);
    QVERIFY(server.start());
    const std::string frame = bigFrameMissingLastByte();
    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < 60; ++i) {  // no certificate, no Hello
        clients.push_back(std::make_unique<TestClient>());
        QVERIFY(clients.back()->connectTo(server.port(), server.caPem()));
    }
    const qint64 before = server.statusKb("VmRSS");
    flood(clients, frame);
    const qint64 peak = server.statusKb("VmHWM");
    qInfo("60 unauthenticated 8 MiB frames: VmRSS before %lld KiB, VmHWM after %lld KiB (+%lld MiB)",
          static_cast<long long>(before), static_cast<long long>(peak), static_cast<long long>((peak - before) / 1024));
    QVERIFY(before > 0 && peak > 0);
    QVERIFY2(peak - before < 150 * 1024, "the server held the frames of connections that never authenticated");
    QVERIFY(server.serverLog().contains(QStringLiteral("frame over the size cap")));
    // Enrollment and bureau logins still fit.
    QVERIFY(server.enroll(server.enrollCode(QLatin1String(ServerFixture::kSchoolA))));
}

void TestServerLimits::bigFramesFromDevices_shareABudget_memoryBounded()
{
    ServerFixture server;
    QVERIFY(server.init());
    generousLimits(server);
    QVERIFY(server.setConfig(QStringLiteral("frame_budget_bytes"), QString::number(32 * 1024 * 1024)));
    QVERIFY(server.start());
    const auto device = server.enroll(server.enrollCode(QLatin1String(ServerFixture::kSchoolA)));
    QVERIFY(device);
    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < 40; ++i) {
        clients.push_back(std::make_unique<TestClient>());
        QVERIFY(clients.back()->connectTo(server.port(), server.caPem(), device->certPem, device->keyPem));
        QVERIFY(clients.back()->hello());
    }
    TestClient good;
    QVERIFY(good.connectTo(server.port(), server.caPem(), device->certPem, device->keyPem));
    QVERIFY(good.hello());
    const qint64 before = server.statusKb("VmRSS");
    flood(clients, bigFrameMissingLastByte());
    const qint64 peak = server.statusKb("VmHWM");
    qInfo("40 device sessions' 8 MiB frames, 32 MiB budget: VmRSS before %lld KiB, VmHWM after %lld KiB (+%lld MiB)",
          static_cast<long long>(before), static_cast<long long>(peak), static_cast<long long>((peak - before) / 1024));
    QVERIFY(before > 0 && peak > 0);
    QVERIFY2(peak - before < 150 * 1024, "incomplete frames took memory beyond the budget");
    // A small request on another session is not held up by the waiting big ones.
    const auto page = good.request(pullRequest());
    QVERIFY(page && page->has_pull_page());
}

void TestServerLimits::bareConnectFlood_otherAddressesStillGetIn()
{
    ServerFixture server;
    QVERIFY(server.init());
    QVERIFY(server.start());  // the defaults: 512 connections, 16 pending from one address
    const auto device = server.enroll(server.enrollCode(QLatin1String(ServerFixture::kSchoolA)));
    QVERIFY(device);
    // 515 TCP connects from one address that never say a word.
    std::vector<std::unique_ptr<QTcpSocket>> bare;
    QVERIFY(bareConnections(server.port(), 515, QStringLiteral("127.0.0.2"), bare));
    // A device and an enrollment session from elsewhere get in at once, within the handshake window.
    TestClient dev;
    QVERIFY(dev.connectTo(server.port(), server.caPem(), device->certPem, device->keyPem));
    QVERIFY(dev.hello());
    const auto page = dev.request(pullRequest());
    QVERIFY(page && page->has_pull_page());
    TestClient officer;
    QVERIFY(officer.connectTo(server.port(), server.caPem(), {}, {}, QStringLiteral("127.0.0.3")));
    const auto ack = officer.hello();
    QVERIFY(ack && ack->has_hello_ack());
    QVERIFY(server.serverLog().contains(QStringLiteral("connections from this address not yet authenticated")));
}

void TestServerLimits::serverFull_saysBusy()
{
    ServerFixture server;
    QVERIFY(server.init());
    QVERIFY(server.setConfig(QStringLiteral("max_connections"), QStringLiteral("2")));
    QVERIFY(server.start());
    const auto a = server.enroll(server.enrollCode(QLatin1String(ServerFixture::kSchoolA)));
    const auto b = server.enroll(server.enrollCode(QLatin1String(ServerFixture::kSchoolB)));
    QVERIFY(a && b);
    // Both slots taken by device sessions (the enrollment connections may take a moment to go).
    const auto open = [&](TestClient &c, const EnrolledDevice &d) {
        c.abort();
        if (!c.connectTo(server.port(), server.caPem(), d.certPem, d.keyPem))
            return false;
        const auto ack = c.hello();
        return ack && ack->has_hello_ack();
    };
    TestClient first;
    TestClient second;
    QVERIFY(QTest::qWaitFor([&] { return open(first, *a); }));
    QVERIFY(QTest::qWaitFor([&] { return open(second, *b); }));
    TestClient third;
    QVERIFY(third.connectTo(server.port(), server.caPem()));
    const auto reply = third.hello();
    QVERIFY2(reply && reply->has_error(), "the server closed without saying it is busy");
    QCOMPARE(reply->error().code(), std::string("server_busy"));
    QVERIFY(third.waitClosed());
    // The sessions in place are untouched.
    const auto page = first.request(pullRequest());
    QVERIFY(page && page->has_pull_page());
}

QTEST_GUILESS_MAIN(TestServerLimits)
#include "tst_server_limits.moc"
