#pragma once

#include "emis.pb.h"

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>

#include <memory>
#include <optional>
#include <vector>

class QTcpSocket;

// An enrolled device as a client holds it.
struct EnrolledDevice {
    QByteArray keyPem;
    QByteArray certPem;
    std::string deviceId;
    std::string schoolId;
};

// A county server directory in a QTemporaryDir, made by the real emisctl, served by the real
// emis-server on a free loopback port.
class ServerFixture {
public:
    ServerFixture();
    ~ServerFixture();

    bool init(bool withSchools = true);  // emisctl init, then two schools (kSchoolA, kSchoolB)
    bool start();  // starts emis-server and waits until it accepts
    bool setConfig(const QString &key, const QString &value);  // in emis.conf, before start()
    int stop(int signal = 15);  // returns the exit code
    QProcess &process() { return m_server; }

    struct CtlResult {
        int exitCode = -1;
        QString out;
        QString err;
    };
    CtlResult ctl(QStringList args, const QByteArray &input = {}) const;  // input goes to stdin

    QString dir() const { return m_countyDir.isEmpty() ? m_dir.path() + QStringLiteral("/county") : m_countyDir; }
    // Serves from another county directory from now on (a county restored from a backup).
    void useDir(const QString &countyDir) { m_countyDir = countyDir; }
    // Runs another build of the server from the next start on (emis-server-next: the next schema).
    void useProgram(const char *name);
    // A folder for the test's own files, removed with the fixture.
    QString scratch() const { return m_dir.path(); }
    quint16 port() const { return m_port; }
    QByteArray caPem() const;
    QString serverLog() const;
    // A line of the running server's /proc/PID/status in KiB ("VmRSS", "VmHWM"); -1 when unknown.
    qint64 statusKb(const char *key) const;

    QString enrollCode(const QString &schoolCode) const;  // the printed line
    // Enrolls a new device with a fresh key and CSR; empty result on failure, `error` gets the code.
    std::optional<EnrolledDevice> enroll(const QString &printedCode, std::string *error = nullptr) const;
    std::string schoolId(const QString &code) const;

    // A single value from the store (read-only connection while the server runs).
    QVariant query(const QString &sql, const QVariantList &args = {}) const;

    static constexpr const char *kSchoolA = "3604290001";
    static constexpr const char *kSchoolB = "3604290002";

private:
    QTemporaryDir m_dir;
    QString m_countyDir;
    quint16 m_port = 0;
    QProcess m_server;
};

// `count` TCP connections to the server from the loopback address `from` (127.0.0.x) that never
// say a word, as a flood would make them; false when a socket cannot bind. Waits until they are
// connected and the server has seen them.
bool bareConnections(quint16 port, int count, const QString &from, std::vector<std::unique_ptr<QTcpSocket>> &out);

// A fresh EC P-256 key and a CSR for it, as PEM.
std::pair<QByteArray, QByteArray> makeKeyAndCsr(const std::string &commonName);
