// Crash and cut-network rounds (CI runs a few seeded ones; tests/bench/client runs many).
#include "CrashScenario.h"

#include <QTest>

class TestClientCrash : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rounds_data();
    void rounds();
};

void TestClientCrash::rounds_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("count");
    QTest::addRow("seed 1") << 1u << 20;
    QTest::addRow("seed 2") << 2u << 20;
    QTest::addRow("seed 3") << 3u << 20;
}

void TestClientCrash::rounds()
{
    QFETCH(quint32, seed);
    QFETCH(int, count);
    CrashScenario scenario(seed);
    QVERIFY2(scenario.setUp(), qPrintable(scenario.figures().problems.join(QLatin1Char('\n'))));
    for (int i = 0; i < count; ++i)
        scenario.round();
    const auto f = scenario.finish();
    qInfo("seed %u: %d rounds, %d saves, client kills %d, server kills %d, cuts %d: lost %d, doubled %d", seed, f.rounds,
          f.saves, f.clientKills, f.serverKills, f.cuts, f.lost, f.doubled);
    QVERIFY2(f.problems.isEmpty(), qPrintable(f.problems.join(QLatin1Char('\n'))));
    QCOMPARE(f.lost, 0);
    QCOMPARE(f.doubled, 0);
    QVERIFY(f.saves > count);
}

QTEST_GUILESS_MAIN(TestClientCrash)
#include "tst_client_crash.moc"
