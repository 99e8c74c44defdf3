#pragma once

// Small readers shared by the register's services: a field as text, and school names by id.
#include "store/RecordStore.h"
#include "store/SqlValue.h"

#include <QHash>
#include <QString>

namespace emis::client {

inline QString fieldText(const validate::Record &r, const char *name) { return qs(validate::fieldText(r, name)); }

// The county's schools as this device last pulled them: id -> name.
inline QHash<QString, QString> schoolNames(LocalStore &store)
{
    QHash<QString, QString> names;
    if (auto list = RecordStore(store).list(*schema::findTable("schools")))
        for (const auto &s : *list)
            names.insert(s.id, fieldText(s.values, "name"));
    return names;
}

} // namespace emis::client
