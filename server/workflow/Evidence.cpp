#include "workflow/Evidence.h"

#include "store/StoreSession.h"

namespace emis::server::workflow {

std::vector<EvidenceFile> evidenceOf(StoreSession &store, const std::string &ownerId)
{
    std::vector<EvidenceFile> out;
    const auto rows = store.query("SELECT id, school_id, file_name, mime_type, data FROM evidence"
                                  " WHERE owner_id = ? AND deleted = 0 ORDER BY id",
                                  {Value{ownerId}});
    for (const auto &r : rows) {
        EvidenceFile f{displayText(r[0]), displayText(r[1]), displayText(r[2]), displayText(r[3]), {}};
        if (const auto *bytes = std::get_if<Bytes>(&r[4]))
            f.data = *bytes;
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace emis::server::workflow
