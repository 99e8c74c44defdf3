// The county CA and enrollment codes: device certificates carry clientAuth and the names the
// server reads back, a forged CSR is refused, codes use the unambiguous alphabet and normalize.
#include "enroll/CountyCa.h"
#include "enroll/EnrollCode.h"

#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <QTest>

using namespace emis::server;

namespace {

std::string csrFor(EVP_PKEY *key, EVP_PKEY *signer)
{
    X509_REQ *req = X509_REQ_new();
    X509_REQ_set_pubkey(req, key);
    X509_REQ_sign(req, signer, EVP_sha256());
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509_REQ(bio, req);
    char *p = nullptr;
    const long n = BIO_get_mem_data(bio, &p);
    std::string out(p, static_cast<std::size_t>(n));
    BIO_free(bio);
    X509_REQ_free(req);
    return out;
}

X509Ptr parse(const std::string &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    return X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

} // namespace

class TestServerCa : public QObject {
    Q_OBJECT

private slots:
    void deviceCertificate_clientAuthOnly_namesDeviceAndSchool();
    void forgedCsr_refused();
    void enrollCode_shapeAndNormalization();
};

void TestServerCa::deviceCertificate_clientAuthOnly_namesDeviceAndSchool()
{
    const CountyCa ca = CountyCa::create("Test CA");
    PkeyPtr key = CountyCa::newKey();
    const auto pem = ca.signDevice(csrFor(key.get(), key.get()), DeviceIdentity{"dev-1", "school-1", "3604290001"});
    QVERIFY(pem);
    X509Ptr cert = parse(*pem);
    QVERIFY(cert);
    const auto who = CountyCa::identityOf(cert.get());
    QCOMPARE(who.deviceId, std::string("dev-1"));
    QCOMPARE(who.schoolId, std::string("school-1"));
    QCOMPARE(who.schoolCode, std::string("3604290001"));
    QVERIFY(X509_get_extended_key_usage(cert.get()) & XKU_SSL_CLIENT);
    QVERIFY(!(X509_get_extended_key_usage(cert.get()) & XKU_SSL_SERVER));
    X509Ptr caCert = parse(ca.certificatePem());
    PkeyPtr caKey(X509_get_pubkey(caCert.get()));
    QCOMPARE(X509_verify(cert.get(), caKey.get()), 1);
    QCOMPARE(ca.fingerprint().size(), std::size_t(32));
}

void TestServerCa::forgedCsr_refused()
{
    const CountyCa ca = CountyCa::create("Test CA");
    PkeyPtr key = CountyCa::newKey();
    PkeyPtr other = CountyCa::newKey();
    // A CSR for one key signed with another proves nothing about who holds the key.
    QVERIFY(!ca.signDevice(csrFor(key.get(), other.get()), DeviceIdentity{"d", "s", "c"}));
    QVERIFY(!ca.signDevice("not a CSR", DeviceIdentity{"d", "s", "c"}));
}

void TestServerCa::enrollCode_shapeAndNormalization()
{
    for (int i = 0; i < 200; ++i) {
        const std::string code = EnrollCode::generate();
        QCOMPARE(code.size(), std::size_t(14));
        QCOMPARE(code[4], '-');
        QCOMPARE(code[9], '-');
        for (char c : code)
            QVERIFY(c == '-' || EnrollCode::kAlphabet.find(c) != std::string_view::npos);
    }
    QCOMPARE(EnrollCode::normalize("abcd-efgh-jkmn").value_or(""), std::string("ABCDEFGHJKMN"));
    QCOMPARE(EnrollCode::normalize("ABCDEFGHJKMN").value_or(""), std::string("ABCDEFGHJKMN"));
    QVERIFY(!EnrollCode::normalize("ABCD-EFGH-JKM0"));  // 0 is not in the alphabet
    QVERIFY(!EnrollCode::normalize("ABCD-EFGH-JKM"));   // too short
    QCOMPARE(EnrollCode::hash("ABCDEFGHJKMN"), EnrollCode::hash(*EnrollCode::normalize("abcd efgh jkmn")));
}

QTEST_GUILESS_MAIN(TestServerCa)
#include "tst_server_ca.moc"
