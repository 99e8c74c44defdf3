#pragma once

#include "schema/Schema.h"
#include "validate/Reason.h"

#include <QString>

namespace emis::school {

// The schema's labels and the validators' sentences are data in two languages, not tr() strings:
// the program picks the one matching the language installed at start-up.
void setUiLanguage(const QString &language);  // "zh_CN" or "en"
bool uiIsChinese();

QString fieldLabel(const schema::Field &field);
QString tableLabel(const schema::Table &table);
QString issueText(const Issue &issue);
// A code table entry's name as the clerk reads it (汉族 / Han).
QString codeName(const schema::Field &field, const QString &code);

inline QString qs(const std::string &s) { return QString::fromStdString(s); }
inline std::string ss(const QString &s) { return s.toStdString(); }

} // namespace emis::school
