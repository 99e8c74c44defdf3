#include "ColumnMapping.h"

#include <QHash>
#include <QMutex>

#include <algorithm>
#include <map>

namespace emis::io {
namespace {

QString fold(const std::string &label) { return ColumnMapping::foldHeader(QString::fromStdString(label)); }

// Folded header -> field index, built once per table. Chinese labels (and field names) first,
// then English labels, then aliases: an alias of one field may be the label of another
// ("联系电话" is an alias of 监护人电话 but, for staff, a field of its own).
QHash<QString, int> buildHeaderIndex(const schema::Table &table)
{
    QHash<QString, int> index;
    const auto add = [&](const std::string &label, int field) {
        const QString key = fold(label);
        if (!key.isEmpty() && !index.contains(key))
            index.insert(key, field);
    };
    for (int i = 0; i < int(table.fields.size()); ++i) {
        add(table.fields[std::size_t(i)].labelZh, i);
        add(table.fields[std::size_t(i)].name, i);
    }
    for (int i = 0; i < int(table.fields.size()); ++i)
        add(table.fields[std::size_t(i)].labelEn, i);
    for (int i = 0; i < int(table.fields.size()); ++i)
        for (const auto &alias : table.fields[std::size_t(i)].aliases)
            add(alias, i);
    return index;
}

const QHash<QString, int> &headerIndex(const schema::Table &table)
{
    // Tables live as long as the program (schema::tables()); the import may run on any thread.
    static QMutex mutex;
    static std::map<const schema::Table *, QHash<QString, int>> cache;
    QMutexLocker lock(&mutex);
    auto it = cache.find(&table);
    if (it == cache.end())
        it = cache.emplace(&table, buildHeaderIndex(table)).first;
    return it->second;
}

} // namespace

QString ColumnMapping::foldHeader(const QString &header)
{
    QString out;
    out.reserve(header.size());
    for (QChar c : header) {
        if (c.isSpace())  // also U+3000 and the line breaks of wrapped header cells
            continue;
        if (c.unicode() >= 0xFF01 && c.unicode() <= 0xFF5E)  // full-width ASCII
            c = QChar(c.unicode() - 0xFF01 + 0x21);
        out += c.toLower();
    }
    while (out.endsWith(u'*'))
        out.chop(1);
    while (out.startsWith(u'*'))
        out.remove(0, 1);
    return out;
}

const schema::Field *ColumnMapping::fieldForHeader(const schema::Table &table, const QString &header)
{
    if (header.isEmpty())
        return nullptr;
    const int i = headerIndex(table).value(foldHeader(header), -1);
    return i < 0 ? nullptr : &table.fields[std::size_t(i)];
}

ColumnMapping::ColumnMapping(const schema::Table &table, const QStringList &headers)
    : m_table(&table), m_headers(headers), m_fieldByColumn(std::size_t(headers.size()), -1),
      m_dropped(std::size_t(headers.size()), false)
{
    for (int c = 0; c < headers.size(); ++c) {
        const schema::Field *f = fieldForHeader(table, headers[c]);
        if (f && columnOf(f->name) < 0)  // the first column with a field's name wins
            m_fieldByColumn[std::size_t(c)] = table.fieldIndex(f->name);
    }
}

ColumnMapping ColumnMapping::fromSheet(const schema::Table &table, const Sheet &sheet)
{
    QStringList headers;
    if (const SheetRow *h = sheet.header())
        for (const Cell &c : h->cells)
            headers.append(c.text);
    while (headers.size() < sheet.columnCount())
        headers.append(QString());
    return ColumnMapping(table, headers);
}

bool ColumnMapping::locateHeader(Sheet &sheet, const schema::Table &table, int maxRows)
{
    for (int i = 0; i < sheet.rows.size() && i < maxRows; ++i) {
        int known = 0;
        for (const Cell &c : sheet.rows[i].cells)
            if (fieldForHeader(table, c.text) && ++known >= 2)
                break;
        if (known >= 2) {
            sheet.setHeaderIndex(i);
            return true;
        }
    }
    return false;
}

const schema::Field *ColumnMapping::field(int column) const
{
    if (!m_table || column < 0 || std::size_t(column) >= m_fieldByColumn.size())
        return nullptr;
    const int f = m_fieldByColumn[std::size_t(column)];
    return f < 0 ? nullptr : &m_table->fields[std::size_t(f)];
}

int ColumnMapping::columnOf(std::string_view fieldName) const
{
    if (!m_table)
        return -1;
    const int f = m_table->fieldIndex(fieldName);
    for (std::size_t c = 0; f >= 0 && c < m_fieldByColumn.size(); ++c)
        if (m_fieldByColumn[c] == f)
            return int(c);
    return -1;
}

int ColumnMapping::mappedCount() const
{
    return int(std::count_if(m_fieldByColumn.begin(), m_fieldByColumn.end(), [](int f) { return f >= 0; }));
}

bool ColumnMapping::setField(int column, std::string_view fieldName)
{
    if (!m_table || column < 0 || std::size_t(column) >= m_fieldByColumn.size())
        return false;
    if (fieldName.empty()) {
        m_fieldByColumn[std::size_t(column)] = -1;
        m_dropped[std::size_t(column)] = true;
        return true;
    }
    const int f = m_table->fieldIndex(fieldName);
    if (f < 0)
        return false;
    for (int &g : m_fieldByColumn)
        if (g == f)
            g = -1;
    m_fieldByColumn[std::size_t(column)] = f;
    m_dropped[std::size_t(column)] = false;
    return true;
}

QList<int> ColumnMapping::alsoNaming(std::string_view fieldName) const
{
    QList<int> out;
    const schema::Field *f = m_table ? m_table->field(fieldName) : nullptr;
    if (!f || f->type != schema::FieldType::Ref || columnOf(fieldName) < 0)
        return out;
    for (int c = 0; c < m_headers.size(); ++c)
        if (m_fieldByColumn[std::size_t(c)] < 0 && !m_dropped[std::size_t(c)] && fieldForHeader(*m_table, m_headers[c]) == f)
            out.append(c);
    return out;
}

QList<int> ColumnMapping::unknownColumns() const
{
    QList<int> out;
    for (int c = 0; c < m_headers.size(); ++c)
        if (m_fieldByColumn[std::size_t(c)] < 0 && !m_headers[c].trimmed().isEmpty()) {
            const schema::Field *f = m_dropped[std::size_t(c)] ? nullptr : fieldForHeader(*m_table, m_headers[c]);
            if (!f || !alsoNaming(f->name).contains(c))
                out.append(c);
        }
    return out;
}

std::vector<const schema::Field *> ColumnMapping::missingRequired() const
{
    std::vector<const schema::Field *> out;
    if (!m_table)
        return out;
    for (const auto &f : m_table->fields)
        if (f.required && f.defaultValue.empty() && columnOf(f.name) < 0)
            out.push_back(&f);
    return out;
}

} // namespace emis::io
