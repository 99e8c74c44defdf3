#include "sync/KeyMaker.h"

#include <QCoreApplication>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace emis::client {
namespace {

template <typename T, void (*Free)(T *)>
struct Deleter {
    void operator()(T *p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using ReqPtr = std::unique_ptr<X509_REQ, Deleter<X509_REQ, X509_REQ_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(n));
}

Error failed(const char *what)
{
    return makeError(ErrorKind::Other,
                     QCoreApplication::translate("emis::client::KeyMaker", "Could not make the device key: %1")
                         .arg(QLatin1String(what)));
}

} // namespace

Result<KeyAndRequest> makeKeyAndRequest(const QString &commonName)
{
    KeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        return failed("EVP_EC_gen");
    ReqPtr req(X509_REQ_new());
    if (!req || X509_REQ_set_version(req.get(), 0) != 1)
        return failed("X509_REQ_new");
    X509_NAME *name = X509_REQ_get_subject_name(req.get());
    const QByteArray cn = commonName.toUtf8().left(64);
    if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()),
                                   static_cast<int>(cn.size()), -1, 0) != 1)
        return failed("subject");
    if (X509_REQ_set_pubkey(req.get(), key.get()) != 1 || X509_REQ_sign(req.get(), key.get(), EVP_sha256()) <= 0)
        return failed("X509_REQ_sign");

    BioPtr keyBio(BIO_new(BIO_s_mem())), reqBio(BIO_new(BIO_s_mem()));
    if (!keyBio || !reqBio || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1 ||
        PEM_write_bio_X509_REQ(reqBio.get(), req.get()) != 1)
        return failed("PEM");
    return KeyAndRequest{bioBytes(keyBio.get()), bioBytes(reqBio.get())};
}

} // namespace emis::client
