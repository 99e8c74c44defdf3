#pragma once

#include "store/Result.h"

#include <QSslCertificate>
#include <QString>

namespace emis::bureau {

// How the bureau workstation comes to trust the county server. It has no certificate of its
// own (officers log in with a password); it needs the county CA, which county IT gives it in one
// of two ways, once:
//   - the CA fingerprint (32 hex digits, printed by `emisctl init` and `emisctl ca`, and the part
//     of any enrollment code after the dot): the CA is then taken from the chain the server
//     presents on first contact, only if its fingerprint matches, and kept;
//   - the CA file (ca.pem from the server's directory).
// From then on only that CA is trusted for that server.

// "ab12..." from what an officer typed: spaces and colons dropped, lowercase; empty when it is
// not 32 hex digits.
QString normalizeFingerprint(const QString &typed);

// The first certificate in a PEM file.
client::Result<QSslCertificate> caFromFile(const QString &path);

// Connects to `server` (HOST:PORT) without trusting anything and takes the CA with this
// fingerprint from the presented chain; a refusal when it is not there.
client::Result<QSslCertificate> pinCa(const QString &server, const QString &fingerprint, int timeoutMs = 20000);

} // namespace emis::bureau
