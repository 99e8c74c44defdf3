#include "store/SqliteStore.h"

#include "store/Migrations.h"
#include "store/SqliteDb.h"
#include "store/SqliteSavepoint.h"
#include "store/SqliteStatement.h"
#include "store/SqliteTransaction.h"
#include "store/SqliteSession.h"

#include <future>

namespace emis::server {
namespace {

// Enough to amortise one fsync over a busy moment without making a single batch wait long: at
// most this many jobs, and no more jobs once the group writes this many rows. Every commit
// writes out each page the group touched, and a bulk push touches index pages all over, so
// fewer rows per group write the same pages again and again: in the demo county's bulk push,
// groups of 4,000 rows took 4% less time than groups of 2,000 (8,000 gained nothing more). A
// bigger group holds back every acknowledgement in it until the whole group is written
// (about 0.1 s for 4,000 rows on a small server).
constexpr std::size_t kMaxGroup = 64;
constexpr std::size_t kMaxGroupRows = 4000;
// SQLite's own auto-checkpoint threshold (pages of log), now reached on the checkpoint thread.
constexpr int kCheckpointFrames = 1000;
// The log starts again from its beginning only when a write begins after a checkpoint copied all
// of it; under writes back to back (a county's first sync) the thread's checkpoints never catch
// up with a writer that is already writing the next group, and the log grew to 2.6 GB in the
// report benchmark's load. Past this many frames (64 MB of 4 KB pages) the writer checkpoints
// itself between two groups, so that the next write restarts the log.
constexpr int kWriterCatchUpFrames = 16384;

void backup(sqlite3 *from, sqlite3 *to)
{
    sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
    if (!b)
        throw SqliteError(std::string("backup: ") + sqlite3_errmsg(to), sqlite3_errcode(to));
    int rc = SQLITE_OK;
    // Steps of a few hundred pages let the writer carry on between them; a write in between
    // restarts the copy from the source connection's view, which stays consistent.
    while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep(5);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE)
        throw SqliteError(std::string("backup: ") + sqlite3_errstr(rc), rc);
}

} // namespace

SqliteStore::SqliteStore(std::string path) : m_path(std::move(path))
{
    m_writer = std::make_unique<SqliteDb>(m_path, SqliteDb::Mode::ReadWrite);
    m_writer->exec("PRAGMA journal_mode = WAL");
    // FULL: an acknowledged batch survives a power cut, which is what the acknowledgement promises.
    m_writer->exec("PRAGMA synchronous = FULL");
    // A bigger page cache than SQLite's 2 MB: a group commit's dirty pages and the hot index
    // pages of a bulk push stay in memory instead of spilling mid-transaction and being read back.
    m_writer->exec("PRAGMA cache_size = -32768");
    // temp_store stays FILE. MEMORY makes a bulk insert some 10% faster, but SQLite cuts its
    // in-memory journal back after every statement that keeps a statement journal (an UPDATE of
    // a pupil, whose triggers write the summaries) by walking its chunk list from the start, so a
    // job of updates grows quadratic: eight savepoints of 4,000 pupil updates each took 6.0 s
    // against 0.9 s with FILE. A larger SQLITE_CONFIG_STMTJRNL_SPILL instead failed such jobs
    // with SQLITE_FULL on SQLite 3.40.
    migrate(*m_writer);
    m_checkpointer = std::make_unique<SqliteDb>(m_path, SqliteDb::Mode::ReadWrite);
    // Replaces SQLite's auto-checkpoint, which ran inside the writer's commits.
    sqlite3_wal_hook(m_writer->handle(), &SqliteStore::walCommitted, this);
    m_checkpointThread = std::thread([this] { checkpointLoop(); });
    m_thread = std::thread([this] { writerLoop(); });
}

SqliteStore::~SqliteStore() { close(); }

int SqliteStore::walCommitted(void *store, sqlite3 *, const char *, int frames)
{
    static_cast<SqliteStore *>(store)->m_walFrames.store(frames, std::memory_order_relaxed);
    if (frames >= kCheckpointFrames) {
        auto *self = static_cast<SqliteStore *>(store);
        {
            std::lock_guard lock(self->m_checkpointMutex);
            self->m_checkpointDue = true;
        }
        self->m_checkpointWanted.notify_one();
    }
    return SQLITE_OK;
}

