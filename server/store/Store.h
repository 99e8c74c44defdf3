#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <string>

namespace emis::server {

class StoreSession;

// The server's store: one writer with group commit, reads in parallel on their own snapshots.
class Store {
public:
    using Job = std::function<void(StoreSession &)>;
    using Done = std::function<void(std::exception_ptr)>;

    virtual ~Store() = default;

    // Queues a write. Jobs queued together commit in one transaction. A job that throws rolls
    // back alone: the group is rolled back and its other jobs run again, each in a savepoint.
    // So a job may run twice, and must start from its inputs each time: it sets its results,
    // never adds to what an earlier run left. `done` runs on the writer thread after the commit
    // (null on success, the failure otherwise); only then may the caller acknowledge. `rows` is
    // about how many rows the job writes (a pushed batch: its changes): a group stops growing
    // at a few thousand, so acknowledgements keep flowing while the next group is written.
    virtual void submitWrite(Job job, Done done, std::size_t rows) = 0;
    void submitWrite(Job job, Done done) { submitWrite(std::move(job), std::move(done), 1); }
    // A write that waits for its commit; rethrows the job's failure.
    virtual void write(const Job &job) = 0;
    // A read on a consistent snapshot, on the calling thread.
    virtual void read(const Job &job) = 0;
    // A consistent copy of the whole store into `path` while writers carry on.
    virtual void backupTo(const std::string &path) = 0;
    // Finishes the queued writes and stops the writer.
    virtual void close() = 0;
};

// Whether a failed write failed because the store's disk is full or will not take writes (a
// cause for county IT, not a fault of the device that sent the changes).
bool isDiskFailure(const std::exception_ptr &failure);

} // namespace emis::server
