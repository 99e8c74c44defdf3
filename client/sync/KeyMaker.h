#pragma once

#include "store/Result.h"

#include <QByteArray>

namespace emis::client {

struct KeyAndRequest {
    QByteArray keyPem;  // PKCS#8, unencrypted: protected by the file's mode instead
    QByteArray csrPem;
};

// A new EC P-256 key and a certificate signing request for it (OpenSSL 3). The subject only
// carries a label: the server decides the device and school the certificate names.
Result<KeyAndRequest> makeKeyAndRequest(const QString &commonName);

} // namespace emis::client
