// Compressed frames (PROTOCOL_V2): a large message goes deflated and parses back equal, a small
// one goes as it is, a stream cut at every byte waits, every corrupted byte is refused, the stated
// size is judged against the cap from the first 8 bytes before anything is inflated, a bomb stops
// at its stated size, and the Hello's versions decide what a session speaks.
#include "TestFrames.h"
#include "codec/FrameCodec.h"

#include <QTest>

#include <random>

using namespace emis;
using codec::ParseResult;
using testing::compressedFrame;
using testing::deflated;
using testing::put32;

namespace {

// A push of `rows` pupils, as compressible as real rows are (names, ids, stamps repeat).
wire::Envelope pushOf(int rows)
{
    wire::Envelope e;
    e.set_request_id(9);
    auto *batch = e.mutable_push_batch();
    for (int i = 1; i <= rows; ++i) {
        auto *c = batch->add_changes();
        c->set_device_seq(static_cast<std::uint64_t>(i));
        c->set_table("students");
        c->set_row_id("0190a1b2-c3d4-7e5f-8a6b-" + std::to_string(100000000000LL + i));
        for (const auto &[field, text] : {std::pair{"name", "孟杰洋"}, {"class_name", "三(2)班"}, {"ethnicity", "01"}}) {
            auto *f = c->add_fields();
            f->set_field(field);
            f->set_text(text);
        }
        auto *g = c->add_fields();
        g->set_field("grade");
        g->set_integer(i % 9 + 1);
        c->mutable_hlc()->set_physical_ms(1700000000000ULL + static_cast<unsigned>(i));
        c->mutable_hlc()->set_device("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");
    }
    return e;
}

bool compressed(const std::string &frame)
{
    return (static_cast<unsigned char>(frame[0]) & 0x80) != 0;
}

} // namespace

class TestFrameCompression : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void largeMessage_deflated_parsesBackEqual();
    void smallMessage_orCompressionOff_goesAsItIs();
    void streamCutAtEveryByte_waitsThenParses();
    void everySingleCorruptedByte_isRefusedOrWaits();
    void statedSizeOverCap_refusedFromEightBytes();
    void bomb_stopsAtItsStatedSize();
    void wrongSizes_orTrailingBytes_refused();
    void announcedMemory_countsWhatItInflatesTo();
    void hello_versionsDecideTheSession();
};

void TestFrameCompression::largeMessage_deflated_parsesBackEqual()
{
    const wire::Envelope push = pushOf(500);
    const auto plain = codec::encodeFrame(push);
    const auto packed = codec::encodeFrame(push, {}, codec::Compression::Allowed);
    QVERIFY(plain && packed);
    QVERIFY(!compressed(*plain));
    QVERIFY(compressed(*packed));
    QVERIFY2(packed->size() * 3 < plain->size(), qPrintable(QStringLiteral("%1 of %2").arg(packed->size()).arg(plain->size())));
    const auto r = codec::parseFrame(*packed);
    QCOMPARE(r.status, ParseResult::Status::Complete);
    QCOMPARE(r.consumed, packed->size());
    QCOMPARE(r.message.SerializeAsString(), push.SerializeAsString());
}

void TestFrameCompression::smallMessage_orCompressionOff_goesAsItIs()
{
    const wire::Envelope small = pushOf(1);
    QVERIFY(small.ByteSizeLong() < codec::kCompressFrom);
    const auto frame = codec::encodeFrame(small, {}, codec::Compression::Allowed);
    QVERIFY(frame && !compressed(*frame));
    QCOMPARE(*frame, *codec::encodeFrame(small));
    // Random bytes do not deflate: the frame goes as it is.
    wire::Envelope noise;
    std::string bytes(4096, '\0');
    std::mt19937 rng(7);
    for (auto &b : bytes)
        b = static_cast<char>(rng() & 0xFF);
    auto *photo = noise.mutable_push_batch()->add_changes()->add_fields();
    photo->set_field("data");
    photo->set_blob(bytes);
    const auto raw = codec::encodeFrame(noise, {}, codec::Compression::Allowed);
    QVERIFY(raw && !compressed(*raw));
    QCOMPARE(codec::parseFrame(*raw).status, ParseResult::Status::Complete);
}

void TestFrameCompression::streamCutAtEveryByte_waitsThenParses()
{
    const std::string frame = *codec::encodeFrame(pushOf(40), {}, codec::Compression::Allowed);
    QVERIFY(compressed(frame));
    for (std::size_t cut = 0; cut < frame.size(); ++cut)
        QCOMPARE(codec::parseFrame(std::string_view(frame).substr(0, cut)).status, ParseResult::Status::NeedMore);
    codec::FrameBuffer buffer;
    for (char c : frame + frame) {
        buffer.append(std::string_view(&c, 1));
        const auto r = buffer.next();
        QVERIFY(r.status != ParseResult::Status::Error);
    }
}

