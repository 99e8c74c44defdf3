#pragma once

#include "store/Result.h"
#include "sync/ServerConnection.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QSslCertificate>
#include <QString>

#include <memory>

namespace emis::wire {
class Envelope;
}

namespace emis::bureau {

using client::Error;
using client::ErrorKind;
using client::Result;

// Who logged in, as the server says.
struct LoginInfo {
    QString user;
    QString role;         // one of schema::roles()
    QString displayName;
    // As the server decides it (schema/Roles.cpp): 人事股 sees no 批准 button it would be refused.
    bool mayDecide() const;
};

struct Credentials {
    QString server;        // HOST:PORT
    QSslCertificate ca;    // the county CA, pinned (see CaTrust.h)
    QString user;
    QString password;
};

struct EvidenceImage {
    QString id;
    QString fileName;
    QString mimeType;
    QByteArray data;
};

using Params = QMap<QString, QString>;

// A bureau officer's session with the county server, blocking, for one worker thread: TLS that
// trusts only the county CA (no client certificate), Hello, a password login, then requests.
// When the server has closed an idle session, the next request reconnects and logs in again once.
class BureauSession {
    Q_DECLARE_TR_FUNCTIONS(BureauSession)
public:
    explicit BureauSession(int timeoutMs = 20000);
    ~BureauSession();

    Result<LoginInfo> login(const Credentials &credentials);
    Result<QByteArray> report(const QString &name, const Params &params);  // the report's JSON
    Result<QString> decide(const QString &table, const QString &rowId, bool approve, const QString &note);
    Result<QList<EvidenceImage>> evidence(const QString &ownerId);
    void close();

private:
    Result<LoginInfo> connectAndLogin();
    Result<wire::Envelope> call(wire::Envelope &request);

    int m_timeoutMs;
    Credentials m_credentials;
    std::unique_ptr<client::ServerConnection> m_connection;
};

// The sentence an officer reads for a failure: wrong password, locked account, server
// unreachable, not allowed, a report this server does not have, ... (translated).
QString describeError(const Error &error);

} // namespace emis::bureau
