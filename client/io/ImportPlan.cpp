#include "ImportPlan.h"

#include "CsvExporter.h"
#include "SheetFile.h"
#include "text/TextUtil.h"
#include "validate/DateText.h"
#include "validate/IdNumber.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace emis::io {
namespace {

using RawRecord = std::map<std::string, std::string, std::less<>>;

constexpr int kProgressEvery = 100;

// The text a cell stands for in a field. Spreadsheets store some values in a form only the cell
// type explains: a date whose style was lost is a bare serial number, and a phone number typed
// as a number may come back as 1.7446491023E+10.
std::string cellText(const schema::Field &field, const Cell &cell)
{
    if (cell.kind == CellKind::Number && field.check != schema::Check::IdNumber) {
        bool ok = false;
        const double v = cell.text.toDouble(&ok);
        using T = schema::FieldType;
        if (ok && (field.type == T::Date || field.type == T::YearMonth) && v >= 1 && v < 100000) {
            // A serial day number; 20100409 (a date typed as digits) is left to the date parser.
            if (auto d = validate::dateFromExcelSerial(v))
                return d->toText();
        }
        if (ok && field.type == T::Text && std::floor(v) == v && std::fabs(v) < 1e15)
            return QString::number(static_cast<qlonglong>(v)).toStdString();  // exact: no digit lost
    }
    return cell.text.toStdString();
}

int fieldRank(const schema::Table &table, const Issue &issue)
{
    const int i = table.fieldIndex(issue.field);
    return i < 0 ? int(table.fields.size()) : i;
}

// A spreadsheet that turned an ID number into a number kept only 15 significant digits: the
// number is not wrong, it is gone. Say so, with the fix, instead of "check character wrong".
void flagIdAsNumber(const schema::Table &table, const Cell &cell, std::vector<Issue> &issues)
{
    if (cell.kind != CellKind::Number && !validate::looksLikeNumberMangled(cell.text.toStdString()))
        return;
    if (cell.isEmpty())
        return;
    std::erase_if(issues, [](const Issue &i) { return i.field == "id_number"; });
    issues.push_back(makeIssue(Reason::IdAsNumber, table.field("id_number")));
}

// "key value\x1f..." for a natural key whose every field has a value without an issue.
std::optional<std::string> keyText(const std::vector<std::string> &key, const validate::Record &record,
                                   const std::vector<Issue> &issues)
{
    std::string out;
    for (const auto &name : key) {
        auto it = record.find(name);
        if (it == record.end() || isNull(it->second))
            return std::nullopt;
        const std::string v = displayText(it->second);
        if (v.empty() || std::any_of(issues.begin(), issues.end(), [&](const Issue &i) { return i.field == name; }))
            return std::nullopt;
        out += v;
        out += '\x1f';
    }
    return out;
}

// Who a rejected row is about, so that the clerk finds the person: the name when it has no issue
// of its own (a name with a damaged byte is not shown as the name).

std::string readableName(const validate::Record &record, const std::vector<Issue> &issues)
{
    auto it = record.find("name");
    if (it == record.end() || isNull(it->second) ||
        std::any_of(issues.begin(), issues.end(), [](const Issue &i) { return i.field == "name"; }))
        return {};
    return displayText(it->second);
}

// A bad value is shown as the sheet has it, up to a length a message can hold.
constexpr std::size_t kMaxShownValue = 120;

} // namespace

void RejectedRow::keepValue(const std::string &field, std::string_view cell)
{
    const std::string_view shown = text::trim(cell);
    if (!shown.empty())
        values.insert_or_assign(field, text::clipUtf8(shown, kMaxShownValue));
}

