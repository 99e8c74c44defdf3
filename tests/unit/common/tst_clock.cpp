// Ids and clocks: UUIDv7 made offline, the hybrid logical clock and the shared merge rule.
#include "sync/Hlc.h"
#include "sync/Merge.h"
#include "sync/Uuid.h"

#include <QSet>
#include <QTest>

using namespace emis::sync;

class TestClock : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void uuidV7_isVersion7AndRising();
    void uuidV7_uniqueAcrossThreadsOfWork();
    void hlc_textSortsLikeStamp();
    void hlc_tickRisesWhenWallClockStands();
    void hlc_tickRisesWhenWallClockGoesBack();
    void hlc_receiveMovesPastRemote();
    void hlc_receiveRefusesStampTooFarAhead();
    void hlc_counterAtItsBound_physicalMovesOn();
    void hlc_manyTicksInOneMs_everyStampReadsBackAndRises();
    void hlc_receiveAtCounterBound_staysInRange();
    void hlc_outOfRangeStamp_refusedAndUnreadable();
    void hlc_reset_setsTheClockBack();
    void merge_lastWriterWinsTieBrokenByDevice();
    void merge_conflictOnlyWhenConcurrentAndDifferent();
};

void TestClock::uuidV7_isVersion7AndRising()
{
    QString previous;
    for (int i = 0; i < 5000; ++i) {
        const QString id = QString::fromStdString(newUuidV7(1700000000000ULL));
        QVERIFY(isUuid(id.toStdString()));
        QCOMPARE(id.at(14), QLatin1Char('7'));
        QVERIFY(QStringLiteral("89ab").contains(id.at(19)));
        QVERIFY2(id > previous, qPrintable(id + QLatin1Char(' ') + previous));
        previous = id;
    }
    QVERIFY(QString::fromStdString(newUuidV7()) > previous);  // now is after 2023
}

void TestClock::uuidV7_uniqueAcrossThreadsOfWork()
{
    QSet<QString> seen;
    for (int i = 0; i < 20000; ++i)
        seen.insert(QString::fromStdString(newUuidV7()));
    QCOMPARE(seen.size(), 20000);
}

void TestClock::hlc_textSortsLikeStamp()
{
    const Hlc a{1700000000000ULL, 0, "dev-a"};
    const Hlc b{1700000000000ULL, 1, "dev-a"};
    const Hlc c{1700000000000ULL, 1, "dev-b"};
    const Hlc d{1700000000001ULL, 0, "dev-a"};
    QVERIFY(a < b && b < c && c < d);
    QVERIFY(a.toText() < b.toText() && b.toText() < c.toText() && c.toText() < d.toText());
    QCOMPARE(Hlc::fromText(c.toText()).value(), c);
    QVERIFY(!Hlc::fromText("garbage"));
    QVERIFY(!Hlc::fromText("zzzzzzzzzzzzz-0001-x"));
}

void TestClock::hlc_tickRisesWhenWallClockStands()
{
    std::uint64_t now = 1000;
    HlcClock clock("d", [&] { return now; });
    const Hlc a = clock.tick();
    const Hlc b = clock.tick();
    QVERIFY(b > a);
    QCOMPARE(b.physicalMs, std::uint64_t{1000});
    QCOMPARE(b.counter, 1u);
    now = 2000;
    const Hlc c = clock.tick();
    QCOMPARE(c.physicalMs, std::uint64_t{2000});
    QCOMPARE(c.counter, 0u);
}

void TestClock::hlc_tickRisesWhenWallClockGoesBack()
{
    std::uint64_t now = 5000;
    HlcClock clock("d", [&] { return now; });
    const Hlc a = clock.tick();
    now = 1000;  // someone set the PC's clock back
    const Hlc b = clock.tick();
    QVERIFY(b > a);
    QCOMPARE(b.physicalMs, std::uint64_t{5000});
}

void TestClock::hlc_receiveMovesPastRemote()
{
    std::uint64_t now = 1000;
    HlcClock clock("local", [&] { return now; });
    clock.tick();
    const Hlc remote{3000, 7, "remote"};
    QVERIFY(clock.receive(remote));
    const Hlc next = clock.tick();
    QVERIFY(next > remote);
    QCOMPARE(next.physicalMs, std::uint64_t{3000});
    QCOMPARE(next.counter, 9u);
}

void TestClock::hlc_receiveRefusesStampTooFarAhead()
{
    const std::uint64_t now = 1'000'000;
    HlcClock clock("server", [&] { return now; });
    const Hlc before = clock.last();
    QVERIFY(!clock.receive(Hlc{now + kDefaultMaxSkewMs + 1, 0, "fast-pc"}));
    QCOMPARE(clock.last(), before);
    QVERIFY(clock.receive(Hlc{now + kDefaultMaxSkewMs, 0, "fast-pc"}));
    QVERIFY(tooFarAhead(Hlc{now + kDefaultMaxSkewMs + 1, 0, "x"}, now));
    QVERIFY(!tooFarAhead(Hlc{now, 0, "x"}, now));
}

