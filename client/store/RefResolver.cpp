#include "store/RefResolver.h"

#include "schema/CodeTables.h"
#include "store/RecordStore.h"
#include "store/SqlValue.h"
#include "text/TextUtil.h"
#include "validate/References.h"

#include <algorithm>
#include <set>

namespace emis::client {
namespace {

// Key text compared without spaces, in half-width forms: "张三 七年级 2班" and "张三七年级2班" agree.
std::string normalized(std::string_view text)
{
    std::string out;
    for (char c : text::toHalfWidth(text::trim(text)))
        if (c != ' ' && c != '\t')
            out += c;
    return out;
}

// A key's values as written: codes by their names, joined.
std::string keyText(const schema::Table &t, const std::vector<std::string> &key, const validate::Record &row)
{
    std::string out;
    for (const auto &name : key) {
        const schema::Field *f = t.field(name);
        std::string value = validate::fieldText(row, name);
        if (value.empty())
            return {};
        if (f && !f->codeTable.empty())
            if (const auto *codes = schema::findCodeTable(f->codeTable))
                value = codes->nameOf(value);
        out += value;
    }
    return normalized(out);
}

} // namespace

Result<const RefResolver::Index *> RefResolver::index(const schema::Table &target)
{
    if (auto it = m_indexes.find(target.name); it != m_indexes.end())
        return &it->second;
    auto rows = RecordStore(m_store).list(target);
    if (!rows)
        return rows.error();
    Index ix;
    for (const auto &row : *rows) {
        const std::string id = ss(row.id);
        const std::string label = validate::rowLabel(target, row.values);
        ix.labels.insert(row.id, qs(label));
        std::set<std::string> keys{normalized(id), normalized(label)};
        for (const auto &key : target.lookupKeys)
            if (std::string k = keyText(target, key, row.values); !k.empty())
                keys.insert(k);
        for (const auto &k : keys)
            if (!k.empty())
                ix.byKey.emplace(k, id);
    }
    return &m_indexes.emplace(target.name, std::move(ix)).first->second;
}

Result<std::variant<std::string, Issue>> RefResolver::resolve(const schema::Field &field, const std::string &text,
                                                              const std::vector<std::string> &also)
{
    const schema::Table *target = validate::refTarget(field, {});
    if (!target)
        return std::variant<std::string, Issue>{text};  // a table-named reference: an id already
    auto ix = index(*target);
    if (!ix)
        return ix.error();
    const auto named = [&](const std::string &t) {
        std::set<std::string> ids;
        const auto [from, to] = (*ix)->byKey.equal_range(normalized(t));
        for (auto it = from; it != to; ++it)
            ids.insert(it->second);
        return ids;
    };
    std::set<std::string> ids = named(text);
    std::string shown(text::trim(text));
    for (const auto &more : also) {
        if (text::trim(more).empty())
            continue;
        std::set<std::string> both;
        for (const auto &id : named(more))
            if (ids.count(id))
                both.insert(id);
        ids = std::move(both);
        shown += " / " + std::string(text::trim(more));
    }
    if (ids.size() == 1)
        return std::variant<std::string, Issue>{*ids.begin()};
    return std::variant<std::string, Issue>{
        makeIssue(ids.empty() ? Reason::ReferenceNotFound : Reason::ReferenceAmbiguous, &field, shown)};
}

Result<std::optional<Issue>> RefResolver::resolveAll(const schema::Table &table, validate::Record &record,
                                                     const AlsoNamed &also)
{
    for (const auto &field : table.fields) {
        if (field.type != schema::FieldType::Ref)
            continue;
        auto it = record.find(field.name);
        if (it == record.end() || isNull(it->second))
            continue;
        const auto more = also.find(field.name);
        auto resolved = resolve(field, displayText(it->second), more == also.end() ? std::vector<std::string>{} : more->second);
        if (!resolved)
            return resolved.error();
        if (auto *issue = std::get_if<Issue>(&*resolved))
            return std::optional<Issue>{*issue};
        it->second = std::get<std::string>(*resolved);
    }
    return std::optional<Issue>{};
}

QString RefResolver::label(const schema::Table &target, const QString &id)
{
    auto ix = index(target);
    if (!ix)
        return id;
    if (const QString found = (*ix)->labels.value(id); !found.isEmpty())
        return found;
    // A row this school holds no more, read-only (an asset handed over by a 调拨, a pupil who
    // transferred out) is still named by its label where this school's history names it.
    const QString key = qs(target.name) + QLatin1Char('/') + id;
    if (auto it = m_elsewhere.constFind(key); it != m_elsewhere.cend())
        return *it;
    QString text;
    if (auto row = RecordStore(m_store).load(target, id); row && row->has_value())
        text = qs(validate::rowLabel(target, (*row)->values));
    return m_elsewhere.insert(key, text.isEmpty() ? id : text).value();
}

Result<std::vector<std::pair<QString, QString>>> RefResolver::choices(const schema::Table &target)
{
    auto ix = index(target);
    if (!ix)
        return ix.error();
    std::vector<std::pair<QString, QString>> out;
    out.reserve(std::size_t((*ix)->labels.size()));
    for (auto it = (*ix)->labels.cbegin(); it != (*ix)->labels.cend(); ++it)
        out.emplace_back(it.value(), it.key());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace emis::client
