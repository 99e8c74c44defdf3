#include "sync/OutcomePages.h"

#include <algorithm>
#include <cstdint>

namespace emis::server {

void pageOutcomes(wire::PushAck &ack, std::size_t budget)
{
    std::size_t bytes = 0;
    int r = 0, c = 0;
    std::uint64_t firstSeq = 0;
    // Walks both lists by seq, a seq's outcomes together.
    while (r < ack.rejections_size() || c < ack.conflicts_size()) {
        const std::uint64_t seq = std::min(r < ack.rejections_size() ? ack.rejections(r).device_seq() : UINT64_MAX,
                                           c < ack.conflicts_size() ? ack.conflicts(c).device_seq() : UINT64_MAX);
        std::size_t seqBytes = 0;
        int rEnd = r, cEnd = c;
        for (; rEnd < ack.rejections_size() && ack.rejections(rEnd).device_seq() == seq; ++rEnd)
            seqBytes += ack.rejections(rEnd).ByteSizeLong() + 4;
        for (; cEnd < ack.conflicts_size() && ack.conflicts(cEnd).device_seq() == seq; ++cEnd)
            seqBytes += ack.conflicts(cEnd).ByteSizeLong() + 4;
        if (firstSeq != 0 && bytes + seqBytes > budget) {
            ack.mutable_rejections()->DeleteSubrange(r, ack.rejections_size() - r);
            ack.mutable_conflicts()->DeleteSubrange(c, ack.conflicts_size() - c);
            ack.set_outcomes_through(seq - 1);
            return;
        }
        if (firstSeq == 0)
            firstSeq = seq;
        bytes += seqBytes;
        r = rEnd;
        c = cEnd;
    }
    ack.set_outcomes_through(ack.watermark());
}

} // namespace emis::server
