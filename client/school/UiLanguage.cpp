#include "UiLanguage.h"

#include "schema/CodeTables.h"

namespace emis::school {
namespace {
bool g_chinese = true;
}

void setUiLanguage(const QString &language) { g_chinese = language.startsWith(QLatin1String("zh")); }
bool uiIsChinese() { return g_chinese; }

QString fieldLabel(const schema::Field &field) { return qs(g_chinese ? field.labelZh : field.labelEn); }
QString tableLabel(const schema::Table &table) { return qs(g_chinese ? table.labelZh : table.labelEn); }
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
