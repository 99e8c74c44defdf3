#pragma once

#include <QString>

class QCoreApplication;

namespace emis::i18n {

// Installs the program's translation and Qt's own for `language` ("zh_CN", "en"); an empty
// language means the system's: Chinese on a Chinese system, English otherwise. Returns the
// language installed.
QString installTranslations(QCoreApplication &app, const QString &language = {});
// The language installTranslations last installed ("zh_CN" before any call): for data that
// carries both languages (report columns, code names) rather than tr() strings.
QString installedLanguage();
inline bool installedChinese() { return installedLanguage().startsWith(QLatin1String("zh")); }

} // namespace emis::i18n
