#pragma once

#include "emis.pb.h"

#include <cstddef>

namespace emis::server {

// Keeps in `ack` the rejections and conflicts of its lowest device_seqs that fit in about `budget`
// bytes (always all of the first seq's, so a client always gets further), drops the rest, and sets
// outcomes_through to the last seq whose outcomes are all kept (the watermark when nothing was
// dropped). The client asks for the rest with an OutcomesRequest. Both lists arrive in seq order.
void pageOutcomes(wire::PushAck &ack, std::size_t budget);

} // namespace emis::server
