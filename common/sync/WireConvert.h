#pragma once

#include "schema/Schema.h"
#include "schema/Value.h"
#include "sync/Hlc.h"

#include <optional>

namespace emis::wire {
class FieldValue;
class Hlc;
}

namespace emis::sync {

// Values and stamps to and from their wire form. The schema's field type decides which member
// of FieldValue carries the value.
void toWire(const std::string &field, const Value &value, wire::FieldValue &out);
Value fromWire(const wire::FieldValue &in);
void toWire(const Hlc &hlc, wire::Hlc &out);
Hlc fromWire(const wire::Hlc &in);

// The value read from the wire converted to the field's type where the member sent allows it
// (an integer for a Real field); nullopt when the member does not fit the type.
std::optional<Value> coerceToField(const schema::Field &field, Value value);

} // namespace emis::sync
