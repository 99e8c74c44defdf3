#pragma once

#include "store/RecordRepository.h"

namespace emis::client {

// The service for staff (教职工). Thin on purpose: storage and sync are generic, driven by the schema.
class StaffRepository : public RecordRepository {
public:
    explicit StaffRepository(LocalStore &store) : RecordRepository(store, *schema::findTable("staff")) {}
};

} // namespace emis::client
