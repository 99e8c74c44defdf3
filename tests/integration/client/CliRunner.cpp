#include "CliRunner.h"

#include "ServerFixture.h"
#include "validate/IdNumber.h"

#include <QDate>

QString CliRunner::binary(const QString &program) { return QStringLiteral(EMIS_BINARY_DIR "/client/cli/") + program; }

std::unique_ptr<QProcess> CliRunner::start(const QStringList &args) const
{
    auto p = std::make_unique<QProcess>();
    // English messages whatever the machine's locale: the tests read some of them.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("EMIS_LANG"), QStringLiteral("en"));
    p->setProcessEnvironment(env);
    p->start(binary(m_program), QStringList{QStringLiteral("--data-dir"), m_dataDir} + args);
    p->waitForStarted(10000);
    return p;
}

CliResult CliRunner::finish(QProcess &p, int timeoutMs)
{
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
    }
    CliResult r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

CliResult CliRunner::run(const QStringList &args, int timeoutMs) const
{
    auto p = start(args);
    return finish(*p, timeoutMs);
}

CliRunner enrolledDevice(ServerFixture &server, const QString &dataDir, const char *school)
{
    CliRunner d(dataDir);
    const auto r = d.run({QStringLiteral("enroll"), QStringLiteral("--server"),
                          QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("--code"),
                          server.enrollCode(QLatin1String(school))});
    if (r.exitCode != 0)
        qWarning("enroll failed (%d): %s\nserver log: %s", r.exitCode, qPrintable(r.err),
                 qPrintable(server.serverLog().right(2000)));
    return d;
}

QString testIdNumber(int n, bool male)
{
    // Birth dates spread over the years 2010-2019 so every n gives another number.
    const QDate birth = QDate(2010, 1, 1).addDays(n % 3600);
    const int seq = (n / 3600) * 2 + (male ? 1 : 2);
    const std::string first17 =
        "360429" + birth.toString(QStringLiteral("yyyyMMdd")).toStdString() +
        QStringLiteral("%1").arg(seq % 1000, 3, 10, QLatin1Char('0')).toStdString();
    return QString::fromStdString(first17 + emis::validate::idCheckCharacter(first17));
}

QStringList pupilSets(int n, const QString &name)
{
    const bool male = n % 2 == 0;
    const QDate birth = QDate(2010, 1, 1).addDays(n % 3600);
    const QStringList pairs = {
        QStringLiteral("姓名=") + name,
        QStringLiteral("性别=") + (male ? QStringLiteral("男") : QStringLiteral("女")),
        QStringLiteral("出生日期=") + birth.toString(Qt::ISODate),
        QStringLiteral("身份证件号=") + testIdNumber(n, male),
        QStringLiteral("年级=三年级"),
        QStringLiteral("班级=1班"),
    };
    QStringList args;
    for (const auto &p : pairs)
        args << QStringLiteral("--set") << p;
    return args;
}
