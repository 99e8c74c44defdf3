// Compressed frames on the real emis-server: a session whose Hello offers PROTOCOL_V2 gets it, and
// its pushes and pulls go deflated both ways with the same rows as a V1 session, which gets plain
// frames as before; a compressed bomb or a frame claiming to inflate past the cap ends only its
// own session, at once.
#include "ServerFixture.h"
#include "SyncDevice.h"
#include "TestClient.h"
#include "TestFrames.h"

#include "codec/FrameCodec.h"
#include "sync/Uuid.h"

#include <QElapsedTimer>
#include <QTest>

using namespace emis;

namespace {

// A compressed frame stating `statedSize` around `plain` deflated, checksummed right.
std::string compressedFrame(std::uint32_t statedSize, const std::string &plain)
{
    return testing::compressedFrame(statedSize, testing::deflated(plain));
}

std::vector<wire::Change> classes(SyncDevice &d, int n)
{
    std::vector<wire::Change> out;
    for (int i = 0; i < n; ++i) {
        auto c = d.change("classes", sync::newUuidV7());
        setInt(c, "grade", 1 + i % 6);
        setText(c, "name", std::to_string(i + 1) + "班");
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace

class TestServerCompression : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
    void v2Session_deflatedBothWays_v1SessionPlain_sameRows();
    void bombOrOversizedClaim_endsOnlyItsSession();

private:
    std::unique_ptr<TestClient> session(const SyncDevice &d, std::uint32_t maxProtocol);

    ServerFixture m_server;
};

void TestServerCompression::initTestCase()
{
    QVERIFY(m_server.init());
    QVERIFY(m_server.start());
}

std::unique_ptr<TestClient> TestServerCompression::session(const SyncDevice &d, std::uint32_t maxProtocol)
{
    auto c = std::make_unique<TestClient>();
    if (!c->connectTo(m_server.port(), m_server.caPem(), d.id.certPem, d.id.keyPem))
        return nullptr;
    const auto ack = c->hello(0, maxProtocol);
    if (!ack || !ack->has_hello_ack())
        return nullptr;
    return c;
}

void TestServerCompression::v2Session_deflatedBothWays_v1SessionPlain_sameRows()
{
    SyncDevice d = SyncDevice::enroll(m_server, ServerFixture::kSchoolA);
    QVERIFY(d.client);
    d.client = session(d, wire::PROTOCOL_V2);
    QVERIFY(d.client);
    const auto ack = d.push(classes(d, 300));  // goes deflated
    QVERIFY(ack && ack->has_push_ack());
    QCOMPARE(ack->push_ack().rejections_size(), 0);
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM classes")).toInt(), 300);

    // Another V2 session of the device pulls them in deflated pages; a V1 session in plain ones.
    const auto pull = [](TestClient &c, int &rows, bool &allCompressed) {
        std::uint64_t cursor = 0;
        rows = 0;
        allCompressed = true;
        for (;;) {
            wire::Envelope e;
            e.mutable_pull_request()->set_cursor(cursor);
            e.mutable_pull_request()->set_max_rows(100);
            const auto page = c.request(e);
            if (!page || !page->has_pull_page())
                return false;
            for (const auto &r : page->pull_page().rows())
                rows += r.table() == "classes" ? 1 : 0;
            allCompressed = allCompressed && c.lastCompressed();
            cursor = page->pull_page().next_cursor();
            if (!page->pull_page().more())
                return true;
        }
    };
    auto v2 = session(d, wire::PROTOCOL_V2);
    auto v1 = session(d, 0);
    QVERIFY(v2 && v1);
    int rows2 = 0, rows1 = 0;
    bool deflated2 = false, deflated1 = true;
    QVERIFY(pull(*v2, rows2, deflated2));
    QVERIFY(pull(*v1, rows1, deflated1));
    QCOMPARE(rows2, 300);
    QCOMPARE(rows1, 300);
    QVERIFY(deflated2);
    QVERIFY(!deflated1);
    QVERIFY(!v1->lastCompressed());
}

void TestServerCompression::bombOrOversizedClaim_endsOnlyItsSession()
{
    SyncDevice d = SyncDevice::enroll(m_server, ServerFixture::kSchoolB);
    QVERIFY(d.client);
    auto good = session(d, wire::PROTOCOL_V2);
    QVERIFY(good);
    // 64 MB of zeros in about 64 KB, stated as 4 KB: inflating stops at 4 KB and the frame is refused.
    auto bomb = session(d, wire::PROTOCOL_V2);
    QVERIFY(bomb);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(bomb->sendRaw(compressedFrame(4096, std::string(64 * 1024 * 1024, '\0'))));
    QVERIFY(bomb->waitClosed(5000));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    // A frame stating 2 GB inflated is refused from its first 8 bytes, the rest never sent.
    auto claim = session(d, wire::PROTOCOL_V2);
    QVERIFY(claim);
    std::string head;
    testing::put32(head, 64u | codec::kCompressedFlag);
    testing::put32(head, 0x7FFFFFFFu);
    QVERIFY(claim->sendRaw(head));
    QVERIFY(claim->waitClosed(5000));
    // Before any Hello, the small pre-authentication cap holds for what a frame inflates to.
    TestClient early;
    QVERIFY(early.connectTo(m_server.port(), m_server.caPem()));
    wire::Envelope hello;
    hello.mutable_hello()->set_protocol_version(wire::PROTOCOL_V1);
    hello.mutable_hello()->set_client_name(std::string(4 * 1024 * 1024, 'x'));
    QVERIFY(early.sendRaw(compressedFrame(static_cast<std::uint32_t>(hello.ByteSizeLong()), hello.SerializeAsString())));
    QVERIFY(early.waitClosed(5000));
    wire::Envelope e;
    e.mutable_pull_request()->set_cursor(0);
    const auto page = good->request(e);
    QVERIFY(page && page->has_pull_page());
    QVERIFY(m_server.serverLog().contains(QStringLiteral("does not inflate")));
}

QTEST_GUILESS_MAIN(TestServerCompression)
#include "tst_server_compression.moc"