Result<ImportPlan> ImportPlan::build(const Sheet &sheet, const ColumnMapping &mapping, const ImportOptions &options)
{
    if (!mapping.table())
        return Result<ImportPlan>::failure(tr("No table was chosen for the import."));
    const schema::Table &table = *mapping.table();
    // A header the decoder could not read maps to no field: its column would vanish unnoticed.
    for (int c = 0; c < mapping.columnCount(); ++c)
        if (!mapping.field(c) && mapping.header(c).contains(QChar::ReplacementCharacter))
            return Result<ImportPlan>::failure(
                tr("Line %1, column %2: the header \"%3\" holds characters that cannot be read; the file is damaged "
                   "there or in the wrong encoding. Correct the header and import again.")
                    .arg(sheet.header() ? sheet.header()->line : 1)
                    .arg(c + 1)
                    .arg(mapping.header(c)));
    if (const auto missing = mapping.missingRequired(); !missing.empty()) {
        QStringList names;
        for (const auto *f : missing)
            names << QStringLiteral("%1 (%2)").arg(QString::fromStdString(f->labelZh), QString::fromStdString(f->labelEn));
        return Result<ImportPlan>::failure(
            tr("The file has no column for %1. Add the column, or pick the column that holds it.")
                .arg(names.join(QStringLiteral(", "))));
    }
    const int idColumn = mapping.columnOf("id_number");
    std::vector<std::map<std::string, int>> seen(table.naturalKeys.size());  // key text -> first line

    // A reference named by several columns (姓名, 工号): the first feeds the field, the others
    // travel beside it.
    std::vector<std::pair<const schema::Field *, QList<int>>> alsoNaming;
    for (const auto &f : table.fields)
        if (QList<int> more = mapping.alsoNaming(f.name); !more.isEmpty())
            alsoNaming.emplace_back(&f, std::move(more));

    ImportPlan plan;
    const int total = sheet.dataRowCount();
    for (int i = 0; i < total; ++i) {
        if (options.cancel && options.cancel->load(std::memory_order_relaxed))
            return Result<ImportPlan>::failure(tr("The import was cancelled; nothing was changed."));
        if (options.progress && i % kProgressEvery == 0)
            options.progress(i, total);
        const SheetRow &row = sheet.dataRow(i);
        RawRecord raw;
        std::set<std::string> given;
        for (int c = 0; c < mapping.columnCount(); ++c) {
            const schema::Field *f = mapping.field(c);
            if (!f)
                continue;
            const std::string t = c < row.cells.size() ? cellText(*f, row.cells[c]) : std::string();
            if (!text::trim(t).empty())
                given.insert(f->name);
            raw.emplace(f->name, t);
        }
        std::map<std::string, std::vector<std::string>, std::less<>> alsoNamedBy;
        for (const auto &[f, columns] : alsoNaming) {
            std::vector<std::string> texts;
            for (int c : columns)
                if (c < row.cells.size())
                    if (std::string t = cellText(*f, row.cells[c]); !text::trim(t).empty())
                        texts.push_back(std::move(t));
            if (texts.empty())
                continue;
            std::string &main = raw[f->name];
            if (text::trim(main).empty()) {  // 姓名 left blank, 工号 given
                main = texts.front();
                texts.erase(texts.begin());
                given.insert(f->name);
            }
            if (!texts.empty())
                alsoNamedBy.emplace(f->name, std::move(texts));
        }
        if (given.empty())
            continue;  // nothing in any imported column: a note beside the table, not a pupil

        auto normalized = validate::normalizeRecord(table, raw);
        std::vector<Issue> &issues = normalized.issues;
        if (idColumn >= 0 && idColumn < row.cells.size())
            flagIdAsNumber(table, row.cells[idColumn], issues);
        for (std::size_t k = 0; k < table.naturalKeys.size(); ++k) {
            const auto &key = table.naturalKeys[k];
            auto text = keyText(key, normalized.values, issues);
            if (!text)
                continue;
            // A reference is the row all its columns name: two 张伟 with their 工号 are two people.
            for (const auto &name : key)
                if (auto more = alsoNamedBy.find(name); more != alsoNamedBy.end())
                    for (const auto &t : more->second)
                        *text += t + '\x1f';
            const auto [it, first] = seen[k].emplace(*text, row.line);
            if (!first)
                issues.push_back(makeIssue(Reason::DuplicateInFile, table.field(key.back()), std::to_string(it->second)));
        }
        std::stable_sort(issues.begin(), issues.end(),
                         [&](const Issue &a, const Issue &b) { return fieldRank(table, a) < fieldRank(table, b); });
        if (issues.empty())
            plan.accepted.push_back({row.line, std::move(normalized.values), std::move(given), std::move(alsoNamedBy)});
        else {
            RejectedRow rejected{row.line, {}, readableName(normalized.values, issues), {}};
            for (const auto &issue : issues)
                if (auto it = raw.find(issue.field); it != raw.end())
                    rejected.keepValue(issue.field, it->second);
            rejected.issues = std::move(issues);
            plan.rejected.push_back(std::move(rejected));
        }
    }
    if (options.progress)
        options.progress(total, total);
    return plan;
}

Result<ImportPlan> ImportPlan::fromFile(const QString &path, const schema::Table &table, int sheetIndex,
                                        const ImportOptions &options)
{
    auto sheet = SheetFile::read(path, sheetIndex);
    if (!sheet)
        return Result<ImportPlan>::failure(sheet.error());
    if (!ColumnMapping::locateHeader(sheet.value(), table))
        return Result<ImportPlan>::failure(
            tr("No header row found in %1: none of the first rows names two columns of %2 (such as %3).")
                .arg(path, QString::fromStdString(table.labelZh),
                     QString::fromStdString(table.fields.front().labelZh + "、" + table.fields[1].labelZh)));
    return build(sheet.value(), ColumnMapping::fromSheet(table, sheet.value()), options);
}

QString ImportPlan::rejectionReport() const
{
    QString out = QStringLiteral("line,reason\r\n");
    for (const auto &row : rejected)
        for (const auto &issue : row.issues)
            out += QString::number(row.line) + u',' + CsvExporter::quoted(QString::fromStdString(issue.text())) +
                   QStringLiteral("\r\n");
    return out;
}

} // namespace emis::io
