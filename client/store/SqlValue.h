#pragma once

#include "schema/Schema.h"
#include "schema/Value.h"

#include <QVariant>

namespace emis::client {

// Canonical values (common/schema/Value.h) to and from what QtSql binds and reads.
QVariant toVariant(const Value &value);
Value fromVariant(const schema::Field &field, const QVariant &variant);

QString qs(const std::string &s);
std::string ss(const QString &s);

} // namespace emis::client
