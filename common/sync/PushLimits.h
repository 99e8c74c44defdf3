#pragma once

// What one push may carry, both ways, so that neither a batch nor its acknowledgement outgrows a frame.
namespace emis::sync {

// A PushBatch holds at most this many changes; a larger one is refused whole (bad_request) and a
// client sends its log in batches of at most this size.
inline constexpr int kMaxPushChanges = 2000;
// A PushAck carries the rejections and conflicts of its changes up to a byte budget (the server's
// ack_outcome_bytes); the rest follow, in order, on OutcomesRequest (PushAck.outcomes_through says
// how far an ack got).

} // namespace emis::sync
