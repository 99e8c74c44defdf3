#include "enroll/CountyCa.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace emis::server {
namespace {

std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

BioPtr memoryBio(const std::string &data)
{
    return BioPtr(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
}

std::string bioText(BIO *bio)
{
    char *p = nullptr;
    const long n = BIO_get_mem_data(bio, &p);
    return std::string(p, static_cast<std::size_t>(n));
}

void addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    std::unique_ptr<X509_EXTENSION, OpenSslFree> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    if (!ext || !X509_add_ext(cert, ext.get(), -1))
        throw OpenSslError("certificate extension");
}

void addEntry(X509_NAME *name, const char *field, const std::string &value)
{
    if (!X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(value.data()),
                                    static_cast<int>(value.size()), -1, 0))
        throw OpenSslError(std::string("name entry ") + field);
}

std::string nameEntry(X509_NAME *name, int nid)
{
    const int i = X509_NAME_get_index_by_NID(name, nid, -1);
    if (i < 0)
        return {};
    unsigned char *utf8 = nullptr;
    const int n = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i)));
    if (n < 0)
        return {};
    std::string out(reinterpret_cast<char *>(utf8), static_cast<std::size_t>(n));
    OPENSSL_free(utf8);
    return out;
}

} // namespace

OpenSslError::OpenSslError(const std::string &what)
    : std::runtime_error(what + ": " + ERR_error_string(ERR_get_error(), nullptr))
{
}

CountyCa::CountyCa(PkeyPtr key, X509Ptr cert) : m_key(std::move(key)), m_cert(std::move(cert))
{
    if (m_cert)  // create() signs the certificate after construction
        m_certPem = certToPem(m_cert.get());
}

PkeyPtr CountyCa::newKey()
{
    PkeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        throw OpenSslError("EC key generation");
    return key;
}

std::string CountyCa::keyToPem(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr))
        throw OpenSslError("write key");
    return bioText(bio.get());
}

std::string CountyCa::certToPem(X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_X509(bio.get(), cert))
        throw OpenSslError("write certificate");
    return bioText(bio.get());
}

std::string CountyCa::keyPem() const { return keyToPem(m_key.get()); }

X509Ptr CountyCa::newCertificate(EVP_PKEY *subjectKey, X509_NAME *subject, long days) const
{
    X509Ptr cert(X509_new());
    X509_set_version(cert.get(), 2);
    // 128 random bits: serials must not repeat, and nothing should be guessable from them.
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);  // tolerate a client clock a little behind
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), days * 24 * 3600);
    X509_set_pubkey(cert.get(), subjectKey);
    X509_set_subject_name(cert.get(), subject);
    X509_set_issuer_name(cert.get(), m_cert ? X509_get_subject_name(m_cert.get()) : subject);
    return cert;
}

