#pragma once

#include "schema/Value.h"

#include <string>
#include <vector>

namespace emis::server {

class StoreSession;

namespace workflow {

struct EvidenceFile {
    std::string id;
    std::string schoolId;
    std::string fileName;
    std::string mimeType;
    Bytes data;
};

// The evidence images (佐证材料) kept with one status change or transfer, oldest first.
std::vector<EvidenceFile> evidenceOf(StoreSession &store, const std::string &ownerId);

} // namespace workflow
} // namespace emis::server
