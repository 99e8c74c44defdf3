#include "CrashScenario.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>
#include <QUuid>


namespace {

// Every row of a query on the server's store (read-only, beside the running server).
QList<QVariantList> serverRows(const QString &dbPath, const QString &sql, const QVariantList &args)
{
    const QString name = QUuid::createUuid().toString();
    QList<QVariantList> out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(sql);
            for (const auto &a : args)
                q.addBindValue(a);
            if (q.exec())
                while (q.next()) {
                    QVariantList row;
                    for (int i = 0; i < q.record().count(); ++i)
                        row << q.value(i);
                    out << row;
                }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

} // namespace

CrashScenario::CrashScenario(quint32 seed, int devices) : m_rng(seed), m_deviceCount(devices) {}

CrashScenario::~CrashScenario() = default;

int CrashScenario::rand(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }

void CrashScenario::problem(const QString &what)
{
    if (m_figures.problems.size() < 20)
        m_figures.problems << what;
}

bool CrashScenario::setUp()
{
    if (!m_server.init() || !m_server.start())
        return false;
    m_proxy = std::make_unique<LoopbackProxy>(m_server.port());
    for (int i = 0; i < m_deviceCount; ++i) {
        Device d;
        d.cli = std::make_unique<CliRunner>(m_dirs.filePath(QStringLiteral("device%1").arg(i)));
        const auto r = d.cli->run({QStringLiteral("enroll"), QStringLiteral("--server"),
                                   QStringLiteral("127.0.0.1:%1").arg(m_proxy->port()), QStringLiteral("--code"),
                                   m_server.enrollCode(QLatin1String(ServerFixture::kSchoolA))});
        if (r.exitCode != 0) {
            problem(QStringLiteral("enroll: ") + r.err);
            return false;
        }
        const auto s = d.cli->run({QStringLiteral("status"), QStringLiteral("--json")}).json().object();
        d.deviceId = s.value(QStringLiteral("device_id")).toString();
        m_devices.push_back(std::move(d));
    }
    return true;
}

void CrashScenario::ensureServer()
{
    if (m_server.process().state() == QProcess::Running)
        return;
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (m_server.start())
            return;
        QThread::msleep(200);
    }
    problem(QStringLiteral("the server did not come back: ") + m_server.serverLog().right(400));
}

void CrashScenario::round()
{
    ++m_figures.rounds;
    Device &d = m_devices[static_cast<std::size_t>(rand(0, m_deviceCount - 1))];
    for (int i = rand(1, 3); i > 0; --i) {
        const int n = ++m_pupils;
        const auto r = d.cli->run(QStringList{QStringLiteral("students"), QStringLiteral("add"), QStringLiteral("--json")} +
                                  pupilSets(n, QStringLiteral("学生%1").arg(n)));
        if (r.exitCode != 0) {
            problem(QStringLiteral("add: ") + r.err);
            continue;
        }
        d.pupils << r.json().object().value(QStringLiteral("id")).toString();
        ++m_figures.saves;
    }
    for (int i = rand(0, 2); i > 0 && !d.pupils.isEmpty(); --i) {
        const QString id = d.pupils.at(rand(0, static_cast<int>(d.pupils.size()) - 1));
        const QString address = QStringLiteral("第%1轮%2号").arg(m_figures.rounds).arg(i);
        const auto r = d.cli->run({QStringLiteral("students"), QStringLiteral("edit"), id, QStringLiteral("--set"),
                                   QStringLiteral("家庭住址=") + address});
        if (r.exitCode != 0) {
            problem(QStringLiteral("edit: ") + r.err);
            continue;
        }
        d.addresses[id] = address;
        ++m_figures.saves;
    }

    const int fault = rand(0, 3);  // 0 none, 1 kill the client, 2 kill the server, 3 cut the connection
    if (fault == 3) {
        m_proxy->cutNextAfter(rand(1, 6000));
        ++m_figures.cuts;
    }
    auto p = d.cli->start({QStringLiteral("sync"), QStringLiteral("--timeout"), QStringLiteral("5"),
                           QStringLiteral("--batch"), QString::number(rand(1, 4))});
    if (fault == 1 || fault == 2) {
        QThread::msleep(static_cast<unsigned long>(rand(0, 120)));
        if (fault == 1) {
            // QProcess::kill is SIGKILL, and only while the process runs: a raw kill() with the
            // pid of a process already reaped (0) would hit this whole process group.
            if (p->state() == QProcess::Running) {
                p->kill();
                ++m_figures.clientKills;
            }
        } else {
            m_server.stop(9);
            ++m_figures.serverKills;
        }
    }
    const CliResult r = CliRunner::finish(*p, 30000);
    m_proxy->disarm();
    // Killed (-1), done (0) or offline (3) are the outcomes a fault may give; anything else is a bug.
    if (r.exitCode != 0 && r.exitCode != 3 && !(fault == 1 && r.exitCode == -1))
        problem(QStringLiteral("sync with fault %1 exited %2: %3").arg(fault).arg(r.exitCode).arg(r.err));
    ensureServer();
}

