// emis-bureau: the education bureau's reporting workstation. Everything lives in emis_bureau;
// this reads the command line, sets up translations, asks for the login and opens the window.
#include "BureauClient.h"
#include "BureauWindow.h"
#include "LoginDialog.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

int main(int argc, char *argv[])
{
    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CountyEMIS"));
    QApplication::setApplicationName(QStringLiteral("emis-bureau"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    QCommandLineParser args;
    args.addHelpOption();
    args.addVersionOption();
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("zh_CN or en (default: the system's)."),
                                  QStringLiteral("LANG"));
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("The county server, HOST:PORT."),
                                    QStringLiteral("HOST:PORT"));
    args.addOption(lang);
    args.addOption(server);
    args.process(app);

    QSettings settings;
    const QString wanted = args.isSet(lang) ? args.value(lang) : settings.value(QStringLiteral("ui/language")).toString();
    emis::i18n::installTranslations(app, wanted);
    if (args.isSet(server))
        settings.setValue(QStringLiteral("login/server"), args.value(server));

    emis::bureau::BureauClient client;
    emis::bureau::LoginDialog login(client);
    if (login.exec() != QDialog::Accepted)
        return 0;
    emis::bureau::BureauWindow window(client);
    window.show();
    window.refreshAll();
    return app.exec();
}
