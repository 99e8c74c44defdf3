// Push and pull against the real emis-server: exactly-once on resend, gap refusal, field-level
// merge with conflicts, every rejection reason, paging resumed after a cut, and SIGTERM during a
// batch leaving the store consistent.
#include "ServerFixture.h"
#include "TestClient.h"

#include "sync/Hlc.h"
#include "sync/Uuid.h"

#include <QDateTime>
#include <QSet>
#include <QTest>

#include <memory>

using namespace emis;

namespace {

// One enrolled device as a client would drive it: its own seq, cursor and clock.
struct Device {
    EnrolledDevice id;
    std::unique_ptr<TestClient> client;
    std::uint64_t seq = 0;
    std::uint64_t cursor = 0;
    std::uint32_t counter = 0;

    wire::Change change(const std::string &table, const std::string &row, std::int64_t skewMs = 0)
    {
        wire::Change c;
        c.set_device_seq(++seq);
        c.set_table(table);
        c.set_row_id(row);
        c.mutable_hlc()->set_physical_ms(static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch() + skewMs));
        c.mutable_hlc()->set_counter(++counter);
        c.mutable_hlc()->set_device(id.deviceId);
        c.set_base_cursor(cursor);
        return c;
    }
};

void setText(wire::Change &c, const std::string &field, const std::string &value)
{
    auto *f = c.add_fields();
    f->set_field(field);
    f->set_text(value);
}

void setInt(wire::Change &c, const std::string &field, std::int64_t value)
{
    auto *f = c.add_fields();
    f->set_field(field);
    f->set_integer(value);
}

wire::Envelope batch(const std::vector<wire::Change> &changes)
{
    wire::Envelope e;
    for (const auto &c : changes)
        *e.mutable_push_batch()->add_changes() = c;
    return e;
}

// A GB 11643 number for a boy born 2015-03-07, with its check character.
std::string residentId(bool correctCheck)
{
    const std::string body = "36042920150307001";
    static const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (body[static_cast<std::size_t>(i)] - '0') * weights[i];
    const char check = "10X98765432"[sum % 11];
    return body + (correctCheck ? check : (check == '1' ? '2' : '1'));
}

std::string fieldText(const wire::RowState &row, const std::string &field)
{
    for (const auto &f : row.fields())
        if (f.field() == field)
            return f.has_text() ? f.text() : f.has_integer() ? std::to_string(f.integer()) : std::string();
    return "<missing>";
}

} // namespace

class TestServerSync : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void push_appliesAndPullReturnsWholeRow();
    void resend_appliesExactlyOnce_andRepeatsStoredOutcomes();
    void gap_refusesWholeBatch_thenResendFromWatermarkApplies();
    void concurrentWrites_mergeByField_andRecordConflicts();
    void rejection_data();
    void rejection();
    void otherSchoolsRow_refusedAndAudited();
    void pull_pagesAndResumesAfterCut();
    void sigtermDuringBatch_leavesStoreConsistent();

private:
    Device enroll(const char *school);
    std::optional<wire::Envelope> push(Device &d, const std::vector<wire::Change> &changes);
    std::vector<wire::RowState> pullAll(Device &d, unsigned pageSize);
    std::string newClass(Device &d, const std::string &name);

    ServerFixture m_server;
    Device m_a1, m_a2, m_b1;
};

Device TestServerSync::enroll(const char *school)
{
    Device d;
    auto id = m_server.enroll(m_server.enrollCode(QLatin1String(school)));
    if (!id)
        return d;
    d.id = *id;
    d.client = std::make_unique<TestClient>();
    if (!d.client->connectTo(m_server.port(), m_server.caPem(), d.id.certPem, d.id.keyPem) || !d.client->hello())
        d.client.reset();
    return d;
}

std::optional<wire::Envelope> TestServerSync::push(Device &d, const std::vector<wire::Change> &changes)
{
    auto reply = d.client->request(batch(changes));
    if (!reply)
        qWarning("push: no reply");
    else if (reply->has_error())
        qWarning("push: error %s (watermark %llu)", reply->error().code().c_str(),
                 static_cast<unsigned long long>(reply->error().watermark()));
    return reply;
}

