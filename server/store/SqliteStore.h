#pragma once

#include "store/Store.h"

#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace emis::server {

class SqliteDb;

// The SQLite store: WAL mode, one writer thread committing queued jobs in groups, a pool of
// read connections so reads run in parallel with the writer and each other, and a checkpoint
// thread that copies the log back into the database so the writer never stops to.
class SqliteStore final : public Store {
public:
    // Opens (creating if needed) and migrates the store at `path`.
    explicit SqliteStore(std::string path);
    ~SqliteStore() override;

    using Store::submitWrite;
    void submitWrite(Job job, Done done, std::size_t rows) override;
    void write(const Job &job) override;
    void read(const Job &job) override;
    void backupTo(const std::string &path) override;
    void close() override;

    // Throws unless the SQLite file at `path` passes PRAGMA quick_check (a backup's snapshot).
    static void checkIntact(const std::string &path);

private:
    struct Pending {
        Job job;
        Done done;
        std::size_t rows = 1;
    };
    void writerLoop();
    // Runs the group's jobs, and those that join it, in one transaction and commits it. When a
    // job throws, rolls everything back and returns its index, with its failure in `failures`.
    std::optional<std::size_t> writeTogether(std::vector<Pending> &group, std::size_t &rows,
                                             std::vector<std::exception_ptr> &failures);
    // Runs the group's jobs but `failed` again, each in its own savepoint, and commits them.
    void writeApart(std::vector<Pending> &group, std::size_t failed, std::vector<std::exception_ptr> &failures);
    // Moves queued jobs into `group` within the group caps (waiting for one first if `wait`);
    // false when it took none.
    bool takeJobs(std::vector<Pending> &group, std::size_t &rows, bool wait);
    void checkpointLoop();
    static int walCommitted(void *store, sqlite3 *db, const char *name, int frames);
    std::unique_ptr<SqliteDb> takeReader();
    void giveBackReader(std::unique_ptr<SqliteDb> db);

    const std::string m_path;
    std::unique_ptr<SqliteDb> m_writer;

    std::mutex m_queueMutex;
    std::condition_variable m_queueReady;
    std::deque<Pending> m_queue;
    bool m_closing = false;
    std::thread m_thread;

    std::unique_ptr<SqliteDb> m_checkpointer;
    std::mutex m_checkpointMutex;
    std::condition_variable m_checkpointWanted;
    bool m_checkpointDue = false;
    bool m_checkpointStop = false;
    std::thread m_checkpointThread;
    // Frames in the log after the writer's last commit (the WAL hook's count).
    std::atomic<int> m_walFrames{0};

    std::mutex m_readersMutex;
    std::vector<std::unique_ptr<SqliteDb>> m_readers;
};

} // namespace emis::server