CountyCa CountyCa::create(const std::string &commonName)
{
    PkeyPtr key = newKey();
    std::unique_ptr<X509_NAME, OpenSslFree> name(X509_NAME_new());
    addEntry(name.get(), "CN", commonName);
    addEntry(name.get(), "O", "CountyEMIS");
    CountyCa ca(std::move(key), nullptr);
    X509Ptr cert = ca.newCertificate(ca.m_key.get(), name.get(), 20 * 365);
    addExtension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    addExtension(cert.get(), cert.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
    addExtension(cert.get(), cert.get(), NID_subject_key_identifier, "hash");
    if (!X509_sign(cert.get(), ca.m_key.get(), EVP_sha256()))
        throw OpenSslError("self-sign CA");
    ca.m_cert = std::move(cert);
    ca.m_certPem = certToPem(ca.m_cert.get());
    return ca;
}

CountyCa CountyCa::load(const std::string &certPemPath, const std::string &keyPemPath)
{
    const std::string certPem = readFile(certPemPath);
    const std::string keyPem = readFile(keyPemPath);
    X509Ptr cert(PEM_read_bio_X509(memoryBio(certPem).get(), nullptr, nullptr, nullptr));
    PkeyPtr key(PEM_read_bio_PrivateKey(memoryBio(keyPem).get(), nullptr, nullptr, nullptr));
    if (!cert || !key)
        throw OpenSslError("load CA from " + certPemPath);
    if (X509_check_private_key(cert.get(), key.get()) != 1)
        throw OpenSslError("the CA key " + keyPemPath + " does not belong to the certificate " + certPemPath);
    return CountyCa(std::move(key), std::move(cert));
}

bool CountyCa::issued(const std::string &certPemPath, const std::string &keyPemPath) const
{
    const std::string certPem = readFile(certPemPath);
    const std::string keyPem = readFile(keyPemPath);
    X509Ptr cert(PEM_read_bio_X509(memoryBio(certPem).get(), nullptr, nullptr, nullptr));
    PkeyPtr key(PEM_read_bio_PrivateKey(memoryBio(keyPem).get(), nullptr, nullptr, nullptr));
    return cert && key && X509_check_private_key(cert.get(), key.get()) == 1 &&
           X509_verify(cert.get(), X509_get0_pubkey(m_cert.get())) == 1;
}

std::string CountyCa::fingerprintOf(X509 *cert)
{
    unsigned char digest[32];
    unsigned int n = sizeof digest;
    if (!X509_digest(cert, EVP_sha256(), digest, &n))
        throw OpenSslError("certificate digest");
    static const char hex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 16; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

std::string CountyCa::fingerprint() const { return fingerprintOf(m_cert.get()); }

CountyCa::IssuedKey CountyCa::issueServer(const std::string &host, const std::vector<std::string> &extraNames) const
{
    PkeyPtr key = newKey();
    std::unique_ptr<X509_NAME, OpenSslFree> name(X509_NAME_new());
    addEntry(name.get(), "CN", host);
    addEntry(name.get(), "O", "CountyEMIS");
    X509Ptr cert = newCertificate(key.get(), name.get(), 10 * 365);
    std::vector<std::string> names = {"localhost", "127.0.0.1", host};
    names.insert(names.end(), extraNames.begin(), extraNames.end());
    std::string san;
    std::vector<std::string> seen;
    for (const auto &n : names) {
        if (n.empty() || n == "0.0.0.0" || n == "::" || std::find(seen.begin(), seen.end(), n) != seen.end())
            continue;
        seen.push_back(n);
        const bool isIp = n.find_first_not_of("0123456789.") == std::string::npos ||
                          n.find(':') != std::string::npos;
        san += (san.empty() ? "" : ",") + std::string(isIp ? "IP:" : "DNS:") + n;
    }
    addExtension(cert.get(), m_cert.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(cert.get(), m_cert.get(), NID_key_usage, "critical,digitalSignature,keyAgreement");
    addExtension(cert.get(), m_cert.get(), NID_ext_key_usage, "serverAuth");
    addExtension(cert.get(), m_cert.get(), NID_subject_alt_name, san.c_str());
    if (!X509_sign(cert.get(), m_key.get(), EVP_sha256()))
        throw OpenSslError("sign server certificate");
    return IssuedKey{certToPem(cert.get()), keyToPem(key.get())};
}

std::optional<std::string> CountyCa::signDevice(const std::string &csrPem, const DeviceIdentity &who) const
{
    ReqPtr req(PEM_read_bio_X509_REQ(memoryBio(csrPem).get(), nullptr, nullptr, nullptr));
    if (!req) {
        ERR_clear_error();
        return std::nullopt;
    }
    EVP_PKEY *pub = X509_REQ_get0_pubkey(req.get());
    if (!pub || X509_REQ_verify(req.get(), pub) != 1) {
        ERR_clear_error();
        return std::nullopt;
    }
    std::unique_ptr<X509_NAME, OpenSslFree> name(X509_NAME_new());
    addEntry(name.get(), "CN", who.deviceId);
    addEntry(name.get(), "OU", who.schoolId);
    addEntry(name.get(), "O", who.schoolCode);
    X509Ptr cert = newCertificate(pub, name.get(), 10 * 365);
    addExtension(cert.get(), m_cert.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(cert.get(), m_cert.get(), NID_key_usage, "critical,digitalSignature,keyAgreement");
    addExtension(cert.get(), m_cert.get(), NID_ext_key_usage, "clientAuth");
    if (!X509_sign(cert.get(), m_key.get(), EVP_sha256()))
        throw OpenSslError("sign device certificate");
    return certToPem(cert.get());
}

DeviceIdentity CountyCa::identityOf(X509 *cert)
{
    X509_NAME *name = X509_get_subject_name(cert);
    return DeviceIdentity{nameEntry(name, NID_commonName), nameEntry(name, NID_organizationalUnitName),
                          nameEntry(name, NID_organizationName)};
}

} // namespace emis::server