std::vector<wire::RowState> TestServerSync::pullAll(Device &d, unsigned pageSize)
{
    std::vector<wire::RowState> rows;
    for (;;) {
        wire::Envelope e;
        e.mutable_pull_request()->set_cursor(d.cursor);
        e.mutable_pull_request()->set_max_rows(pageSize);
        const auto page = d.client->request(e);
        if (!page || !page->has_pull_page())
            return rows;
        for (const auto &r : page->pull_page().rows())
            rows.push_back(r);
        d.cursor = page->pull_page().next_cursor();
        if (!page->pull_page().more())
            return rows;
    }
}

std::string TestServerSync::newClass(Device &d, const std::string &name)
{
    const std::string row = sync::newUuidV7();
    auto c = d.change("classes", row);
    setInt(c, "grade", 2);
    setText(c, "name", name);
    const auto ack = push(d, {c});
    return ack && ack->has_push_ack() && ack->push_ack().rejections_size() == 0 ? row : std::string();
}

void TestServerSync::initTestCase()
{
    QVERIFY(m_server.init());
    QVERIFY(m_server.start());
    m_a1 = enroll(ServerFixture::kSchoolA);
    m_a2 = enroll(ServerFixture::kSchoolA);
    m_b1 = enroll(ServerFixture::kSchoolB);
    QVERIFY(m_a1.client && m_a2.client && m_b1.client);
}

void TestServerSync::push_appliesAndPullReturnsWholeRow()
{
    const std::string row = sync::newUuidV7();
    auto c = m_a1.change("classes", row);
    setInt(c, "grade", 1);
    setText(c, "name", "一(1)班");
    const auto ack = push(m_a1, {c});
    QVERIFY(ack && ack->has_push_ack());
    QCOMPARE(ack->push_ack().watermark(), 1u);
    QCOMPARE(ack->push_ack().rejections_size(), 0);

    const auto rows = pullAll(m_a2, 100);
    int schools = 0;
    const wire::RowState *mine = nullptr;
    for (const auto &r : rows) {
        schools += r.table() == "schools";
        if (r.row_id() == row)
            mine = &r;
    }
    QCOMPARE(schools, 2);  // county rows reach every device
    QVERIFY(mine);
    QCOMPARE(mine->school_id(), m_a1.id.schoolId);  // the owner comes from the certificate
    QCOMPARE(fieldText(*mine, "name"), std::string("一(1)班"));
    QCOMPARE(fieldText(*mine, "grade"), std::string("1"));
    QCOMPARE(mine->fields_size(), mine->field_hlcs_size());
    QCOMPARE(mine->fields_size(), 4);  // every field, null ones too
    QCOMPARE(mine->hlc().device(), m_a1.id.deviceId);
    QVERIFY(!mine->deleted());
}

void TestServerSync::resend_appliesExactlyOnce_andRepeatsStoredOutcomes()
{
    const std::string row = newClass(m_a1, "二(1)班");
    QVERIFY(!row.empty());
    auto rename = m_a1.change("classes", row);
    setText(rename, "name", "二(2)班");
    const auto bad = m_a1.change("pupils", sync::newUuidV7());
    const auto first = push(m_a1, {rename, bad});
    QVERIFY(first && first->has_push_ack());
    QCOMPARE(first->push_ack().rejections_size(), 1);
    const auto feedSeq = [&] {
        return m_server.query(QStringLiteral("SELECT seq FROM feed WHERE row_id = ?"), {QString::fromStdString(row)})
            .toLongLong();
    };
    const qint64 before = feedSeq();

    // The client crashed before reading the ack and sends the same changes again, plus one more.
    auto next = m_a1.change("classes", row);
    setText(next, "head_teacher", "张老师");
    const auto again = push(m_a1, {rename, bad, next});
    QVERIFY(again && again->has_push_ack());
    QCOMPARE(again->push_ack().watermark(), next.device_seq());
    QCOMPARE(again->push_ack().rejections_size(), 1);  // the stored one, for the resent change
    QCOMPARE(again->push_ack().rejections(0).device_seq(), bad.device_seq());
    QCOMPARE(again->push_ack().rejections(0).code(), std::string("unknown_table"));
    QVERIFY(feedSeq() > before);  // only `next` touched the row

    const auto third = push(m_a1, {rename, bad, next});
    QVERIFY(third && third->has_push_ack());
    const qint64 settled = feedSeq();
    QCOMPARE(push(m_a1, {next})->push_ack().watermark(), next.device_seq());
    QCOMPARE(feedSeq(), settled);  // nothing re-applied
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM rejections WHERE device_id = ?"),
                            {QString::fromStdString(m_a1.id.deviceId)}).toInt(), 1);
}