void TestFrameCompression::everySingleCorruptedByte_isRefusedOrWaits()
{
    const std::string frame = *codec::encodeFrame(pushOf(40), {}, codec::Compression::Allowed);
    for (std::size_t i = 0; i < frame.size(); ++i)
        for (const unsigned char flip : {0x01, 0x80, 0xFF}) {
            std::string bad = frame;
            bad[i] = static_cast<char>(static_cast<unsigned char>(bad[i]) ^ flip);
            QVERIFY2(codec::parseFrame(bad).status != ParseResult::Status::Complete,
                     qPrintable(QStringLiteral("byte %1 flipped by %2 parsed").arg(i).arg(flip)));
        }
}

void TestFrameCompression::statedSizeOverCap_refusedFromEightBytes()
{
    // A frame of 100 bytes on the wire claiming to inflate to 3 GiB: refused from its first 8.
    std::string head;
    put32(head, 100u | codec::kCompressedFlag);
    put32(head, 0xC0000000u);
    const auto r = codec::parseFrame(head);
    QCOMPARE(r.status, ParseResult::Status::Error);
    QCOMPARE(r.error, codec::FrameError::TooLarge);
    // Under a lowered cap (before authentication) a stated 1 MB is too much too.
    codec::Limits pending;
    pending.maxPayload = 64 * 1024;
    std::string oneMb;
    put32(oneMb, 100u | codec::kCompressedFlag);
    put32(oneMb, 1024u * 1024u);
    QCOMPARE(codec::parseFrame(oneMb, pending).error, codec::FrameError::TooLarge);
    std::string zero;
    put32(zero, 100u | codec::kCompressedFlag);
    put32(zero, 0);
    QCOMPARE(codec::parseFrame(zero).error, codec::FrameError::EmptyPayload);
}

void TestFrameCompression::bomb_stopsAtItsStatedSize()
{
    // 64 MB of zeros deflate to about 64 KB; the frame says 4 KB. Inflating stops there.
    const std::string bomb = deflated(std::string(64 * 1024 * 1024, '\0'));
    QVERIFY(bomb.size() < 128 * 1024);
    const auto r = codec::parseFrame(compressedFrame(4096, bomb));
    QCOMPARE(r.status, ParseResult::Status::Error);
    QCOMPARE(r.error, codec::FrameError::BadCompression);
}

void TestFrameCompression::wrongSizes_orTrailingBytes_refused()
{
    const std::string message = pushOf(40).SerializeAsString();
    const std::string packed = deflated(message);
    const auto size = static_cast<std::uint32_t>(message.size());
    QCOMPARE(codec::parseFrame(compressedFrame(size, packed)).status, ParseResult::Status::Complete);
    QCOMPARE(codec::parseFrame(compressedFrame(size + 1, packed)).error, codec::FrameError::BadCompression);
    QCOMPARE(codec::parseFrame(compressedFrame(size - 1, packed)).error, codec::FrameError::BadCompression);
    QCOMPARE(codec::parseFrame(compressedFrame(size, packed + "xx")).error, codec::FrameError::BadCompression);
    QCOMPARE(codec::parseFrame(compressedFrame(size, packed.substr(0, packed.size() / 2))).error,
             codec::FrameError::BadCompression);
    QCOMPARE(codec::parseFrame(compressedFrame(size, message.substr(0, 200))).error, codec::FrameError::BadCompression);
    // Inflates whole, but not to an Envelope.
    const std::string junk(300, '\xff');
    QCOMPARE(codec::parseFrame(compressedFrame(300, deflated(junk))).error, codec::FrameError::BadMessage);
}

void TestFrameCompression::announcedMemory_countsWhatItInflatesTo()
{
    const wire::Envelope push = pushOf(500);
    const std::string frame = *codec::encodeFrame(push, {}, codec::Compression::Allowed);
    codec::FrameBuffer buffer;
    buffer.append(std::string_view(frame).substr(0, 6));
    QCOMPARE(buffer.announcedFrameSize(), frame.size());
    QCOMPARE(buffer.announcedMemory(), frame.size());  // the stated size is not in yet
    buffer.append(std::string_view(frame).substr(6, 10));
    QCOMPARE(buffer.announcedMemory(), frame.size() + push.ByteSizeLong());
    const std::string plain = *codec::encodeFrame(push);
    codec::FrameBuffer other;
    other.append(std::string_view(plain).substr(0, 16));
    QCOMPARE(other.announcedMemory(), plain.size());
}

void TestFrameCompression::hello_versionsDecideTheSession()
{
    const auto session = [](std::uint32_t oldest, std::uint32_t newest) {
        wire::Hello h;
        h.set_protocol_version(oldest);
        h.set_max_protocol_version(newest);
        return codec::sessionProtocol(h);
    };
    QCOMPARE(session(1, 0), std::uint32_t(wire::PROTOCOL_V1));  // a V1 client: no compression
    QCOMPARE(session(1, 2), std::uint32_t(wire::PROTOCOL_V2));
    QCOMPARE(session(1, 7), std::uint32_t(codec::kProtocolVersion));  // a newer client, met halfway
    QCOMPARE(session(2, 0), std::uint32_t(wire::PROTOCOL_V2));
    QCOMPARE(session(0, 0), 0u);
    QCOMPARE(session(3, 3), 0u);  // speaks nothing this build speaks
}

QTEST_GUILESS_MAIN(TestFrameCompression)
#include "tst_frame_compression.moc"
