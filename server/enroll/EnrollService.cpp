#include "enroll/EnrollService.h"

#include "emis.pb.h"
#include "enroll/CountyCa.h"
#include "enroll/EnrollCode.h"
#include "schema/Schema.h"
#include "store/StoreSession.h"
#include "sync/Uuid.h"

namespace emis::server {

std::optional<Issue> EnrollService::enroll(StoreSession &store, const wire::EnrollRequest &request,
                                           std::int64_t nowMs, wire::EnrollResponse &out) const
{
    auto refuse = [&](Reason reason, const std::string &schoolId, std::string_view arg = {}) {
        store.audit(AuditEntry{nowMs, "enroll:" + request.device_name(), schoolId, "enroll_refused",
                               std::string(reasonCode(reason))});
        return makeIssue(reason, "", "", "", arg);
    };
    const auto normalized = EnrollCode::normalize(request.code());
    if (!normalized)
        return refuse(Reason::EnrollCodeUnknown, {});
    const std::string codeHash = EnrollCode::hash(*normalized);
    const auto code = store.enrollCode(codeHash);
    if (!code)
        return refuse(Reason::EnrollCodeUnknown, {});
    if (code->usedMs)
        return refuse(Reason::EnrollCodeUsed, code->schoolId);
    if (code->expiresMs <= nowMs)
        return refuse(Reason::EnrollCodeExpired, code->schoolId);
    const auto school = store.loadRow(*schema::findTable("schools"), code->schoolId);
    if (!school || school->deleted)
        return refuse(Reason::EnrollCodeUnknown, code->schoolId);

    DeviceIdentity who;
    who.deviceId = sync::newUuidV7();
    who.schoolId = school->id;
    who.schoolCode = std::get<std::string>(school->values.at("code"));
    const auto cert = m_ca.signDevice(request.csr_pem(), who);
    if (!cert)
        return refuse(Reason::BadRequest, code->schoolId, "CSR");

    store.addDevice(DeviceRecord{who.deviceId, who.schoolId, request.device_name(), {}, nowMs, {}, {}});
    store.markEnrollCodeUsed(codeHash, who.deviceId, nowMs);
    store.audit(AuditEntry{nowMs, who.deviceId, who.schoolId, "enroll",
                           "device " + request.device_name() + " enrolled for school " + who.schoolCode});

    out.set_client_certificate_pem(*cert);
    out.set_ca_certificate_pem(m_ca.certificatePem());
    out.set_device_id(who.deviceId);
    out.set_school_id(who.schoolId);
    out.set_school_code(who.schoolCode);
    out.set_school_name(displayText(school->values.at("name")));
    return std::nullopt;
}

} // namespace emis::server
