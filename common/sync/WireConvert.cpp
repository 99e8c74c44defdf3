#include "sync/WireConvert.h"

#include "emis.pb.h"

namespace emis::sync {

using schema::FieldType;

void toWire(const std::string &field, const Value &value, wire::FieldValue &out)
{
    out.set_field(field);
    struct Visitor {
        wire::FieldValue &out;
        void operator()(std::monostate) const { out.set_null(true); }
        void operator()(const std::string &s) const { out.set_text(s); }
        void operator()(std::int64_t i) const { out.set_integer(i); }
        void operator()(double d) const { out.set_real(d); }
        void operator()(const Bytes &b) const { out.set_blob(std::string(b.begin(), b.end())); }
    };
    std::visit(Visitor{out}, value);
}

Value fromWire(const wire::FieldValue &in)
{
    switch (in.value_case()) {
    case wire::FieldValue::kText: return in.text();
    case wire::FieldValue::kInteger: return std::int64_t{in.integer()};
    case wire::FieldValue::kReal: return in.real();
    case wire::FieldValue::kBlob: return Bytes(in.blob().begin(), in.blob().end());
    case wire::FieldValue::kNull:
    case wire::FieldValue::VALUE_NOT_SET: return Value{};
    }
    return Value{};
}

void toWire(const Hlc &hlc, wire::Hlc &out)
{
    out.set_physical_ms(hlc.physicalMs);
    out.set_counter(hlc.counter);
    out.set_device(hlc.device);
}

Hlc fromWire(const wire::Hlc &in) { return Hlc{in.physical_ms(), in.counter(), in.device()}; }

std::optional<Value> coerceToField(const schema::Field &field, Value value)
{
    if (isNull(value))
        return value;
    switch (field.type) {
    case FieldType::Text:
    case FieldType::Ref:
    case FieldType::Date:
    case FieldType::YearMonth:
    case FieldType::Code:
        if (std::holds_alternative<std::string>(value))
            return value;
        return std::nullopt;
    case FieldType::Integer:
    case FieldType::Bool:
        if (std::holds_alternative<std::int64_t>(value))
            return value;
        return std::nullopt;
    case FieldType::Real:
        if (const auto *i = std::get_if<std::int64_t>(&value))
            return Value{static_cast<double>(*i)};
        if (std::holds_alternative<double>(value))
            return value;
        return std::nullopt;
    case FieldType::Blob:
        if (std::holds_alternative<Bytes>(value))
            return value;
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace emis::sync
