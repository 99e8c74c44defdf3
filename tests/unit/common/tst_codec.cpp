// The frame codec: whole frames parse, a stream cut at every byte waits for more, every single
// corrupted byte is refused, and the cap is checked before anything is allocated.
#include "codec/FrameCodec.h"

#include <QTest>

using namespace emis;
using codec::ParseResult;

namespace {

wire::Envelope samplePush()
{
    wire::Envelope e;
    e.set_request_id(42);
    auto *batch = e.mutable_push_batch();
    for (int i = 1; i <= 3; ++i) {
        auto *c = batch->add_changes();
        c->set_device_seq(static_cast<std::uint64_t>(i));
        c->set_table("students");
        c->set_row_id("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");
        auto *f = c->add_fields();
        f->set_field("name");
        f->set_text("孟杰洋");
        auto *g = c->add_fields();
        g->set_field("grade");
        g->set_integer(1);
        c->mutable_hlc()->set_physical_ms(1700000000000ULL + static_cast<unsigned>(i));
        c->mutable_hlc()->set_device("dev");
    }
    return e;
}

std::string stream()
{
    wire::Envelope hello;
    hello.set_request_id(1);
    hello.mutable_hello()->set_protocol_version(wire::PROTOCOL_V1);
    return *codec::encodeFrame(hello) + *codec::encodeFrame(samplePush());
}

} // namespace

class TestCodec : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void streamCutAtEveryByte_waitsThenParses();
    void everySingleCorruptedByte_isRefusedOrWaits();
    void lengthOverCap_refusedBeforeAllocation();
    void emptyFrame_refused();
    void deepNesting_refusedByRecursionLimit();
    void frameBuffer_yieldsFramesInOrder();
    void frameBuffer_announcedSizeAndLoweredCap();
    void frameBuffer_drainedBigFrameGivesMemoryBack();
};

void TestCodec::roundTrip()
{
    const auto frame = codec::encodeFrame(samplePush());
    QVERIFY(frame);
    const auto r = codec::parseFrame(*frame);
    QCOMPARE(r.status, ParseResult::Status::Complete);
    QCOMPARE(r.consumed, frame->size());
    QCOMPARE(r.message.request_id(), std::uint64_t{42});
    QCOMPARE(r.message.push_batch().changes_size(), 3);
    QCOMPARE(QString::fromStdString(r.message.push_batch().changes(0).fields(0).text()), QString::fromUtf8("孟杰洋"));
}

void TestCodec::streamCutAtEveryByte_waitsThenParses()
{
    const std::string all = stream();
    const std::size_t first = codec::parseFrame(all).consumed;
    for (std::size_t cut = 0; cut <= all.size(); ++cut) {
        const auto r = codec::parseFrame(std::string_view(all).substr(0, cut));
        if (cut < first) {
            QCOMPARE(r.status, ParseResult::Status::NeedMore);
        } else {
            QCOMPARE(r.status, ParseResult::Status::Complete);
            QCOMPARE(r.consumed, first);
        }
        // Fed in two pieces through a buffer, the stream still yields both frames.
        codec::FrameBuffer buffer;
        buffer.append(std::string_view(all).substr(0, cut));
        int frames = 0;
        for (;;) {
            auto n = buffer.next();
            if (n.status != ParseResult::Status::Complete) {
                QCOMPARE(n.status, ParseResult::Status::NeedMore);
                break;
            }
            ++frames;
        }
        buffer.append(std::string_view(all).substr(cut));
        for (;;) {
            auto n = buffer.next();
            if (n.status != ParseResult::Status::Complete)
                break;
            ++frames;
        }
        QCOMPARE(frames, 2);
        QCOMPARE(buffer.buffered(), std::size_t{0});
    }
}

void TestCodec::everySingleCorruptedByte_isRefusedOrWaits()
{
    const auto frame = *codec::encodeFrame(samplePush());
    for (std::size_t i = 0; i < frame.size(); ++i) {
        for (const unsigned char flip : {0x01, 0x80, 0xFF}) {
            std::string bad = frame;
            bad[i] = static_cast<char>(static_cast<unsigned char>(bad[i]) ^ flip);
            const auto r = codec::parseFrame(bad);
            // A corrupted length either asks for more bytes than there are, is over the cap, or
            // frames the wrong bytes and fails the checksum; any other byte fails the checksum.
            QVERIFY2(r.status != ParseResult::Status::Complete,
                     qPrintable(QStringLiteral("byte %1 flipped by %2 parsed").arg(i).arg(flip)));
        }
    }
}

