// The users read Chinese: every string the client sources pass through tr() must have a finished
// zh_CN translation. lupdate is run over the sources into a copy of each .ts, so a string added
// to the code but not to the .ts fails here as surely as an unfinished one.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyStringTranslated_data();
    void everyStringTranslated();
};

void TestTranslations::everyStringTranslated_data()
{
    QTest::addColumn<QString>("tsFile");
    const QStringList files = QStringLiteral(EMIS_TS_FILES).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    QVERIFY(!files.isEmpty());
    for (const QString &f : files)
        QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
}

void TestTranslations::everyStringTranslated()
{
    QFETCH(QString, tsFile);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(tsFile).fileName());
    QVERIFY(QFile::copy(tsFile, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(EMIS_SOURCE_DIR));
    QStringList args = QStringLiteral(EMIS_TS_SOURCE_DIRS).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    args << QStringLiteral("-locations") << QStringLiteral("none") << QStringLiteral("-no-obsolete")
         << QStringLiteral("-ts") << copy;
    lupdate.start(QStringLiteral(EMIS_LUPDATE), args);
    QVERIFY(lupdate.waitForFinished(120000));
    QCOMPARE(lupdate.exitCode(), 0);

    QFile f(copy);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&f);
    QString context, source;
    QStringList missing;
    int messages = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            ++messages;
            const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (unfinished || text.trimmed().isEmpty())
                missing << context + QStringLiteral(": ") + source;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 of %2 strings untranslated in %3:\n  %4")
                                               .arg(missing.size())
                                               .arg(messages)
                                               .arg(QFileInfo(tsFile).fileName(), missing.join(QStringLiteral("\n  ")))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
