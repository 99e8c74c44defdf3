// The enrollment wizard tells the clerk in words why enrollment did not work: a wrong, used or
// expired code, an unreachable server, a mistyped code; and it never blocks the window meanwhile.
#include "EnrollWizard.h"
#include "UiLanguage.h"

#include <QLineEdit>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;

class TestSchoolEnroll : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void errorKinds_becomePlainSentences_data();
    void errorKinds_becomePlainSentences();
    void unreachableServer_isSaidSo_andTheWizardStays();
    void mistypedCode_isSaidSo();
};

void TestSchoolEnroll::errorKinds_becomePlainSentences_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected");
    const int refused = int(client::ErrorKind::Refused);
    QTest::addRow("unknown") << refused << QStringLiteral("enroll_code_unknown") << QStringLiteral("code is wrong");
    QTest::addRow("used") << refused << QStringLiteral("enroll_code_used") << QStringLiteral("already been used");
    QTest::addRow("expired") << refused << QStringLiteral("enroll_code_expired") << QStringLiteral("has expired");
    QTest::addRow("offline") << int(client::ErrorKind::Offline) << QStringLiteral("offline") << QStringLiteral("cannot be reached");
}

void TestSchoolEnroll::errorKinds_becomePlainSentences()
{
    QFETCH(int, kind);
    QFETCH(QString, code);
    QFETCH(QString, expected);
    const client::Error e = client::makeError(client::ErrorKind(kind), QStringLiteral("x"), code);
    QVERIFY2(school::EnrollWizard::explain(e, QStringLiteral("h:1")).contains(expected),
             qPrintable(school::EnrollWizard::explain(e, QStringLiteral("h:1"))));
}

void TestSchoolEnroll::unreachableServer_isSaidSo_andTheWizardStays()
{
    QTcpServer probe;  // a port that was free a moment ago: nobody listens there now
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    QTemporaryDir dir;
    school::EnrollWizard wizard(dir.path());
    wizard.show();
    QTest::keyClicks(wizard.findChild<QLineEdit *>(QStringLiteral("server")), QStringLiteral("127.0.0.1:%1").arg(port));
    QTest::keyClicks(wizard.findChild<QLineEdit *>(QStringLiteral("code")),
                     QStringLiteral("ABCD-EFGH-JKLM.0123456789abcdef0123456789abcdef"));
    wizard.next();
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.busy(), 30000);
    QVERIFY2(wizard.errorShown().contains(QStringLiteral("cannot be reached")), qPrintable(wizard.errorShown()));
    QCOMPARE(wizard.currentId(), wizard.startId());
}

void TestSchoolEnroll::mistypedCode_isSaidSo()
{
    QTemporaryDir dir;
    school::EnrollWizard wizard(dir.path());
    wizard.show();
    QTest::keyClicks(wizard.findChild<QLineEdit *>(QStringLiteral("server")), QStringLiteral("127.0.0.1:9"));
    QTest::keyClicks(wizard.findChild<QLineEdit *>(QStringLiteral("code")), QStringLiteral("not a code"));
    wizard.next();
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.busy(), 30000);
    QVERIFY2(wizard.errorShown().contains(QStringLiteral("Check what you typed")), qPrintable(wizard.errorShown()));
}

QTEST_MAIN(TestSchoolEnroll)
#include "tst_school_enroll.moc"