void SqliteStore::checkpointLoop()
{
    for (;;) {
        {
            std::unique_lock lock(m_checkpointMutex);
            m_checkpointWanted.wait(lock, [this] { return m_checkpointDue || m_checkpointStop; });
            if (m_checkpointStop)
                return;
            m_checkpointDue = false;
        }
        // PASSIVE: copies what no reader still needs, never waits for the writer or a reader.
        sqlite3_wal_checkpoint_v2(m_checkpointer->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    }
}

void SqliteStore::submitWrite(Job job, Done done, std::size_t rows)
{
    {
        std::lock_guard lock(m_queueMutex);
        if (m_closing) {
            done(std::make_exception_ptr(std::runtime_error("store closed")));
            return;
        }
        m_queue.push_back(Pending{std::move(job), std::move(done), rows});
    }
    m_queueReady.notify_one();
}

void SqliteStore::write(const Job &job)
{
    std::promise<void> promise;
    submitWrite(job, [&promise](std::exception_ptr e) {
        if (e)
            promise.set_exception(e);
        else
            promise.set_value();
    });
    promise.get_future().get();
}

bool SqliteStore::takeJobs(std::vector<Pending> &group, std::size_t &rows, bool wait)
{
    std::unique_lock lock(m_queueMutex);
    if (wait)
        m_queueReady.wait(lock, [this] { return m_closing || !m_queue.empty(); });
    const std::size_t before = group.size();
    while (!m_queue.empty() && group.size() < kMaxGroup &&
           (group.empty() || rows + m_queue.front().rows <= kMaxGroupRows)) {
        rows += m_queue.front().rows;
        group.push_back(std::move(m_queue.front()));
        m_queue.pop_front();
    }
    return group.size() > before;
}

void SqliteStore::writerLoop()
{
    for (;;) {
        std::vector<Pending> group;
        std::size_t rows = 0;
        if (!takeJobs(group, rows, true))
            return;  // closing and drained
        std::vector<std::exception_ptr> failures;
        try {
            // When a job fails, nothing of the group is kept: the others run again, each alone.
            if (const auto failed = writeTogether(group, rows, failures))
                writeApart(group, *failed, failures);
        } catch (...) {
            // The commit itself failed: nothing of the group is durable.
            failures.resize(group.size());
            for (auto &f : failures)
                if (!f)
                    f = std::current_exception();
        }
        for (std::size_t i = 0; i < group.size(); ++i)
            group[i].done(failures[i]);
        // Between two groups no write is open: a checkpoint that copies the whole log lets the
        // next write start it again (a reader still on an older snapshot may hold it back once).
        if (m_walFrames.load(std::memory_order_relaxed) >= kWriterCatchUpFrames) {
            sqlite3_wal_checkpoint_v2(m_writer->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            m_walFrames.store(0, std::memory_order_relaxed);
        }
    }
}

std::optional<std::size_t> SqliteStore::writeTogether(std::vector<Pending> &group, std::size_t &rows,
                                                      std::vector<std::exception_ptr> &failures)
{
    // No savepoint per job: a savepoint copies every page a job first touches into its journal
    // (for a bulk push, most of the index pages it writes), and jobs rarely fail.
    SqliteTransaction tx(*m_writer, SqliteTransaction::Kind::Immediate);
    SqliteSession session(*m_writer);
    // Jobs that arrive while the group is being written join it, up to the caps: under load a
    // commit carries more rows, and each commit writes the pages it touched once (random index
    // pages, mostly), so fewer commits write far less. An idle store still commits each job as
    // soon as it is done.
    std::size_t i = 0;
    do {
        for (; i < group.size(); ++i) {
            try {
                group[i].job(session);
                session.endJob();
            } catch (...) {
                failures.assign(group.size(), nullptr);
                failures[i] = std::current_exception();
                session.abandonJob();
                return i;  // tx rolls back the whole group
            }
        }
    } while (takeJobs(group, rows, false));
    failures.assign(group.size(), nullptr);
    tx.commit();
    return std::nullopt;
}

void SqliteStore::writeApart(std::vector<Pending> &group, std::size_t failed, std::vector<std::exception_ptr> &failures)
{
    SqliteTransaction tx(*m_writer, SqliteTransaction::Kind::Immediate);
    SqliteSession session(*m_writer);
    for (std::size_t i = 0; i < group.size(); ++i) {
        if (i == failed)
            continue;  // it failed after the jobs before it, as it would again
        SqliteSavepoint sp(*m_writer, "job");
        try {
            group[i].job(session);
            session.endJob();
            sp.release();
        } catch (...) {
            failures[i] = std::current_exception();
            session.abandonJob();
            sp.rollback();
        }
    }
    tx.commit();
}

std::unique_ptr<SqliteDb> SqliteStore::takeReader()
{
    {
        std::lock_guard lock(m_readersMutex);
        if (!m_readers.empty()) {
            auto db = std::move(m_readers.back());
            m_readers.pop_back();
            return db;
        }
    }
    return std::make_unique<SqliteDb>(m_path, SqliteDb::Mode::ReadOnly);
}

void SqliteStore::giveBackReader(std::unique_ptr<SqliteDb> db)
{
    std::lock_guard lock(m_readersMutex);
    if (m_readers.size() < 16)
        m_readers.push_back(std::move(db));
}

void SqliteStore::read(const Job &job)
{
    auto db = takeReader();
    {
        SqliteTransaction tx(*db, SqliteTransaction::Kind::Deferred);
        SqliteSession session(*db);
        job(session);
        tx.commit();
    }
    giveBackReader(std::move(db));
}

void SqliteStore::backupTo(const std::string &path)
{
    auto db = takeReader();
    SqliteDb target(path, SqliteDb::Mode::ReadWrite);
    backup(db->handle(), target.handle());
    giveBackReader(std::move(db));
}

bool isDiskFailure(const std::exception_ptr &failure)
{
    try {
        if (failure)
            std::rethrow_exception(failure);
    } catch (const SqliteError &e) {
        const int primary = e.code() & 0xff;
        return primary == SQLITE_FULL || primary == SQLITE_IOERR;
    } catch (...) {
    }
    return false;
}

void SqliteStore::checkIntact(const std::string &path)
{
    SqliteDb db(path, SqliteDb::Mode::ReadOnly);
    SqliteStatement check(db, "PRAGMA quick_check");
    if (!check.step() || check.text(0) != "ok")
        throw SqliteError(path + " is not an intact store", 0);
}

void SqliteStore::close()
{
    {
        std::lock_guard lock(m_queueMutex);
        m_closing = true;
    }
    m_queueReady.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    {
        std::lock_guard lock(m_checkpointMutex);
        m_checkpointStop = true;
    }
    m_checkpointWanted.notify_all();
    if (m_checkpointThread.joinable())
        m_checkpointThread.join();
}

} // namespace emis::server
