// What a device may write and see, against the real emis-server: every rejection reason (stored,
// returned, audited), another school's row refused, and pull paging resumed after a cut.
#include "ServerFixture.h"
#include "SyncDevice.h"
#include "TestClient.h"

#include "sync/Uuid.h"

#include <QSet>
#include <QTest>

using namespace emis;

class TestServerRules : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void rejection_data();
    void rejection();
    void otherSchoolsRow_refusedAndAudited();
    void olderProgramsFreeText_storedAsCode_unknownTextRefused();
    void pull_pagesAndResumesAfterCut();
    void cleanupTestCase();

private:
    ServerFixture m_server;
    SyncDevice m_a1, m_b1;
};

void TestServerRules::initTestCase()
{
    QVERIFY(m_server.init());
    QVERIFY(m_server.start());
    m_a1 = SyncDevice::enroll(m_server, ServerFixture::kSchoolA);
    m_b1 = SyncDevice::enroll(m_server, ServerFixture::kSchoolB);
    QVERIFY(m_a1.client && m_b1.client);
}

void TestServerRules::cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

void TestServerRules::rejection_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::addRow("unknown table") << "table" << "unknown_table" << "";
    QTest::addRow("unknown field") << "field" << "unknown_field" << "colour";
    QTest::addRow("owner column is no field") << "owner" << "unknown_field" << "school_id";
    QTest::addRow("county table read only") << "schools" << "read_only" << "";
    QTest::addRow("clock too far ahead") << "future" << "hlc_too_far_ahead" << "";
    QTest::addRow("value not in code table") << "grade" << "not_recognised" << "grade";
    QTest::addRow("required field missing") << "required" << "required" << "name";
    QTest::addRow("ID number check character") << "idnumber" << "id_check_character" << "id_number";
    QTest::addRow("integer sent as text") << "type" << "not_recognised" << "grade";
}

void TestServerRules::rejection()
{
    QFETCH(QString, kind);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const std::string row = sync::newUuidV7();
    wire::Change c = m_a1.change(kind == QLatin1String("table") ? "pupils" : "classes", row,
                                 kind == QLatin1String("future") ? 3600 * 1000 : 0);
    if (kind == QLatin1String("schools")) {
        c.set_table("schools");
        c.set_row_id(m_server.schoolId(QLatin1String(ServerFixture::kSchoolA)));
        setText(c, "name", "改名");
    } else if (kind == QLatin1String("idnumber") || kind == QLatin1String("idvalid")) {
        c.set_table("students");
        setText(c, "name", "孟杰洋");
        setText(c, "sex", "1");
        setText(c, "birth_date", "2015-03-07");
        setText(c, "id_type", "1");
        setText(c, "id_number", residentId(false));
        setInt(c, "grade", 3);
        setText(c, "class_name", "1班");
        setText(c, "status", "1");
    } else {
        if (kind == QLatin1String("type"))
            setText(c, "grade", "2");
        else
            setInt(c, "grade", kind == QLatin1String("grade") ? 99 : 2);
        if (kind != QLatin1String("required"))
            setText(c, "name", "五(1)班");
        if (kind == QLatin1String("field"))
            setText(c, "colour", "red");
        if (kind == QLatin1String("owner"))
            setText(c, "school_id", m_b1.id.schoolId);
    }
    const auto ack = m_a1.push({c});
    QVERIFY(ack && ack->has_push_ack());
    QCOMPARE(ack->push_ack().watermark(), c.device_seq());  // a rejected change still advances
    QCOMPARE(ack->push_ack().rejections_size(), 1);
    const auto &r = ack->push_ack().rejections(0);
    QCOMPARE(QString::fromStdString(r.code()), code);
    QCOMPARE(QString::fromStdString(r.field()), field);
    QCOMPARE(r.device_seq(), c.device_seq());
    QCOMPARE(r.row_id(), c.row_id());
    QVERIFY(!r.message_zh().empty() && !r.message_en().empty());
    QCOMPARE(m_server.query(QStringLiteral("SELECT code FROM rejections WHERE device_id = ? AND device_seq = ?"),
                            {QString::fromStdString(m_a1.id.deviceId), qint64(c.device_seq())}).toString(), code);
    QVERIFY(m_server.query(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'reject' AND detail LIKE ?"),
                           {QStringLiteral("change %1 %").arg(c.device_seq())}).toInt() == 1);
}

