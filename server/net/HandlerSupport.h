#pragma once

// Small helpers shared by the request handler's files (not a public interface).
#include "net/RequestHandler.h"
#include "sync/Hlc.h"
#include "validate/Reason.h"

#include <iostream>
#include <string>
#include <string_view>

namespace emis::server {

inline std::int64_t nowMs() { return static_cast<std::int64_t>(sync::systemNowMs()); }

inline RequestHandler::Reply errorReply(std::uint64_t requestId, Reason reason, bool fatal, std::string_view arg = {})
{
    RequestHandler::Reply r;
    r.envelope.set_request_id(requestId);
    const Issue issue = makeIssue(reason, "", "", "", arg);
    auto *e = r.envelope.mutable_error();
    e->set_code(issue.code());
    e->set_message_zh(issue.zh);
    e->set_message_en(issue.en);
    e->set_fatal(fatal);
    r.close = fatal;
    return r;
}

// One write per line, so lines from several threads never interleave.
inline void logLine(const std::string &who, const std::string &what)
{
    std::cerr << ("emis-server: " + who + ": " + what + "\n");
}

} // namespace emis::server
