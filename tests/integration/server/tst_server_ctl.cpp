// emisctl's surface, which scripts depend on, and the server limits set in emis.conf:
// init, school add/import/list, enroll-code, backup while serving and restore onto a new directory; handshake and
// idle timeouts and the connection cap.
#include "ServerFixture.h"
#include "TestClient.h"

#include "sync/Uuid.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QTcpSocket>
#include <QTest>

using namespace emis;

namespace {

QStringList args(std::initializer_list<const char *> words, const QString &dir)
{
    QStringList out;
    for (const char *w : words)
        out << QString::fromUtf8(w);
    out << QStringLiteral("--dir") << dir;
    return out;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

} // namespace

class TestServerCtl : public QObject {
    Q_OBJECT

private slots:
    void init_makesCaServerKeyStoreAndConfig();
    void init_refusesToOverwrite();
    void init_wildcardListen_certificateNamesGivenHosts();
    void schoolImport_withAndWithoutBom_keepsGoodRowsListsBadOnes();
    void schoolAdd_duplicateCodeRefused();
    void enrollCode_json_andUnknownSchool();
    void ca_printsTheFingerprintInTheEnrollCodes();
    void backupWhileServing_restoreBringsStoreBack();
    void handshakeIdleAndFrameTimeouts_closeSessions();
    void connectionCap_refusesBeyondLimit();
};

void TestServerCtl::init_makesCaServerKeyStoreAndConfig()
{
    ServerFixture s;
    QVERIFY(s.init());
    const QString d = s.dir();
    for (const char *key : {"/ca.key", "/server.key"})
        QCOMPARE(QFile::permissions(d + QLatin1String(key)) & 0x0077, QFileDevice::Permissions());
    const auto chain = QSslCertificate::fromPath(d + QStringLiteral("/server.pem"));
    QCOMPARE(chain.size(), 2);  // the server's certificate, then the CA's
    const QSslCertificate ca = QSslCertificate::fromPath(d + QStringLiteral("/ca.pem")).value(0);
    QCOMPARE(chain.at(1), ca);
    QCOMPARE(chain.at(0).issuerInfo(QSslCertificate::CommonName), ca.subjectInfo(QSslCertificate::CommonName));
    const auto san = chain.at(0).subjectAlternativeNames();
    QVERIFY(san.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
    QVERIFY(san.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
    QFile conf(d + QStringLiteral("/emis.conf"));
    QVERIFY(conf.open(QIODevice::ReadOnly));
    QVERIFY(conf.readAll().contains(QStringLiteral("listen=127.0.0.1:%1\n").arg(s.port()).toUtf8()));
    QVERIFY(QFile::exists(d + QStringLiteral("/emis.db")));
}

void TestServerCtl::init_refusesToOverwrite()
{
    ServerFixture s;
    QVERIFY(s.init());
    const QByteArray ca = s.caPem();
    QCOMPARE(s.ctl(args({"init"}, s.dir())).exitCode, 1);
    QCOMPARE(s.caPem(), ca);
}

void TestServerCtl::init_wildcardListen_certificateNamesGivenHosts()
{
    ServerFixture s;
    const auto r = s.ctl({QStringLiteral("init"), QStringLiteral("--dir"), s.dir(), QStringLiteral("--listen"),
                          QStringLiteral("0.0.0.0:7443"), QStringLiteral("--san"), QStringLiteral("emis.hukou.local"),
                          QStringLiteral("--san"), QStringLiteral("10.1.2.3")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto san = QSslCertificate::fromPath(s.dir() + QStringLiteral("/server.pem")).value(0).subjectAlternativeNames();
    QVERIFY(san.values(QSsl::DnsEntry).contains(QStringLiteral("emis.hukou.local")));
    QVERIFY(san.values(QSsl::IpAddressEntry).contains(QStringLiteral("10.1.2.3")));
    QVERIFY(san.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
    QVERIFY(!san.values(QSsl::IpAddressEntry).contains(QStringLiteral("0.0.0.0")));
}

void TestServerCtl::schoolImport_withAndWithoutBom_keepsGoodRowsListsBadOnes()
{
    ServerFixture s;
    QVERIFY(s.init());
    QTemporaryDir files;
    const QString withBom = files.filePath(QStringLiteral("bom.csv"));
    QVERIFY(writeFile(withBom, QByteArray("\xEF\xBB\xBF") + "学校标识码,学校名称,办学类型,所在乡镇\r\n"
                                                           "3604290101,\"武山镇中心小学, 分校\",小学,武山镇\r\n"
                                                           "36042901,坏代码小学,小学,武山镇\r\n"
                                                           "3604290102,均桥镇中学,初级中学,均桥镇\r\n"));
    const auto r = s.ctl(QStringList{QStringLiteral("school"), QStringLiteral("import"), QStringLiteral("--dir"), s.dir(),
                                     withBom});
    QCOMPARE(r.exitCode, 3);  // some rows rejected
    QVERIFY2(r.err.contains(QStringLiteral("bom.csv:3:")), qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("invalid_school_code")));

    const QString plain = files.filePath(QStringLiteral("plain.csv"));
    QVERIFY(writeFile(plain, "学校名称,学校标识码,所在乡镇,办学类型\n舜德乡教学点,3604290103,舜德乡,小学教学点\n"));
    const auto r2 = s.ctl(QStringList{QStringLiteral("school"), QStringLiteral("import"), QStringLiteral("--dir"),
                                      s.dir(), plain});
    QVERIFY2(r2.exitCode == 0, qPrintable(r2.err));

    const auto list = s.ctl(QStringList{QStringLiteral("school"), QStringLiteral("list"), QStringLiteral("--dir"),
                                        s.dir(), QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    const QJsonArray schools = QJsonDocument::fromJson(list.out.toUtf8()).array();
    QStringList codes;
    for (const auto &v : schools)
        codes << v.toObject().value(QStringLiteral("code")).toString();
    codes.sort();
    QCOMPARE(codes, (QStringList{QStringLiteral("3604290001"), QStringLiteral("3604290002"),
                                 QStringLiteral("3604290101"), QStringLiteral("3604290102"),
                                 QStringLiteral("3604290103")}));
    for (const auto &v : schools)
        if (v.toObject().value(QStringLiteral("code")).toString() == QLatin1String("3604290101"))
            QCOMPARE(v.toObject().value(QStringLiteral("name")).toString(), QStringLiteral("武山镇中心小学, 分校"));
}

void TestServerCtl::schoolAdd_duplicateCodeRefused()
{
    ServerFixture s;
    QVERIFY(s.init());
    const auto r = s.ctl(QStringList{QStringLiteral("school"), QStringLiteral("add"), QStringLiteral("--dir"), s.dir(),
                                     QStringLiteral("--code"), QLatin1String(ServerFixture::kSchoolA),
                                     QStringLiteral("--name"), QStringLiteral("重名"), QStringLiteral("--type"),
                                     QStringLiteral("小学"), QStringLiteral("--township"), QStringLiteral("双钟镇")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QStringLiteral("duplicate_in_store")));
}

void TestServerCtl::enrollCode_json_andUnknownSchool()
{
    ServerFixture s;
    QVERIFY(s.init());
    const auto r = s.ctl(QStringList{QStringLiteral("enroll-code"), QStringLiteral("--dir"), s.dir(),
                                     QStringLiteral("--school"), QLatin1String(ServerFixture::kSchoolA),
                                     QStringLiteral("--hours"), QStringLiteral("2"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY(o.value(QStringLiteral("code")).toString().contains(QLatin1Char('.')));
    QCOMPARE(o.value(QStringLiteral("school")).toString(), QLatin1String(ServerFixture::kSchoolA));
    const QDateTime expires = QDateTime::fromString(o.value(QStringLiteral("expires")).toString(), Qt::ISODate);
    QVERIFY(expires.isValid());
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 7200) < 120);
    const auto bad = s.ctl(QStringList{QStringLiteral("enroll-code"), QStringLiteral("--dir"), s.dir(),
                                       QStringLiteral("--school"), QStringLiteral("9999999999")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.out.isEmpty());
}

void TestServerCtl::ca_printsTheFingerprintInTheEnrollCodes()
{
    // emis-bureau's first start asks for this fingerprint: the same as after an enroll code's dot.
    ServerFixture s;
    QVERIFY(s.init());
    const auto r = s.ctl(args({"ca", "--json"}, s.dir()));
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QString fingerprint = o.value(QStringLiteral("fingerprint")).toString();
    QCOMPARE(fingerprint.size(), 32);
    QVERIFY(s.enrollCode(QLatin1String(ServerFixture::kSchoolA)).endsWith(QLatin1Char('.') + fingerprint));
    QCOMPARE(o.value(QStringLiteral("file")).toString(), s.dir() + QStringLiteral("/ca.pem"));
    const auto text = s.ctl(args({"ca"}, s.dir()));
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(QStringLiteral("CA fingerprint: ") + fingerprint));
}

void TestServerCtl::backupWhileServing_restoreBringsStoreBack()
{
    ServerFixture s;
    QVERIFY(s.init());
    QVERIFY(s.start());
    const auto device = s.enroll(s.enrollCode(QLatin1String(ServerFixture::kSchoolA)));
    QVERIFY(device);
    TestClient c;
    QVERIFY(c.connectTo(s.port(), s.caPem(), device->certPem, device->keyPem));
    QVERIFY(c.hello());
    auto pushClass = [&](std::uint64_t seq, const std::string &name) {
        wire::Envelope e;
        auto *ch = e.mutable_push_batch()->add_changes();
        ch->set_device_seq(seq);
        ch->set_table("classes");
        ch->set_row_id(sync::newUuidV7());
        ch->mutable_hlc()->set_physical_ms(static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch()));
        ch->mutable_hlc()->set_device(device->deviceId);
        auto *g = ch->add_fields();
        g->set_field("grade");
        g->set_integer(1);
        auto *n = ch->add_fields();
        n->set_field("name");
        n->set_text(name);
        const auto ack = c.request(e);
        return ack && ack->has_push_ack() && ack->push_ack().rejections_size() == 0;
    };
    QVERIFY(pushClass(1, "备份前"));
    QTemporaryDir files;
    const QString backup = files.filePath(QStringLiteral("county.emisbak"));
    const QByteArray passphrase = "a passphrase of the county\n";
    const auto b = s.ctl(QStringList{QStringLiteral("backup"), QStringLiteral("--dir"), s.dir(), backup}, passphrase);
    QVERIFY2(b.exitCode == 0, qPrintable(b.err));
    QVERIFY(pushClass(2, "备份后"));
    c.abort();
    QCOMPARE(s.stop(), 0);

    const QString restored = files.filePath(QStringLiteral("restored"));
    const auto r = s.ctl(QStringList{QStringLiteral("restore"), QStringLiteral("--dir"), restored, backup}, passphrase);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    s.useDir(restored);
    QCOMPARE(s.query(QStringLiteral("SELECT count(*) FROM classes WHERE name = '备份前'")).toInt(), 1);
    QCOMPARE(s.query(QStringLiteral("SELECT count(*) FROM classes WHERE name = '备份后'")).toInt(), 0);
    QCOMPARE(s.query(QStringLiteral("SELECT count(*) FROM audit WHERE action IN ('backup', 'restore')")).toInt(), 1);

    // The restored store serves: the device is known and its watermark is the backup's.
    QVERIFY(s.start());
    TestClient again;
    QVERIFY(again.connectTo(s.port(), s.caPem(), device->certPem, device->keyPem));
    const auto hello = again.hello();
    QVERIFY(hello && hello->has_hello_ack());
    QCOMPARE(hello->hello_ack().watermark(), 1u);
    QCOMPARE(s.stop(), 0);
}

void TestServerCtl::handshakeIdleAndFrameTimeouts_closeSessions()
{
    ServerFixture s;
    QVERIFY(s.init());
    QVERIFY(s.setConfig(QStringLiteral("handshake_timeout_s"), QStringLiteral("1")));
    QVERIFY(s.setConfig(QStringLiteral("idle_timeout_s"), QStringLiteral("2")));
    QVERIFY(s.setConfig(QStringLiteral("io_timeout_s"), QStringLiteral("1")));
    QVERIFY(s.start());
    QElapsedTimer clock;
    clock.start();
    QTcpSocket silent;  // connects and never starts TLS
    silent.connectToHost(QHostAddress::LocalHost, s.port());
    QVERIFY(silent.waitForConnected(5000));
    QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 5000);
    QVERIFY(clock.elapsed() >= 900);

    TestClient idle;  // says hello, then nothing
    QVERIFY(idle.connectTo(s.port(), s.caPem()));
    QVERIFY(idle.hello());
    clock.restart();
    QVERIFY(idle.waitClosed(6000));
    QVERIFY(clock.elapsed() >= 1500);
    QVERIFY(s.serverLog().contains(QStringLiteral("idle timeout")));

    // A frame trickled a byte at a time must still arrive within io_timeout_s.
    TestClient trickle;
    QVERIFY(trickle.connectTo(s.port(), s.caPem()));
    QVERIFY(trickle.hello());
    clock.restart();
    const std::string header("\x00\x00\x01\x00", 4);
    bool closed = false;
    for (int i = 0; i < 40 && !closed; ++i) {
        trickle.sendRaw(i < 4 ? header.substr(static_cast<std::size_t>(i), 1) : std::string("x"));
        closed = trickle.waitClosed(250);
    }
    QVERIFY(closed);
    QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(s.stop(), 0);
}

void TestServerCtl::connectionCap_refusesBeyondLimit()
{
    ServerFixture s;
    QVERIFY(s.init());
    QVERIFY(s.setConfig(QStringLiteral("max_connections"), QStringLiteral("2")));
    QVERIFY(s.start());
    const auto admittedOn = [&](TestClient &c) {
        if (!c.connectTo(s.port(), s.caPem()))
            return false;
        const auto ack = c.hello();
        return ack && ack->has_hello_ack();
    };
    TestClient one, two;
    QVERIFY(admittedOn(one));
    QVERIFY(admittedOn(two));
    TestClient three;
    QVERIFY(!admittedOn(three));  // told server_busy (tst_server_limits)
    QVERIFY(s.serverLog().contains(QStringLiteral("connections open")));
    one.abort();
    // A freed slot is usable again.
    bool admitted = false;
    for (int attempt = 0; attempt < 50 && !admitted; ++attempt) {
        TestClient four;
        admitted = admittedOn(four);
        if (!admitted)
            QTest::qWait(100);
    }
    QVERIFY(admitted);
    QCOMPARE(s.stop(), 0);
}

QTEST_GUILESS_MAIN(TestServerCtl)
#include "tst_server_ctl.moc"
