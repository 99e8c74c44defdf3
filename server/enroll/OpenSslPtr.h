#pragma once

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace emis::server {

// Owning pointers for the OpenSSL objects the CA code handles.
struct OpenSslFree {
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(X509_REQ *p) const { X509_REQ_free(p); }
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(X509_NAME *p) const { X509_NAME_free(p); }
    void operator()(X509_EXTENSION *p) const { X509_EXTENSION_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslFree>;
using X509Ptr = std::unique_ptr<X509, OpenSslFree>;
using ReqPtr = std::unique_ptr<X509_REQ, OpenSslFree>;
using BioPtr = std::unique_ptr<BIO, OpenSslFree>;

// An OpenSSL failure: the message with the library's own reason appended.
class OpenSslError : public std::runtime_error {
public:
    explicit OpenSslError(const std::string &what);
};

} // namespace emis::server
