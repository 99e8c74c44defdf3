#include "store/Sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

#include <chrono>
#include <thread>
#include <unordered_map>

namespace emis::client {

struct Sql::Kept {
    QSqlQuery query;
    bool prepared = false;
    bool inUse = false;
};

namespace {

// Per thread, as QtSql connections are: connection name → SQL text → statement.
using Statements = QHash<QString, std::shared_ptr<Sql::Kept>>;
thread_local std::unordered_map<std::string, Statements> t_kept;
constexpr qsizetype kMaxKept = 400;

sqlite3 *handleOf(const QSqlDatabase &db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

int busyWait(void *timeoutMs, int tries)
{
    // Each try sleeps half a millisecond (plus the scheduler's slack).
    if (tries >= 2 * static_cast<int>(reinterpret_cast<std::intptr_t>(timeoutMs)))
        return 0;
    std::this_thread::sleep_for(std::chrono::microseconds(500));
    return 1;
}

} // namespace

bool inTransaction(const QSqlDatabase &db)
{
    sqlite3 *h = handleOf(db);
    return h && sqlite3_get_autocommit(h) == 0;
}

void setBusyWait(const QSqlDatabase &db, int timeoutMs)
{
    if (sqlite3 *h = handleOf(db))
        sqlite3_busy_handler(h, busyWait, reinterpret_cast<void *>(static_cast<std::intptr_t>(timeoutMs)));
}

Sql::Sql(const QSqlDatabase &db, const QString &text) : m_text(text)
{
    auto &kept = t_kept[db.connectionName().toStdString()];
    auto it = kept.find(text);
    if (it == kept.end()) {
        if (kept.size() >= kMaxKept)  // texts come from the schema; this only bounds the odd ones
            for (auto k = kept.begin(); k != kept.end();)
                k = k.value()->inUse ? std::next(k) : kept.erase(k);
        auto k = std::make_shared<Kept>(Kept{QSqlQuery(db), false, false});
        k->prepared = k->query.prepare(text);
        it = kept.insert(text, std::move(k));
    }
    Kept *k = it.value().get();
    if (!k->inUse && !k->prepared)  // a table that did not exist yet when it was first asked for
        k->prepared = k->query.prepare(text);
    if (k->inUse || !k->prepared) {
        m_own = std::make_unique<QSqlQuery>(db);
        m_query = m_own.get();
        m_prepared = m_query->prepare(text);
        return;
    }
    k->inUse = true;
    m_kept = k;
    m_query = &k->query;
    m_prepared = true;
}

Sql::~Sql()
{
    if (!m_kept)
        return;
    m_kept->query.finish();
    m_kept->inUse = false;
}

void Sql::forgetConnection(const QString &connectionName) { t_kept.erase(connectionName.toStdString()); }

Sql &Sql::bind(const QVariant &value)
{
    m_query->addBindValue(value);
    return *this;
}

Status Sql::exec()
{
    if (!m_prepared || !m_query->exec())
        return makeError(ErrorKind::Other,
                         QCoreApplication::translate("emis::client::Sql", "The local database failed: %1 (%2)")
                             .arg(m_query->lastError().text(), m_text.left(80)));
    return Ok{};
}

Status execSql(const QSqlDatabase &db, const QString &text)
{
    // Run once (DDL, pragmas): not kept.
    QSqlQuery q(db);
    if (!q.exec(text))
        return makeError(ErrorKind::Other, QCoreApplication::translate("emis::client::Sql", "The local database failed: %1 (%2)")
                                               .arg(q.lastError().text(), text.left(80)));
    return Ok{};
}

} // namespace emis::client
