#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace emis::client {

// What kind of failure it was. The numbers are emis-cli's exit codes, so scripts can tell an
// unreachable server from a refusal or from bad input.
enum class ErrorKind {
    Other = 1,
    Usage = 2,
    Offline = 3,   // the server could not be reached or the connection broke
    Refused = 4,   // the server said no: bad/used/expired code, revoked, not authenticated
    Invalid = 5,   // the input failed validation
};

struct Error {
    ErrorKind kind = ErrorKind::Other;
    QString message;  // a sentence a person can read
    QString code;     // a stable reason code where there is one (common/validate/Reason.h)
};

inline Error makeError(ErrorKind kind, QString message, QString code = {})
{
    return Error{kind, std::move(message), std::move(code)};
}

// Errors are values: no exception crosses the Qt event loop.
template <typename T>
class Result {
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<0>(m_data); }
    const T &value() const { return std::get<0>(m_data); }
    T &operator*() { return value(); }
    T *operator->() { return &value(); }
    const T &operator*() const { return value(); }
    const T *operator->() const { return &value(); }
    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

struct Ok {};
using Status = Result<Ok>;

} // namespace emis::client
