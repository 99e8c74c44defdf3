// The stamp a device puts on a change, against the real emis-server: one whose text form would
// not read back (a counter past four hex digits) is refused and never stored, and one naming
// another device than the certificate's is refused, so versions and conflicts always name the
// device that wrote.
#include "ServerFixture.h"
#include "SyncDevice.h"

#include "sync/Hlc.h"
#include "sync/Uuid.h"

#include <QDateTime>
#include <QTest>

using namespace emis;

class TestServerStamps : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void stampPastItsTextForm_refusedAndNeverStored_data();
    void stampPastItsTextForm_refusedAndNeverStored();
    void stampNamingAnotherDevice_refusedAndNothingStored();
    void concurrentEdits_conflictNamesThePushingDevice();
    void cleanupTestCase();

private:
    QString classHlc(const std::string &row, const char *column);

    ServerFixture m_server;
    SyncDevice m_a1, m_a2;
};

void TestServerStamps::initTestCase()
{
    QVERIFY(m_server.init());
    QVERIFY(m_server.start());
    m_a1 = SyncDevice::enroll(m_server, ServerFixture::kSchoolA);
    m_a2 = SyncDevice::enroll(m_server, ServerFixture::kSchoolA);
    QVERIFY(m_a1.client && m_a2.client);
}

void TestServerStamps::cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

QString TestServerStamps::classHlc(const std::string &row, const char *column)
{
    return m_server.query(QStringLiteral("SELECT %1 FROM classes_versions WHERE id = ?").arg(QLatin1String(column)),
                          {QString::fromStdString(row)})
        .toString();
}

void TestServerStamps::stampPastItsTextForm_refusedAndNeverStored_data()
{
    QTest::addColumn<bool>("newRow");
    QTest::addColumn<quint64>("physicalMs");
    QTest::addColumn<quint32>("counter");
    const quint64 now = static_cast<quint64>(QDateTime::currentMSecsSinceEpoch());
    QTest::addRow("new row, counter 0x10000") << true << now << quint32{0x10000};
    QTest::addRow("edit, counter 0x10000") << false << now << quint32{0x10000};
    QTest::addRow("edit, counter 2^32-1") << false << now << quint32{0xFFFFFFFF};
    QTest::addRow("edit, ms past 13 hex digits") << false << quint64{sync::Hlc::kMaxPhysicalMs + 1} << quint32{0};
}

void TestServerStamps::stampPastItsTextForm_refusedAndNeverStored()
{
    QFETCH(bool, newRow);
    QFETCH(quint64, physicalMs);
    QFETCH(quint32, counter);
    std::string row = sync::newUuidV7();
    if (!newRow) {
        row = m_a1.newClass("三(1)班");
        QVERIFY(!row.empty());
    }
    const QString rowHlcBefore =
        m_server.query(QStringLiteral("SELECT hlc FROM classes WHERE id = ?"), {QString::fromStdString(row)}).toString();
    auto c = m_a1.change("classes", row);
    c.mutable_hlc()->set_physical_ms(physicalMs);
    c.mutable_hlc()->set_counter(counter);
    setInt(c, "grade", 3);
    setText(c, "name", "三(1)班");
    setText(c, "head_teacher", "刘老师");
    const auto ack = m_a1.push({c});
    QVERIFY(ack && ack->has_push_ack());
    QCOMPARE(ack->push_ack().watermark(), c.device_seq());
    QCOMPARE(rejectionCodes(ack), std::vector<std::string>{"hlc_out_of_range"});
    const auto &r = ack->push_ack().rejections(0);
    QVERIFY(!r.message_zh().empty() && !r.message_en().empty());
    QCOMPARE(m_server.query(QStringLiteral("SELECT code FROM rejections WHERE device_id = ? AND device_seq = ?"),
                            {QString::fromStdString(m_a1.id.deviceId), qint64(c.device_seq())})
                 .toString(),
             QStringLiteral("hlc_out_of_range"));
    // Nothing of it is stored: no row, or the row as it was.
    if (newRow) {
        QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM classes WHERE id = ?"), {QString::fromStdString(row)})
                     .toInt(),
                 0);
        return;
    }
    QVERIFY(m_server.query(QStringLiteral("SELECT head_teacher FROM classes WHERE id = ?"), {QString::fromStdString(row)})
                .isNull());
    QCOMPARE(m_server.query(QStringLiteral("SELECT hlc FROM classes WHERE id = ?"), {QString::fromStdString(row)}).toString(),
             rowHlcBefore);
    // Another device of the school pulls the row with a stamp it can read.
    SyncDevice reader = SyncDevice::enroll(m_server, ServerFixture::kSchoolA);
    QVERIFY(reader.client);
    const auto rows = reader.pullByTable();
    const auto &pulled = rows.at("classes").at(row);
    QVERIFY(sync::Hlc::fromText(hlcText(pulled.hlc())));
    QCOMPARE(fieldText(pulled, "head_teacher"), std::string());  // NULL, as before
}

