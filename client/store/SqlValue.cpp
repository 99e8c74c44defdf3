#include "store/SqlValue.h"

#include <QByteArray>

namespace emis::client {

QString qs(const std::string &s) { return QString::fromStdString(s); }
std::string ss(const QString &s) { return s.toStdString(); }

QVariant toVariant(const Value &value)
{
    struct Visitor {
        QVariant operator()(std::monostate) const { return QVariant(); }
        QVariant operator()(const std::string &s) const { return qs(s); }
        QVariant operator()(std::int64_t i) const { return QVariant(static_cast<qlonglong>(i)); }
        QVariant operator()(double d) const { return d; }
        QVariant operator()(const Bytes &b) const
        {
            return QByteArray(reinterpret_cast<const char *>(b.data()), static_cast<qsizetype>(b.size()));
        }
    };
    return std::visit(Visitor{}, value);
}

Value fromVariant(const schema::Field &field, const QVariant &v)
{
    if (v.isNull())
        return Value{};
    switch (field.type) {
    case schema::FieldType::Integer:
    case schema::FieldType::Bool: return std::int64_t{v.toLongLong()};
    case schema::FieldType::Real: return v.toDouble();
    case schema::FieldType::Blob: {
        const QByteArray b = v.toByteArray();
        return Bytes(b.begin(), b.end());
    }
    default: return ss(v.toString());
    }
}

} // namespace emis::client
