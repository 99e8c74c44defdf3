#pragma once

#include <optional>
#include <string>

namespace emis::server::ctl {

// A secret (a password, a backup passphrase) from stdin, never from the command line where `ps`
// shows it: typed without echo at a terminal (twice when `confirm`), or one line from a pipe
// (`printf '%s\n' "$PW" | emisctl ...`). `label` names it in the prompt ("Password").
std::optional<std::string> readSecret(const char *label, bool confirm);

// The same from the first line of a file (--passphrase-file), which must not be readable by others.
std::optional<std::string> readSecretFile(const std::string &path);

} // namespace emis::server::ctl