void TestCodec::lengthOverCap_refusedBeforeAllocation()
{
    // A header that claims 4 GiB: refused from the 4 header bytes alone.
    const std::string header("\xFF\xFF\xFF\xF0", 4);
    const auto r = codec::parseFrame(header);
    QCOMPARE(r.status, ParseResult::Status::Error);
    QCOMPARE(r.error, codec::FrameError::TooLarge);
    codec::Limits small;
    small.maxPayload = 16;
    const auto big = codec::parseFrame(*codec::encodeFrame(samplePush()), small);
    QCOMPARE(big.error, codec::FrameError::TooLarge);
    QVERIFY(!codec::encodeFrame(samplePush(), small));
}

void TestCodec::emptyFrame_refused()
{
    const std::string zero("\0\0\0\0\0\0\0\0", 8);
    QCOMPARE(codec::parseFrame(zero).error, codec::FrameError::EmptyPayload);
    QVERIFY(!codec::encodeFrame(wire::Envelope{}));
}

void TestCodec::deepNesting_refusedByRecursionLimit()
{
    // 200 nested groups of an unknown field: valid protobuf wire bytes, far deeper than the limit.
    std::string payload = "\x08\x01";  // request_id = 1
    for (int i = 0; i < 200; ++i)
        payload += std::string("\x9B\x06", 2);  // field 99, start group
    for (int i = 0; i < 200; ++i)
        payload += std::string("\x9C\x06", 2);  // field 99, end group
    const auto r = codec::parseFrame(codec::wrapPayload(payload));
    QCOMPARE(r.status, ParseResult::Status::Error);
    QCOMPARE(r.error, codec::FrameError::BadMessage);
    // The same shape shallow enough parses.
    std::string shallow = "\x08\x01";
    for (int i = 0; i < 3; ++i)
        shallow += std::string("\x9B\x06", 2);
    for (int i = 0; i < 3; ++i)
        shallow += std::string("\x9C\x06", 2);
    QCOMPARE(codec::parseFrame(codec::wrapPayload(shallow)).status, ParseResult::Status::Complete);
}

void TestCodec::frameBuffer_yieldsFramesInOrder()
{
    codec::FrameBuffer buffer;
    for (int i = 0; i < 100; ++i) {
        wire::Envelope e;
        e.set_request_id(static_cast<std::uint64_t>(i + 1));
        e.mutable_pull_request()->set_cursor(static_cast<std::uint64_t>(i));
        buffer.append(*codec::encodeFrame(e));
        if (i % 3 == 0) {
            auto r = buffer.next();
            QCOMPARE(r.status, ParseResult::Status::Complete);
        }
    }
    int n = 0;
    std::uint64_t last = 0;
    for (auto r = buffer.next(); r.status == ParseResult::Status::Complete; r = buffer.next()) {
        QVERIFY(r.message.request_id() > last);
        last = r.message.request_id();
        ++n;
    }
    QCOMPARE(n, 100 - 34);
}

void TestCodec::frameBuffer_announcedSizeAndLoweredCap()
{
    const std::string frame = *codec::encodeFrame(samplePush());
    codec::FrameBuffer buffer;
    buffer.append(frame.substr(0, 3));
    QCOMPARE(buffer.announcedFrameSize(), std::size_t{0});
    buffer.append(frame.substr(3, 10));
    QCOMPARE(buffer.announcedFrameSize(), frame.size());
    // A cap lowered below the frame announced refuses it before its payload is in.
    buffer.setMaxPayload(frame.size() - codec::kHeaderSize - codec::kTrailerSize - 1);
    const auto r = buffer.next();
    QCOMPARE(r.status, ParseResult::Status::Error);
    QCOMPARE(r.error, codec::FrameError::TooLarge);
}

void TestCodec::frameBuffer_drainedBigFrameGivesMemoryBack()
{
    wire::Envelope big;
    big.set_request_id(7);
    big.mutable_hello()->set_client_name(std::string(1024 * 1024, 'x'));
    const std::string frame = *codec::encodeFrame(big);
    codec::FrameBuffer buffer;
    buffer.append(frame.substr(0, 100));
    buffer.reserve(buffer.announcedFrameSize());
    QVERIFY(buffer.capacity() >= frame.size());
    QVERIFY(buffer.capacity() < frame.size() + 64 * 1024);  // one allocation, no doubling
    buffer.append(frame.substr(100));
    QCOMPARE(buffer.next().status, ParseResult::Status::Complete);
    QCOMPARE(buffer.buffered(), std::size_t{0});
    QVERIFY(buffer.capacity() < 64 * 1024);
}

QTEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
