#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace emis::server {

// A few threads for slow work that must stay off the network threads: password hashing
// (argon2id, ~130 ms and 64 MiB each) and county reports. Bounded, so a flood of logins is
// refused (server_busy) instead of queued without end.
class WorkPool {
public:
    WorkPool(unsigned threads, std::size_t maxQueued);
    ~WorkPool();  // runs what is queued, then joins
    WorkPool(const WorkPool &) = delete;
    WorkPool &operator=(const WorkPool &) = delete;

    // False when the queue is full.
    bool post(std::function<void()> job);

private:
    void loop();

    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::function<void()>> m_jobs;
    std::size_t m_maxQueued;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace emis::server