void TestServerSync::gap_refusesWholeBatch_thenResendFromWatermarkApplies()
{
    const std::uint64_t watermark = m_a1.seq;
    const std::string row = sync::newUuidV7();
    auto good = m_a1.change("classes", row);
    setInt(good, "grade", 3);
    setText(good, "name", "三(1)班");
    ++m_a1.seq;  // a change lost on the way
    auto after = m_a1.change("classes", row);
    setText(after, "head_teacher", "李老师");
    const auto reply = push(m_a1, {good, after});
    QVERIFY(reply && reply->has_error());
    QCOMPARE(reply->error().code(), std::string("sequence_gap"));
    QCOMPARE(reply->error().watermark(), watermark);
    QVERIFY(!reply->error().fatal());
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM classes WHERE id = ?"),
                            {QString::fromStdString(row)}).toInt(), 0);

    // The client resends from watermark + 1 with its seqs renumbered without the hole.
    after.set_device_seq(good.device_seq() + 1);
    m_a1.seq = after.device_seq();
    const auto ok = push(m_a1, {good, after});
    QVERIFY(ok && ok->has_push_ack());
    QCOMPARE(ok->push_ack().watermark(), after.device_seq());
    QCOMPARE(m_server.query(QStringLiteral("SELECT head_teacher FROM classes WHERE id = ?"),
                            {QString::fromStdString(row)}).toString(), QStringLiteral("李老师"));
}

