#include "net/FrameBudget.h"

namespace emis::server {

bool FrameBudget::take(std::size_t bytes)
{
    std::size_t used = m_used.load();
    do {
        if (bytes > m_capacity - used)  // used never exceeds the capacity
            return false;
    } while (!m_used.compare_exchange_weak(used, used + bytes));
    return true;
}

void FrameBudget::give(std::size_t bytes) { m_used.fetch_sub(bytes); }

bool FrameBudget::Share::growTo(std::size_t bytes)
{
    if (bytes <= m_bytes)
        return true;
    if (!m_budget.take(bytes - m_bytes))
        return false;
    m_bytes = bytes;
    return true;
}

void FrameBudget::Share::release()
{
    if (m_bytes)
        m_budget.give(m_bytes);
    m_bytes = 0;
}

} // namespace emis::server