CrashScenario::Figures CrashScenario::finish()
{
    m_proxy->disarm();
    ensureServer();
    // Two passes, so each device also receives what the others sent in the first.
    for (int pass = 0; pass < 2; ++pass)
        for (auto &d : m_devices) {
            const auto r = d.cli->run({QStringLiteral("sync")});
            if (r.exitCode != 0)
                problem(QStringLiteral("final sync exited %1: %2").arg(r.exitCode).arg(r.err));
        }
    audit();
    return m_figures;
}

void CrashScenario::audit()
{
    const QString db = m_server.dir() + QStringLiteral("/emis.db");
    const QString schoolId = QString::fromStdString(m_server.schoolId(QLatin1String(ServerFixture::kSchoolA)));
    QMap<QString, QString> serverAddress;  // id -> address
    QMap<QString, QString> serverName;
    for (const auto &row : serverRows(db, QStringLiteral("SELECT id, name, coalesce(address, '') FROM students WHERE school_id = ?"), {schoolId})) {
        serverName[row[0].toString()] = row[1].toString();
        serverAddress[row[0].toString()] = row[2].toString();
    }
    for (const auto &row : serverRows(db, QStringLiteral("SELECT count(*) - count(DISTINCT id_number) FROM students"), {}))
        m_figures.doubled += row[0].toInt();

    int expectedRows = 0;
    for (auto &d : m_devices) {
        expectedRows += static_cast<int>(d.pupils.size());
        for (const auto &id : d.pupils)
            if (!serverName.contains(id))
                ++m_figures.lost;
        for (auto it = d.addresses.cbegin(); it != d.addresses.cend(); ++it)
            if (serverAddress.value(it.key()) != it.value())
                ++m_figures.lost;

        const auto s = d.cli->run({QStringLiteral("status"), QStringLiteral("--json")}).json().object();
        const int lastSeq = s.value(QStringLiteral("last_seq")).toInt();
        if (s.value(QStringLiteral("pending")).toInt() != 0)
            problem(QStringLiteral("device %1 still has %2 pending").arg(d.deviceId).arg(s.value(QStringLiteral("pending")).toInt()));
        // The server's push log: each applied range "changes A..B". Every seq once, none twice.
        QMap<int, int> applied;
        static const QRegularExpression range(QStringLiteral("^changes (\\d+)\\.\\.(\\d+)"));
        for (const auto &row : serverRows(db, QStringLiteral("SELECT detail FROM audit WHERE actor = ? AND action = 'push'"), {d.deviceId})) {
            const auto m = range.match(row[0].toString());
            if (m.hasMatch())
                for (int seq = m.captured(1).toInt(); seq <= m.captured(2).toInt(); ++seq)
                    ++applied[seq];
        }
        for (int seq = 1; seq <= lastSeq; ++seq) {
            if (applied.value(seq) == 0)
                ++m_figures.lost;
            else if (applied.value(seq) > 1)
                m_figures.doubled += applied.value(seq) - 1;
        }
        const auto wm = serverRows(db, QStringLiteral("SELECT seq FROM watermarks WHERE device_id = ?"), {d.deviceId});
        if (wm.isEmpty() ? lastSeq != 0 : wm.first().first().toInt() != lastSeq)
            problem(QStringLiteral("device %1: server watermark differs from its last change %2").arg(d.deviceId).arg(lastSeq));

        // The device's store and the server agree on every pupil of the school.
        const QJsonArray local = d.cli->run({QStringLiteral("students"), QStringLiteral("list"), QStringLiteral("--json")}).json().array();
        if (local.size() != serverName.size())
            problem(QStringLiteral("device %1 holds %2 pupils, the server %3").arg(d.deviceId).arg(local.size()).arg(serverName.size()));
        for (const auto &v : local) {
            const QJsonObject o = v.toObject();
            const QString id = o.value(QStringLiteral("id")).toString();
            if (serverName.value(id) != o.value(QStringLiteral("name")).toString() ||
                serverAddress.value(id) != o.value(QStringLiteral("address")).toString())
                problem(QStringLiteral("device %1 and the server differ on pupil %2").arg(d.deviceId, id));
        }
    }
    if (serverName.size() > expectedRows)
        m_figures.doubled += static_cast<int>(serverName.size()) - expectedRows;
}
