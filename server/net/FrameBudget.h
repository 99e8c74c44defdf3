#pragma once

#include <atomic>
#include <cstddef>

namespace emis::server {

// The memory all sessions' incomplete frames may hold together. A session may buffer a small
// frame on its own; a bigger one takes its whole announced size from here before its bytes are
// read, and gives it back when the frame is complete or the session ends. So many connections
// each sending most of a big frame cannot take the server's memory (lock-free: one counter).
class FrameBudget {
public:
    explicit FrameBudget(std::size_t bytes) : m_capacity(bytes) {}
    FrameBudget(const FrameBudget &) = delete;
    FrameBudget &operator=(const FrameBudget &) = delete;

    bool take(std::size_t bytes);  // all or nothing
    void give(std::size_t bytes);
    std::size_t used() const { return m_used.load(); }

    // One session's part of the budget.
    class Share {
    public:
        explicit Share(FrameBudget &budget) : m_budget(budget) {}
        ~Share() { release(); }
        Share(const Share &) = delete;
        Share &operator=(const Share &) = delete;
        // Holds at least `bytes` afterwards, or returns false and holds what it held.
        bool growTo(std::size_t bytes);
        void release();
        std::size_t bytes() const { return m_bytes; }

    private:
        FrameBudget &m_budget;
        std::size_t m_bytes = 0;
    };

private:
    const std::size_t m_capacity;
    std::atomic<std::size_t> m_used{0};
};

} // namespace emis::server