void TestServerStamps::stampNamingAnotherDevice_refusedAndNothingStored()
{
    const std::string row = m_a1.newClass("四(2)班");
    QVERIFY(!row.empty());
    const QString before = classHlc(row, "head_teacher_hlc");
    // a2 stamps its change as a1's: were it taken, the version would say a1 wrote it.
    auto forged = m_a2.change("classes", row);
    forged.mutable_hlc()->set_device(m_a1.id.deviceId);
    setText(forged, "head_teacher", "冒名者");
    const auto ack = m_a2.push({forged});
    QVERIFY(ack && ack->has_push_ack());
    QCOMPARE(ack->push_ack().watermark(), forged.device_seq());
    QCOMPARE(rejectionCodes(ack), std::vector<std::string>{"hlc_wrong_device"});
    QVERIFY(m_server.query(QStringLiteral("SELECT head_teacher FROM classes WHERE id = ?"), {QString::fromStdString(row)})
                .isNull());
    QCOMPARE(classHlc(row, "head_teacher_hlc"), before);
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'wrong_device' AND actor = ? "
                                           "AND detail LIKE ?"),
                            {QString::fromStdString(m_a2.id.deviceId),
                             QString(QLatin1Char('%') + QString::fromStdString(m_a1.id.deviceId))})
                 .toInt(),
             1);
    // The same edit under its own name is taken, and the version names a2.
    auto honest = m_a2.change("classes", row);
    setText(honest, "head_teacher", "周老师");
    const auto taken = m_a2.push({honest});
    QVERIFY(taken && taken->has_push_ack());
    QCOMPARE(rejectionCodes(taken).size(), std::size_t{0});
    const auto rows = m_a1.pullByTable();
    const auto &pulled = rows.at("classes").at(row);
    QCOMPARE(fieldText(pulled, "head_teacher"), std::string("周老师"));
    for (int i = 0; i < pulled.fields_size(); ++i)
        if (pulled.fields(i).field() == "head_teacher")
            QCOMPARE(pulled.field_hlcs(i).device(), m_a2.id.deviceId);
}

void TestServerStamps::concurrentEdits_conflictNamesThePushingDevice()
{
    const std::string row = m_a1.newClass("五(3)班");
    QVERIFY(!row.empty());
    m_a1.pullAll(500);
    m_a2.pullAll(500);
    auto first = m_a1.change("classes", row);
    setText(first, "head_teacher", "甲老师");
    QCOMPARE(rejectionCodes(m_a1.push({first})).size(), std::size_t{0});
    // a2 had not pulled a1's edit: its own is concurrent. Stamped as a1, it would pass for a1
    // overwriting itself, and no conflict would be recorded; refused, it is not applied at all.
    auto forged = m_a2.change("classes", row, 50);
    forged.mutable_hlc()->set_device(m_a1.id.deviceId);
    setText(forged, "head_teacher", "乙老师");
    const auto refused = m_a2.push({forged});
    QCOMPARE(rejectionCodes(refused), std::vector<std::string>{"hlc_wrong_device"});
    QCOMPARE(refused->push_ack().conflicts_size(), 0);
    QCOMPARE(m_server.query(QStringLiteral("SELECT head_teacher FROM classes WHERE id = ?"), {QString::fromStdString(row)})
                 .toString(),
             QStringLiteral("甲老师"));
    // Under its own name the conflict is recorded, naming a2 as the writer of its value.
    auto honest = m_a2.change("classes", row, 100);
    setText(honest, "head_teacher", "乙老师");
    const auto ack = m_a2.push({honest});
    QVERIFY(ack && ack->has_push_ack());
    QCOMPARE(ack->push_ack().conflicts_size(), 1);
    const auto &c = ack->push_ack().conflicts(0);
    QCOMPARE(c.winner_hlc().device(), m_a2.id.deviceId);
    QCOMPARE(c.loser_hlc().device(), m_a1.id.deviceId);
    QCOMPARE(m_server.query(QStringLiteral("SELECT device_id FROM conflicts WHERE row_id = ?"), {QString::fromStdString(row)})
                 .toString(),
             QString::fromStdString(m_a2.id.deviceId));
}

QTEST_GUILESS_MAIN(TestServerStamps)
#include "tst_server_stamps.moc"
