// emis-school: the school clerk's desktop program. Everything lives in emis_school_ui; this
// reads the command line, sets up translations and opens enrollment or the main window.
#include "EnrollWizard.h"
#include "MainWindow.h"
#include "SchoolSession.h"
#include "Translations.h"
#include "UiLanguage.h"
#include "sync/SyncEngine.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

#include <memory>

int main(int argc, char *argv[])
{
    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CountyEMIS"));
    QApplication::setApplicationName(QStringLiteral("emis-school"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    QCommandLineParser args;
    args.addHelpOption();
    args.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("The device's data folder."),
                                     QStringLiteral("DIR"),
                                     QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("zh_CN or en (default: the system's)."),
                                  QStringLiteral("LANG"));
    args.addOption(dataDir);
    args.addOption(lang);
    args.process(app);

    QSettings settings;
    const QString wanted = args.isSet(lang) ? args.value(lang) : settings.value(QStringLiteral("ui/language")).toString();
    emis::school::setUiLanguage(emis::i18n::installTranslations(app, wanted));

    const QString dir = args.value(dataDir);
    auto session = emis::school::SchoolSession::open(dir);
    if (!session) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "CountyEMIS"), session.error().message);
        return 1;
    }
    if (!(*session)->identity().enrolled()) {
        session = emis::client::Error{};  // enrollment opens its own connection; reopen after it
        emis::school::EnrollWizard wizard(dir);
        if (wizard.exec() != QDialog::Accepted)
            return 0;
        session = emis::school::SchoolSession::open(dir);
        if (!session) {
            QMessageBox::critical(nullptr, QApplication::translate("main", "CountyEMIS"), session.error().message);
            return 1;
        }
    }
    // Sync runs on its own thread; every 10 minutes and whenever the clerk asks.
    emis::client::SyncEngine engine(dir, QStringLiteral("emis-school"));
    engine.setInterval(10 * 60 * 1000);
    emis::school::MainWindow window(**session, &engine);
    window.show();
    engine.syncNow();
    return app.exec();
}
