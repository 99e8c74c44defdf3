// The users read Chinese: every string the client sources pass through tr() must have a finished
// zh_CN translation. lupdate is run over the sources into a copy of each .ts, so a string added
// to the code but not to the .ts fails here as surely as an unfinished one.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyStringTranslated_data();
    void everyStringTranslated();
    void everyLookupFindsItsString_data() { everyStringTranslated_data(); }
    void everyLookupFindsItsString();
};

namespace {

// The text of adjacent C++ string literals ("a" "b"), escapes resolved.
QString literalText(const QString &literals)
{
    static const QRegularExpression one(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\""));
    QString out;
    for (auto it = one.globalMatch(literals); it.hasNext();) {
        const QString body = it.next().captured(1);
        for (qsizetype i = 0; i < body.size(); ++i) {
            if (body[i] != QLatin1Char('\\') || i + 1 == body.size()) {
                out += body[i];
                continue;
            }
            const QChar c = body[++i];
            out += c == QLatin1Char('n') ? QChar(QLatin1Char('\n')) : c == QLatin1Char('t') ? QChar(QLatin1Char('\t')) : c;
        }
    }
    return out;
}

} // namespace

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

// The context a string is looked up in at run time must be the one lupdate filed it under, or
// the translation exists and is never shown. This checks the lookups the compiler does not tie
// to a class: QCoreApplication::translate("context", "text"), and the tr() of files that define
// their own (QString tr(const char *) over one context).
void TestTranslations::everyLookupFindsItsString()
{
    QFETCH(QString, tsFile);
    QFile ts(tsFile);
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QSet<QString> filed;  // context + '\n' + source
    QXmlStreamReader xml(&ts);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("source"))
            filed.insert(context + QLatin1Char('\n') + xml.readElementText());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));

    const QString literals = QStringLiteral("((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*)+)");
    const QRegularExpression helper(
        QStringLiteral("QString\\s+tr\\(const char \\*text\\)\\s*\\{\\s*return QCoreApplication::translate\\(\"([^\"]+)\",\\s*text\\)"));
    const QRegularExpression translate(QStringLiteral("QCoreApplication::translate\\(\\s*\"([^\"]+)\",\\s*") + literals);
    const QRegularExpression helperCall(QStringLiteral("(?<![\\w:.>])tr\\(\\s*") + literals);
    QStringList lost;
    int lookups = 0;
    for (const QString &dir : QStringLiteral(EMIS_TS_SOURCE_DIRS).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        for (QDirIterator it(dir, {QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString code = QString::fromUtf8(f.readAll());
            const auto check = [&](const QString &ctx, const QString &text) {
                ++lookups;
                if (!filed.contains(ctx + QLatin1Char('\n') + text))
                    lost << QDir(dir).relativeFilePath(f.fileName()) + QStringLiteral(": ") + ctx + QStringLiteral(" / ") + text;
            };
            for (auto m = translate.globalMatch(code); m.hasNext();) {
                const auto match = m.next();
                check(match.captured(1), literalText(match.captured(2)));
            }
            const auto own = helper.match(code);
            if (!own.hasMatch())
                continue;
            for (auto m = helperCall.globalMatch(code); m.hasNext();)
                check(own.captured(1), literalText(m.next().captured(1)));
        }
    }
    QVERIFY(lookups > 0);
    QVERIFY2(lost.isEmpty(), qPrintable(QStringLiteral("%1 of %2 lookups find nothing in %3:\n  %4")
                                            .arg(lost.size())
                                            .arg(lookups)
                                            .arg(QFileInfo(tsFile).fileName(), lost.join(QStringLiteral("\n  ")))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
