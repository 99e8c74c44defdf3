#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace emis::i18n {
namespace {
QString g_installed = QStringLiteral("zh_CN");
}

QString installedLanguage() { return g_installed; }

QString installTranslations(QCoreApplication &app, const QString &language)
{
    QString lang = language;
    if (lang.isEmpty())
        lang = QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
    g_installed = lang;
    if (lang == QLatin1String("en"))
        return lang;  // the sources are English
    auto *ours = new QTranslator(&app);
    if (ours->load(QStringLiteral(":/i18n/emis_") + lang))
        QCoreApplication::installTranslator(ours);
    // Qt's own strings (standard buttons, file dialogs), when the system has them.
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_") + lang, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return lang;
}

} // namespace emis::i18n
