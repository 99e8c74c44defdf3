#include "store/Sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <unordered_map>

namespace emis::client {

struct Sql::Kept {
    sqlite3_stmt *stmt = nullptr;
    bool inUse = false;
};

namespace {

// Per thread, as QtSql connections are: connection name → its handle and its statements by text.
struct Connection {
    sqlite3 *handle = nullptr;
    QHash<QString, std::shared_ptr<Sql::Kept>> statements;  // shared: stays put when the hash grows
    void clear()
    {
        for (auto &k : statements)
            sqlite3_finalize(k->stmt);
        statements.clear();
    }
};
thread_local std::unordered_map<std::string, Connection> t_connections;
constexpr qsizetype kMaxKept = 400;  // texts come from the schema; this only bounds the odd ones

std::atomic<quint64> g_busyWaits{0};

sqlite3 *handleOf(const QSqlDatabase &db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

int busyWait(void *timeoutMs, int tries)
{
    g_busyWaits.fetch_add(1, std::memory_order_relaxed);
    // Each try sleeps half a millisecond (plus the scheduler's slack).
    if (tries >= 2 * static_cast<int>(reinterpret_cast<std::intptr_t>(timeoutMs)))
        return 0;
    std::this_thread::sleep_for(std::chrono::microseconds(500));
    return 1;
}

sqlite3_stmt *prepare(sqlite3 *h, const QString &text)
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = text.toUtf8();
    if (sqlite3_prepare_v3(h, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                           nullptr) != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return nullptr;
    }
    return stmt;
}

QString errorText(sqlite3 *h) { return h ? QString::fromUtf8(sqlite3_errmsg(h)) : QStringLiteral("not open"); }

} // namespace

Sql::Sql(const QSqlDatabase &db, const QString &text) : m_text(text)
{
    sqlite3 *h = handleOf(db);
    m_db = h;
    if (!h || !db.isOpen()) {
        m_error = QStringLiteral("the database is not open");
        return;
    }
    Connection &c = t_connections[db.connectionName().toStdString()];
    if (c.handle != h) {  // a connection of that name opened anew
        c.clear();
        c.handle = h;
    }
    auto it = c.statements.find(text);
    if (it == c.statements.end()) {
        if (c.statements.size() >= kMaxKept) {
            for (auto k = c.statements.begin(); k != c.statements.end();) {
                if ((*k)->inUse) {
                    ++k;
                    continue;
                }
                sqlite3_finalize((*k)->stmt);
                k = c.statements.erase(k);
            }
        }
        sqlite3_stmt *stmt = prepare(h, text);
        if (!stmt) {  // not kept: the table may not exist yet
            m_error = errorText(h);
            return;
        }
        it = c.statements.insert(text, std::make_shared<Kept>(Kept{stmt, false}));
    }
    Kept *kept = it->get();
    if (kept->inUse) {
        m_stmt = prepare(h, text);
        if (!m_stmt)
            m_error = errorText(h);
        return;
    }
    kept->inUse = true;
    m_kept = kept;
    m_stmt = kept->stmt;
}

Sql::~Sql()
{
    if (!m_stmt)
        return;
    if (!m_kept) {
        sqlite3_finalize(m_stmt);
        return;
    }
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_kept->inUse = false;
}

void Sql::forgetConnection(const QString &connectionName)
{
    auto it = t_connections.find(connectionName.toStdString());
    if (it == t_connections.end())
        return;
    it->second.clear();
    t_connections.erase(it);
}

namespace {

// As UTF-8, the database's own encoding: text bound as UTF-16 was converted again inside every step.
int bindUtf8(sqlite3_stmt *st, int i, const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    return sqlite3_bind_text(st, i, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
}

} // namespace

Sql &Sql::bind(const QVariant &value)
{
    if (!m_stmt)
        return *this;
    const int i = ++m_bindIndex;
    const int type = value.metaType().id();
    int rc = SQLITE_OK;
    if (!value.isValid() || value.isNull()) {
        rc = sqlite3_bind_null(m_stmt, i);
    } else if (type == QMetaType::QString) {
        const QString s = value.toString();
        if (s.isNull())
            rc = sqlite3_bind_null(m_stmt, i);
        else
            rc = bindUtf8(m_stmt, i, s);
    } else if (type == QMetaType::QByteArray) {
        const QByteArray b = value.toByteArray();
        if (b.isNull())
            rc = sqlite3_bind_null(m_stmt, i);
        else
            rc = sqlite3_bind_blob(m_stmt, i, b.constData(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
    } else if (type == QMetaType::Int || type == QMetaType::LongLong || type == QMetaType::UInt ||
               type == QMetaType::ULongLong || type == QMetaType::Bool || type == QMetaType::Long ||
               type == QMetaType::Short || type == QMetaType::ULong || type == QMetaType::UShort) {
        rc = sqlite3_bind_int64(m_stmt, i, value.toLongLong());
    } else if (type == QMetaType::Double || type == QMetaType::Float) {
        rc = sqlite3_bind_double(m_stmt, i, value.toDouble());
    } else {
        rc = bindUtf8(m_stmt, i, value.toString());
    }
    if (rc != SQLITE_OK && m_error.isEmpty())
        m_error = errorText(static_cast<sqlite3 *>(m_db));
    return *this;
}

Sql &Sql::bindValue(const Value &value)
{
    if (!m_stmt)
        return *this;
    const int i = ++m_bindIndex;
    struct Visitor {
        sqlite3_stmt *st;
        int i;
        int operator()(std::monostate) const { return sqlite3_bind_null(st, i); }
        int operator()(const std::string &s) const
        {
            return sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
        }
        int operator()(std::int64_t v) const { return sqlite3_bind_int64(st, i, v); }
        int operator()(double v) const { return sqlite3_bind_double(st, i, v); }
        int operator()(const Bytes &b) const
        {
            return sqlite3_bind_blob(st, i, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
        }
    };
    if (std::visit(Visitor{m_stmt, i}, value) != SQLITE_OK && m_error.isEmpty())
        m_error = errorText(static_cast<sqlite3 *>(m_db));
    return *this;
}

Status Sql::failure(const QString &message) const
{
    return makeError(ErrorKind::Other, QCoreApplication::translate("emis::client::Sql", "The local database failed: %1 (%2)")
                                           .arg(message, m_text.left(80)));
}

Status Sql::exec()
{
    if (!m_stmt || !m_error.isEmpty())
        return failure(m_error);
    sqlite3_reset(m_stmt);
    m_bindIndex = 0;  // the next binds are for the next run
    m_rowWaiting = m_done = false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        m_rowWaiting = true;
        return Ok{};
    }
    m_done = true;
    if (rc != SQLITE_DONE) {
        const QString message = errorText(static_cast<sqlite3 *>(m_db));
        sqlite3_reset(m_stmt);
        return failure(message);
    }
    m_changes = sqlite3_changes(static_cast<sqlite3 *>(m_db));
    return Ok{};
}

bool Sql::next()
{
    if (!m_stmt || m_done)
        return false;
    if (m_rowWaiting) {
        m_rowWaiting = false;
        return true;
    }
    if (sqlite3_step(m_stmt) == SQLITE_ROW)
        return true;
    m_done = true;
    return false;
}

QVariant Sql::value(int i) const
{
    if (!m_stmt || i < 0 || i >= sqlite3_column_count(m_stmt))
        return {};
    switch (sqlite3_column_type(m_stmt, i)) {
    case SQLITE_INTEGER: return QVariant(static_cast<qlonglong>(sqlite3_column_int64(m_stmt, i)));
    case SQLITE_FLOAT: return QVariant(sqlite3_column_double(m_stmt, i));
    case SQLITE_BLOB: {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, i));
        return QVariant(QByteArray(data, sqlite3_column_bytes(m_stmt, i)));
    }
    case SQLITE_NULL: return QVariant(QMetaType::fromType<QString>());
    default: {
        const auto *text = static_cast<const char16_t *>(sqlite3_column_text16(m_stmt, i));
        return QVariant(QString::fromUtf16(text, sqlite3_column_bytes16(m_stmt, i) / 2));
    }
    }
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

quint64 busyWaits() { return g_busyWaits.load(std::memory_order_relaxed); }

bool inTransaction(const QSqlDatabase &db)
{
    sqlite3 *h = handleOf(db);
    return h && sqlite3_get_autocommit(h) == 0;
}

qint64 totalChanges(const QSqlDatabase &db)
{
    sqlite3 *h = handleOf(db);
    return h ? static_cast<qint64>(sqlite3_total_changes64(h)) : 0;
}

void setBusyWait(const QSqlDatabase &db, int timeoutMs)
{
    if (sqlite3 *h = handleOf(db))
        sqlite3_busy_handler(h, busyWait, reinterpret_cast<void *>(static_cast<std::intptr_t>(timeoutMs)));
}

} // namespace emis::client
