#pragma once

#include "store/RecordRepository.h"

namespace emis::client {

// The service for schools (学校; county data, read-only here). Thin on purpose: storage and sync are generic, driven by the schema.
class SchoolRepository : public RecordRepository {
public:
    explicit SchoolRepository(LocalStore &store) : RecordRepository(store, *schema::findTable("schools")) {}
};

} // namespace emis::client
