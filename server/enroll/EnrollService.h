#pragma once

#include "validate/Reason.h"

#include <cstdint>
#include <optional>

namespace emis::wire {
class EnrollRequest;
class EnrollResponse;
}

namespace emis::server {

class CountyCa;
class StoreSession;

// Turns a one-time code and a CSR into a device certificate. Runs as one write job: the code is
// checked and spent, the device recorded and the enrollment audited in the same transaction.
class EnrollService {
public:
    explicit EnrollService(const CountyCa &ca) : m_ca(ca) {}

    // On success fills `out` and returns nullopt; otherwise the reason (unknown, used or
    // expired code, a CSR that is not valid). Refusals are audited too.
    std::optional<Issue> enroll(StoreSession &store, const wire::EnrollRequest &request, std::int64_t nowMs,
                                wire::EnrollResponse &out) const;

private:
    const CountyCa &m_ca;
};

} // namespace emis::server
