// Schema evolution through the real programs: emis-server-next and emis-cli-next are today's
// programs on the next schema version (a new table 成长记录 `notes`, a new field 小名 on pupils;
// common/schema/Tables.cpp with EMIS_SCHEMA_NEXT). An old client keeps syncing with the newer
// server: it pushes what it knows, nothing of its is refused for being old, and the fields it does
// not know are kept on the server. What it pulled and could not hold is parked, and after the
// device upgrades (emis-cli-next on the same data directory) every skipped row and field is
// there, exactly once.
#include "CliRunner.h"
#include "ServerFixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestClientUpgrade : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void oldClient_keepsSyncing_newFieldsKeptOnServer();
    void upgradedClient_receivesSkippedRowsAndFields_once();
    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

private:
    static QJsonObject rowById(const QJsonArray &rows, const QString &id);

    ServerFixture m_server;
    QTemporaryDir m_dirs;
    std::unique_ptr<CliRunner> m_new, m_old;
    QString m_pupil, m_note;
};

QJsonObject TestClientUpgrade::rowById(const QJsonArray &rows, const QString &id)
{
    for (const auto &v : rows)
        if (v.toObject().value(QStringLiteral("id")).toString() == id)
            return v.toObject();
    return {};
}

void TestClientUpgrade::initTestCase()
{
    QVERIFY(QFile::exists(CliRunner::binary(QStringLiteral("emis-cli-next"))));
    QVERIFY(m_server.init());
    m_server.useProgram("emis-server-next");
    QVERIFY(m_server.start());
    m_new = std::make_unique<CliRunner>(m_dirs.filePath(QStringLiteral("new")), QStringLiteral("emis-cli-next"));
    m_old = std::make_unique<CliRunner>(m_dirs.filePath(QStringLiteral("old")));
    for (auto *d : {m_new.get(), m_old.get()}) {
        const auto r = d->run({QStringLiteral("enroll"), QStringLiteral("--server"),
                               QStringLiteral("127.0.0.1:%1").arg(m_server.port()), QStringLiteral("--code"),
                               m_server.enrollCode(QLatin1String(ServerFixture::kSchoolA))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
}

void TestClientUpgrade::oldClient_keepsSyncing_newFieldsKeptOnServer()
{
    // The old device registers a pupil; the new one adds what only the new schema has.
    auto added = m_old->run(QStringList{QStringLiteral("--json"), QStringLiteral("add"), QStringLiteral("students")} +
                            pupilSets(41, QStringLiteral("欧阳宝")) +
                            QStringList{QStringLiteral("--set"), QStringLiteral("学籍号=G360429201004100041")});
    QVERIFY2(added.exitCode == 0, qPrintable(added.out + added.err));
    m_pupil = added.json().object().value(QStringLiteral("id")).toString();
    QCOMPARE(m_old->run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(m_new->run({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(m_new->run({QStringLiteral("edit"), QStringLiteral("students"), m_pupil, QStringLiteral("--set"),
                         QStringLiteral("小名=宝宝")})
                 .exitCode,
             0);
    const auto note = m_new->run({QStringLiteral("--json"), QStringLiteral("add"), QStringLiteral("notes"), QStringLiteral("--set"),
                                  QStringLiteral("学生=G360429201004100041"), QStringLiteral("--set"),
                                  QStringLiteral("日期=2026-05-04"), QStringLiteral("--set"), QStringLiteral("内容=朗诵比赛一等奖")});
    QVERIFY2(note.exitCode == 0, qPrintable(note.out + note.err));
    m_note = note.json().object().value(QStringLiteral("id")).toString();
    QCOMPARE(m_new->run({QStringLiteral("sync")}).exitCode, 0);

    // The old device pulls rows it cannot hold, and keeps working: an edit and a new pupil of its
    // own are accepted, and the field it does not know stays as the new device wrote it.
    const auto pulled = m_old->run({QStringLiteral("sync")});
    QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.out + pulled.err));
    QCOMPARE(m_old->run({QStringLiteral("list"), QStringLiteral("notes")}).exitCode, 2);
    QCOMPARE(m_old->run({QStringLiteral("edit"), QStringLiteral("students"), m_pupil, QStringLiteral("--set"),
                         QStringLiteral("家庭住址=城关镇解放路1号")})
                 .exitCode,
             0);
    QCOMPARE(m_old->run(QStringList{QStringLiteral("add"), QStringLiteral("students")} + pupilSets(42, QStringLiteral("欧阳贝")))
                 .exitCode,
             0);
    const auto pushed = m_old->run({QStringLiteral("--json"), QStringLiteral("sync")});
    QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.out + pushed.err));
    QCOMPARE(pushed.json().object().value(QStringLiteral("rejections")).toInt(), 0);
    QCOMPARE(m_server.query(QStringLiteral("SELECT nickname FROM students WHERE id = ?"), {m_pupil}).toString(),
             QStringLiteral("宝宝"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT address FROM students WHERE id = ?"), {m_pupil}).toString(),
             QStringLiteral("城关镇解放路1号"));
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM students")).toInt(), 2);
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM rejections")).toInt(), 0);
}

void TestClientUpgrade::upgradedClient_receivesSkippedRowsAndFields_once()
{
    // The same data directory, now run by the upgraded program.
    const CliRunner upgraded(m_old->dataDir(), QStringLiteral("emis-cli-next"));
    const auto notes = upgraded.run({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("notes")});
    QVERIFY2(notes.exitCode == 0, qPrintable(notes.out + notes.err));
    QCOMPARE(notes.json().array().size(), 1);
    const QJsonObject note = rowById(notes.json().array(), m_note);
    QCOMPARE(note.value(QStringLiteral("text")).toString(), QStringLiteral("朗诵比赛一等奖"));
    QCOMPARE(note.value(QStringLiteral("student_id")).toString(), m_pupil);
    const QJsonObject pupil =
        rowById(upgraded.run({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("students")}).json().array(), m_pupil);
    QCOMPARE(pupil.value(QStringLiteral("nickname")).toString(), QStringLiteral("宝宝"));
    QCOMPARE(pupil.value(QStringLiteral("address")).toString(), QStringLiteral("城关镇解放路1号"));

    // Once: nothing is left parked, nothing goes back to the server, a sync and another start
    // change nothing.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("upgraded"));
        db.setDatabaseName(m_old->dataDir() + QStringLiteral("/store.db"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM parked_rows")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM notes")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("upgraded"));
    const auto sync = upgraded.run({QStringLiteral("--json"), QStringLiteral("sync")});
    QVERIFY2(sync.exitCode == 0, qPrintable(sync.out + sync.err));
    QCOMPARE(sync.json().object().value(QStringLiteral("pushed")).toInt(), 0);
    QCOMPARE(upgraded.run({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("notes")}).json().array().size(), 1);
    QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM notes")).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestClientUpgrade)
#include "tst_client_upgrade.moc"
