#pragma once

#include "enroll/OpenSslPtr.h"

#include <optional>
#include <string>
#include <vector>

namespace emis::server {

// What a device certificate says about its holder.
struct DeviceIdentity {
    std::string deviceId;    // CN
    std::string schoolId;    // OU
    std::string schoolCode;  // O
};

// The county CA: made once by `emisctl init`, signs the server's certificate and each enrolled
// device's client certificate. EC P-256 throughout.
class CountyCa {
public:
    // A new CA key and self-signed certificate.
    static CountyCa create(const std::string &commonName);
    // Throws when a file is missing or unreadable, or the key is not the certificate's.
    static CountyCa load(const std::string &certPemPath, const std::string &keyPemPath);
    // Whether the certificate (the first in the file) was signed by this CA and the key is its own.
    bool issued(const std::string &certPemPath, const std::string &keyPemPath) const;

    const std::string &certificatePem() const { return m_certPem; }
    std::string keyPem() const;
    // Lowercase hex of the first 16 bytes of SHA-256 over the certificate's DER: what an
    // enrollment code carries so the client can pin the CA on first contact.
    std::string fingerprint() const;

    struct IssuedKey {
        std::string certificatePem;
        std::string keyPem;
    };
    // The server's key and certificate (serverAuth; SAN: host, localhost, 127.0.0.1 and the
    // further names or addresses clients use to reach it). A wildcard listen address
    // (0.0.0.0, ::) names nothing and is left out.
    IssuedKey issueServer(const std::string &host, const std::vector<std::string> &extraNames = {}) const;
    // Signs a device's CSR (its signature checked; only its public key is used): clientAuth,
    // CN=<device>, OU=<school id>, O=<school code>. Returns nullopt for a CSR that is not valid.
    std::optional<std::string> signDevice(const std::string &csrPem, const DeviceIdentity &who) const;

    static std::string fingerprintOf(X509 *cert);
    static DeviceIdentity identityOf(X509 *cert);
    static PkeyPtr newKey();
    static std::string keyToPem(EVP_PKEY *key);
    static std::string certToPem(X509 *cert);

private:
    CountyCa(PkeyPtr key, X509Ptr cert);
    X509Ptr newCertificate(EVP_PKEY *subjectKey, X509_NAME *subject, long days) const;

    PkeyPtr m_key;
    X509Ptr m_cert;
    std::string m_certPem;
};

} // namespace emis::server
