#pragma once

#include "store/Result.h"

#include <QJsonValue>
#include <QString>

namespace emis::client::cli {

// Beyond the error kinds of Result.h: the command did its work, but something waits for a person
// (a sync brought rejections or conflicts).
inline constexpr int kExitNeedsAttention = 6;

// Everything emis-cli prints goes through here: data to stdout (as JSON with --json, else text),
// errors to stderr. The exit code is the error's kind (see Result.h).
class Output {
public:
    explicit Output(bool json) : m_json(json) {}
    bool json() const { return m_json; }

    void text(const QString &line) const;        // only without --json
    void data(const QJsonValue &value) const;    // only with --json
    int fail(const Error &error) const;          // prints, returns the exit code

private:
    bool m_json;
};

} // namespace emis::client::cli
