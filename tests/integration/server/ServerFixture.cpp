#include "ServerFixture.h"

#include "TestClient.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QUuid>

namespace {

QString binary(const char *name) { return QStringLiteral(EMIS_BINARY_DIR "/server/") + QLatin1String(name); }

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QByteArray bioBytes(BIO *bio)
{
    char *p = nullptr;
    const long n = BIO_get_mem_data(bio, &p);
    return QByteArray(p, static_cast<qsizetype>(n));
}

} // namespace

std::pair<QByteArray, QByteArray> makeKeyAndCsr(const std::string &commonName)
{
    EVP_PKEY *key = EVP_EC_gen("P-256");
    X509_REQ *req = X509_REQ_new();
    X509_REQ_set_version(req, 0);
    X509_NAME *name = X509_REQ_get_subject_name(req);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(commonName.c_str()),
                               -1, -1, 0);
    X509_REQ_set_pubkey(req, key);
    X509_REQ_sign(req, key, EVP_sha256());
    BIO *keyBio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(keyBio, key, nullptr, nullptr, 0, nullptr, nullptr);
    BIO *reqBio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509_REQ(reqBio, req);
    auto out = std::make_pair(bioBytes(keyBio), bioBytes(reqBio));
    BIO_free(keyBio);
    BIO_free(reqBio);
    X509_REQ_free(req);
    EVP_PKEY_free(key);
    return out;
}

ServerFixture::ServerFixture()
{
    m_server.setProgram(binary("emis-server"));
    // For a post-mortem: EMIS_KEEP_TEST_DIR=1 keeps the server directory and its log.
    if (qEnvironmentVariableIsSet("EMIS_KEEP_TEST_DIR")) {
        m_dir.setAutoRemove(false);
        qInfo("server directory: %s", qPrintable(m_dir.path()));
    }
}

void ServerFixture::useProgram(const char *name) { m_server.setProgram(binary(name)); }

ServerFixture::~ServerFixture()
{
    if (m_server.state() != QProcess::NotRunning) {
        m_server.kill();
        m_server.waitForFinished(5000);
    }
}

ServerFixture::CtlResult ServerFixture::ctl(QStringList args, const QByteArray &input) const
{
    QProcess p;
    p.start(binary("emisctl"), args);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return CtlResult{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                     QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

bool ServerFixture::init(bool withSchools)
{
    m_port = freePort();
    const auto r = ctl({QStringLiteral("init"), QStringLiteral("--dir"), dir(), QStringLiteral("--listen"),
                        QStringLiteral("127.0.0.1:%1").arg(m_port)});
    if (r.exitCode != 0) {
        qWarning("emisctl init: %s", qPrintable(r.err));
        return false;
    }
    if (!withSchools)
        return true;
    const QString add = QStringLiteral("add");
    for (const auto &[code, name, town] : {std::tuple{kSchoolA, "湖口县第一中学", "双钟镇"},
                                           std::tuple{kSchoolB, "流泗镇中心小学", "流泗镇"}}) {
        const auto s = ctl({QStringLiteral("school"), add, QStringLiteral("--dir"), dir(), QStringLiteral("--code"),
                            QLatin1String(code), QStringLiteral("--name"), QString::fromUtf8(name),
                            QStringLiteral("--type"), QStringLiteral("完全中学"), QStringLiteral("--township"),
                            QString::fromUtf8(town)});
        if (s.exitCode != 0) {
            qWarning("emisctl school add: %s", qPrintable(s.err));
            return false;
        }
    }
    return true;
}

bool ServerFixture::start()
{
    m_server.setArguments({QStringLiteral("--dir"), dir()});
    // A file, not a pipe: a pipe nobody reads would fill up and stall the server's logging.
    m_server.setStandardErrorFile(m_dir.path() + QStringLiteral("/server.log"), QIODevice::Append);
    m_server.start();
    if (!m_server.waitForStarted(10000))
        return false;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 10000) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200)) {
            probe.abort();
            return true;
        }
        if (m_server.state() == QProcess::NotRunning)
            return false;
        QThread::msleep(50);
    }
    return false;
}

bool ServerFixture::setConfig(const QString &key, const QString &value)
{
    QFile f(dir() + QStringLiteral("/emis.conf"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    f.close();
    const QString prefix = key + QLatin1Char('=');
    lines.erase(std::remove_if(lines.begin(), lines.end(), [&](const QString &l) { return l.startsWith(prefix); }),
                lines.end());
    lines.append(prefix + value);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
    return true;
}

QString ServerFixture::serverLog() const
{
    QFile f(m_dir.path() + QStringLiteral("/server.log"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

qint64 ServerFixture::statusKb(const char *key) const
{
    QFile f(QStringLiteral("/proc/%1/status").arg(m_server.processId()));
    if (m_server.state() != QProcess::Running || !f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

int ServerFixture::stop(int signal)
{
    if (m_server.state() == QProcess::NotRunning)
        return m_server.exitCode();
    if (signal == 15)
        m_server.terminate();
    else
        m_server.kill();
    if (!m_server.waitForFinished(20000)) {
        m_server.kill();
        m_server.waitForFinished(5000);
        return -1;
    }
    return m_server.exitStatus() == QProcess::NormalExit ? m_server.exitCode() : -1;
}

QByteArray ServerFixture::caPem() const
{
    QFile f(dir() + QStringLiteral("/ca.pem"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString ServerFixture::enrollCode(const QString &schoolCode) const
{
    const auto r = ctl({QStringLiteral("enroll-code"), QStringLiteral("--dir"), dir(), QStringLiteral("--school"),
                        schoolCode});
    return r.out.trimmed();
}

bool bareConnections(quint16 port, int count, const QString &from, std::vector<std::unique_ptr<QTcpSocket>> &out)
{
    for (int i = 0; i < count; ++i) {
        out.push_back(std::make_unique<QTcpSocket>());
        if (!out.back()->bind(QHostAddress(from)))
            return false;
        out.back()->connectToHost(QHostAddress::LocalHost, port);
    }
    for (auto &s : out)
        s->waitForConnected(5000);
    QTest::qWait(500);
    return true;
}

std::optional<EnrolledDevice> ServerFixture::enroll(const QString &printedCode, std::string *error) const
{
    TestClient c;
    if (!c.connectTo(m_port, caPem()) || !c.hello())
        return std::nullopt;
    auto [key, csr] = makeKeyAndCsr("school-pc");
    emis::wire::Envelope e;
    auto *req = e.mutable_enroll_request();
    req->set_code(printedCode.section(QLatin1Char('.'), 0, 0).toStdString());
    req->set_csr_pem(csr.toStdString());
    req->set_device_name("school-pc");
    const auto reply = c.request(e);
    if (!reply || !reply->has_enroll_response()) {
        if (error)
            *error = reply && reply->has_error() ? reply->error().code() : "no reply";
        return std::nullopt;
    }
    const auto &r = reply->enroll_response();
    return EnrolledDevice{key, QByteArray::fromStdString(r.client_certificate_pem()), r.device_id(), r.school_id()};
}

std::string ServerFixture::schoolId(const QString &code) const
{
    return query(QStringLiteral("SELECT id FROM schools WHERE code = ?"), {code}).toString().toStdString();
}

QVariant ServerFixture::query(const QString &sql, const QVariantList &args) const
{
    const QString name = QUuid::createUuid().toString();
    QVariant result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dir() + QStringLiteral("/emis.db"));
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(sql);
            for (const auto &a : args)
                q.addBindValue(a);
            if (q.exec() && q.next())
                result = q.value(0);
            else if (q.lastError().isValid())
                qWarning("query failed: %s", qPrintable(q.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}
