#include "BureauClient.h"

#include "CaTrust.h"

#include <QPointer>

namespace emis::bureau {

BureauClient::BureauClient(QObject *parent) : QObject(parent), m_session(std::make_unique<BureauSession>())
{
    m_thread.setObjectName(QStringLiteral("bureau-session"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

BureauClient::~BureauClient()
{
    // The socket belongs to the session thread: closed there, then the thread ends.
    QMetaObject::invokeMethod(m_worker, [this] { m_session.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void BureauClient::started()
{
    if (m_pending++ == 0)
        Q_EMIT busyChanged(true);
}

void BureauClient::finished()
{
    if (--m_pending == 0)
        Q_EMIT busyChanged(false);
}

template <typename T>
void BureauClient::post(QObject *context, std::function<Result<T>(BureauSession &)> job, Done<T> done)
{
    started();
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        m_worker,
        [this, guard, job = std::move(job), done = std::move(done)] {
            Result<T> result = job(*m_session);
            // Back on the GUI thread through this object, which outlives the thread.
            QMetaObject::invokeMethod(
                this,
                [this, guard, done, result = std::move(result)] {
                    finished();
                    if (guard)
                        done(result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void BureauClient::login(const Credentials &credentials, QObject *context, Done<LoginInfo> done)
{
    post<LoginInfo>(
        context, [credentials](BureauSession &s) { return s.login(credentials); },
        [this, done = std::move(done)](const Result<LoginInfo> &r) {
            m_user = r ? *r : LoginInfo{};
            done(r);
        });
}

void BureauClient::report(const QString &name, const Params &params, QObject *context, Done<QByteArray> done)
{
    post<QByteArray>(
        context, [name, params](BureauSession &s) { return s.report(name, params); }, std::move(done));
}

void BureauClient::decide(const QString &table, const QString &rowId, bool approve, const QString &note,
                          QObject *context, Done<QString> done)
{
    post<QString>(
        context, [=](BureauSession &s) { return s.decide(table, rowId, approve, note); }, std::move(done));
}

void BureauClient::evidence(const QString &ownerId, QObject *context, Done<QList<EvidenceImage>> done)
{
    post<QList<EvidenceImage>>(
        context, [ownerId](BureauSession &s) { return s.evidence(ownerId); }, std::move(done));
}

void BureauClient::pinCa(const QString &server, const QString &fingerprint, QObject *context, Done<QSslCertificate> done)
{
    post<QSslCertificate>(
        context, [server, fingerprint](BureauSession &) { return bureau::pinCa(server, fingerprint); }, std::move(done));
}

} // namespace emis::bureau