void TestClock::hlc_counterAtItsBound_physicalMovesOn()
{
    const std::uint64_t now = 1000;
    HlcClock clock("d", [&] { return now; });
    clock.restore(Hlc{now, Hlc::kMaxCounter - 1, "d"});
    const Hlc last = clock.tick();
    QCOMPARE(last, (Hlc{now, Hlc::kMaxCounter, "d"}));
    const Hlc next = clock.tick();
    // Where the counter would need a fifth hex digit, the next ms is the stamp.
    QCOMPARE(next, (Hlc{now + 1, 0, "d"}));
    QVERIFY(next > last);
    QCOMPARE(Hlc::fromText(next.toText()).value(), next);
    QCOMPARE(Hlc::fromText(last.toText()).value(), last);
}

void TestClock::hlc_manyTicksInOneMs_everyStampReadsBackAndRises()
{
    // The wall clock stands (or the device's clock is ahead of it): 200,000 edits, three times
    // what the counter holds.
    HlcClock clock("d", [] { return std::uint64_t{1'700'000'000'000}; });
    Hlc previous = clock.tick();
    for (int i = 0; i < 200'000; ++i) {
        const Hlc h = clock.tick();
        QVERIFY(h.inRange());
        QVERIFY(h > previous);
        const auto back = Hlc::fromText(h.toText());
        QVERIFY2(back && *back == h, h.toText().c_str());
        previous = h;
    }
    QCOMPARE(previous.physicalMs, std::uint64_t{1'700'000'000'003});
}

void TestClock::hlc_receiveAtCounterBound_staysInRange()
{
    const std::uint64_t now = 1000;
    HlcClock clock("local", [&] { return now; });
    const Hlc remote{now + 5, Hlc::kMaxCounter, "remote"};
    QVERIFY(clock.receive(remote));
    QVERIFY(clock.last().inRange());
    const Hlc next = clock.tick();
    QVERIFY(next.inRange());
    QVERIFY(next > remote);
    // The clock at its bound meeting a remote stamp at the same ms and its bound.
    HlcClock both("local", [&] { return now; });
    both.restore(Hlc{now, Hlc::kMaxCounter, "local"});
    QVERIFY(both.receive(Hlc{now, Hlc::kMaxCounter, "remote"}));
    QCOMPARE(both.last(), (Hlc{now + 1, 0, "local"}));
}

void TestClock::hlc_outOfRangeStamp_refusedAndUnreadable()
{
    const Hlc tooBig{1'700'000'000'000ULL, Hlc::kMaxCounter + 1, "dev"};
    QVERIFY(!tooBig.inRange());
    QVERIFY(!(Hlc{Hlc::kMaxPhysicalMs + 1, 0, "dev"}.inRange()));
    QVERIFY((Hlc{Hlc::kMaxPhysicalMs, Hlc::kMaxCounter, "dev"}.inRange()));
    // Its text has a fifth counter digit, which reads back as nothing: why it is never stored.
    QVERIFY(!Hlc::fromText(tooBig.toText()));
    const std::uint64_t now = 1'700'000'000'000ULL;
    HlcClock clock("local", [&] { return now; });
    const Hlc before = clock.last();
    QVERIFY(!clock.receive(tooBig));
    QCOMPARE(clock.last(), before);
}

void TestClock::hlc_reset_setsTheClockBack()
{
    std::uint64_t now = 1000;
    HlcClock clock("d", [&] { return now; });
    clock.restore(Hlc{9'000'000, 3, "d"});
    clock.restore(Hlc{5000, 0, "d"});  // restore never goes back
    QCOMPARE(clock.last().physicalMs, std::uint64_t{9'000'000});
    clock.reset(Hlc{900, 2, "d"});
    QCOMPARE(clock.last(), (Hlc{900, 2, "d"}));
    QCOMPARE(clock.tick(), (Hlc{1000, 0, "d"}));
}

void TestClock::merge_lastWriterWinsTieBrokenByDevice()
{
    const Hlc older{1000, 0, "b"};
    const Hlc newer{1001, 0, "a"};
    QVERIFY(mergeField(older, newer, false, true).takeIncoming);
    QVERIFY(!mergeField(newer, older, false, true).takeIncoming);
    // Same time and counter: the device decides, the same way on every side.
    const Hlc fromA{1000, 0, "a"};
    const Hlc fromB{1000, 0, "b"};
    QVERIFY(mergeField(fromA, fromB, false, true).takeIncoming);
    QVERIFY(!mergeField(fromB, fromA, false, true).takeIncoming);
    QVERIFY(mergeField(Hlc{}, fromA, false, true).takeIncoming);
}

void TestClock::merge_conflictOnlyWhenConcurrentAndDifferent()
{
    const Hlc mine{1000, 0, "a"};
    const Hlc theirs{1001, 0, "b"};
    QVERIFY(mergeField(mine, theirs, true, true).conflict);
    QVERIFY(!mergeField(mine, theirs, false, true).conflict);
    QVERIFY(!mergeField(mine, theirs, true, false).conflict);
    // The loser is recorded whichever side wins.
    const auto m = mergeField(theirs, mine, true, true);
    QVERIFY(m.conflict);
    QVERIFY(!m.takeIncoming);
    // The same device overwriting itself is never a conflict.
    QVERIFY(!mergeField(mine, Hlc{1002, 0, "a"}, true, true).conflict);
}

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
