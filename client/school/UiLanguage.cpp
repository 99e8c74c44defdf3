#include "UiLanguage.h"

#include "schema/CodeTables.h"

namespace emis::school {
namespace {
bool g_chinese = true;
}

void setUiLanguage(const QString &language) { g_chinese = language.startsWith(QLatin1String("zh")); }
bool uiIsChinese() { return g_chinese; }

namespace {
// The schema's English labels are lowercase (they double as import aliases); headings want a capital.
QString capitalized(QString s)
{
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}
} // namespace

QString fieldLabel(const schema::Field &field) { return g_chinese ? qs(field.labelZh) : capitalized(qs(field.labelEn)); }
QString tableLabel(const schema::Table &table) { return g_chinese ? qs(table.labelZh) : capitalized(qs(table.labelEn)); }
QString issueText(const Issue &issue) { return qs(g_chinese ? issue.zh : issue.en); }

QString codeName(const schema::Field &field, const QString &code)
{
    const schema::CodeTable *t = schema::findCodeTable(field.codeTable);
    if (!t)
        return code;
    const schema::CodeEntry *e = t->byCode(ss(code));
    if (!e)
        return code;
    return qs(g_chinese || e->en.empty() ? e->zh : e->en);
}

} // namespace emis::school
