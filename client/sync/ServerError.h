#pragma once

#include "store/Result.h"

namespace emis::wire {
class Envelope;
class Error;
}

namespace emis::client {

// A server's Error as a value: the kind says whether it is a refusal (exit code 4), the server
// being busy (offline, try later) or something else; the message is the server's own sentence.
Error errorFromServer(const wire::Error &e);
// The response had the wrong body (neither the expected one nor an Error).
Error unexpectedResponse(const wire::Envelope &e, const char *expected);
// County IT revoked this device (a device_revoked error, or the TLS alert "certificate revoked").
Error deviceRevokedError();
// The server turned the connection away for load (a server_busy error, or a close in the middle
// of the handshake): offline for now, to be tried again later. `detail` says what was seen.
Error serverBusyError(const QString &detail);

} // namespace emis::client
