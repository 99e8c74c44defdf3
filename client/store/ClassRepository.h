#pragma once

#include "store/RecordRepository.h"

namespace emis::client {

// The service for classes (班级). Thin on purpose: storage and sync are generic, driven by the schema.
class ClassRepository : public RecordRepository {
public:
    explicit ClassRepository(LocalStore &store) : RecordRepository(store, *schema::findTable("classes")) {}
};

} // namespace emis::client
