#include "store/RecordRepository.h"

#include "store/RefResolver.h"
#include "store/SqlValue.h"
#include "validate/FieldRules.h"

#include <QCoreApplication>

namespace emis::client {

const schema::Field *RecordRepository::resolveField(const QString &key) const
{
    const std::string k = ss(key.trimmed());
    const std::string lower = ss(key.trimmed().toLower());
    for (const auto &f : m_table.fields) {
        if (f.name == k || f.labelZh == k || ss(qs(f.labelEn).toLower()) == lower)
            return &f;
    }
    for (const auto &f : m_table.fields)
        for (const auto &a : f.aliases)
            if (a == k || ss(qs(a).toLower()) == lower)
                return &f;
    return nullptr;
}

Result<std::map<std::string, std::string, std::less<>>> RecordRepository::byFieldName(const RawFields &raw) const
{
    std::map<std::string, std::string, std::less<>> out;
    for (auto it = raw.begin(); it != raw.end(); ++it) {
        const schema::Field *f = resolveField(it.key());
        if (!f)
            return makeError(ErrorKind::Invalid,
                             QCoreApplication::translate("emis::client::RecordRepository", "%1 has no field called %2.")
                                 .arg(qs(m_table.labelZh), it.key()),
                             QStringLiteral("unknown_field"));
        out[f->name] = ss(it.value());
    }
    return out;
}

Result<SaveOutcome> RecordRepository::add(const RawFields &raw)
{
    auto byName = byFieldName(raw);
    if (!byName)
        return byName.error();
    auto normalized = validate::normalizeRecord(m_table, *byName);
    if (!normalized.issues.empty())
        return invalidRecord(normalized.issues);
    auto unresolved = RefResolver(m_store).resolveAll(m_table, normalized.values);
    if (!unresolved)
        return unresolved.error();
    if (*unresolved)
        return invalidRecord({**unresolved});
    return RecordStore(m_store).save(m_table, QString(), normalized.values);
}

Result<SaveOutcome> RecordRepository::edit(const QString &id, const RawFields &raw, const std::vector<std::string> &alsoSend)
{
    auto byName = byFieldName(raw);
    if (!byName)
        return byName.error();
    validate::Record values;
    std::vector<Issue> issues;
    for (const auto &[name, text] : *byName) {
        const schema::Field *f = m_table.field(name);
        auto v = validate::normalizeField(*f, text);
        if (auto *issue = std::get_if<Issue>(&v))
            issues.push_back(*issue);
        else
            values.emplace(name, std::get<Value>(std::move(v)));
    }
    if (!issues.empty())
        return invalidRecord(issues);
    auto unresolved = RefResolver(m_store).resolveAll(m_table, values);
    if (!unresolved)
        return unresolved.error();
    if (*unresolved)
        return invalidRecord({**unresolved});
    return RecordStore(m_store).save(m_table, id, values, alsoSend);
}

Result<SaveOutcome> RecordRepository::remove(const QString &id) { return RecordStore(m_store).remove(m_table, id); }

Result<std::optional<StoredRow>> RecordRepository::get(const QString &id) const
{
    return RecordStore(m_store).load(m_table, id);
}

Result<std::vector<StoredRow>> RecordRepository::list() const { return RecordStore(m_store).list(m_table); }

} // namespace emis::client