void TestServerSync::concurrentWrites_mergeByField_andRecordConflicts()
{
    const std::string row = newClass(m_a1, "四(1)班");
    QVERIFY(!row.empty());
    pullAll(m_a2, 500);  // a2 has seen the row
    const std::uint64_t a2Base = m_a2.cursor;
    pullAll(m_a1, 500);

    auto teacherA1 = m_a1.change("classes", row);
    setText(teacherA1, "head_teacher", "李老师");
    QCOMPARE(push(m_a1, {teacherA1})->push_ack().conflicts_size(), 0);

    // a2 has not pulled a1's change: another field merges cleanly...
    auto nameA2 = m_a2.change("classes", row);
    setText(nameA2, "name", "四(2)班");
    QCOMPARE(push(m_a2, {nameA2})->push_ack().conflicts_size(), 0);
    // ...the same field is a conflict; the later stamp wins, the loser is kept.
    auto teacherA2 = m_a2.change("classes", row);
    setText(teacherA2, "head_teacher", "王老师");
    QCOMPARE(teacherA2.base_cursor(), a2Base);
    const auto ack = push(m_a2, {teacherA2});
    QVERIFY(ack && ack->has_push_ack());
    QCOMPARE(ack->push_ack().conflicts_size(), 1);
    const auto &conflict = ack->push_ack().conflicts(0);
    QCOMPARE(conflict.field(), std::string("head_teacher"));
    QCOMPARE(conflict.winner().text(), std::string("王老师"));
    QCOMPARE(conflict.loser().text(), std::string("李老师"));
    QCOMPARE(conflict.loser_hlc().device(), m_a1.id.deviceId);
    QCOMPARE(conflict.device_seq(), teacherA2.device_seq());

    // a1, also without pulling, writes with an older stamp: it loses, and that is kept too.
    auto stale = m_a1.change("classes", row, -60000);
    setText(stale, "head_teacher", "赵老师");
    const auto staleAck = push(m_a1, {stale});
    QCOMPARE(staleAck->push_ack().conflicts_size(), 1);
    QCOMPARE(staleAck->push_ack().conflicts(0).winner().text(), std::string("王老师"));
    QCOMPARE(staleAck->push_ack().conflicts(0).loser().text(), std::string("赵老师"));

    const QVariantList id{QString::fromStdString(row)};
    QCOMPARE(m_server.query(QStringLiteral("SELECT name FROM classes WHERE id = ?"), id).toString(),
             QStringLiteral("四(2)班"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT head_teacher FROM classes WHERE id = ?"), id).toString(),
             QStringLiteral("王老师"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM conflicts WHERE row_id = ?"), id).toInt(), 2);

    // After pulling, a1's write is no longer concurrent: no conflict.
    pullAll(m_a1, 500);
    auto informed = m_a1.change("classes", row);
    setText(informed, "head_teacher", "陈老师");
    QCOMPARE(push(m_a1, {informed})->push_ack().conflicts_size(), 0);
}

void TestServerSync::rejection_data()
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

void TestServerSync::rejection()
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
    const auto ack = push(m_a1, {c});
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

void TestServerSync::otherSchoolsRow_refusedAndAudited()
{
    const std::string row = newClass(m_b1, "六(1)班");
    QVERIFY(!row.empty());
    auto c = m_a1.change("classes", row);
    setText(c, "head_teacher", "冒名者");
    const auto ack = push(m_a1, {c});
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
    Device fresh = enroll(ServerFixture::kSchoolA);
    QVERIFY(fresh.client);
    for (const auto &r : pullAll(fresh, 500))
        QVERIFY(r.table() == "schools" || r.school_id() == m_a1.id.schoolId);
}

void TestServerSync::pull_pagesAndResumesAfterCut()
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
    QCOMPARE(push(m_b1, changes)->push_ack().watermark(), m_b1.seq);

    Device reader = enroll(ServerFixture::kSchoolB);
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
    for (const auto &r : pullAll(reader, 10)) {
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

void TestServerSync::sigtermDuringBatch_leavesStoreConsistent()
{
    const QString device = QString::fromStdString(m_a1.id.deviceId);
    const qint64 before = m_server.query(QStringLiteral("SELECT seq FROM watermarks WHERE device_id = ?"), {device})
                              .toLongLong();
    std::vector<wire::Change> changes;
    for (int i = 0; i < 3000; ++i) {
        auto c = m_a1.change("classes", sync::newUuidV7());
        setInt(c, "grade", 1 + i % 9);
        setText(c, "name", "批量" + std::to_string(i));
        setText(c, "head_teacher", "SIGTERM");
        changes.push_back(c);
    }
    wire::Envelope e = batch(changes);
    e.set_request_id(777);
    QVERIFY(m_a1.client->sendRaw(*codec::encodeFrame(e)));
    QTest::qWait(20);
    QCOMPARE(m_server.stop(15), 0);  // a clean exit, not a crash

    const qint64 after = m_server.query(QStringLiteral("SELECT seq FROM watermarks WHERE device_id = ?"), {device})
                             .toLongLong();
    const int rows = m_server.query(QStringLiteral("SELECT count(*) FROM classes WHERE head_teacher = 'SIGTERM'")).toInt();
    // All or nothing: the batch is one transaction, and the watermark moved with it.
    QVERIFY2((after == before && rows == 0) || (after == before + 3000 && rows == 3000),
             qPrintable(QStringLiteral("watermark %1 -> %2, rows %3").arg(before).arg(after).arg(rows)));
    QCOMPARE(m_server.query(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    qInfo("batch in hand at SIGTERM was %s", after == before ? "not yet read" : "finished and committed");
}

QTEST_GUILESS_MAIN(TestServerSync)
#include "tst_server_sync.moc"
