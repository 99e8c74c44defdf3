#pragma once

#include "schema/Schema.h"
#include "store/Result.h"
#include "validate/Reason.h"
#include "validate/RecordValidator.h"

#include <QHash>
#include <QString>

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace emis::client {

class LocalStore;

// Reference fields as people write them: a sheet or a command line names a pupil by 学籍号,
// 身份证件号, or 姓名 + 班级 (the target table's lookup keys), not by its id; a list shows the
// target's label, not the id. Reads each target table once, from the local store, and keeps it.
class RefResolver {
public:
    explicit RefResolver(LocalStore &store) : m_store(store) {}

    // The id of the row of `field`'s target that `text` names: its id, a one-field lookup key,
    // several key fields written together ("张三 七年级2班"), or its label. An issue when it names
    // no row (ReferenceNotFound) or several (ReferenceAmbiguous).
    // `also`: further texts naming the same row (a sheet's 工号 beside its 姓名): the row is the
    // one all of them name.
    Result<std::variant<std::string, Issue>> resolve(const schema::Field &field, const std::string &text,
                                                     const std::vector<std::string> &also = {});
    // Replaces each Ref field's text in `record` by the id it names; the first issue, if any.
    // `also` holds, per field, the further texts naming its row.
    using AlsoNamed = std::map<std::string, std::vector<std::string>, std::less<>>;
    Result<std::optional<Issue>> resolveAll(const schema::Table &table, validate::Record &record,
                                            const AlsoNamed &also = {});
    // The label of the row `id` of `target`, or the id itself when the row is not here.
    QString label(const schema::Table &target, const QString &id);
    // Every row a reference to `target` may name here, as (label, id), by label: a picker's list.
    Result<std::vector<std::pair<QString, QString>>> choices(const schema::Table &target);

private:
    struct Index {
        QHash<QString, QString> labels;              // id -> label
        std::multimap<std::string, std::string> byKey;  // normalized key text -> id
    };
    Result<const Index *> index(const schema::Table &target);

    LocalStore &m_store;
    std::map<std::string, Index, std::less<>> m_indexes;
    // Labels of rows named but not listed (held by another school now), looked up once: "table/id".
    QHash<QString, QString> m_elsewhere;
};

} // namespace emis::client
