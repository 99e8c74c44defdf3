#pragma once

#include "store/RecordRepository.h"

namespace emis::client {

// The service for pupils (学生). Thin on purpose: storage and sync are generic, driven by the schema.
class StudentRepository : public RecordRepository {
public:
    explicit StudentRepository(LocalStore &store) : RecordRepository(store, *schema::findTable("students")) {}
};

} // namespace emis::client
