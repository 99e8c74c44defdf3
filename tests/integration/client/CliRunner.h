#pragma once

#include <QJsonDocument>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

// Runs the real emis-cli binary for one data directory (one school device).
struct CliResult {
    int exitCode = -1;  // -1 when it crashed or was killed
    QString out;
    QString err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
};

class CliRunner {
public:
    // `program`: emis-cli, or emis-cli-next (the same program on the next schema version).
    explicit CliRunner(QString dataDir, QString program = QStringLiteral("emis-cli"))
        : m_dataDir(std::move(dataDir)), m_program(std::move(program))
    {
    }
    const QString &dataDir() const { return m_dataDir; }

    CliResult run(const QStringList &args, int timeoutMs = 60000) const;
    // Started, not waited for: the caller may kill it mid-way.
    std::unique_ptr<QProcess> start(const QStringList &args) const;
    static CliResult finish(QProcess &p, int timeoutMs = 60000);

    static QString binary(const QString &program = QStringLiteral("emis-cli"));

private:
    QString m_dataDir;
    QString m_program;
};

class ServerFixture;

// A device enrolled with emis-cli in `dataDir` for `school` (ServerFixture::kSchoolA, ...) of the
// running server; a failed enrollment is logged with the server's log, and the runner returned.
CliRunner enrolledDevice(ServerFixture &server, const QString &dataDir, const char *school);

// A resident ID number with a valid check character for the n-th test pupil (unique per n).
QString testIdNumber(int n, bool male);
// --set arguments for a valid pupil, the n-th of the run.
QStringList pupilSets(int n, const QString &name);
