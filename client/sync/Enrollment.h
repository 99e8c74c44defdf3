#pragma once

#include "store/LocalStore.h"
#include "sync/DeviceFiles.h"

namespace emis::client {

// The one-time code IT hands a school: "XXXX-XXXX-XXXX.<fingerprint>".
struct EnrollCode {
    QString code;         // what the server checks
    QString fingerprint;  // of the county CA, 32 lowercase hex digits
};
Result<EnrollCode> parseEnrollCode(const QString &text);

// Enrolls this device: makes its key and CSR, connects trusting only the CA whose fingerprint the
// code carries (and which must have signed the server's certificate, for this host name), sends
// the code, and keeps the certificate, the key (mode 0600) and the CA in the data directory.
Result<DeviceIdentity> enroll(LocalStore &store, const DeviceFiles &files, const QString &server, const QString &codeText,
                              const QString &deviceName, int timeoutMs = 20000);

} // namespace emis::client
