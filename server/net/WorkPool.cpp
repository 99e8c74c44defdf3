#include "net/WorkPool.h"

#include <iostream>

namespace emis::server {

WorkPool::WorkPool(unsigned threads, std::size_t maxQueued)
    : m_maxQueued(maxQueued)
{
    for (unsigned i = 0; i < threads; ++i)
        m_threads.emplace_back([this] { loop(); });
}

WorkPool::~WorkPool()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_ready.notify_all();
    for (auto &t : m_threads)
        t.join();
}

bool WorkPool::post(std::function<void()> job)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_jobs.size() >= m_maxQueued)
            return false;
        m_jobs.push_back(std::move(job));
    }
    m_ready.notify_one();
    return true;
}

void WorkPool::loop()
{
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_ready.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        try {
            job();
        } catch (const std::exception &e) {
            // A job answers its own request; a throw here is a bug to log, not a reason to stop.
            std::cerr << "emis-server: work pool: " << e.what() << "\n";
        }
    }
}

} // namespace emis::server
