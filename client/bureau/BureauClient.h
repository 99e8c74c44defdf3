#pragma once

#include "BureauSession.h"

#include <QObject>
#include <QThread>

#include <functional>

namespace emis::bureau {

// The bureau session for the widgets: every request runs on the client's own thread (the TLS
// socket and argon2id on the server take their time; the window never waits), one at a time in
// the order asked, and its result comes back on the GUI thread to `done`, unless `context` has
// been deleted meanwhile.
class BureauClient : public QObject {
    Q_OBJECT
public:
    explicit BureauClient(QObject *parent = nullptr);
    ~BureauClient() override;

    template <typename T>
    using Done = std::function<void(const Result<T> &)>;

    void login(const Credentials &credentials, QObject *context, Done<LoginInfo> done);
    void report(const QString &name, const Params &params, QObject *context, Done<QByteArray> done);
    void decide(const QString &table, const QString &rowId, bool approve, const QString &note, QObject *context,
                Done<QString> done);
    void evidence(const QString &ownerId, QObject *context, Done<QList<EvidenceImage>> done);
    // First contact: the county CA with this fingerprint, from the server's presented chain.
    void pinCa(const QString &server, const QString &fingerprint, QObject *context, Done<QSslCertificate> done);

    const LoginInfo &user() const { return m_user; }
    bool busy() const { return m_pending > 0; }

Q_SIGNALS:
    void busyChanged(bool busy);

private:
    template <typename T>
    void post(QObject *context, std::function<Result<T>(BureauSession &)> job, Done<T> done);
    void started();
    void finished();

    QThread m_thread;
    QObject *m_worker = nullptr;          // lives on m_thread
    std::unique_ptr<BureauSession> m_session;  // used on m_thread only
    LoginInfo m_user;
    int m_pending = 0;
};

} // namespace emis::bureau
