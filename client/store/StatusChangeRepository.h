#pragma once

#include "store/RecordRepository.h"

namespace emis::client {

// The service for status changes (学籍异动). Thin on purpose: storage and sync are generic, driven by the schema.
class StatusChangeRepository : public RecordRepository {
public:
    explicit StatusChangeRepository(LocalStore &store) : RecordRepository(store, *schema::findTable("status_changes")) {}
};

} // namespace emis::client
