#pragma once

namespace emis::server {
class Store;
}

namespace emis::server::testing {

// Four schools written by hand for the report tests, every figure countable from the rows:
// A (甲镇中心小学) with pupils in school, graduated and deleted; B (甲镇中学) with classes of 57
// and 67; C (乙乡教学点) holding a copy of an A pupil's ID number and a likely twin of a B
// pupil; D with nothing on its books. Staff, devices (A synced now, B ten days ago, C never) and
// two refused changes from C.
void writeSmallCounty(Store &store);

} // namespace emis::server::testing
