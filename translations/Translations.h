#pragma once

#include <QString>

class QCoreApplication;

namespace emis::i18n {

// Installs the program's translation and Qt's own for `language` ("zh_CN", "en"); an empty
// language means the system's: Chinese on a Chinese system, English otherwise. Returns the
// language installed.
QString installTranslations(QCoreApplication &app, const QString &language = {});

} // namespace emis::i18n