// 学历, 职称 and 政治面貌 were free text before schema version 4: an older emis-cli still sends
// "本科"; the server keeps the code it names, and refuses text no code names (the clerk sees it).
void TestServerRules::olderProgramsFreeText_storedAsCode_unknownTextRefused()
{
    const auto staffChange = [&](const char *name, const char *idSerial, const char *education, const char *title) {
        wire::Change c = m_a1.change("staff", sync::newUuidV7());
        setText(c, "name", name);
        setText(c, "sex", "2");
        setText(c, "id_type", "1");
        setText(c, "id_number", residentId("19850412", idSerial));
        setText(c, "post_category", "1");
        setText(c, "education", education);
        setText(c, "title", title);
        setText(c, "political", "党员");
        return c;
    };
    const wire::Change known = staffChange("罗雪梅", "024", "本科", "小学高级教师");
    const wire::Change unknown = staffChange("汪丽华", "046", "大专在读", "二级教师");
    const auto ack = m_a1.push({known, unknown});
    QVERIFY(ack && ack->has_push_ack());
    QCOMPARE(ack->push_ack().rejections_size(), 1);
    QCOMPARE(ack->push_ack().rejections(0).row_id(), unknown.row_id());
    QCOMPARE(ack->push_ack().rejections(0).code(), std::string("not_recognised"));
    QCOMPARE(ack->push_ack().rejections(0).field(), std::string("education"));
    const QString id = QString::fromStdString(known.row_id());
    QCOMPARE(m_server.query(QStringLiteral("SELECT education FROM staff WHERE id = ?"), {id}).toString(), QStringLiteral("21"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT title FROM staff WHERE id = ?"), {id}).toString(), QStringLiteral("31"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT political FROM staff WHERE id = ?"), {id}).toString(), QStringLiteral("01"));
    QVERIFY(m_server.query(QStringLiteral("SELECT count(*) FROM staff WHERE id = ?"),
                           {QString::fromStdString(unknown.row_id())}).toInt() == 0);
}

void TestServerRules::otherSchoolsRow_refusedAndAudited()
{
    const std::string row = m_b1.newClass("六(1)班");
    QVERIFY(!row.empty());
    auto c = m_a1.change("classes", row);
    setText(c, "head_teacher", "冒名者");
    const auto ack = m_a1.push({c});
    QVERIFY(ack && ack->has_push_ack());
    QCOMPARE(ack->push_ack().rejections_size(), 1);
    QCOMPARE(ack->push_ack().rejections(0).code(), std::string("not_owner"));
    QVERIFY(m_server.query(QStringLiteral("SELECT head_teacher FROM classes WHERE id = ?"),
                           {QString::fromStdString(row)}).isNull());
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'not_owner' AND actor = ? "
                                           "AND detail LIKE ?"),
                            {QString::fromStdString(m_a1.id.deviceId),
                             QString(QLatin1Char('%') + QString::fromStdString(row) + QLatin1Char('%'))}).toInt(), 1);
    // And school A's devices never see school B's rows.
    SyncDevice fresh = SyncDevice::enroll(m_server, ServerFixture::kSchoolA);
    QVERIFY(fresh.client);
    for (const auto &r : fresh.pullAll(500))
        QVERIFY(r.table() == "schools" || r.school_id() == m_a1.id.schoolId);
}

void TestServerRules::pull_pagesAndResumesAfterCut()
{
    std::vector<wire::Change> changes;
    QSet<QString> made;
    for (int i = 0; i < 25; ++i) {
        auto c = m_b1.change("classes", sync::newUuidV7());
        setInt(c, "grade", 1 + i % 6);
        setText(c, "name", std::to_string(i) + "班");
        made.insert(QString::fromStdString(c.row_id()));
        changes.push_back(c);
    }
    QCOMPARE(m_b1.push(changes)->push_ack().watermark(), m_b1.seq);

    SyncDevice reader = SyncDevice::enroll(m_server, ServerFixture::kSchoolB);
    QVERIFY(reader.client);
    // Page one, then the connection is cut.
    wire::Envelope e;
    e.mutable_pull_request()->set_cursor(0);
    e.mutable_pull_request()->set_max_rows(10);
    const auto first = reader.client->request(e);
    QVERIFY(first && first->has_pull_page());
    QCOMPARE(first->pull_page().rows_size(), 10);
    QVERIFY(first->pull_page().more());
    reader.client->abort();
    QSet<QString> seen;
    for (const auto &r : first->pull_page().rows())
        seen.insert(QString::fromStdString(r.row_id()));
    reader.cursor = first->pull_page().next_cursor();

    reader.client = std::make_unique<TestClient>();
    QVERIFY(reader.client->connectTo(m_server.port(), m_server.caPem(), reader.id.certPem, reader.id.keyPem));
    QVERIFY(reader.client->hello());
    std::uint64_t lastSeq = first->pull_page().rows(9).server_seq();
    for (const auto &r : reader.pullAll(10)) {
        QVERIFY2(!seen.contains(QString::fromStdString(r.row_id())), "a row came twice");
        QVERIFY(r.server_seq() > lastSeq);  // in feed order
        lastSeq = r.server_seq();
        seen.insert(QString::fromStdString(r.row_id()));
        QVERIFY(r.table() == "schools" || r.school_id() == m_b1.id.schoolId);
    }
    for (const auto &id : made)
        QVERIFY(seen.contains(id));
    // Caught up: an empty page keeps the cursor.
    e.mutable_pull_request()->set_cursor(reader.cursor);
    const auto empty = reader.client->request(e);
    QCOMPARE(empty->pull_page().rows_size(), 0);
    QCOMPARE(empty->pull_page().next_cursor(), reader.cursor);
    QVERIFY(!empty->pull_page().more());
}

QTEST_GUILESS_MAIN(TestServerRules)
#include "tst_server_rules.moc"
